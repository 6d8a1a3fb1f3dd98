import { describe, expect, it } from 'vitest';
import { checkLanguageTag } from './language-tag';

describe('checkLanguageTag', () => {
  it.each(['en', 'de', 'de-DE', 'en-GB', 'sl-IT-nedis', 'zh-Hant-TW', 'es-419', 'hy', 'i-klingon', 'x-private', 'de-CH-1901'])(
    'accepts %s',
    (tag) => {
      expect(checkLanguageTag(tag)).toEqual({ valid: true });
    },
  );

  it.each([
    ['en_GB', /not a well-formed/],
    ['english', /not a registered primary language/],
    ['xx', /not an ISO 639-1 language code/],
    ['de-AB', /'ab' is not a registered region subtag/],
    ['de-DE-1901-1901', /repeats a variant/],
    ['', /not a well-formed/],
  ])('refuses %s', (tag, reason) => {
    const verdict = checkLanguageTag(tag);
    expect(verdict.valid).toBe(false);
    if (!verdict.valid) expect(verdict.reason).toMatch(reason);
  });

  it('accepts an unknown three-letter language but says so', () => {
    expect(checkLanguageTag('zzq')).toEqual({ valid: true, unknownLanguage: 'zzq' });
    expect(checkLanguageTag('yue')).toEqual({ valid: true });
  });
});
