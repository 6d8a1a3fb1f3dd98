/*
 * Pure rules of the public portal: today's calendar day in Berlin, the statistics' sums, and the
 * flat records of the open-data files.
 */
import type { PublicProject, PublicStatistics, StatisticRow } from './portal.schemas';

/** The calendar day (YYYY-MM-DD) in Europe/Berlin: phases run by German calendar days. */
export function berlinDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const kindLabels: Record<string, string> = { municipality: 'Kommune', district: 'Landkreis', cooperation: 'Kooperation' };

export interface CountInput {
  roundId: string;
  landCode: string | null;
  kind: string;
  funded: boolean;
  approvedCents: number;
}

interface Sum {
  applications: number;
  funded: number;
  approvedCents: number;
}

function add(sum: Sum, c: CountInput): void {
  sum.applications += 1;
  if (c.funded) {
    sum.funded += 1;
    sum.approvedCents += c.approvedCents;
  }
}

/**
 * Applications received, projects funded and the sum approved, by Land, by kind of applicant and
 * by round. Every Land and kind appears, also with zeros: a Land without a funded project is a
 * fact worth showing.
 */
export function statisticsOf(
  counts: CountInput[],
  lands: Array<{ code: string; name: string }>,
  rounds: Array<{ id: string; slug: string; name: string; year: number; envelopeCents: number }>,
): PublicStatistics {
  const empty = (): Sum => ({ applications: 0, funded: 0, approvedCents: 0 });
  const byLand = new Map(lands.map((l) => [l.code, empty()]));
  const byKind = new Map(Object.keys(kindLabels).map((k) => [k, empty()]));
  const byRound = new Map(rounds.map((r) => [r.id, empty()]));
  const totals = empty();
  for (const c of counts) {
    add(totals, c);
    if (c.landCode && byLand.has(c.landCode)) add(byLand.get(c.landCode)!, c);
    if (byKind.has(c.kind)) add(byKind.get(c.kind)!, c);
    if (byRound.has(c.roundId)) add(byRound.get(c.roundId)!, c);
  }
  const row = (code: string, label: string, s: Sum): StatisticRow => ({ code, label, ...s });
  return {
    totals,
    byLand: lands.map((l) => row(l.code, l.name, byLand.get(l.code)!)),
    byKind: Object.entries(kindLabels).map(([k, label]) => row(k, label, byKind.get(k)!)),
    byRound: rounds.map((r) => ({ ...row(r.slug, r.name, byRound.get(r.id)!), year: r.year, envelopeCents: r.envelopeCents })),
  };
}

/** Cents as euros the way German spreadsheets read them: "1234567,89" (no thousands separator). */
export function euroText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export type OpenRecord = Record<string, string | number | boolean | null>;

/** One funded project as a flat open-data record: the same keys in the CSV header and the JSON. */
export function projectRecord(p: PublicProject, origin: string): OpenRecord {
  return {
    id: p.id,
    reference: p.reference,
    title: p.title,
    organisation: p.organisation.name,
    applicant_kind: p.organisation.kind,
    land_code: p.land?.code ?? null,
    land: p.land?.name ?? null,
    latitude: p.latitude,
    longitude: p.longitude,
    round: p.round.slug,
    round_year: p.round.year,
    approved_cents: p.approvedCents,
    approved_eur: euroText(p.approvedCents),
    status: p.status,
    current_phase: p.currentPhase,
    solutions: p.solutions,
    url: `${origin}/portal/projects/${p.id}`,
  };
}
