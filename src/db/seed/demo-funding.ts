import type { ServiceContext } from '../../modules/context';
import { findUserByEmail } from '../../modules/accounts/accounts.queries';
import * as office from '../../modules/applications/office.service';
import { sessionsService } from '../../modules/jury';
import * as programmes from '../../modules/programmes/programmes.service';
import { grantsService, historyService } from '../../modules/funding';
import type { PastDisbursement, PastReport } from '../../modules/funding/history.service';
import { DEMO_2020 } from './demo-applications.data';

export const DEMO_CASE_OFFICER = 'referat@stadtnetz.example';
export const DEMO_PROJECT_LEAD = 'projekt@stadtnetz.example';
/** The grant projekt@ leads: Smart Region AUF (Fuchstal, Apfeldorf, Unterdießen). */
export const DEMO_LED_ORGANISATION = 'Gemeinde Fuchstal mit den Gemeinden Apfeldorn und Unterdießen';
export const DEMO_GRANTS_START = '2021-01-01';

/** Funds are drawn every six months: four draws in the strategy phase, seven so far in implementation. */
const STRATEGY_DRAWS = ['2021-06-30', '2021-12-31', '2022-06-30', '2022-12-31'];
const IMPLEMENTATION_DRAWS = ['2023-06-30', '2023-12-31', '2024-06-30', '2024-12-31', '2025-06-30', '2025-12-31', '2026-06-30'];

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+01:00`);
const plusDays = (day: string, days: number) => new Date(at(day).getTime() + days * 86_400_000);

/**
 * A plausible past for one grant: draws of a varying share of each phase (strategy 20–23 %,
 * implementation 9–10 % per half-year, always within the phase), each approved two weeks later by
 * the case officer; yearly reports and the strategy milestone, accepted; last year's report
 * accepted or still under review, this year's due. The led grant has one request pending, last
 * year's report overdue and a milestone due in a few days.
 */
export function demoHistory(input: { index: number; phases: Array<{ position: number; approvedCents: number }>; led: boolean; leadId: string | null; officerId: string | null }): {
  disbursements: PastDisbursement[];
  reports: PastReport[];
} {
  const [strategy, implementation] = input.phases;
  const requester = input.led ? input.leadId : null;
  const draw = (phase: { position: number; approvedCents: number }, day: string, bp: number): PastDisbursement => ({
    phasePosition: phase.position,
    amountCents: Math.floor((phase.approvedCents * bp) / 10_000),
    purpose: phase.position === 1 ? `Abruf Strategiephase zum ${day}` : `Abruf Umsetzungsphase zum ${day}`,
    status: 'approved',
    requestedBy: requester,
    requestedAt: at(day),
    decidedBy: input.officerId,
    decidedAt: plusDays(day, 14),
    decisionNote: null,
  });
  const disbursements: PastDisbursement[] = [];
  if (strategy) for (const [i, day] of STRATEGY_DRAWS.entries()) disbursements.push(draw(strategy, day, 2000 + ((input.index + i) % 4) * 100));
  if (implementation) for (const [i, day] of IMPLEMENTATION_DRAWS.entries()) disbursements.push(draw(implementation, day, 900 + ((input.index + i) % 3) * 50));
  if (input.led && implementation) {
    disbursements.push({ ...draw(implementation, '2026-11-10', 500), purpose: 'Abruf Umsetzungsphase: Ausbau der Dorf-App, zweites Halbjahr 2026', status: 'requested', decidedBy: null, decidedAt: null });
  }

  const accepted = (kind: PastReport['kind'], title: string, dueOn: string): PastReport => ({
    kind,
    title,
    dueOn,
    status: 'accepted',
    body: `${title}: Stand der Arbeiten, Ausgaben nach Kostenarten, nächste Schritte.`,
    submittedBy: requester,
    submittedAt: plusDays(dueOn, -10),
    reviewedBy: input.officerId,
    reviewedAt: plusDays(dueOn, 20),
  });
  const owed = (kind: PastReport['kind'], title: string, dueOn: string): PastReport => ({ kind, title, dueOn, status: 'due', body: '', submittedBy: null, submittedAt: null, reviewedBy: null, reviewedAt: null });
  const reports: PastReport[] = [
    accepted('annual', 'Jahresbericht 2021', '2022-03-31'),
    accepted('milestone', 'Smart-City-Strategie beschlossen', '2022-12-31'),
    accepted('annual', 'Jahresbericht 2022', '2023-03-31'),
    accepted('annual', 'Jahresbericht 2023', '2024-03-31'),
    accepted('annual', 'Jahresbericht 2024', '2025-03-31'),
  ];
  if (input.led) {
    reports.push(owed('annual', 'Jahresbericht 2025', '2026-03-31'));
    reports.push(owed('milestone', 'Dorf-App in allen drei Gemeinden freigeschaltet', '2026-12-05'));
  } else if (input.index % 2 === 0) {
    reports.push(accepted('annual', 'Jahresbericht 2025', '2026-03-31'));
  } else {
    reports.push({ ...accepted('annual', 'Jahresbericht 2025', '2026-03-31'), status: 'submitted', reviewedBy: null, reviewedAt: null });
  }
  reports.push(owed('annual', 'Jahresbericht 2026', '2027-03-31'));
  return { disbursements, reports };
}

/**
 * A grant for each of round 2020's selected decisions, through the funding module's bulk
 * services (one transaction each for the grants and for their past, one audit event per grant):
 * phases proposed by the rules from 1 January 2021, the case officer referat@, projekt@ as the
 * lead of Smart Region AUF. Decisions that have their grant already are skipped, so a second run
 * adds nothing.
 */
export async function seedDemoFunding(ctx: ServiceContext): Promise<string[]> {
  const round = await programmes.getRoundBySlug(ctx, DEMO_2020.programmeSlug, DEMO_2020.roundSlug);
  if (round.status !== 'published' && round.status !== 'decided') return [];
  const selected = (await sessionsService.listDecisions(ctx, round.id)).filter((d) => d.outcome === 'selected');
  const have = new Set((await grantsService.listGrants(ctx, { roundId: round.id })).map((g) => g.id));
  if (selected.length === 0 || have.size >= selected.length) return [];

  const officer = await findUserByEmail(ctx.db, DEMO_CASE_OFFICER);
  const lead = await findUserByEmail(ctx.db, DEMO_PROJECT_LEAD);
  const applications = await office.listRoundApplications(ctx, round.id, { status: 'submitted' });
  const ledApplication = applications.find((a) => a.organisation === DEMO_LED_ORGANISATION)?.id;
  const made = await grantsService.createGrantsInBulk(
    ctx,
    selected.map((d) => ({
      decisionId: d.id,
      startsOn: DEMO_GRANTS_START,
      caseOfficerId: officer?.id ?? null,
      projectLeadId: d.applicationId === ledApplication ? (lead?.id ?? null) : null,
    })),
  );
  if (made.length === 0) return [];

  const details = await grantsService.listGrants(ctx, { roundId: round.id });
  const order = new Map(details.map((g, i) => [g.id, i]));
  const phases = new Map<string, Array<{ position: number; approvedCents: number }>>();
  for (const g of made) phases.set(g.id, (await grantsService.getGrant(ctx, g.id)).phases);
  const written = await historyService.importHistory(
    ctx,
    made.map((g) => ({
      grantId: g.id,
      ...demoHistory({ index: order.get(g.id) ?? 0, phases: phases.get(g.id)!, led: g.applicationId === ledApplication, leadId: lead?.id ?? null, officerId: officer?.id ?? null }),
    })),
  );
  return [`${made.length} grants of round 2020 with ${written} disbursements and reports`];
}
