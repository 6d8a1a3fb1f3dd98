import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePubliccode, validatePubliccodeBytes } from './index';
import { repoRoot, sharedPubliccodeDir } from './test-helpers';

// Real publiccode.yml files from public repositories (see ../shared/data/publiccode/README.md).
function validateShared(name: string) {
  return validatePubliccodeBytes(readFileSync(path.join(sharedPubliccodeDir, name)));
}

const errorKeys = (result: ReturnType<typeof validatePubliccode>) => result.errors.map((problem) => problem.key);

describe('catalalang__catala.yml (v0.2)', () => {
  const result = validateShared('catalalang__catala.yml');

  it('is invalid for version 0.2', () => {
    expect(result.version).toBe('0.2');
    expect(result.valid).toBe(false);
  });

  it('names every missing mandatory key', () => {
    expect(errorKeys(result)).toEqual(
      expect.arrayContaining([
        'platforms',
        'categories',
        'developmentStatus',
        'description.en.longDescription',
        'description.fr.longDescription',
        'description.en.features',
        'description.fr.features',
        'localisation',
      ]),
    );
    const missingPlatforms = result.errors.find((problem) => problem.key === 'platforms');
    expect(missingPlatforms?.message).toBe('platforms is a required field');
  });

  it('refuses keys that version 0.2 does not have', () => {
    expect(errorKeys(result)).toEqual(expect.arrayContaining(['creationDate', 'fundedBy']));
    expect(result.errors.find((problem) => problem.key === 'creationDate')).toMatchObject({ line: 5, column: 1 });
  });

  it('accepts the lowercase licence id with a warning and suggests the current version', () => {
    expect(errorKeys(result)).not.toContain('legal.license');
    expect(result.warnings.map((problem) => problem.key)).toEqual(['publiccodeYmlVersion', 'legal.license']);
  });
});

describe('comune-milano__whistleblowing.yml (v0.3, Italian extension)', () => {
  const result = validateShared('comune-milano__whistleblowing.yml');

  it('is valid: whistleblowing is on the categories list and the `it` section is allowed', () => {
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.version).toBe('0.3');
  });

  it('only warns that 0.3 is not the latest version', () => {
    expect(result.warnings).toEqual([
      expect.objectContaining({ key: 'publiccodeYmlVersion', line: 1, column: 1 }),
    ]);
  });
});

describe('aitema-gmbh__terminvergabe.yml (unquoted 0.4)', () => {
  const result = validateShared('aitema-gmbh__terminvergabe.yml');

  it('parses the unquoted version number as 0.4', () => {
    expect(result.version).toBe('0.4');
    expect(result.data).toMatchObject({ publiccodeYmlVersion: '0.4', softwareVersion: '1.0.0' });
  });

  it('is invalid: "government" is a scope, not a category, and "commercial" is no maintenance type', () => {
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({ key: 'categories[1]', line: 13, column: 5 }),
      expect.objectContaining({ key: 'maintenance.type', line: 56, column: 3 }),
    ]);
    expect(result.errors[0]?.message).toMatch(/^categories\[1\] must be a valid category/);
  });

  it('keeps the other categories, which are on the list', () => {
    expect(errorKeys(result)).not.toContain('categories[0]');
    expect(errorKeys(result)).not.toContain('categories[2]');
  });
});

describe("Stadtnetz's own publiccode.yml", () => {
  it('is valid for the latest version without warnings', () => {
    const result = validatePubliccode(readFileSync(path.join(repoRoot, 'publiccode.yml'), 'utf8'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result).toMatchObject({ valid: true, version: '0.7' });
    expect(result.data).toMatchObject({
      name: 'Stadtnetz',
      legal: { license: 'EUPL-1.2' },
      platforms: ['web'],
      softwareType: 'standalone/web',
      developmentStatus: 'development',
      localisation: { availableLanguages: ['de', 'en'] },
      dependsOn: { open: [expect.objectContaining({ name: 'PostgreSQL' })] },
    });
  });
});
