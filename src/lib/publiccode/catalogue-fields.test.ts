import { describe, expect, it } from 'vitest';
import { extractCatalogueFields, validatePubliccode } from './index';
import { readFixture } from './test-helpers';

describe('extractCatalogueFields', () => {
  it('pulls the catalogue fields out of a validated file', () => {
    const { data } = validatePubliccode(readFixture('valid.v0.7.yml'));
    const fields = extractCatalogueFields(data);
    expect(fields).toMatchObject({
      name: 'Medusa',
      url: 'https://example.org/medusa/medusa.git',
      license: 'AGPL-3.0-or-later',
      categories: ['content-management'],
      developmentStatus: 'stable',
      softwareType: 'standalone/web',
      platforms: ['web'],
      maintenance: {
        type: 'community',
        contacts: [{ name: 'Jane Doe', email: 'jane.doe@example.org', affiliation: null }],
        contractors: [],
      },
    });
    expect(fields.descriptions.en?.shortDescription).toBe('Content management for the web pages of small municipalities');
    expect(fields.descriptions.en?.features).toHaveLength(2);
    expect(fields.descriptions.en?.longDescription?.length).toBeGreaterThan(150);
  });

  it('leaves gaps of an invalid file empty instead of failing', () => {
    const fields = extractCatalogueFields({ name: 'Half', developmentStatus: 'finished', platforms: 'web' });
    expect(fields).toEqual({
      name: 'Half',
      url: null,
      license: null,
      categories: [],
      developmentStatus: null,
      softwareType: null,
      descriptions: {},
      platforms: [],
      maintenance: { type: null, contacts: [], contractors: [] },
    });
    expect(extractCatalogueFields(undefined).name).toBeNull();
  });
});
