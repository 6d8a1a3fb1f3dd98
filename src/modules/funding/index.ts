/**
 * The funding module: grants made from selected decisions, their phases, disbursements and
 * reports, the programme's budget figures and the report reminders.
 *
 * Services other modules (and the demo seed) call, each with a ServiceContext whose actor the
 * module authorises; amounts are integer cents, days 'YYYY-MM-DD' (Europe/Berlin):
 *   grantsService.createGrant(ctx, decisionId, { projectLeadId?, caseOfficerId?, startsOn?, phases? })
 *   grantsService.createGrantsInBulk(ctx, [{ decisionId, ... }])     // one event per grant, one transaction
 *   grantsService.getGrant(ctx, id) / listGrants(ctx, { programmeId?, roundId? }) / updateGrant(ctx, id, { version, ... })
 *   disbursementsService.requestDisbursement(ctx, grantId, { phaseId, amountCents, purpose })
 *   disbursementsService.approveDisbursement / rejectDisbursement(ctx, id, { version, note })
 *   reportsService.scheduleReport / submitReport / acceptReport / returnReport
 *   reportsService.sendReportReminders(ctx)                          // background job
 *   historyService.importHistory(ctx, [{ grantId, disbursements, reports }])
 *   getBudget(ctx, programmeId)
 */
export { fundingRoutes } from './funding.routes';
export * as grantsService from './funding.service';
export * as disbursementsService from './disbursements.service';
export * as reportsService from './reports.service';
export * as historyService from './history.service';
export { getBudget } from './budget.service';
export { sendReportReminders } from './reports.service';
