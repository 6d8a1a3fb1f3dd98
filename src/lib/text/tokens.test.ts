import { describe, expect, it } from 'vitest';
import { createAnalyser, stem, wordTokens } from './tokens';

describe('wordTokens', () => {
  it('splits on everything but letters and digits and keeps the surface form', () => {
    expect(wordTokens('Smart-City-Strategie: Städte/Gemeinden (Straße)')).toEqual([
      'Smart', 'City', 'Strategie', 'Städte', 'Gemeinden', 'Straße',
    ]);
  });

  it('drops stop words, short tokens and pure numbers', () => {
    expect(wordTokens('Die Stadt und der KI-Einsatz im Jahr 2020 für B2B, dass es wirkt')).toEqual([
      'Stadt', 'Einsatz', 'Jahr', 'B2B', 'wirkt',
    ]);
  });

  it('keeps a decomposed umlaut as one letter', () => {
    expect(wordTokens('Mobilita\u0308t')).toEqual(['Mobilität']);
  });
});

describe('stem (Snowball German, as the stemmer really behaves)', () => {
  it.each([
    ['städte', 'stadt'],
    ['städten', 'stadt'],
    ['stadt', 'stadt'],
    ['gemeinden', 'gemeind'],
    ['gemeinde', 'gemeind'],
    ['räume', 'raum'],
    ['straße', 'strass'],
    ['strasse', 'strass'],
    ['mobilität', 'mobilitat'],
    ['mobilitäts', 'mobilitat'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('does not join derived words or transcribed umlauts (known limits)', () => {
    expect(stem('mobil')).not.toBe(stem('mobilität'));
    expect(stem('städtisch')).not.toBe(stem('stadt'));
    expect(stem('buerger')).not.toBe(stem('bürger'));
  });
});

describe('compound splitting', () => {
  const analyse = createAnalyser(['stadt', 'entwicklung', 'mobilität', 'konzept', 'daten', 'plattform', 'bürger', 'beteiligung']);

  it('splits a compound whose parts occur as words of their own', () => {
    expect(analyse('stadtentwicklung')).toEqual({ stem: 'stadtentwickl', parts: ['stadt', 'entwickl'] });
    expect(analyse('datenplattformen')).toEqual({ stem: 'datenplattform', parts: ['dat', 'plattform'] });
  });

  it('reads a linking "s" and splits recursively', () => {
    expect(analyse('mobilitätskonzept').parts).toEqual(['mobilitat', 'konzept']);
    expect(analyse('stadtentwicklungskonzept').parts).toEqual(['stadt', 'entwickl', 'konzept']);
  });

  it('leaves words alone when a part is unknown or too short', () => {
    expect(analyse('stadtrand').parts).toEqual([]);
    expect(analyse('beteiligungsbau').parts).toEqual([]);
    expect(analyse('bürger').parts).toEqual([]);
  });

  it('never splits into stop words', () => {
    const withStopWords = createAnalyser(['einer', 'welche', 'stadt']);
    expect(withStopWords('einerstadt').parts).toEqual([]);
  });
});
