import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agsFromArs, validateAgs, validateArs } from './keys';
import {
  type Gv100LineResult,
  type Gv100Record,
  parseGv100,
  parseGv100Line,
  parseGv100Lines,
  parseGv100Stream,
} from './parse';

const fixtureText = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

// Built by hand from the 1-based positions of the record description, not with the
// writer, so that a shared mistake in layout.ts could not hide here.
const pad = (s: string, n: number) => s.padEnd(n, ' ');
const saarbrueckenGemeinde =
  '60' + '20210430' + '10041100' + '0100' + // 1–22: Satzart, Gebietsstand, AGS, Verband
  pad('Saarbrücken, Landeshauptstadt', 50) + // 23–72: name
  pad('', 50) + // 73–122: no seat for a Gemeinde
  '63' + '    ' + // 123–124: Stadt; 125–128 blank
  '00000016752' + '00000180374' + '00000089528' + '    ' + // 129–165
  '66111' + '*****' + // 166–175
  pad('', 45); // 176–220
const saarbrueckenKreis =
  '40' + '20210430' + '10041' + pad('', 7) +
  pad('Regionalverband Saarbrücken', 50) +
  pad('Saarbrücken, Landeshauptstadt', 50) +
  '45' + pad('', 96);

function ok(result: Gv100LineResult | null): Gv100Record {
  if (!result?.ok) throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return result.record;
}

describe('parseGv100Line', () => {
  it('reads a Gemeinde record from its columns', () => {
    expect(saarbrueckenGemeinde).toHaveLength(220);
    expect(ok(parseGv100Line(saarbrueckenGemeinde, 4))).toEqual({
      line: 4,
      level: 'gemeinde',
      satzart: 60,
      validOn: '2021-04-30',
      key: '100410100100',
      ags: '10041100',
      ars: '100410100100',
      parentArs: '100410100',
      name: 'Saarbrücken, Landeshauptstadt',
      seat: null,
      typeCode: 63,
      kind: 'Stadt',
      areaHa: 16752,
      population: 180374,
      populationMale: 89528,
      postalCode: '66111',
      multiplePostalCodes: true,
    } satisfies Gv100Record);
  });

  it('reads a Kreis record with its seat, and links a Land without Regierungsbezirk', () => {
    expect(ok(parseGv100Line(saarbrueckenKreis, 1))).toMatchObject({
      level: 'kreis',
      key: '10041',
      ags: '10041',
      ars: '10041',
      parentArs: '10',
      name: 'Regionalverband Saarbrücken',
      seat: 'Saarbrücken, Landeshauptstadt',
      typeCode: 45,
      kind: 'Regionalverband',
      population: null,
      areaHa: null,
    });
  });

  it('accepts a trailing carriage return and a byte order mark', () => {
    expect(ok(parseGv100Line(`\uFEFF${saarbrueckenKreis}\r`, 1)).key).toBe('10041');
  });

  it('counts an umlaut written as two code points (NFD) as one position', () => {
    const nfd = saarbrueckenKreis.normalize('NFD');
    expect(nfd.length).toBeGreaterThan(220);
    expect(ok(parseGv100Line(nfd, 1)).name).toBe('Regionalverband Saarbrücken');
  });

  it('returns null for blank lines and a DOS end-of-file mark', () => {
    expect(parseGv100Line('', 1)).toBeNull();
    expect(parseGv100Line('   \r', 2)).toBeNull();
    expect(parseGv100Line('\x1a', 3)).toBeNull();
  });

  it('says when a UTF-8 file was decoded as latin1', () => {
    const misread = Buffer.from(saarbrueckenKreis, 'utf8').toString('latin1');
    const r = parseGv100Line(misread, 9);
    expect(r).toEqual({
      ok: false,
      error: {
        line: 9,
        code: 'LINE_LENGTH',
        message:
          'line 9: expected 220 characters, got 222 (the file looks UTF-8 but was decoded as latin1)',
      },
    });
  });

  it('treats a blank postal code and blank counts as unknown, not zero', () => {
    const line = saarbrueckenGemeinde.slice(0, 128) + pad('', 92);
    expect(ok(parseGv100Line(line, 1))).toMatchObject({
      areaHa: null,
      population: null,
      populationMale: null,
      postalCode: null,
      multiplePostalCodes: false,
    });
  });
});

describe('the sample fixture', () => {
  const { records, errors } = parseGv100(fixtureText('GV100AD_sample_utf8.txt'));
  const byKey = new Map(records.map((r) => [r.key, r]));
  const get = (key: string) => {
    const r = byKey.get(key);
    if (!r) throw new Error(`no record ${key}`);
    return r;
  };

  it('parses without errors, every record type present', () => {
    expect(errors).toEqual([]);
    const levels = records.reduce<Record<string, number>>((acc, r) => {
      acc[r.level] = (acc[r.level] ?? 0) + 1;
      return acc;
    }, {});
    expect(levels).toEqual({
      land: 5,
      regierungsbezirk: 3,
      region: 1,
      kreis: 11,
      gemeindeverband: 5,
      gemeinde: 8,
    });
  });

  it('keys kreisfreie Städte with Gemeinde 000', () => {
    expect(get('010020000000')).toMatchObject({ ags: '01002000', kind: 'Kreisfreie Stadt', typeCode: 61 });
    expect(get('020000000000')).toMatchObject({ ags: '02000000', name: 'Hamburg, Freie und Hansestadt' });
    expect(get('091620000000')).toMatchObject({ ags: '09162000', parentArs: '091620000' });
    expect(get('094610000000').ags).toBe('09461000');
    expect(get('081110000000')).toMatchObject({ ags: '08111000', kind: 'Stadtkreis', typeCode: 62 });
  });

  it('distinguishes Kreis kinds and links Kreise to the Regierungsbezirk where there is one', () => {
    expect(get('01057')).toMatchObject({ name: 'Plön', kind: 'Kreis', parentArs: '01' });
    expect(get('01058')).toMatchObject({ name: 'Rendsburg-Eckernförde', kind: 'Kreis' });
    expect(get('09184')).toMatchObject({ name: 'München', kind: 'Landkreis', parentArs: '091' });
    expect(get('09475')).toMatchObject({ name: 'Hof', kind: 'Landkreis', parentArs: '094' });
    expect(get('09162')).toMatchObject({ kind: 'Kreisfreie Stadt', parentArs: '091' });
  });

  it('keeps the BW region out of the AGS/ARS hierarchy', () => {
    expect(get('0811')).toMatchObject({ level: 'region', ags: null, ars: null, parentArs: '081' });
    expect(get('081')).toMatchObject({ level: 'regierungsbezirk', ags: '081', parentArs: '08' });
  });

  it('gives Gemeindeverbände an ARS but no AGS', () => {
    expect(get('091815101')).toMatchObject({
      level: 'gemeindeverband',
      ags: null,
      ars: '091815101',
      parentArs: '09181',
      kind: 'Verwaltungsgemeinschaft',
      seat: 'Fuchstal',
    });
  });

  it('yields consistent keys for every Gemeinde', () => {
    const gemeinden = records.filter((r) => r.level === 'gemeinde');
    expect(gemeinden.map((g) => g.name)).toContain('Kirchheim b.München');
    for (const g of gemeinden) {
      expect(validateArs(g.ars)).toEqual({ ok: true });
      expect(validateAgs(g.ags)).toEqual({ ok: true });
      expect(agsFromArs(g.ars!)).toBe(g.ags);
      expect(g.parentArs).toBe(g.ars!.slice(0, 9));
      expect(g.validOn).toBe('2021-04-30');
    }
  });
});

describe('the bad-lines fixture', () => {
  const text = fixtureText('GV100AD_bad_lines.txt');
  const { records, errors } = parseGv100(text);

  it('reports each broken line by number and goes on to the end', () => {
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'LINE_LENGTH'],
      [3, 'UNKNOWN_RECORD_TYPE'],
      [4, 'BAD_LAND'],
      [5, 'BAD_KEY'],
      [6, 'BAD_KEY'],
      [8, 'BAD_DATE'],
      [9, 'BAD_TYPE_CODE'],
      [10, 'LINE_LENGTH'],
      [11, 'BAD_NUMBER'],
    ]);
    expect(records.map((r) => [r.line, r.name])).toEqual([
      [1, 'Schleswig-Holstein'],
      [12, 'Saarbrücken, Landeshauptstadt'],
    ]);
  });

  it('words the problems for people', () => {
    const messages = new Map(errors.map((e) => [e.line, e.message]));
    expect(messages.get(2)).toBe('line 2: expected 220 characters, got 200');
    expect(messages.get(3)).toBe(
      'line 3: record type (Satzart) "70" is not one of 10, 20, 30, 40, 50, 60',
    );
    expect(messages.get(4)).toBe('line 4: Land key 17 is outside 01–16');
    expect(messages.get(5)).toBe('line 5: Land key "0A" is not numeric');
    expect(messages.get(6)).toBe('line 6: Gemeinde key "0O0" is not numeric');
    expect(messages.get(8)).toBe('line 8: Gebietsstand "20211341" is not a calendar date');
    expect(messages.get(9)).toBe(
      'line 9: type code "68" is not one of 60, 61, 62, 63, 64, 65, 66, 67 for Satzart 60',
    );
    expect(messages.get(11)).toBe('line 11: population "00000ABC000" is not a number');
  });

  it('streams the same results line by line', async () => {
    async function* lines() {
      for (const l of text.split('\n')) yield l;
    }
    const streamed: Gv100LineResult[] = [];
    for await (const r of parseGv100Stream(lines())) streamed.push(r);
    expect(streamed).toEqual([...parseGv100Lines(text.split('\n'))]);
    expect(streamed).toHaveLength(11);
  });
});
