import { AppError } from '../../lib/errors';
import { requireAccess } from '../../lib/access';
import type { FormalCheck } from '../../db/schema/applications';
import { applyChange, type ServiceContext } from '../context';
import * as programmes from '../programmes/programmes.service';
import * as regions from '../regions/regions.service';
import * as q from './applications.queries';
import { roundApplicationsPolicy, applicationPolicy } from './applications.policy';
import { getApplication, loadApplication, referenceOf } from './applications.service';

export interface OfficeRow {
  id: string;
  reference: string;
  organisation: string;
  sortName: string;
  kind: 'municipality' | 'district' | 'cooperation';
  land: string;
  landName: string;
  leadAgs: string;
  title: string;
  acronym: string;
  status: 'draft' | 'submitted' | 'withdrawn';
  submittedAt: string | null;
  eligibleCostsCents: number;
  rateBp: number;
  requestedCents: number;
  ownContributionCents: number;
  formalCheck: FormalCheck;
  formalCheckReason: string | null;
  receiptHash: string | null;
}

export async function listRoundApplications(ctx: ServiceContext, roundId: string, filter: q.OfficeFilter): Promise<OfficeRow[]> {
  const round = await programmes.getRound(ctx, roundId);
  requireAccess(ctx.actor, roundApplicationsPolicy, 'applications.list', { programmeId: round.programmeId, roundId: round.id });
  const rows = await q.listForRound(ctx.db, round.id, filter);
  const lands = new Map((await regions.findRegions(ctx, [...new Set(rows.map((r) => r.leadArs.slice(0, 2)))])).map((r) => [r.ars, r.name]));
  const leads = new Map((await regions.findRegions(ctx, rows.map((r) => r.leadArs))).map((r) => [r.ars, r]));
  return rows.map(({ application: a, organisation: o, leadArs }) => ({
    id: a.id,
    reference: referenceOf(a, round),
    organisation: o.displayName,
    sortName: o.sortName,
    kind: o.kind,
    land: leadArs.slice(0, 2),
    landName: lands.get(leadArs.slice(0, 2)) ?? leadArs.slice(0, 2),
    leadAgs: leads.get(leadArs)?.ags ?? leadArs,
    title: a.content.title,
    acronym: a.content.acronym,
    status: a.status,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    eligibleCostsCents: a.eligibleCostsCents,
    rateBp: a.rateBp,
    requestedCents: a.requestedCents,
    ownContributionCents: a.eligibleCostsCents - a.requestedCents,
    formalCheck: a.formalCheck,
    formalCheckReason: a.formalCheckReason,
    receiptHash: a.receiptHash,
  }));
}

/** The formal check: eligible, or ineligible with a reason; recorded and audited. */
export async function recordFormalCheck(ctx: ServiceContext, id: string, input: { result: 'eligible' | 'ineligible'; reason: string }) {
  const loaded = await loadApplication(ctx, id);
  requireAccess(ctx.actor, applicationPolicy, 'application.check', loaded.subject);
  if (loaded.row.status !== 'submitted') {
    throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', 'Only submitted applications are checked.');
  }
  if (input.result === 'ineligible' && input.reason.trim().length < 5) {
    throw new AppError('VALIDATION_FAILED', 'Give the reason why the application is ineligible.', { fields: [{ path: 'reason', message: 'A reason is required.' }] });
  }
  await applyChange(ctx, async (tx) => {
    const updated = await q.updateApplication(tx, id, loaded.row.version, { formalCheck: input.result, formalCheckReason: input.reason.trim() || null });
    if (!updated) throw new AppError('STALE_VERSION', 'The application changed in the meantime; reload and check again.');
    return { result: updated, event: { action: 'applications.check', subjectType: 'application', subjectId: id, payload: input } };
  });
  return getApplication(ctx, id);
}
