/**
 * Pure helpers of the funding pages: the shares a phase's bar is drawn with, the budget chart's
 * scale and segments, and reading the amount people type into the disbursement form.
 */
import type { Lang } from '../../lib/format';
import { parseEuroToCents } from '../../lib/number-input';
import type { BudgetRound, GrantPhase, GrantReport } from './funding-types';

/** Percent of a whole, kept inside 0–100 so a bar never overflows its track. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0 || part <= 0) return 0;
  return Math.min(100, (part / whole) * 100);
}

/** A phase's bar: disbursed, then pending, then what can still be requested, as shares of the approved amount. */
export function phaseShares(phase: Pick<GrantPhase, 'approvedCents' | 'disbursedCents' | 'pendingCents'>): { disbursed: number; pending: number; available: number } {
  const disbursed = percentOf(phase.disbursedCents, phase.approvedCents);
  const pending = Math.min(100 - disbursed, percentOf(phase.pendingCents, phase.approvedCents));
  return { disbursed, pending, available: Math.max(0, 100 - disbursed - pending) };
}

/**
 * A scale that ends on a round number (1, 2, 2.5 or 5 times a power of ten, in euros) at or above
 * the largest value, with evenly spaced ticks, so the chart's gridlines read as plain amounts.
 */
export function niceScale(maxCents: number, tickCount = 4): { maxCents: number; ticks: number[] } {
  if (maxCents <= 0) return { maxCents: 100, ticks: [0, 100] };
  const rawStep = maxCents / tickCount;
  const power = 10 ** Math.floor(Math.log10(rawStep));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s * tickCount >= maxCents) ?? 10 * power;
  const ticks = Array.from({ length: tickCount + 1 }, (_, i) => Math.round(i * step));
  return { maxCents: ticks[ticks.length - 1]!, ticks };
}

export type BudgetSegmentKind = 'disbursed' | 'pending' | 'committedOpen' | 'uncommitted';

export interface BudgetSegment {
  kind: BudgetSegmentKind;
  cents: number;
  /** Where the segment starts and how long it is, in the scale's cents. */
  start: number;
  length: number;
}

/**
 * A round's stacked bar: what is disbursed, what is requested, what is committed but not yet
 * requested, and the envelope nobody has been granted yet. Together they make the envelope (or
 * the commitments, if those exceed it).
 */
export function roundSegments(round: Pick<BudgetRound, 'committedCents' | 'disbursedCents' | 'pendingCents' | 'uncommittedCents'>): BudgetSegment[] {
  const committedOpen = Math.max(0, round.committedCents - round.disbursedCents - round.pendingCents);
  const parts: [BudgetSegmentKind, number][] = [
    ['disbursed', round.disbursedCents],
    ['pending', round.pendingCents],
    ['committedOpen', committedOpen],
    ['uncommitted', Math.max(0, round.uncommittedCents)],
  ];
  let start = 0;
  return parts.map(([kind, cents]) => {
    const segment = { kind, cents, start, length: Math.max(0, cents) };
    start += segment.length;
    return segment;
  });
}

/** The largest total a round's bar reaches: the scale must hold it. */
export function roundBarTotal(round: Pick<BudgetRound, 'committedCents' | 'disbursedCents' | 'pendingCents' | 'uncommittedCents'>): number {
  return roundSegments(round).reduce((sum, s) => sum + s.length, 0);
}

export type AmountCheck = { ok: true; cents: number } | { ok: false; reason: 'invalid' | 'zero' };

/**
 * What was typed into the amount field, in the UI language's notation. Whether the phase still
 * has that much is the server's decision (it checks under a lock), not the form's.
 */
export function readAmount(text: string, lang: Lang): AmountCheck {
  const cents = parseEuroToCents(text, lang);
  if (cents === null) return { ok: false, reason: 'invalid' };
  if (cents === 0) return { ok: false, reason: 'zero' };
  return { ok: true, cents };
}

const reportOrder: Record<GrantReport['status'], number> = { returned: 0, due: 1, submitted: 2, accepted: 3 };

/** Reports needing work first (overdue before the rest), each group by due date. */
export function sortReports<T extends Pick<GrantReport, 'status' | 'overdue' | 'dueOn'>>(reports: readonly T[]): T[] {
  return [...reports].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || reportOrder[a.status] - reportOrder[b.status] || a.dueOn.localeCompare(b.dueOn),
  );
}

/** A report the project can still hand in: due or returned for changes. */
export const reportOpen = (report: Pick<GrantReport, 'status'>) => report.status === 'due' || report.status === 'returned';

const compactFormats = new Map<Lang, Intl.NumberFormat>();

/** Short amounts for chart axes: "200 Mio. €" / "€200M"; the tables beside give the exact figures. */
export function compactMoney(cents: number, lang: Lang): string {
  let f = compactFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { style: 'currency', currency: 'EUR', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
    compactFormats.set(lang, f);
  }
  return f.format(cents / 100);
}
