import { describe, expect, it } from 'vitest';
import { toCsv } from './opendata.service';
import { berlinDay, euroText, statisticsOf } from './portal.rules';
import { readCsv } from './read-csv';

describe('portal rules', () => {
  it('takes the calendar day in Berlin, not in UTC', () => {
    expect(berlinDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(berlinDay(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });

  it('writes euros as German spreadsheets read them', () => {
    expect(euroText(615000000)).toBe('6150000,00');
    expect(euroText(5)).toBe('0,05');
    expect(euroText(-123)).toBe('-1,23');
  });

  it('counts by Land, kind and round, keeping empty Länder and kinds', () => {
    const stats = statisticsOf(
      [
        { roundId: 'r', landCode: '16', kind: 'municipality', funded: true, approvedCents: 100 },
        { roundId: 'r', landCode: '16', kind: 'district', funded: false, approvedCents: 0 },
        { roundId: 'r', landCode: '09', kind: 'cooperation', funded: true, approvedCents: 50 },
      ],
      [
        { code: '09', name: 'Bayern' },
        { code: '15', name: 'Sachsen-Anhalt' },
        { code: '16', name: 'Thüringen' },
      ],
      [{ id: 'r', slug: '2020', name: 'Runde 2020', year: 2020, envelopeCents: 1000 }],
    );
    expect(stats.totals).toEqual({ applications: 3, funded: 2, approvedCents: 150 });
    expect(stats.byLand.map((r) => [r.code, r.applications, r.funded, r.approvedCents])).toEqual([
      ['09', 1, 1, 50],
      ['15', 0, 0, 0],
      ['16', 2, 1, 100],
    ]);
    expect(stats.byKind.find((r) => r.code === 'district')).toMatchObject({ applications: 1, funded: 0 });
    expect(stats.byRound[0]).toMatchObject({ code: '2020', funded: 2, approvedCents: 150, envelopeCents: 1000 });
  });

  it('writes CSV with BOM, ";" and quotes that reads back to the same records', () => {
    const records = [
      { name: 'Stadt "Süd"; Nord', amount: 12, note: 'zwei\nZeilen', flag: true, empty: null },
      { name: 'Gemeinde Barleben', amount: 0, note: '', flag: false, empty: null },
    ];
    const csv = toCsv(records, ['name', 'amount', 'note', 'flag', 'empty']);
    expect(csv.startsWith('\uFEFFname;amount;note;flag;empty\r\n')).toBe(true);
    expect(readCsv(csv)).toEqual([
      { name: 'Stadt "Süd"; Nord', amount: '12', note: 'zwei\nZeilen', flag: 'true', empty: '' },
      { name: 'Gemeinde Barleben', amount: '0', note: '', flag: 'false', empty: '' },
    ]);
  });
});
