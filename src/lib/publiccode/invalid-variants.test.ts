import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatePubliccode } from './index';
import { fixturesDir, readFixture } from './test-helpers';

/**
 * Each fixture is valid.v0.7.yml (or the same file at another version) with one rule broken;
 * its first line says which. The validator must report that key, at that line, and nothing else.
 */
const variants: { file: string; key: string; line: number; message?: RegExp }[] = [
  { file: 'invalid.missing-name.yml', key: 'name', line: 2, message: /^name is a required field$/ },
  { file: 'invalid.missing-short-description.yml', key: 'description.en.shortDescription', line: 22 },
  { file: 'invalid.missing-license.yml', key: 'legal.license', line: 31 },
  { file: 'invalid.missing-localisation.yml', key: 'localisation', line: 2 },
  { file: 'invalid.missing-categories-v0.4.yml', key: 'categories', line: 2 },
  { file: 'invalid.missing-release-date-v0.3.yml', key: 'releaseDate', line: 2 },
  { file: 'invalid.bad-release-date.yml', key: 'releaseDate', line: 7, message: /format 'YYYY-MM-DD'/ },
  { file: 'invalid.release-date-datetime.yml', key: 'releaseDate', line: 7 },
  { file: 'invalid.bad-url.yml', key: 'url', line: 4, message: /must be a valid URL/ },
  { file: 'invalid.bad-landing-url.yml', key: 'landingURL', line: 5, message: /must be an HTTP URL/ },
  { file: 'invalid.bad-language-code.yml', key: 'localisation.availableLanguages[0]', line: 40, message: /BCP 47/ },
  { file: 'invalid.bad-description-language.yml', key: 'description.english', line: 21, message: /BCP 47/ },
  { file: 'invalid.non-osi-licence.yml', key: 'legal.license', line: 31, message: /'CC0-1\.0' is not/ },
  { file: 'invalid.proprietary-licence.yml', key: 'legal.license', line: 31, message: /'LicenseRef-proprietary' is not/ },
  { file: 'invalid.malformed-licence.yml', key: 'legal.license', line: 31, message: /valid license/ },
  { file: 'invalid.unknown-category.yml', key: 'categories[0]', line: 12, message: /valid category/ },
  { file: 'invalid.wrong-type-name.yml', key: 'name', line: 3, message: /^wrong type for this field/ },
  { file: 'invalid.wrong-type-localisation-ready.yml', key: 'localisation.localisationReady', line: 38 },
  { file: 'invalid.unsupported-version.yml', key: 'publiccodeYmlVersion', line: 2, message: /unsupported version: '1\.0'/ },
  { file: 'invalid.unknown-key.yml', key: 'nickname', line: 4, message: /field nickname not found/ },
  { file: 'invalid.bad-development-status.yml', key: 'developmentStatus', line: 13 },
  { file: 'invalid.bad-software-type.yml', key: 'softwareType', line: 14 },
  { file: 'invalid.bad-maintenance-type.yml', key: 'maintenance.type', line: 33 },
  { file: 'invalid.short-description-too-long.yml', key: 'description.en.shortDescription', line: 22, message: /maximum of 150/ },
  { file: 'invalid.long-description-too-short.yml', key: 'description.en.longDescription', line: 23, message: /at least 150/ },
  { file: 'invalid.empty-features.yml', key: 'description.en.features', line: 27 },
  { file: 'invalid.contract-without-contractors.yml', key: 'maintenance.contractors', line: 33 },
  { file: 'invalid.bad-contact-email.yml', key: 'maintenance.contacts[0].email', line: 36 },
  { file: 'invalid.bad-country.yml', key: 'intendedAudience.countries[0]', line: 17 },
  { file: 'invalid.bad-scope.yml', key: 'intendedAudience.scope[0]', line: 19 },
  { file: 'invalid.absolute-logo-path.yml', key: 'logo', line: 8, message: /absolute path/ },
  { file: 'invalid.key-from-later-version.yml', key: 'supports', line: 14, message: /from v0\.7 on/ },
  { file: 'invalid.unknown-supports-alias.yml', key: 'supports[0].id', line: 15, message: /'ozg'/ },
  { file: 'invalid.organisation-without-uri.yml', key: 'organisation.uri', line: 15 },
  { file: 'invalid.both-country-sections.yml', key: 'it', line: 39, message: /'IT' key already present/ },
  { file: 'invalid.yaml-syntax.yml', key: '', line: 4 },
];

describe('invalid variants of a valid file', () => {
  it('starts from a base that is valid without warnings', () => {
    const result = validatePubliccode(readFixture('valid.v0.7.yml'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has a test case for every fixture file', () => {
    const invalidFixtures = readdirSync(fixturesDir).filter((name) => name.startsWith('invalid.'));
    expect(variants.map((variant) => variant.file).sort()).toEqual(invalidFixtures.sort());
  });

  it.each(variants)('$file is refused at $key', ({ file, key, line, message }) => {
    const result = validatePubliccode(readFixture(file));
    expect(result.valid).toBe(false);
    expect(new Set(result.errors.map((problem) => problem.key))).toEqual(new Set([key]));
    expect(result.errors[0]?.line).toBe(line);
    expect(result.errors[0]?.column).toBeGreaterThanOrEqual(1);
    if (message) expect(result.errors[0]?.message).toMatch(message);
  });
});
