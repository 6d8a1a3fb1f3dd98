import { z } from 'zod';
import { disbursementStatuses, grantStatuses, phaseKinds, reportKinds, reportStatuses } from '../../db/schema/funding';
import { organisationKinds } from '../../db/schema/organisations';

/** A Berlin calendar day. */
const day = z.iso.date();
const cents = z.number().int();
const person = z.object({ id: z.uuid(), displayName: z.string() }).nullable();

export const grantParams = z.object({ id: z.uuid() });
export const decisionParams = z.object({ decisionId: z.uuid() });
export const programmeParams = z.object({ programmeId: z.uuid() });

// ── Grants ──

export const grantListQuery = z.object({ programmeId: z.uuid().optional(), roundId: z.uuid().optional() });

export const grantSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(grantStatuses),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(organisationKinds) }),
  round: z.object({ id: z.uuid(), name: z.string(), year: z.number().int() }),
  approvedCents: cents,
  disbursedCents: cents,
  pendingCents: cents,
  currentPhase: z.enum(phaseKinds).nullable(),
  overdueReports: z.number().int(),
  pendingDisbursements: z.number().int(),
});

export const phase = z.object({
  id: z.uuid(),
  kind: z.enum(phaseKinds),
  position: z.number().int(),
  startsOn: day,
  endsOn: day,
  approvedCents: cents,
  disbursedCents: cents,
  pendingCents: cents,
  /** approved − disbursed − pending. */
  availableCents: cents,
});

export const disbursement = z.object({
  id: z.uuid(),
  grantId: z.uuid(),
  phaseId: z.uuid(),
  amountCents: cents,
  purpose: z.string(),
  status: z.enum(disbursementStatuses),
  requestedAt: z.string(),
  requestedBy: person,
  decidedAt: z.string().nullable(),
  decidedBy: person,
  decisionNote: z.string().nullable(),
  version: z.number().int(),
});

export const report = z.object({
  id: z.uuid(),
  grantId: z.uuid(),
  kind: z.enum(reportKinds),
  title: z.string(),
  dueOn: day,
  status: z.enum(reportStatuses),
  /** Still owed and past its due day (Europe/Berlin), judged by the server's clock. */
  overdue: z.boolean(),
  body: z.string(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  version: z.number().int(),
});

export const obligations = z.object({
  openSource: z.object({
    met: z.boolean(),
    solutions: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), licence: z.string(), publiccodeValid: z.boolean().nullable() })),
  }),
  exchange: z.object({ met: z.boolean(), events: z.number().int(), articles: z.number().int() }),
});

export const grantDetail = grantSummary.extend({
  programmeId: z.uuid(),
  eligibleCostsCents: cents,
  fundingRateBp: z.number().int(),
  ownShareCents: cents,
  startsOn: day,
  endsOn: day,
  caseOfficer: person,
  projectLead: person,
  version: z.number().int(),
  phases: z.array(phase),
  disbursements: z.array(disbursement),
  reports: z.array(report),
  obligations,
  abilities: z.array(z.string()),
});

export const phaseInput = z.object({
  kind: z.enum(phaseKinds),
  startsOn: day,
  endsOn: day,
  approvedCents: z.number().int().min(0),
});

export const grantInput = z.object({
  projectLeadId: z.uuid().nullable().optional(),
  caseOfficerId: z.uuid().nullable().optional(),
  /** Default: the first day of the year after the decision. */
  startsOn: day.optional(),
  /** Left out: proposed by the rules (two years of strategy, five of implementation). */
  phases: z.array(phaseInput).min(1).max(10).optional(),
});

export const grantUpdate = z.object({
  version: z.number().int(),
  projectLeadId: z.uuid().nullable().optional(),
  caseOfficerId: z.uuid().nullable().optional(),
  status: z.enum(grantStatuses).optional(),
});

// ── Disbursements ──

export const disbursementParams = z.object({ id: z.uuid() });

export const disbursementInput = z.object({
  phaseId: z.uuid(),
  amountCents: z.number().int().min(1),
  purpose: z.string().trim().min(3, 'Say what the money is for.').max(2000),
});

export const approveInput = z.object({ version: z.number().int(), note: z.string().trim().max(2000).optional() });
export const rejectInput = z.object({ version: z.number().int(), note: z.string().trim().min(1, 'Give a reason.').max(2000) });

export const disbursementListQuery = z.object({ programmeId: z.uuid().optional(), status: z.enum(disbursementStatuses).optional() });

export const queuedDisbursement = disbursement.extend({
  grant: z.object({ id: z.uuid(), reference: z.string(), title: z.string(), organisationName: z.string() }),
});

// ── Reports ──

export const reportParams = z.object({ id: z.uuid() });

export const reportInput = z.object({ kind: z.enum(reportKinds), title: z.string().trim().min(1).max(300), dueOn: day });
export const reportSubmitInput = z.object({ version: z.number().int(), body: z.string().trim().min(1, 'Write the report.').max(100_000) });
export const reportAcceptInput = z.object({ version: z.number().int(), note: z.string().trim().max(5000).optional() });
export const reportReturnInput = z.object({ version: z.number().int(), note: z.string().trim().min(1, 'Say what is missing.').max(5000) });

// ── Budget ──

export const budget = z.object({
  programme: z.object({ id: z.uuid(), name: z.string(), budgetCents: cents }),
  rounds: z.array(
    z.object({
      roundId: z.uuid(),
      name: z.string(),
      year: z.number().int(),
      envelopeCents: cents,
      committedCents: cents,
      disbursedCents: cents,
      pendingCents: cents,
      uncommittedCents: cents,
    }),
  ),
  /** Committed by the decision's year, disbursed by the approval's year (Europe/Berlin). */
  years: z.array(z.object({ year: z.number().int(), committedCents: cents, disbursedCents: cents })),
  totals: z.object({
    budgetCents: cents,
    committedCents: cents,
    disbursedCents: cents,
    pendingCents: cents,
    /** committed − disbursed. */
    remainingCents: cents,
    /** budget − committed. */
    uncommittedCents: cents,
  }),
});

export type GrantSummary = z.infer<typeof grantSummary>;
export type GrantDetail = z.infer<typeof grantDetail>;
export type Phase = z.infer<typeof phase>;
export type Disbursement = z.infer<typeof disbursement>;
export type QueuedDisbursement = z.infer<typeof queuedDisbursement>;
export type Report = z.infer<typeof report>;
export type Obligations = z.infer<typeof obligations>;
export type GrantInput = z.infer<typeof grantInput>;
export type GrantUpdate = z.infer<typeof grantUpdate>;
export type PhaseInput = z.infer<typeof phaseInput>;
export type DisbursementInput = z.infer<typeof disbursementInput>;
export type ApproveInput = z.infer<typeof approveInput>;
export type RejectInput = z.infer<typeof rejectInput>;
export type ReportInput = z.infer<typeof reportInput>;
export type ReportSubmitInput = z.infer<typeof reportSubmitInput>;
export type ReportAcceptInput = z.infer<typeof reportAcceptInput>;
export type ReportReturnInput = z.infer<typeof reportReturnInput>;
export type Budget = z.infer<typeof budget>;
