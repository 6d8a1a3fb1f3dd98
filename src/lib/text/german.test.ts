import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { germanCompare, matchesSearch, normaliseName, searchTerms } from './german';

const finds = (name: string, query: string) => matchesSearch(normaliseName(name), searchTerms(query));

describe('normaliseName', () => {
  it.each([
    ['Köln', 'koln'],
    ['KOELN', 'koln'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Halle (Saale)', 'halle saale'],
    ['Rendsburg-Eckernförde', 'rendsburg eckernforde'],
    ['Saarbrücken, Landeshauptstadt', 'saarbrucken landeshauptstadt'],
    ['Fuchstal/Apfeldorf', 'fuchstal apfeldorf'],
    ['  Bad   Tölz  ', 'bad tolz'],
    ['St. Ingbert', 'sankt ingbert'],
    ['St.Ingbert', 'sankt ingbert'],
    ['Sankt Augustin', 'sankt augustin'],
    ['Kirchheim b.München', 'kirchheim bei munchen'],
    ['Frankfurt am Main', 'frankfurt a main'],
    ['Frankfurt a. M.', 'frankfurt a m'],
    ['Dillingen a.d.Donau', 'dillingen a der donau'],
    ['Freiburg im Breisgau', 'freiburg i breisgau'],
    ['Neumarkt i.d.OPf.', 'neumarkt i der opf'],
    ['Bad Homburg v.d.Höhe', 'bad homburg vor der hohe'],
    ['Hagen a.T.W.', 'hagen a t w'],
    ['Raesfeld', 'rasfeld'],
  ])('%s → %s', (name, key) => {
    expect(normaliseName(name)).toBe(key);
  });

  it('treats words that name Object.prototype members as plain words', () => {
    expect(normaliseName('constructor toString __proto__')).toBe('constructor tostring proto');
  });

  it('folds other accents and letters without decomposition', () => {
    expect(normaliseName('Sønderborg Œuvre Café')).toBe('sonderborg ouvre cafe');
  });
});

describe('searching by name', () => {
  it('finds Köln whichever way the umlaut is typed, and the other way round', () => {
    for (const name of ['Köln', 'Koeln', 'Koln']) {
      for (const query of ['Köln', 'Koeln', 'Koln', 'köln', 'KOELN', 'Kö', 'Koe', 'Ko']) {
        expect(finds(name, query), `${query} → ${name}`).toBe(true);
      }
    }
  });

  it('finds names with a genuine "ae"/"oe" by their own spelling', () => {
    expect(finds('Raesfeld', 'Raesfeld')).toBe(true);
    expect(finds('Raesfeld', 'Raes')).toBe(true);
    expect(finds('Aegidienberg', 'Aeg')).toBe(true);
    expect(finds('Aegidienberg', 'Ägidienberg')).toBe(true);
    expect(finds('Itzehoe', 'Itzehoe')).toBe(true);
  });

  it('finds ß as ss', () => {
    expect(finds('Haßfurt', 'Hassfurt')).toBe(true);
    expect(finds('Hassfurt', 'Haßf')).toBe(true);
  });

  it('treats St., St and Sankt alike', () => {
    const queries = [
      'St. Ingbert', 'St.Ingbert', 'St Ingbert', 'Sankt Ingbert', 'Sankt Ing', 'St. ', 'St ', 'San',
    ];
    for (const query of queries) {
      expect(finds('St. Ingbert', query), query).toBe(true);
      expect(finds('Sankt Ingbert', query), query).toBe(true);
    }
  });

  it('keeps a trailing bare "St" as the start of a word', () => {
    expect(finds('Stuttgart', 'St')).toBe(true);
    expect(finds('Stuttgart', 'St ')).toBe(false);
  });

  it('reads the connector abbreviations of official names', () => {
    expect(finds('Kirchheim b.München', 'Kirchheim bei München')).toBe(true);
    expect(finds('Kirchheim b.München', 'Kirchheim b. Mü')).toBe(true);
    expect(finds('Kirchheim b.München', 'Kirchheim b Mün')).toBe(true);
    expect(finds('Kirchheim bei München', 'Kirchheim b.München')).toBe(true);
    expect(finds('Frankfurt am Main', 'Frankfurt a. M.')).toBe(true);
    expect(finds('Frankfurt am Main', 'Frankfurt a.M.')).toBe(true);
    expect(finds('Frankfurt a. M.', 'Frankfurt am M')).toBe(true);
    expect(finds('Freiburg im Breisgau', 'Freiburg i. Breisgau')).toBe(true);
    expect(finds('Freiburg im Breisgau', 'Freiburg i. Br.')).toBe(true);
    expect(finds('Dillingen a.d.Donau', 'Dillingen an der Donau')).toBe(true);
    expect(finds('Dillingen a.d.Donau', 'Dillingen a. d. Donau')).toBe(true);
    expect(finds('Neumarkt i.d.OPf.', 'Neumarkt in der OPf')).toBe(true);
    expect(finds('Bad Homburg v.d.Höhe', 'Bad Homburg vor der Höhe')).toBe(true);
  });

  it('finds a name by any of its words, not only the first', () => {
    expect(finds('Kirchheim b.München', 'München')).toBe(true);
    expect(finds('Rendsburg-Eckernförde', 'Eckernf')).toBe(true);
    expect(finds('Halle (Saale)', 'Saale')).toBe(true);
    expect(finds('Saarbrücken, Landeshauptstadt', 'saarbrücken')).toBe(true);
  });

  it('does not find what is not there', () => {
    expect(finds('Köln', 'Kiel')).toBe(false);
    expect(finds('Kirchheim b.München', 'unchen')).toBe(false);
    expect(finds('Lübeck', 'Lueneburg')).toBe(false);
  });

  it('accepts the known collision of "ue" spellings', () => {
    // The price of letting "Koeln" find "Köln": a near-namesake shows up too.
    expect(normaliseName('Neuenkirchen')).toBe(normaliseName('Neunkirchen'));
  });

  it('matches every prefix of a name as the name is typed', () => {
    const names = [
      'Köln', 'Koeln', 'Raesfeld', 'Neuenkirchen', 'Kirchheim b.München', 'St. Ingbert',
      'Frankfurt am Main', 'Dillingen a.d.Donau', 'Halle (Saale)', 'Rendsburg-Eckernförde',
      'Hagen a.T.W.', 'Bad Homburg v.d.Höhe', 'Haßfurt', 'Uelzen', 'Quedlinburg',
    ];
    const misses: string[] = [];
    for (const name of names) {
      const key = normaliseName(name);
      for (let n = 1; n <= name.length; n++) {
        const q = name.slice(0, n);
        if (!key.startsWith(searchTerms(q))) misses.push(`${q} → ${name}`);
      }
    }
    // The one gap, by design: "st" cannot be a prefix of "sankt", and a trailing "St"
    // may still become "Stuttgart"; "St." or "St " finds it (tested above).
    expect(misses).toEqual(['St → St. Ingbert']);
  });

  it('folds typed prefixes of arbitrary letter sequences consistently', () => {
    // The umlaut rule must depend only on what was typed before, or search-as-you-type
    // would lose a name halfway through a word.
    // The word "st" alone is the documented exception (it is stored as "sankt").
    const word = fc.stringMatching(/^[a-zäöüß]{1,12}$/).filter((w) => w !== 'st');
    fc.assert(
      fc.property(word, fc.integer({ min: 1, max: 12 }), (w, n) => {
        expect(normaliseName(w).startsWith(searchTerms(w.slice(0, n)))).toBe(true);
      }),
    );
  });
});

describe('germanCompare (DIN 5007-1)', () => {
  const sorted = (xs: string[]) => [...xs].sort(germanCompare);

  it('sorts umlauts as their base vowel', () => {
    expect(sorted(['Bamberg', 'Ärzte', 'Apfel'])).toEqual(['Apfel', 'Ärzte', 'Bamberg']);
    expect(sorted(['Hagenow', 'Gütersloh'])).toEqual(['Gütersloh', 'Hagenow']);
    expect(sorted(['Lübeck', 'Lohmar'])).toEqual(['Lohmar', 'Lübeck']);
    expect(sorted(['Oma', 'Öl', 'Ol'])).toEqual(['Ol', 'Öl', 'Oma']);
  });

  it('keeps "Arzte" and "Ärzte" together, between Apfel and Bamberg', () => {
    const s = sorted(['Bamberg', 'Ärzte', 'Apfel', 'Arzte', 'Azur']);
    expect(s.slice(1, 3).sort()).toEqual(['Arzte', 'Ärzte']);
    expect(s[0]).toBe('Apfel');
    expect(s.slice(3)).toEqual(['Azur', 'Bamberg']);
  });

  it('is variant 1, not the phone-book variant 2 (ü as ue)', () => {
    // Variant 2 would put Müller with "Mueller"; variant 1 puts it with "Muller".
    expect(sorted(['Müller', 'Muller', 'Mueller', 'Mumm'])).toEqual([
      'Mueller', 'Muller', 'Müller', 'Mumm',
    ]);
  });

  it('sorts ß as ss and ignores case in the primary order', () => {
    expect(sorted(['Strassburg', 'Straßfurt', 'Strasse'])).toEqual([
      'Strassburg', 'Strasse', 'Straßfurt',
    ]);
    expect(sorted(['bamberg', 'Aachen', 'Celle', 'BAD TÖLZ'])).toEqual([
      'Aachen', 'BAD TÖLZ', 'bamberg', 'Celle',
    ]);
  });

  it('orders deterministically, whatever the input order', () => {
    const words = [
      'Ärzte', 'Arzte', 'arzte', 'ARZTE', 'Öl', 'Ol', 'ol', 'Straße', 'Strasse', 'Köln', 'Ko\u0308ln',
    ];
    const once = sorted(words);
    fc.assert(
      fc.property(fc.shuffledSubarray(words, { minLength: words.length }), (shuffled) => {
        expect(sorted(shuffled)).toEqual(once);
      }),
    );
    expect(germanCompare('Köln', 'Ko\u0308ln')).not.toBe(0);
    expect(germanCompare('Köln', 'Köln')).toBe(0);
  });
});
