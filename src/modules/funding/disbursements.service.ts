import { AppError } from '../../lib/errors';
import { actorUserId, requireAccess } from '../../lib/access';
import type { Db } from '../../db/connection';
import { applyChange, type ServiceContext } from '../context';
import * as organisations from '../organisations/organisations.service';
import * as programmes from '../programmes/programmes.service';
import * as q from './funding.queries';
import { grantPolicy, isFundingStaff, programmePolicy } from './funding.policy';
import { availableCents } from './funding.rules';
import { asSystem, loadGrant, requireStale, toDisbursement } from './funding.service';
import type { ApproveInput, Disbursement, DisbursementInput, QueuedDisbursement, RejectInput } from './funding.schemas';

const euros = (cents: number) => `${(cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} €`;

async function present(db: Db, row: q.DisbursementRow): Promise<Disbursement> {
  return toDisbursement(row, await q.displayNames(db, [row.requestedBy, row.decidedBy]));
}

function requireActive(grant: q.GrantRow): void {
  if (grant.status !== 'active') {
    throw new AppError('GRANT_NOT_ACTIVE', `The grant is "${grant.status}"; money moves only on an active grant.`, { details: { grantStatus: grant.status } });
  }
}

/** The phase's figures read under its row lock, so no other request or approval moves them until commit. */
async function lockedPhase(tx: Db, phaseId: string) {
  const phase = await q.lockPhase(tx, phaseId);
  if (!phase) return undefined;
  const sums = (await q.phaseSums(tx, [phase.id])).get(phase.id) ?? { disbursedCents: 0, pendingCents: 0 };
  return { phase, ...sums, availableCents: availableCents({ approvedCents: phase.approvedCents, ...sums }) };
}

function exceeds(amountCents: number, available: number, phaseId: string): AppError {
  return new AppError(
    'DISBURSEMENT_EXCEEDS_PHASE',
    `${euros(amountCents)} is more than the ${euros(Math.max(0, available))} the phase has left (approved minus disbursed minus pending requests).`,
    { fields: [{ path: 'amountCents', message: `At most ${euros(Math.max(0, available))} are left in this phase.` }], details: { availableCents: Math.max(0, available), phaseId } },
  );
}

/**
 * The project (its lead or an administrator of its organisation) asks for money from one phase.
 * The amount must fit what the phase has left, counting requests still pending, so two requests
 * cannot together pass it; the phase's row lock makes concurrent requests wait for each other.
 */
export async function requestDisbursement(ctx: ServiceContext, grantId: string, input: DisbursementInput): Promise<Disbursement> {
  const { grant, scope } = await loadGrant(ctx, grantId);
  requireAccess(ctx.actor, grantPolicy, 'funding.request_disbursement', scope);
  requireActive(grant);
  const row = await applyChange(ctx, async (tx) => {
    const locked = await lockedPhase(tx, input.phaseId);
    if (!locked || locked.phase.grantId !== grant.id) {
      throw new AppError('PHASE_NOT_OF_GRANT', 'The phase is not one of this grant’s.', { fields: [{ path: 'phaseId', message: 'Choose a phase of this grant.' }] });
    }
    if (input.amountCents > locked.availableCents) throw exceeds(input.amountCents, locked.availableCents, locked.phase.id);
    const inserted = await q.insertDisbursement(tx, {
      grantId: grant.id,
      phaseId: locked.phase.id,
      amountCents: input.amountCents,
      purpose: input.purpose.trim(),
      status: 'requested',
      requestedBy: actorUserId(ctx.actor),
      requestedAt: ctx.now(),
    });
    return {
      result: inserted,
      event: {
        action: 'funding.request_disbursement',
        subjectType: 'disbursement',
        subjectId: inserted.id,
        payload: { grantId: grant.id, phaseId: inserted.phaseId, amountCents: inserted.amountCents, purpose: inserted.purpose, availableBeforeCents: locked.availableCents },
      },
    };
  });
  return present(ctx.db, row);
}

async function loadDisbursement(ctx: ServiceContext, id: string) {
  const row = await q.findDisbursement(ctx.db, id);
  if (!row) throw new AppError(ctx.actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'NOT_FOUND', 'There is no such disbursement.');
  return { row, ...(await loadGrant(ctx, row.grantId)) };
}

/**
 * The office approves or rejects a pending request; never the person who requested it (four
 * eyes). Approving re-checks the phase's amount under its lock: approved plus disbursed may
 * never pass what the phase was granted, even if the phase was changed since the request.
 */
async function decide(ctx: ServiceContext, id: string, outcome: 'approved' | 'rejected', input: { version: number; note?: string | undefined }): Promise<Disbursement> {
  const { row, grant, scope } = await loadDisbursement(ctx, id);
  requireAccess(ctx.actor, grantPolicy, 'funding.decide_disbursement', scope);
  const me = actorUserId(ctx.actor);
  if (me !== null && row.requestedBy === me) {
    throw new AppError('DISBURSEMENT_OWN_REQUEST', 'You requested this disbursement; someone else in the programme office decides it.');
  }
  const updated = await applyChange(ctx, async (tx) => {
    const locked = (await lockedPhase(tx, row.phaseId))!;
    const current = (await q.lockDisbursement(tx, row.id))!;
    requireStale(current.version, input.version, 'disbursement');
    if (current.status !== 'requested') {
      throw new AppError('DISBURSEMENT_NOT_PENDING', `The request is "${current.status}" already.`, { details: { disbursementStatus: current.status } });
    }
    if (outcome === 'approved') {
      requireActive((await q.lockGrant(tx, grant.id))!);
      // The pending sum includes this request, so what is left must not be negative.
      if (locked.availableCents < 0) throw exceeds(current.amountCents, locked.availableCents + current.amountCents, locked.phase.id);
    }
    const decided = await q.decideDisbursement(tx, current.id, { status: outcome, decidedBy: me, decidedAt: ctx.now(), decisionNote: input.note?.trim() || null });
    return {
      result: decided,
      event: {
        action: outcome === 'approved' ? 'funding.approve_disbursement' : 'funding.reject_disbursement',
        subjectType: 'disbursement',
        subjectId: current.id,
        payload: { grantId: grant.id, phaseId: current.phaseId, amountCents: current.amountCents, note: decided.decisionNote, version: decided.version },
      },
    };
  });
  return present(ctx.db, updated);
}

export const approveDisbursement = (ctx: ServiceContext, id: string, input: ApproveInput) => decide(ctx, id, 'approved', input);
export const rejectDisbursement = (ctx: ServiceContext, id: string, input: RejectInput) => decide(ctx, id, 'rejected', input);

/** The office's queue: requests (or all disbursements) of the programmes the caller works for, oldest first. */
export async function listDisbursements(ctx: ServiceContext, query: { programmeId?: string; status?: q.DisbursementRow['status'] }): Promise<QueuedDisbursement[]> {
  const sys = asSystem(ctx);
  const programmeIds = query.programmeId
    ? [(await programmes.getProgramme(sys, query.programmeId)).id]
    : (await programmes.listProgrammes(sys)).map((p) => p.id).filter((pid) => isFundingStaff(ctx.actor, { programmeId: pid }));
  requireAccess(ctx.actor, programmePolicy, 'funding.list_disbursements', { programmeId: programmeIds[0] ?? '' });
  const rows = await q.disbursementsOfProgramme(ctx.db, programmeIds, query.status);
  const names = await q.displayNames(ctx.db, rows.flatMap((r) => [r.disbursement.requestedBy, r.disbursement.decidedBy]));
  const orgs = new Map((await organisations.organisationSummaries(sys, rows.map((r) => r.grant.organisationId))).map((o) => [o.id, o.displayName]));
  return rows.map((r) => ({
    ...toDisbursement(r.disbursement, names),
    grant: { id: r.grant.id, reference: r.grant.reference, title: r.grant.title, organisationName: orgs.get(r.grant.organisationId) ?? '' },
  }));
}
