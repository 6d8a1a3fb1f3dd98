import { AppError } from '../../lib/errors';
import { actorUserId, requireAccess } from '../../lib/access';
import { applyChange, type ServiceContext } from '../context';
import { enqueue } from '../notifications';
import * as q from './funding.queries';
import { grantPolicy } from './funding.policy';
import { addDays, berlinDate, REMINDER_DAYS_AHEAD, reminderStage, reportReminderKey, reportReminderText } from './funding.rules';
import { loadGrant, requireStale, toReport } from './funding.service';
import type { Report, ReportAcceptInput, ReportInput, ReportReturnInput, ReportSubmitInput } from './funding.schemas';
import type { ReportStatus } from '../../db/schema/funding';

/** The office sets a milestone, annual or final report the project owes by a day. */
export async function scheduleReport(ctx: ServiceContext, grantId: string, input: ReportInput): Promise<Report> {
  const { grant, scope } = await loadGrant(ctx, grantId);
  requireAccess(ctx.actor, grantPolicy, 'funding.schedule_report', scope);
  const row = await applyChange(ctx, async (tx) => {
    const inserted = await q.insertReport(tx, { grantId: grant.id, kind: input.kind, title: input.title.trim(), dueOn: input.dueOn, status: 'due' });
    return { result: inserted, event: { action: 'funding.schedule_report', subjectType: 'grant_report', subjectId: inserted.id, payload: { grantId: grant.id, kind: inserted.kind, title: inserted.title, dueOn: inserted.dueOn } } };
  });
  return toReport(row, berlinDate(ctx.now()));
}

/** A report and its grant's scope; a report of a grant the caller cannot see does not exist for them. */
async function loadReport(ctx: ServiceContext, id: string) {
  const row = await q.findReport(ctx.db, id);
  if (!row) throw new AppError(ctx.actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'NOT_FOUND', 'There is no such report.');
  return { row, ...(await loadGrant(ctx, row.grantId)) };
}

async function move(
  ctx: ServiceContext,
  id: string,
  ability: 'funding.submit_report' | 'funding.review_report',
  from: readonly ReportStatus[],
  version: number,
  change: (row: q.ReportRow) => Partial<q.ReportRow> & { status: ReportStatus },
  action: string,
): Promise<Report> {
  const { row, scope } = await loadReport(ctx, id);
  requireAccess(ctx.actor, grantPolicy, ability, scope);
  const updated = await applyChange(ctx, async (tx) => {
    const current = (await q.lockReport(tx, row.id))!;
    requireStale(current.version, version, 'report');
    if (!from.includes(current.status)) {
      throw new AppError('REPORT_NOT_OPEN', `The report is "${current.status}"; this needs it ${from.map((s) => `"${s}"`).join(' or ')}.`, { details: { reportStatus: current.status } });
    }
    const changes = change(current);
    const next = await q.updateReport(tx, current.id, changes);
    return {
      result: next,
      event: { action, subjectType: 'grant_report', subjectId: current.id, payload: { grantId: current.grantId, from: current.status, to: next.status, note: next.reviewNote, version: next.version } },
    };
  });
  return toReport(updated, berlinDate(ctx.now()));
}

/** The project submits a report that is due (or was returned); only the project of that grant may. */
export function submitReport(ctx: ServiceContext, id: string, input: ReportSubmitInput): Promise<Report> {
  return move(ctx, id, 'funding.submit_report', ['due', 'returned'], input.version, () => ({ status: 'submitted', body: input.body.trim(), submittedBy: actorUserId(ctx.actor), submittedAt: ctx.now() }), 'funding.submit_report');
}

export function acceptReport(ctx: ServiceContext, id: string, input: ReportAcceptInput): Promise<Report> {
  return move(ctx, id, 'funding.review_report', ['submitted'], input.version, () => ({ status: 'accepted', reviewedBy: actorUserId(ctx.actor), reviewedAt: ctx.now(), reviewNote: input.note?.trim() || null }), 'funding.accept_report');
}

/** The office sends a report back with what is missing; it is owed again (and may become overdue). */
export function returnReport(ctx: ServiceContext, id: string, input: ReportReturnInput): Promise<Report> {
  return move(ctx, id, 'funding.review_report', ['submitted'], input.version, () => ({ status: 'returned', reviewedBy: actorUserId(ctx.actor), reviewedAt: ctx.now(), reviewNote: input.note.trim() }), 'funding.return_report');
}

/**
 * The reminder scan (a background job; safe to run as often as wanted): one mail to the project
 * lead for every report still owed that is due within 14 days, and one more once it is overdue.
 * The outbox's dedupe key makes a repeated scan a no-op. Judged by ctx.now() on Berlin days.
 * Returns how many reminders it enqueued.
 */
export async function sendReportReminders(ctx: ServiceContext): Promise<number> {
  const today = berlinDate(ctx.now());
  let enqueued = 0;
  for (const { report, grant, lead } of await q.owedReportsUntil(ctx.db, addDays(today, REMINDER_DAYS_AHEAD))) {
    const stage = reminderStage(report, today);
    if (!stage) continue;
    const text = reportReminderText({ displayName: lead.displayName, grantReference: grant.reference, grantTitle: grant.title, reportTitle: report.title, dueOn: report.dueOn, stage });
    const added = await enqueue(ctx.db, {
      kind: `funding.report.${stage}`,
      recipient: lead.email,
      subject: text.subject,
      body: text.body,
      dedupeKey: reportReminderKey(report.id, stage, report.status),
      createdAt: ctx.now(),
    });
    if (added) enqueued += 1;
  }
  return enqueued;
}
