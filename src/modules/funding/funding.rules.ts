import type { PhaseKind, ReportStatus } from '../../db/schema/funding';

/** Phase A (strategy) is capped at 2.5 M EUR: the reference programme's rule. */
export const STRATEGY_CAP_CENTS = 250_000_000;
export const STRATEGY_YEARS = 2;
export const IMPLEMENTATION_YEARS = 5;
/** Reports due within this many days are reminded of. */
export const REMINDER_DAYS_AHEAD = 14;

export interface PhasePlan {
  kind: PhaseKind;
  startsOn: string;
  endsOn: string;
  approvedCents: number;
}

/** 'YYYY-MM-DD' plus whole years and days, on the calendar (no time zones involved). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const result = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February plus a year is 1 March in Date; the last day of February is meant.
  if (result.getUTCMonth() !== m - 1) result.setUTCDate(0);
  return result.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The phases a grant starts with: two years of strategy, then five of implementation. Strategy
 * gets a seventh of the money (the reference programme's 2.5 of 17.5 M EUR), at most 2.5 M EUR;
 * implementation the rest, so the phases always add up to the grant.
 */
export function proposePhases(approvedCents: number, startsOn: string): PhasePlan[] {
  const strategyCents = Math.min(STRATEGY_CAP_CENTS, Math.floor(approvedCents / 7));
  const strategyEnds = addDays(addYears(startsOn, STRATEGY_YEARS), -1);
  const implementationStarts = addDays(strategyEnds, 1);
  return [
    { kind: 'strategy', startsOn, endsOn: strategyEnds, approvedCents: strategyCents },
    { kind: 'implementation', startsOn: implementationStarts, endsOn: addDays(addYears(implementationStarts, IMPLEMENTATION_YEARS), -1), approvedCents: approvedCents - strategyCents },
  ];
}

export interface Problem {
  path: string;
  message: string;
}

/**
 * What is wrong with a set of phases for a grant of `approvedCents`: at least one, the strategy
 * phase (if any) first, each ending after it starts, none overlapping the next, and the amounts
 * adding up to the grant exactly.
 */
export function phaseProblems(phases: readonly PhasePlan[], approvedCents: number): Problem[] {
  const problems: Problem[] = [];
  if (phases.length === 0) return [{ path: 'phases', message: 'A grant needs at least one phase.' }];
  phases.forEach((p, i) => {
    if (p.startsOn > p.endsOn) problems.push({ path: `phases.${i}.endsOn`, message: 'A phase ends on or after the day it starts.' });
    if (!Number.isSafeInteger(p.approvedCents) || p.approvedCents < 0) problems.push({ path: `phases.${i}.approvedCents`, message: 'Whole cents, 0 or more.' });
    const next = phases[i + 1];
    if (next && next.startsOn <= p.endsOn) problems.push({ path: `phases.${i + 1}.startsOn`, message: 'A phase starts after the one before it ends.' });
    if (p.kind === 'strategy' && i > 0) problems.push({ path: `phases.${i}.kind`, message: 'The strategy phase comes first.' });
  });
  const sum = phases.reduce((s, p) => s + p.approvedCents, 0);
  if (sum !== approvedCents) problems.push({ path: 'phases', message: `The phases add up to ${sum} cents; the grant is ${approvedCents} cents.` });
  return problems;
}

/**
 * A grant's eligible costs and own share. The decision may fund less than was asked for; then
 * the eligible costs shrink to the smallest amount that, at the funding rate, yields the funding.
 */
export function grantFinancials(input: { fundingCents: number; requestedCents: number; eligibleCostsCents: number; rateBp: number }): {
  eligibleCostsCents: number;
  ownShareCents: number;
} {
  const eligible =
    input.fundingCents === input.requestedCents || input.rateBp <= 0 ? Math.max(input.eligibleCostsCents, input.fundingCents) : Math.ceil((input.fundingCents * 10_000) / input.rateBp);
  return { eligibleCostsCents: eligible, ownShareCents: eligible - input.fundingCents };
}

/** What a phase has left to request: approved minus disbursed minus requests still pending. */
export function availableCents(phase: { approvedCents: number; disbursedCents: number; pendingCents: number }): number {
  return phase.approvedCents - phase.disbursedCents - phase.pendingCents;
}

/** The phase running on `today` ('YYYY-MM-DD'); before the first, the first; after the last, null. */
export function currentPhase<P extends { kind: PhaseKind; startsOn: string; endsOn: string }>(phases: readonly P[], today: string): PhaseKind | null {
  if (phases.length === 0) return null;
  const running = phases.find((p) => p.startsOn <= today && today <= p.endsOn);
  if (running) return running.kind;
  if (today < phases[0]!.startsOn) return phases[0]!.kind;
  return null;
}

/** A report is overdue when it is still owed (due or returned) and its due day has passed. */
export function isOverdue(report: { status: ReportStatus; dueOn: string }, today: string): boolean {
  return (report.status === 'due' || report.status === 'returned') && report.dueOn < today;
}

const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Berlin at an instant, 'YYYY-MM-DD': due dates are Berlin days. */
export function berlinDate(at: Date): string {
  return berlinDay.format(at);
}

export function berlinYear(at: Date): number {
  return Number(berlinDate(at).slice(0, 4));
}

export type ReminderStage = 'upcoming' | 'overdue';

/** Which reminder a report owes now: none, the one before its due day, or the overdue one. */
export function reminderStage(report: { status: ReportStatus; dueOn: string }, today: string): ReminderStage | null {
  if (report.status !== 'due' && report.status !== 'returned') return null;
  if (report.dueOn < today) return 'overdue';
  if (report.dueOn <= addDays(today, REMINDER_DAYS_AHEAD)) return 'upcoming';
  return null;
}

/** One reminder per report and stage; a returned report is reminded again (its status is part of the key). */
export function reportReminderKey(reportId: string, stage: ReminderStage, status: ReportStatus): string {
  return `funding.report:${reportId}:${status}:${stage}`;
}

const germanDate = new Intl.DateTimeFormat('de-DE', { timeZone: 'UTC', dateStyle: 'long' });

/** The reminder mail, in German like the project's other notices. */
export function reportReminderText(input: { displayName: string; grantReference: string; grantTitle: string; reportTitle: string; dueOn: string; stage: ReminderStage }): {
  subject: string;
  body: string;
} {
  const due = germanDate.format(new Date(`${input.dueOn}T00:00:00Z`));
  const subject =
    input.stage === 'overdue'
      ? `Überfällig: „${input.reportTitle}“ (${input.grantReference}) war am ${due} fällig`
      : `Erinnerung: „${input.reportTitle}“ (${input.grantReference}) ist am ${due} fällig`;
  return {
    subject,
    body: [
      `Guten Tag ${input.displayName},`,
      '',
      input.stage === 'overdue'
        ? `für Ihr Projekt „${input.grantTitle}“ (${input.grantReference}) war der Bericht „${input.reportTitle}“ am ${due} fällig und ist noch nicht eingereicht.`
        : `für Ihr Projekt „${input.grantTitle}“ (${input.grantReference}) ist der Bericht „${input.reportTitle}“ am ${due} fällig.`,
      '',
      'Sie reichen ihn in Stadtnetz auf der Seite Ihres Projekts unter „Berichte“ ein.',
      '',
      'Mit freundlichen Grüßen',
      'Ihre Programmgeschäftsstelle',
    ].join('\n'),
  };
}

/** The file number of a grant: the application's reference, marked as a grant. */
export function grantReference(applicationReference: string): string {
  return `Z-${applicationReference}`;
}
