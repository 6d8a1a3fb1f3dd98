import { describe, expect, it } from 'vitest';
import { agsFromArs, checkLandKey, landOf, validateAgs, validateArs } from '../../lib/gv100ad';
import { matchesSearch, normaliseName, searchTerms } from '../../lib/text/german';
import type { RegionValues } from '../../modules/regions/regions.service';
import { demoRegions } from './demo-regions.data';

const byArs = new Map(demoRegions.map((r) => [r.ars, r]));
const gemeinden = demoRegions.filter((r) => r.level === 'gemeinde');

/** A Gemeinde is named by its AGS (8 digits); anything above it by its ARS. */
function find(code: string): RegionValues | undefined {
  return code.length === 8 ? gemeinden.find((g) => g.ags === code) : byArs.get(code);
}

// The lists below name each region independently of the data file (label as published, key as
// looked up in the register), so a typo in either shows up as a mismatch.

/** Pressemitteilung BMI, 8.9.2020: the 32 projects of the second round and the regions behind them. */
const round2020: Array<[label: string, code: string]> = [
  ['Bamberg', '09461000'],
  ['Berlin', '11000000'],
  ['Darmstadt', '06411000'],
  ['Freiburg i. Breisgau', '08311000'],
  ['Gelsenkirchen', '05513000'],
  ['Barleben', '15083040'],
  ['Eichenzell', '06631006'],
  ['Gütersloh', '05754008'],
  ['Hagenow', '13076060'],
  ['Iserlohn', '05962024'],
  ['Jena', '16053000'],
  ['Kassel', '06611000'],
  ['Kirchheim b. München', '09184131'],
  ['Köln', '05315000'],
  ['Lohmar', '05382028'],
  ['Lübeck', '01003000'],
  ['Mannheim', '08222000'],
  ['Mönchengladbach', '05116000'],
  ['Paderborn', '05774032'],
  ['Rostock', '13003000'],
  ['Aalen', '08136088'],
  ['Heidenheim', '08135019'],
  ['Bad Belzig', '12069020'],
  ['Wiesenburg/Mark', '12069665'],
  ['Dortmund', '05913000'],
  ['Schwerte', '05978028'],
  ['Eifelkreis Bitburg-Prüm', '07232'],
  ['Fuchstal', '09181121'],
  ['Apfeldorf', '09181111'],
  ['Unterdießen', '09181143'],
  ['Hamburg', '02000000'],
  ['Leipzig', '14713000'],
  ['München', '09162000'],
  ['Landkreis Hof', '09475'],
  ['Kiel', '01002000'],
  ['Rendsburg-Eckernförde', '01058'],
  ['Plön', '01057'],
  ['Landkreis Mayen-Koblenz', '07137'],
  ['Landkreis St. Wendel', '10046'],
  ['St. Wendel', '10046117'],
  ['Lemgo', '05766044'],
  ['Kalletal', '05766036'],
  ['Osnabrück', '03404000'],
  ['Landkreis Osnabrück', '03459'],
  ['Hagen am Teutoburger Wald', '03459020'],
  ['Bissendorf', '03459012'],
  ['Samtgemeinde Fürstenau', '034595403'],
  ['Samtgemeinde Artland', '034595401'],
  ['Samtgemeinde Neuenkirchen', '034595404'],
];

/** The 13 projects of 2019 (DOMAIN.md, "Facts of the reference programme"). */
const round2019: Array<[label: string, code: string]> = [
  ['Solingen', '05122000'],
  ['Ulm', '08421000'],
  ['Wolfsburg', '03103000'],
  ['Cottbus', '12052000'],
  ['Gera', '16052000'],
  ['Kaiserslautern', '07312000'],
  ['Grevesmühlen', '13074026'],
  ['Haßfurt', '09674147'],
  ['Süderbrarup', '01059083'],
  ['Zwönitz', '14521710'],
  ['Arnsberg', '05958004'],
  ['Bad Berleburg', '05970004'],
  ['Menden', '05962040'],
  ['Olpe', '05966024'],
  ['Soest', '05974040'],
  ['Brandis', '14729070'],
  ['Borsdorf', '14729060'],
  ['Großpösna', '14729190'],
  ['Naunhof', '14729300'],
  ['Parthenstein', '14729340'],
  ['Landkreis Wunsiedel', '09479'],
];

describe('demo regions: keys', () => {
  it('has every key once', () => {
    expect(byArs.size).toBe(demoRegions.length);
    expect(new Set(gemeinden.map((g) => g.ags)).size).toBe(gemeinden.length);
  });

  it.each(demoRegions.map((r) => [r.ars, r] as const))('%s is a valid key for its level', (_ars, r) => {
    expect(landOf(r.ars)).toBe(r.ars.slice(0, 2));
    switch (r.level) {
      case 'land':
        expect(checkLandKey(r.ars)).toEqual({ ok: true });
        expect(r.ags).toBe(r.ars);
        break;
      case 'kreis':
        expect(r.ars).toMatch(/^\d{5}$/);
        expect(r.ags).toBe(r.ars);
        break;
      case 'gemeindeverband':
        // Verbände have no AGS of their own; the register names them by the 9-digit ARS only.
        expect(r.ars).toMatch(/^\d{9}$/);
        expect(r.ags).toBe(r.ars);
        break;
      case 'gemeinde':
        expect(validateArs(r.ars)).toEqual({ ok: true });
        expect(validateAgs(r.ags)).toEqual({ ok: true });
        expect(agsFromArs(r.ars)).toBe(r.ags);
        break;
      default:
        throw new Error(`unexpected level ${r.level}`);
    }
  });

  it('gives a kreisfreie Stadt both its Kreis and its Gemeinde, with Verband "0000"', () => {
    const cities = demoRegions.filter((r) => r.level === 'kreis' && (r.typeCode === '41' || r.typeCode === '42'));
    expect(cities.length).toBeGreaterThan(50);
    for (const city of cities) {
      const g = byArs.get(`${city.ars}0000000`);
      expect(g, city.name).toBeDefined();
      expect(g?.name).toBe(city.name);
      expect(g?.population).toBe(city.population);
    }
  });
});

describe('demo regions: hierarchy', () => {
  it('has all 16 Länder', () => {
    const laender = demoRegions.filter((r) => r.level === 'land').map((r) => r.ars);
    expect(laender).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it.each(demoRegions.filter((r) => r.level !== 'land').map((r) => [r.ars, r] as const))(
    '%s hangs under a region that is present',
    (_ars, r) => {
      const parent = r.parentArs ? byArs.get(r.parentArs) : undefined;
      expect(parent, `parent ${r.parentArs}`).toBeDefined();
      expect(r.ars.startsWith(parent!.ars)).toBe(true);
      const expectedParentLevel = { kreis: ['land'], gemeindeverband: ['kreis'], gemeinde: ['kreis', 'gemeindeverband'] }[
        r.level as 'kreis' | 'gemeindeverband' | 'gemeinde'
      ];
      expect(expectedParentLevel).toContain(parent!.level);
      // Whatever the direct parent, the Kreis and the Land are always there.
      expect(byArs.get(r.ars.slice(0, 2))?.level).toBe('land');
      if (r.level !== 'kreis') expect(byArs.get(r.ars.slice(0, 5))?.level).toBe('kreis');
    },
  );

  it('lists parents before their children', () => {
    const seen = new Set<string>();
    for (const r of demoRegions) {
      if (r.parentArs) expect(seen.has(r.parentArs), r.ars).toBe(true);
      seen.add(r.ars);
    }
  });

  it('gives a Kreis at least the people of its listed Gemeinden, a Land those of its Kreise', () => {
    const sums = new Map<string, number>();
    for (const r of demoRegions) {
      if (r.level === 'gemeinde' && r.parentArs?.length === 5) sums.set(r.parentArs, (sums.get(r.parentArs) ?? 0) + r.population!);
      if (r.level === 'kreis') sums.set(r.parentArs!, (sums.get(r.parentArs!) ?? 0) + r.population!);
    }
    for (const [ars, sum] of sums) expect(byArs.get(ars)!.population!, ars).toBeGreaterThanOrEqual(sum);
  });
});

describe('demo regions: figures', () => {
  it.each(demoRegions.map((r) => [r.ars, r] as const))('%s has a population and a place in Germany', (_ars, r) => {
    expect(Number.isInteger(r.population)).toBe(true);
    expect(r.population).toBeGreaterThan(0);
    expect(r.latitude).toBeGreaterThanOrEqual(47.2);
    expect(r.latitude).toBeLessThanOrEqual(55.1);
    expect(r.longitude).toBeGreaterThanOrEqual(5.8);
    expect(r.longitude).toBeLessThanOrEqual(15.1);
    expect(r.validOn).toBe('2020-12-31');
    if (r.postalCode !== null) expect(r.postalCode).toMatch(/^\d{5}$/);
    if (r.areaHa !== null) expect(r.areaHa).toBeGreaterThan(0);
  });

  it('adds up to the official population of Germany on 31.12.2019', () => {
    const total = demoRegions.filter((r) => r.level === 'land').reduce((s, r) => s + r.population!, 0);
    expect(total).toBe(83_166_711);
  });

  it('uses the Samtgemeinde totals of their member Gemeinden', () => {
    const artland = byArs.get('034595401')!;
    expect(artland.population).toBe(4_577 + 2_439 + 2_986 + 13_442);
    expect(gemeinden.filter((g) => g.parentArs === artland.ars).map((g) => g.name)).toEqual(['Quakenbrück']);
  });
});

describe('demo regions: the programme rounds', () => {
  it.each([...round2020, ...round2019])('has %s (%s)', (label, code) => {
    const region = find(code);
    expect(region, `${label} ${code}`).toBeDefined();
    expect(matchesSearch(normaliseName(region!.name), searchTerms(label)), `${label} vs ${region!.name}`).toBe(true);
  });

  it("keeps the register's Verband digits where an applicant sits in a Verband", () => {
    // These Gemeinden belong to a Verband, so their ARS differs from the verbandsfrei form.
    expect(find('09181121')?.ars).toBe('091815138121'); // Fuchstal, VG Fuchstal
    expect(find('09181111')?.ars).toBe('091815142111'); // Apfeldorf, VG Reichling
    expect(find('08136088')?.ars).toBe('081365001088'); // Aalen, VVG der Stadt Aalen
    expect(find('08135019')?.ars).toBe('081355002019'); // Heidenheim, VVG der Stadt Heidenheim
    expect(find('14521710')?.ars).toBe('145215140710'); // Zwönitz, VG Zwönitz
  });
});
