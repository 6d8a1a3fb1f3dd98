import { describe, expect, it } from 'vitest';
import { compactMoney, niceScale, percentOf, phaseShares, readAmount, reportOpen, roundBarTotal, roundSegments, sortReports } from './funding-model';

describe('phase bar', () => {
  it('splits the approved amount into disbursed, pending and available shares', () => {
    expect(phaseShares({ approvedCents: 1_000_00, disbursedCents: 250_00, pendingCents: 100_00 })).toEqual({ disbursed: 25, pending: 10, available: 65 });
  });

  it('never draws more than the whole bar, even when the numbers do not add up', () => {
    const shares = phaseShares({ approvedCents: 100, disbursedCents: 90, pendingCents: 50 });
    expect(shares.disbursed + shares.pending + shares.available).toBe(100);
    expect(shares).toEqual({ disbursed: 90, pending: 10, available: 0 });
  });

  it('draws an empty bar for a phase without money', () => {
    expect(phaseShares({ approvedCents: 0, disbursedCents: 0, pendingCents: 0 })).toEqual({ disbursed: 0, pending: 0, available: 100 });
    expect(percentOf(5, 0)).toBe(0);
  });
});

describe('budget chart scale', () => {
  it('ends on a round amount at or above the largest value', () => {
    // 137 M EUR → ticks of 50 M EUR up to 200 M EUR.
    expect(niceScale(137_000_000_00)).toEqual({ maxCents: 200_000_000_00, ticks: [0, 50_000_000_00, 100_000_000_00, 150_000_000_00, 200_000_000_00] });
    // 820 M EUR → 250 M steps up to 1 bn EUR.
    expect(niceScale(820_000_000_00).maxCents).toBe(1_000_000_000_00);
  });

  it('keeps an exact round maximum', () => {
    expect(niceScale(400_00).ticks).toEqual([0, 100_00, 200_00, 300_00, 400_00]);
  });

  it('has a usable scale when there is nothing to draw', () => {
    expect(niceScale(0)).toEqual({ maxCents: 100, ticks: [0, 100] });
  });

  it('stacks a round: disbursed, pending, committed but not requested, uncommitted', () => {
    const round = { committedCents: 100, disbursedCents: 30, pendingCents: 20, uncommittedCents: 50 };
    expect(roundSegments(round)).toEqual([
      { kind: 'disbursed', cents: 30, start: 0, length: 30 },
      { kind: 'pending', cents: 20, start: 30, length: 20 },
      { kind: 'committedOpen', cents: 50, start: 50, length: 50 },
      { kind: 'uncommitted', cents: 50, start: 100, length: 50 },
    ]);
    expect(roundBarTotal(round)).toBe(150);
  });

  it('draws no negative segment when a round is over-committed', () => {
    const segments = roundSegments({ committedCents: 120, disbursedCents: 0, pendingCents: 0, uncommittedCents: -20 });
    expect(segments.find((s) => s.kind === 'uncommitted')?.length).toBe(0);
    expect(roundBarTotal({ committedCents: 120, disbursedCents: 0, pendingCents: 0, uncommittedCents: -20 })).toBe(120);
  });
});

describe('the amount of a disbursement request', () => {
  it('reads German and English notation into cents', () => {
    expect(readAmount('12.500,50', 'de')).toEqual({ ok: true, cents: 1_250_050 });
    expect(readAmount('12,500.50', 'en')).toEqual({ ok: true, cents: 1_250_050 });
    expect(readAmount('1.000', 'de')).toEqual({ ok: true, cents: 100_000 });
  });

  it('refuses text that is no amount, negative amounts, more than two decimals and zero', () => {
    expect(readAmount('zwölf', 'de')).toEqual({ ok: false, reason: 'invalid' });
    expect(readAmount('-5', 'de')).toEqual({ ok: false, reason: 'invalid' });
    expect(readAmount('1,234', 'de')).toEqual({ ok: false, reason: 'invalid' });
    expect(readAmount('', 'de')).toEqual({ ok: false, reason: 'invalid' });
    expect(readAmount('0,00', 'de')).toEqual({ ok: false, reason: 'zero' });
  });
});

describe('reports', () => {
  it('lists overdue first, then open ones, then handed-in ones, each by due date', () => {
    const reports = [
      { id: 'a', status: 'accepted' as const, overdue: false, dueOn: '2021-12-31' },
      { id: 'b', status: 'due' as const, overdue: false, dueOn: '2027-03-31' },
      { id: 'c', status: 'due' as const, overdue: true, dueOn: '2026-06-30' },
      { id: 'd', status: 'submitted' as const, overdue: false, dueOn: '2025-12-31' },
      { id: 'e', status: 'due' as const, overdue: false, dueOn: '2026-12-31' },
    ];
    expect(sortReports(reports).map((r) => r.id)).toEqual(['c', 'e', 'b', 'd', 'a']);
  });

  it('counts due and returned reports as open', () => {
    expect(['due', 'returned', 'submitted', 'accepted'].map((status) => reportOpen({ status: status as 'due' }))).toEqual([true, true, false, false]);
  });
});

describe('chart axis labels', () => {
  it('shortens amounts in the UI language', () => {
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(compactMoney(200_000_000_00, 'de'))).toBe('200 Mio. €');
    expect(plain(compactMoney(2_500_000_00, 'de'))).toBe('2,5 Mio. €');
    expect(compactMoney(200_000_000_00, 'en')).toMatch(/^€200[mM]$/);
    expect(plain(compactMoney(0, 'de'))).toBe('0 €');
  });
});
