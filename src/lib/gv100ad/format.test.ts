import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGv100Line, overwriteAt } from './format';
import { RECORD_LENGTH } from './layout';
import { parseGv100Line } from './parse';

describe('formatGv100Line', () => {
  it('puts each field in its column', () => {
    const line = formatGv100Line({
      satzart: 60,
      validOn: '2021-04-30',
      land: '09',
      rb: '4',
      kreis: '61',
      gemeindeverband: '0000',
      gemeinde: '000',
      name: 'Bamberg',
      typeCode: 61,
      areaHa: 5462,
      population: 77373,
      populationMale: 37000,
      postalCode: '96047',
      multiplePostalCodes: true,
    });
    expect(line).toHaveLength(RECORD_LENGTH);
    expect(line.slice(0, 22)).toBe('6020210430094610000000');
    expect(line.slice(22, 29)).toBe('Bamberg');
    expect(line.slice(122, 124)).toBe('61');
    expect(line.slice(128, 139)).toBe('00000005462');
    expect(line.slice(165, 175)).toBe('96047*****');
  });

  it('refuses a value that does not fit its field', () => {
    expect(() =>
      formatGv100Line({ satzart: 10, validOn: '20210430', land: '09', name: 'x'.repeat(51) }),
    ).toThrow('name "xxx');
    expect(() =>
      formatGv100Line({ satzart: 10, validOn: '20210430', land: '009', name: 'Bayern' }),
    ).toThrow(RangeError);
  });

  it('overwrites characters at a position', () => {
    expect(overwriteAt('abcdef', 2, 'XY')).toBe('abXYef');
  });
});

// Names as they occur in the register: letters incl. umlauts and ß, spaces, and the
// punctuation of "Kirchheim b.München" or "Halle (Saale)"; no leading/trailing blanks
// because the parser trims them.
const nameChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüßÄÖÜABCZ .,-()/'.split(''));
const name = fc
  .array(nameChar, { minLength: 1, maxLength: 50 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
const digitsOf = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const land = fc.integer({ min: 1, max: 16 }).map((n) => String(n).padStart(2, '0'));
const date = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const count = fc.integer({ min: 0, max: 99_999_999_999 });

describe('writer and parser', () => {
  it('round-trip every Gemeinde record', () => {
    fc.assert(
      fc.property(
        fc.record({
          validOn: date,
          land,
          rb: digitsOf(1),
          kreis: digitsOf(2),
          gemeindeverband: digitsOf(4),
          gemeinde: digitsOf(3),
          name,
          typeCode: fc.integer({ min: 60, max: 67 }),
          areaHa: count,
          population: count,
          populationMale: count,
          postalCode: digitsOf(5),
          multiplePostalCodes: fc.boolean(),
        }),
        (f) => {
          const result = parseGv100Line(formatGv100Line({ satzart: 60, ...f }), 1);
          expect(result?.ok).toBe(true);
          if (!result?.ok) return;
          const r = result.record;
          const ars = f.land + f.rb + f.kreis + f.gemeindeverband + f.gemeinde;
          expect(r).toMatchObject({
            validOn: f.validOn,
            ars,
            ags: f.land + f.rb + f.kreis + f.gemeinde,
            name: f.name,
            typeCode: f.typeCode,
            areaHa: f.areaHa,
            population: f.population,
            populationMale: f.populationMale,
            postalCode: f.postalCode,
            multiplePostalCodes: f.multiplePostalCodes,
          });
        },
      ),
    );
  });

  it('round-trip Kreis and Gemeindeverband records with their seats', () => {
    fc.assert(
      fc.property(
        land,
        digitsOf(1),
        digitsOf(2),
        digitsOf(4),
        name,
        name,
        fc.integer({ min: 41, max: 45 }),
        fc.integer({ min: 50, max: 58 }),
        (l, rb, kreis, verband, n, seat, kreisType, verbandType) => {
          const common = { validOn: '2022-12-31', land: l, rb, kreis, name: n, seat };
          const k = parseGv100Line(formatGv100Line({ ...common, satzart: 40, typeCode: kreisType }), 1);
          const v = parseGv100Line(
            formatGv100Line({ ...common, satzart: 50, gemeindeverband: verband, typeCode: verbandType }),
            2,
          );
          const kreisKey = l + rb + kreis;
          expect(k).toMatchObject({
            ok: true,
            record: { ars: kreisKey, seat, name: n, typeCode: kreisType },
          });
          expect(v).toMatchObject({
            ok: true,
            record: { ars: kreisKey + verband, parentArs: kreisKey, seat, typeCode: verbandType },
          });
        },
      ),
    );
  });
});
