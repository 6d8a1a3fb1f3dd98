import { describe, expect, it } from 'vitest';
import {
  graphemeLength,
  isCountryCode,
  isDate,
  isEmail,
  isHttpUrl,
  isMimeType,
  isOrganisationUri,
  isRepositoryFile,
  isUrl,
} from './value-checks';

describe('value checks', () => {
  it('dates: YYYY-MM-DD and a real calendar day', () => {
    expect(isDate('2024-02-29')).toBeNull();
    expect(isDate('2023-02-29')).toMatch(/YYYY-MM-DD/);
    expect(isDate('2024-3-15')).not.toBeNull();
    expect(isDate('15.03.2024')).not.toBeNull();
  });

  it('URLs: any scheme for the repository, http(s) with a host elsewhere', () => {
    expect(isUrl('git://example.org/repo.git')).toBeNull();
    expect(isUrl('repo.git')).toBe('must be a valid URL');
    expect(isHttpUrl('https://example.org/docs')).toBeNull();
    expect(isHttpUrl('ftp://example.org')).toBe('must be an HTTP URL');
    expect(isHttpUrl('https:example.org')).toBe('must be an HTTP URL');
  });

  it('organisation URIs: URLs with a host or URNs, Italian PA codes in their own namespace', () => {
    expect(isOrganisationUri('https://www.stadt.example')).toBeNull();
    expect(isOrganisationUri('urn:x-foobar:my-organisation')).toBeNull();
    expect(isOrganisationUri('urn:x-italian-pa:c_f205')).toBeNull();
    expect(isOrganisationUri('urn:x-italian-pa:not a code')).toMatch(/iPA/);
    expect(isOrganisationUri('my organisation')).toBe('is not a valid URI');
  });

  it('countries: all lowercase or all uppercase ISO 3166-1 alpha-2', () => {
    expect(isCountryCode('DE')).toBeNull();
    expect(isCountryCode('de')).toBeNull();
    expect(isCountryCode('De')).not.toBeNull();
    expect(isCountryCode('EU')).not.toBeNull();
  });

  it('repository files: relative path or URL with an allowed extension', () => {
    const logo = isRepositoryFile(['.svg', '.png']);
    expect(logo('img/logo.svg')).toBeNull();
    expect(logo('https://example.org/raw/logo.png?v=2')).toBeNull();
    expect(logo('/img/logo.svg')).toMatch(/absolute path/);
    expect(logo('file:///img/logo.svg')).toMatch(/file:\/\/ URL/);
    expect(logo('img/logo.gif')).toMatch(/invalid file extension/);
  });

  it('emails and MIME types', () => {
    expect(isEmail('jane.doe@example.org')).toBeNull();
    expect(isEmail('jane.doe@localhost')).not.toBeNull();
    expect(isMimeType('text/plain')).toBeNull();
    expect(isMimeType('plain text')).not.toBeNull();
  });

  it('counts characters as people see them (grapheme clusters)', () => {
    expect(graphemeLength('Bürger')).toBe(6);
    expect(graphemeLength('👩‍👩‍👧')).toBe(1);
  });
});
