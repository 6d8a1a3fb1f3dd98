import { AppError } from '../../lib/errors';
import { requireAccess } from '../../lib/access';
import { recordEvent } from '../audit/audit.service';
import { applyChange, type ServiceContext } from '../context';
import type { DisbursementStatus, ReportKind, ReportStatus } from '../../db/schema/funding';
import * as q from './funding.queries';
import { grantPolicy } from './funding.policy';
import { scopeOf } from './funding.service';

export interface PastDisbursement {
  phasePosition: number;
  amountCents: number;
  purpose: string;
  status: DisbursementStatus;
  requestedBy: string | null;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

export interface PastReport {
  kind: ReportKind;
  title: string;
  dueOn: string;
  status: ReportStatus;
  body: string;
  submittedBy: string | null;
  submittedAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
}

/**
 * Takes over the past of grants kept elsewhere before (a migration, or the demo): their
 * disbursements and reports, written in bulk in one transaction with one audit event per grant
 * listing what was taken over. The rules of the live use cases still hold: a phase never pays
 * out or holds more than it was granted, and nobody approves their own request.
 */
export async function importHistory(ctx: ServiceContext, items: Array<{ grantId: string; disbursements: PastDisbursement[]; reports: PastReport[] }>): Promise<number> {
  const grants = await q.listGrants(ctx.db, { ids: items.map((i) => i.grantId) });
  const byId = new Map(grants.map((g) => [g.id, g]));
  for (const item of items) {
    const grant = byId.get(item.grantId);
    if (!grant) throw new AppError('NOT_FOUND', 'There is no such grant.');
    requireAccess(ctx.actor, grantPolicy, 'funding.edit', await scopeOf(ctx, grant));
  }
  return applyChange(ctx, async (tx) => {
    const phases = await q.phasesOf(tx, items.map((i) => i.grantId));
    const sums = await q.phaseSums(tx, phases.map((p) => p.id));
    let written = 0;
    for (const item of items) {
      const own = phases.filter((p) => p.grantId === item.grantId);
      const rows = item.disbursements.map((d, i) => {
        const phase = own.find((p) => p.position === d.phasePosition);
        if (!phase) throw new AppError('PHASE_NOT_OF_GRANT', 'The grant has no such phase.', { fields: [{ path: `${i}.phasePosition`, message: 'No such phase.' }] });
        if (d.decidedBy !== null && d.decidedBy === d.requestedBy) throw new AppError('DISBURSEMENT_OWN_REQUEST', 'A request is decided by someone other than its requester.');
        return { grantId: item.grantId, phaseId: phase.id, ...d };
      });
      for (const phase of own) {
        const held = rows.filter((r) => r.phaseId === phase.id && r.status !== 'rejected').reduce((s, r) => s + r.amountCents, 0);
        const before = sums.get(phase.id) ?? { disbursedCents: 0, pendingCents: 0 };
        if (before.disbursedCents + before.pendingCents + held > phase.approvedCents) {
          throw new AppError('DISBURSEMENT_EXCEEDS_PHASE', `The disbursements would pass phase ${phase.position}'s amount.`, { fields: [{ path: 'amountCents', message: 'More than the phase has.' }] });
        }
      }
      await q.insertDisbursements(tx, rows);
      await q.insertReports(tx, item.reports.map((r) => ({ grantId: item.grantId, ...r })));
      await recordEvent(tx, {
        actor: ctx.actor,
        at: ctx.now(),
        action: 'funding.import_history',
        subjectType: 'grant',
        subjectId: item.grantId,
        payload: {
          disbursements: rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null })),
          reports: item.reports.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null, reviewedAt: r.reviewedAt?.toISOString() ?? null })),
        },
      });
      written += rows.length + item.reports.length;
    }
    return { result: written, event: null };
  });
}
