import { describe, expect, it } from 'vitest';
import { validatePubliccode, validatePubliccodeBytes } from './index';
import { readFixture } from './test-helpers';

const base = readFixture('valid.v0.7.yml');

/** The valid base with one textual change, for behaviours that need no fixture file of their own. */
function variant(search: string | RegExp, replacement: string): string {
  const changed = base.replace(search, replacement);
  if (changed === base) throw new Error(`fixture does not contain ${String(search)}`);
  return changed;
}

const keys = (problems: { key: string }[]) => problems.map((problem) => problem.key);

describe('publiccodeYmlVersion', () => {
  it('reads an unquoted number by its source text, as the Go parser does', () => {
    const result = validatePubliccode(variant('publiccodeYmlVersion: "0.7"', 'publiccodeYmlVersion: 0.5'));
    expect(result).toMatchObject({ valid: true, version: '0.5' });
    expect(result.data).toMatchObject({ publiccodeYmlVersion: '0.5' });
  });

  it('treats "0" as the latest 0.x version without an upgrade warning', () => {
    const result = validatePubliccode(variant('publiccodeYmlVersion: "0.7"', 'publiccodeYmlVersion: "0"'));
    expect(result).toMatchObject({ valid: true, version: '0.7', warnings: [] });
  });

  it('accepts the patch spelling of a version', () => {
    expect(validatePubliccode(variant('"0.7"', '"0.6.0"')).version).toBe('0.6');
  });

  it('stops with one error when the version is missing', () => {
    const result = validatePubliccode(variant('publiccodeYmlVersion: "0.7"\n', ''));
    expect(result).toMatchObject({ valid: false, version: null });
    expect(result.errors).toEqual([
      { key: 'publiccodeYmlVersion', line: 2, column: 1, message: 'publiccodeYmlVersion is a required field' },
    ]);
  });
});

describe('values read like the Go parser reads them', () => {
  it('keeps unquoted version-like strings as written', () => {
    const result = validatePubliccode(variant('softwareVersion: "1.0"', 'softwareVersion: 1.10'));
    expect(result.valid).toBe(true);
    expect(result.data).toMatchObject({ softwareVersion: '1.10' });
  });

  it('accepts an unquoted date', () => {
    const result = validatePubliccode(variant('releaseDate: "2024-03-15"', 'releaseDate: 2024-03-15'));
    expect(result.valid).toBe(true);
    expect(result.data).toMatchObject({ releaseDate: '2024-03-15' });
  });

  it('accepts a YAML 1.1 boolean with a warning', () => {
    const result = validatePubliccode(variant('localisationReady: true', 'localisationReady: yes'));
    expect(result.valid).toBe(true);
    expect(keys(result.warnings)).toEqual(['localisation.localisationReady']);
    expect(result.data).toMatchObject({ localisation: { localisationReady: true } });
  });

  it('accepts a single string where the standard allows "string or array" (platforms)', () => {
    const result = validatePubliccode(variant('platforms:\n  - web', 'platforms: web'));
    expect(result.valid).toBe(true);
    expect(result.data).toMatchObject({ platforms: ['web'] });
  });
});

describe('rules that changed between versions', () => {
  it('makes categories optional from 0.5 on', () => {
    const withoutCategories = variant('categories:\n  - content-management\n', '');
    expect(validatePubliccode(withoutCategories).valid).toBe(true);
    expect(keys(validatePubliccode(withoutCategories.replace('"0.7"', '"0.4"')).errors)).toEqual(['categories']);
  });

  it('requires releaseDate with softwareVersion only before 0.4', () => {
    const withoutDate = variant('releaseDate: "2024-03-15"\n', '');
    expect(validatePubliccode(withoutDate).valid).toBe(true);
    expect(validatePubliccode(withoutDate.replace('"0.7"', '"0.4"')).valid).toBe(true);
    expect(keys(validatePubliccode(withoutDate.replace('"0.7"', '"0.2"')).errors)).toEqual(['releaseDate']);
  });

  it('warns about deprecated keys only in versions that deprecate them', () => {
    const withMonochromeLogo = variant('logo: img/logo.svg', 'logo: img/logo.svg\nmonochromeLogo: img/logo-mono.svg');
    const latest = validatePubliccode(withMonochromeLogo);
    expect(latest.valid).toBe(true);
    expect(latest.warnings).toEqual([
      expect.objectContaining({
        key: 'monochromeLogo',
        message: "This key is DEPRECATED and will be removed in the future. Use 'logo' instead",
      }),
    ]);
    const old = validatePubliccode(withMonochromeLogo.replace('"0.7"', '"0.3"'));
    expect(keys(old.warnings)).toEqual(['publiccodeYmlVersion']);
  });

  it('allows the lowercase `it` section, deprecated from 0.5 and as a whole in 0.7', () => {
    const withItalianSection = variant('localisation:\n', 'it:\n  riuso:\n    codiceIPA: c_f205\nlocalisation:\n');
    const v03 = validatePubliccode(withItalianSection.replace('"0.7"', '"0.3"'));
    expect(v03.valid).toBe(true);
    expect(keys(v03.warnings)).toEqual(['publiccodeYmlVersion']);

    const v05 = validatePubliccode(withItalianSection.replace('"0.7"', '"0.5"'));
    expect(v05.valid).toBe(true);
    expect(v05.warnings.map((problem) => problem.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Use 'IT' instead/), expect.stringMatching(/organisation\.uri/)]),
    );

    const v07 = validatePubliccode(withItalianSection);
    expect(v07.warnings.map((problem) => problem.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/Use 'supports' instead/)]),
    );
  });

  it('accepts fundedBy and organisation from 0.5 on', () => {
    const withOrganisations = variant(
      'developmentStatus: stable\n',
      'developmentStatus: stable\norganisation:\n  uri: "urn:x-italian-pa:c_f205"\nfundedBy:\n  - name: EU\n    uri: "https://european-union.europa.eu"\n',
    );
    expect(validatePubliccode(withOrganisations).valid).toBe(true);
    expect(keys(validatePubliccode(withOrganisations.replace('"0.7"', '"0.4"')).errors)).toEqual([
      'organisation',
      'fundedBy',
    ]);
  });
});

describe('descriptions in several languages', () => {
  const german = `  de:
    shortDescription: Inhaltsverwaltung für kleine Gemeinden
`;

  it('needs longDescription and features in at least one language, not in all', () => {
    const result = validatePubliccode(variant('description:\n', `description:\n${german}`));
    expect(result.errors).toEqual([]);
  });

  it('names each language when no language has them', () => {
    const onlyShort = variant(/ {4}longDescription: >\n(?: {6}.*\n)+ {4}features:\n(?: {6}- .*\n)+/, '');
    const result = validatePubliccode(onlyShort.replace('description:\n', `description:\n${german}`));
    expect(keys(result.errors).sort()).toEqual([
      'description.de.features',
      'description.de.longDescription',
      'description.en.features',
      'description.en.longDescription',
    ]);
  });
});

describe('licences', () => {
  it('accepts a choice of OSI-approved licences', () => {
    const result = validatePubliccode(variant('license: AGPL-3.0-or-later', 'license: "AGPL-3.0-or-later OR EUPL-1.2"'));
    expect(result.valid).toBe(true);
  });

  it('refuses an OR with a non-OSI licence', () => {
    const result = validatePubliccode(variant('license: AGPL-3.0-or-later', 'license: "EUPL-1.2 OR LicenseRef-proprietary"'));
    expect(keys(result.errors)).toEqual(['legal.license']);
  });
});

describe('files that are not publiccode.yml documents', () => {
  it('reports invalid UTF-8 with its position', () => {
    const bytes = new TextEncoder().encode('publiccodeYmlVersion: "0.7"\nname: M');
    const broken = new Uint8Array([...bytes, 0xff, 0x0a]);
    const result = validatePubliccodeBytes(broken);
    expect(result.errors).toEqual([{ key: '', line: 2, column: 8, message: 'Invalid UTF-8' }]);
  });

  it('refuses a YAML list at the top', () => {
    expect(validatePubliccode('- a\n- b\n').errors).toEqual([
      expect.objectContaining({ key: '', line: 1, column: 1 }),
    ]);
  });

  it('refuses duplicate keys as malformed YAML', () => {
    const result = validatePubliccode(variant('name: Medusa\n', 'name: Medusa\nname: Other\n'));
    expect(result).toMatchObject({ valid: false, version: null });
    expect(result.errors[0]).toMatchObject({ key: '', line: 4 });
  });
});
