import { describe, expect, it } from 'vitest';
import { compareGerman, defaultSortName, publishedGroups, totalFunding, type PublishedEntry } from './published-list';

describe('German collation (DIN 5007-1)', () => {
  it('sorts umlauts as their base letters and ß as ss', () => {
    const names = ['Lübeck', 'Lohmar', 'Köln', 'Kirchheim b. München', 'Mönchengladbach', 'Mannheim', 'Gütersloh', 'Gemeinde Eichenzell', 'Straße', 'Strasse'];
    expect([...names].sort(compareGerman)).toEqual([
      'Gemeinde Eichenzell',
      'Gütersloh',
      'Kirchheim b. München',
      'Köln',
      'Lohmar',
      'Lübeck',
      'Mannheim',
      'Mönchengladbach',
      'Strasse',
      'Straße',
    ]);
  });

  it('does not sort by code point (where every umlaut comes after z)', () => {
    expect(['Zwickau', 'Öhringen'].sort()).toEqual(['Zwickau', 'Öhringen']);
    expect(['Zwickau', 'Öhringen'].sort(compareGerman)).toEqual(['Öhringen', 'Zwickau']);
  });
});

describe('publishedGroups', () => {
  const entry = (name: string, kind: PublishedEntry['kind'], fundingCents = 100, sortName = defaultSortName(name)): PublishedEntry => ({ name, sortName, kind, fundingCents });

  it('puts single municipalities first, then cooperations and districts, each alphabetical', () => {
    const groups = publishedGroups([
      entry('Lübeck', 'municipality'),
      entry('Landkreis St. Wendel', 'district'),
      entry('Landkreis Hof', 'district', 100, 'Hof, Landkreis'),
      entry('Köln', 'municipality'),
      entry('Kiel mit Kommunen aus den Kreisen Rendsburg-Eckernförde und Plön', 'cooperation'),
      entry('Gemeinde Barleben', 'municipality'),
      entry('Hamburg mit Leipzig und München', 'cooperation'),
    ]);
    expect(groups.map((g) => g.title)).toEqual(['Kommunen', 'Interkommunale Kooperationen und Landkreise']);
    expect(groups[0]!.entries.map((e) => e.name)).toEqual(['Gemeinde Barleben', 'Köln', 'Lübeck']);
    expect(groups[1]!.entries.map((e) => e.name)).toEqual([
      'Hamburg mit Leipzig und München',
      'Landkreis Hof',
      'Kiel mit Kommunen aus den Kreisen Rendsburg-Eckernförde und Plön',
      'Landkreis St. Wendel',
    ]);
  });

  it('adds up the funding', () => {
    expect(totalFunding([entry('A', 'municipality', 5), entry('B', 'district', 7)])).toBe(12);
  });
});
