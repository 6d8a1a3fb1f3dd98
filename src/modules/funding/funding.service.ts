import { AppError, type FieldProblem } from '../../lib/errors';
import { abilitiesOf, requireAccess, systemActor } from '../../lib/access';
import { isUniqueViolation } from '../../db/errors';
import type { grants } from '../../db/schema';
import { recordEvent } from '../audit/audit.service';
import { applyChange, type ServiceContext } from '../context';
import { referenceOf } from '../applications/applications.service';
import * as organisations from '../organisations/organisations.service';
import * as programmes from '../programmes/programmes.service';
import type { Round } from '../programmes/programmes.schemas';
import * as q from './funding.queries';
import { grantPolicy, programmePolicy, type GrantScope } from './funding.policy';
import { availableCents, berlinDate, berlinYear, currentPhase, grantFinancials, grantReference, isOverdue, phaseProblems, proposePhases, type PhasePlan } from './funding.rules';
import type { Disbursement, GrantDetail, GrantInput, GrantSummary, GrantUpdate, Obligations, Phase, Report } from './funding.schemas';

// ── Shared helpers of the funding services ────────────────────────────────────────────

/** Reads of other modules funding needs whatever the caller may see there; funding's policy decides first. */
export function asSystem(ctx: ServiceContext): ServiceContext {
  return { ...ctx, actor: systemActor('funding') };
}

/** The caller's role in each organisation they belong to. */
async function memberRoles(ctx: ServiceContext): Promise<Map<string, 'admin' | 'member'>> {
  if (ctx.actor.kind !== 'user') return new Map();
  return new Map((await organisations.organisationsOfActor(ctx)).filter((o) => o.myRole !== null).map((o) => [o.id, o.myRole!]));
}

export async function scopeOf(ctx: ServiceContext, grant: q.GrantRow, roles?: Map<string, 'admin' | 'member'>): Promise<GrantScope> {
  const mine = roles ?? (await memberRoles(ctx));
  return { programmeId: grant.programmeId, roundId: grant.roundId, projectLeadId: grant.projectLeadId, memberRole: mine.get(grant.organisationId) ?? null };
}

/** The grant and the caller's scope on it; unknown grants answer 404 (or 401 to anonymous callers). */
export async function loadGrant(ctx: ServiceContext, id: string): Promise<{ grant: q.GrantRow; scope: GrantScope }> {
  const grant = await q.findGrant(ctx.db, id);
  if (!grant) throw new AppError(ctx.actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'NOT_FOUND', 'There is no such grant.');
  return { grant, scope: await scopeOf(ctx, grant) };
}

export function requireStale(current: number, given: number, what: string): void {
  if (current !== given) throw new AppError('STALE_VERSION', `The ${what} has changed since you loaded it (version ${current}, you sent ${given}); reload it.`, { details: { version: current } });
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

function person(names: Map<string, string>, id: string | null) {
  return id ? { id, displayName: names.get(id) ?? '' } : null;
}

export function toDisbursement(row: q.DisbursementRow, names: Map<string, string>): Disbursement {
  return {
    id: row.id,
    grantId: row.grantId,
    phaseId: row.phaseId,
    amountCents: row.amountCents,
    purpose: row.purpose,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    requestedBy: person(names, row.requestedBy),
    decidedAt: iso(row.decidedAt),
    decidedBy: person(names, row.decidedBy),
    decisionNote: row.decisionNote,
    version: row.version,
  };
}

export function toReport(row: q.ReportRow, today: string): Report {
  return {
    id: row.id,
    grantId: row.grantId,
    kind: row.kind,
    title: row.title,
    dueOn: row.dueOn,
    status: row.status,
    overdue: isOverdue(row, today),
    body: row.body,
    submittedAt: iso(row.submittedAt),
    reviewedAt: iso(row.reviewedAt),
    reviewNote: row.reviewNote,
    version: row.version,
  };
}

function toPhase(row: q.PhaseRow, sums: Map<string, { disbursedCents: number; pendingCents: number }>): Phase {
  const s = sums.get(row.id) ?? { disbursedCents: 0, pendingCents: 0 };
  return {
    id: row.id,
    kind: row.kind,
    position: row.position,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    approvedCents: row.approvedCents,
    disbursedCents: s.disbursedCents,
    pendingCents: s.pendingCents,
    availableCents: availableCents({ approvedCents: row.approvedCents, ...s }),
  };
}

/** Summaries of several grants with four queries, whatever their number. */
async function summaries(ctx: ServiceContext, rows: q.GrantRow[]): Promise<Map<string, { summary: GrantSummary; phases: Phase[]; reports: q.ReportRow[] }>> {
  const ids = rows.map((g) => g.id);
  const sys = asSystem(ctx);
  const [phaseRows, reportRows, disbursementRows, orgs] = await Promise.all([
    q.phasesOf(ctx.db, ids),
    q.reportsOf(ctx.db, ids),
    q.disbursementsOf(ctx.db, ids),
    organisations.organisationSummaries(sys, rows.map((g) => g.organisationId)),
  ]);
  const sums = await q.phaseSums(ctx.db, phaseRows.map((p) => p.id));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const rounds = new Map<string, Round>();
  for (const roundId of new Set(rows.map((g) => g.roundId))) rounds.set(roundId, await programmes.getRound(sys, roundId));
  const today = berlinDate(ctx.now());
  const result = new Map<string, { summary: GrantSummary; phases: Phase[]; reports: q.ReportRow[] }>();
  for (const g of rows) {
    const phases = phaseRows.filter((p) => p.grantId === g.id).map((p) => toPhase(p, sums));
    const reports = reportRows.filter((r) => r.grantId === g.id);
    const org = orgById.get(g.organisationId);
    const round = rounds.get(g.roundId)!;
    result.set(g.id, {
      phases,
      reports,
      summary: {
        id: g.id,
        reference: g.reference,
        title: g.title,
        status: g.status,
        organisation: { id: g.organisationId, name: org?.displayName ?? '', kind: org?.kind ?? 'municipality' },
        round: { id: round.id, name: round.name, year: round.year },
        approvedCents: g.approvedCents,
        disbursedCents: phases.reduce((s, p) => s + p.disbursedCents, 0),
        pendingCents: phases.reduce((s, p) => s + p.pendingCents, 0),
        currentPhase: currentPhase(phases, today),
        overdueReports: reports.filter((r) => isOverdue(r, today)).length,
        pendingDisbursements: disbursementRows.filter((d) => d.grantId === g.id && d.status === 'requested').length,
      },
    });
  }
  return result;
}

async function obligationsOf(ctx: ServiceContext, organisationId: string): Promise<Obligations> {
  const [solutions, exchange] = await Promise.all([q.solutionsOf(ctx.db, organisationId), q.exchangeOf(ctx.db, organisationId)]);
  return {
    openSource: { met: solutions.some((s) => s.publiccodeValid === true), solutions },
    exchange: { met: exchange.events > 0, ...exchange },
  };
}

/** The whole grant as the caller may see it (the caller's access is checked by the use case). */
export async function presentGrant(ctx: ServiceContext, grant: q.GrantRow, scope: GrantScope): Promise<GrantDetail> {
  const { summary, phases, reports } = (await summaries(ctx, [grant])).get(grant.id)!;
  const disbursementRows = await q.disbursementsOf(ctx.db, [grant.id]);
  const names = await q.displayNames(ctx.db, [grant.caseOfficerId, grant.projectLeadId, ...disbursementRows.flatMap((d) => [d.requestedBy, d.decidedBy])]);
  const today = berlinDate(ctx.now());
  return {
    ...summary,
    programmeId: grant.programmeId,
    eligibleCostsCents: grant.eligibleCostsCents,
    fundingRateBp: grant.fundingRateBp,
    ownShareCents: grant.ownShareCents,
    startsOn: grant.startsOn,
    endsOn: grant.endsOn,
    caseOfficer: person(names, grant.caseOfficerId),
    projectLead: person(names, grant.projectLeadId),
    version: grant.version,
    phases,
    disbursements: disbursementRows.map((d) => toDisbursement(d, names)),
    reports: reports.map((r) => toReport(r, today)),
    obligations: await obligationsOf(ctx, grant.organisationId),
    abilities: abilitiesOf(ctx.actor, grantPolicy, scope),
  };
}

// ── Reading ───────────────────────────────────────────────────────────────────────────

export async function getGrant(ctx: ServiceContext, id: string): Promise<GrantDetail> {
  const { grant, scope } = await loadGrant(ctx, id);
  requireAccess(ctx.actor, grantPolicy, 'funding.read', scope);
  return presentGrant(ctx, grant, scope);
}

/**
 * The grants the caller may see: the office those of its programmes, a project lead and the
 * members of a funded organisation their own. Anonymous callers are asked to log in.
 */
export async function listGrants(ctx: ServiceContext, filter: { programmeId?: string; roundId?: string }): Promise<GrantSummary[]> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const roles = await memberRoles(ctx);
  const rows = await q.listGrants(ctx.db, filter);
  const visible: q.GrantRow[] = [];
  for (const g of rows) if (grantPolicy['funding.read']!(ctx.actor, await scopeOf(ctx, g, roles)) === true) visible.push(g);
  const made = await summaries(ctx, visible);
  return visible.map((g) => made.get(g.id)!.summary);
}

// ── Making grants ─────────────────────────────────────────────────────────────────────

async function requireUser(ctx: ServiceContext, id: string | null | undefined, path: string): Promise<void> {
  if (id && !(await q.userExists(ctx.db, id))) throw new AppError('VALIDATION_FAILED', 'There is no such account.', { fields: [{ path, message: 'There is no such account.' }] });
}

export interface GrantPlan {
  decision: NonNullable<Awaited<ReturnType<typeof q.decisionFacts>>>;
  round: Round;
  values: Omit<typeof grants.$inferInsert, 'id'>;
  phases: PhasePlan[];
}

/** Checks a grant for a decision and works out its figures; throws what is wrong. */
async function planGrant(ctx: ServiceContext, decisionId: string, input: GrantInput): Promise<GrantPlan> {
  const decision = await q.decisionFacts(ctx.db, decisionId);
  if (!decision) throw new AppError(ctx.actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'NOT_FOUND', 'There is no such decision.');
  const round = await programmes.getRound(asSystem(ctx), decision.roundId);
  requireAccess(ctx.actor, programmePolicy, 'funding.create_grant', { programmeId: round.programmeId, roundId: round.id });
  if (decision.outcome !== 'selected') {
    throw new AppError('DECISION_NOT_SELECTED', `The decision is "${decision.outcome}"; only a selected application becomes a grant.`, { details: { outcome: decision.outcome } });
  }
  if (await q.findGrantByDecision(ctx.db, decisionId)) throw new AppError('CONFLICT', 'This decision has its grant already.', { details: { decisionId } });
  await requireUser(ctx, input.projectLeadId, 'projectLeadId');
  await requireUser(ctx, input.caseOfficerId, 'caseOfficerId');
  const startsOn = input.startsOn ?? `${berlinYear(decision.decidedAt) + 1}-01-01`;
  const phases = input.phases ?? proposePhases(decision.fundingCents, startsOn);
  const problems: FieldProblem[] = phaseProblems(phases, decision.fundingCents);
  if (problems.length > 0) {
    throw new AppError('GRANT_PHASES_INVALID', problems.map((p) => p.message).join(' '), { fields: problems, details: { fundingCents: decision.fundingCents } });
  }
  const money = grantFinancials({ fundingCents: decision.fundingCents, requestedCents: decision.requestedCents, eligibleCostsCents: decision.eligibleCostsCents, rateBp: decision.rateBp });
  return {
    decision,
    round,
    phases,
    values: {
      reference: grantReference(referenceOf({ id: decision.applicationId }, round)),
      decisionId: decision.id,
      applicationId: decision.applicationId,
      programmeId: round.programmeId,
      roundId: round.id,
      organisationId: decision.organisationId,
      title: decision.title ?? '',
      approvedCents: decision.fundingCents,
      eligibleCostsCents: money.eligibleCostsCents,
      fundingRateBp: decision.rateBp,
      ownShareCents: money.ownShareCents,
      caseOfficerId: input.caseOfficerId ?? null,
      projectLeadId: input.projectLeadId ?? null,
      startsOn: phases[0]!.startsOn,
      endsOn: phases.at(-1)!.endsOn,
      createdAt: ctx.now(),
    },
  };
}

/** Writes a planned grant and its phases, and its audit event, inside the caller's transaction. */
async function writeGrant(ctx: ServiceContext, tx: typeof ctx.db, plan: GrantPlan): Promise<q.GrantRow> {
  let grant: q.GrantRow;
  try {
    grant = await q.insertGrant(tx, plan.values);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'This decision has its grant already.', { details: { decisionId: plan.decision.id } });
    throw error;
  }
  const phases = await q.insertPhases(
    tx,
    plan.phases.map((p, i) => ({ grantId: grant.id, kind: p.kind, position: i + 1, startsOn: p.startsOn, endsOn: p.endsOn, approvedCents: p.approvedCents })),
  );
  await recordEvent(tx, {
    actor: ctx.actor,
    at: ctx.now(),
    action: 'funding.create_grant',
    subjectType: 'grant',
    subjectId: grant.id,
    payload: { ...grant, createdAt: grant.createdAt.toISOString(), phases: phases.map(({ grantId: _g, ...p }) => p) },
  });
  return grant;
}

/**
 * The office turns a selected decision into a grant: the decision's funding, the application's
 * rate, eligible costs and own share, phases (proposed by the rules unless given, always adding
 * up to the funding), the case officer and the project lead. One grant per decision.
 */
export async function createGrant(ctx: ServiceContext, decisionId: string, input: GrantInput): Promise<GrantDetail> {
  const plan = await planGrant(ctx, decisionId, input);
  const grant = await applyChange(ctx, async (tx) => ({ result: await writeGrant(ctx, tx, plan), event: null }));
  return presentGrant(ctx, grant, await scopeOf(ctx, grant));
}

/**
 * Grants for many decisions in one transaction (the demo seed), each with its own audit event;
 * decisions that have their grant already are skipped. Only the office or the system may.
 */
export async function createGrantsInBulk(ctx: ServiceContext, items: Array<{ decisionId: string } & GrantInput>): Promise<q.GrantRow[]> {
  const existing = new Set((await q.grantsByDecisions(ctx.db, items.map((i) => i.decisionId))).map((g) => g.decisionId));
  const plans: GrantPlan[] = [];
  for (const { decisionId, ...input } of items) if (!existing.has(decisionId)) plans.push(await planGrant(ctx, decisionId, input));
  if (plans.length === 0) return [];
  return applyChange(ctx, async (tx) => {
    const made: q.GrantRow[] = [];
    for (const plan of plans) made.push(await writeGrant(ctx, tx, plan));
    return { result: made, event: null };
  });
}

/** The office changes who is responsible, or closes the grant (completed or terminated). */
export async function updateGrant(ctx: ServiceContext, id: string, input: GrantUpdate): Promise<GrantDetail> {
  const { grant, scope } = await loadGrant(ctx, id);
  requireAccess(ctx.actor, grantPolicy, 'funding.edit', scope);
  await requireUser(ctx, input.projectLeadId, 'projectLeadId');
  await requireUser(ctx, input.caseOfficerId, 'caseOfficerId');
  const updated = await applyChange(ctx, async (tx) => {
    const locked = (await q.lockGrant(tx, grant.id))!;
    requireStale(locked.version, input.version, 'grant');
    const changes: Partial<q.GrantRow> = {};
    if (input.projectLeadId !== undefined) changes.projectLeadId = input.projectLeadId;
    if (input.caseOfficerId !== undefined) changes.caseOfficerId = input.caseOfficerId;
    if (input.status !== undefined) changes.status = input.status;
    const row = await q.updateGrant(tx, grant.id, changes);
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, locked[k as keyof q.GrantRow]]));
    return { result: row, event: { action: 'funding.update_grant', subjectType: 'grant', subjectId: grant.id, payload: { before, after: changes, version: row.version } } };
  });
  return presentGrant(ctx, updated, await scopeOf(ctx, updated));
}
