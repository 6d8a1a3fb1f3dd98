/**
 * The funding API's shapes (issue #7's contract, src/modules/funding/funding.schemas.ts), mirrored
 * here so the pages do not depend on the server module's internals. Money is integer cents, rates
 * basis points, days 'YYYY-MM-DD' (Berlin calendar days), instants UTC ISO strings.
 */

export type GrantStatus = 'active' | 'completed' | 'terminated';
export type PhaseKind = 'strategy' | 'implementation';
export type DisbursementStatus = 'requested' | 'approved' | 'rejected';
export type ReportKind = 'milestone' | 'annual' | 'final';
export type ReportStatus = 'due' | 'submitted' | 'accepted' | 'returned';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface GrantSummary {
  id: string;
  reference: string;
  title: string;
  status: GrantStatus;
  organisation: { id: string; name: string; kind: string };
  round: { id: string; name: string; year: number };
  approvedCents: number;
  disbursedCents: number;
  pendingCents: number;
  currentPhase: PhaseKind | null;
  overdueReports: number;
  pendingDisbursements: number;
}

export interface GrantPhase {
  id: string;
  kind: PhaseKind;
  position: number;
  startsOn: string;
  endsOn: string;
  approvedCents: number;
  disbursedCents: number;
  pendingCents: number;
  availableCents: number;
}

export interface Disbursement {
  id: string;
  phaseId: string;
  amountCents: number;
  purpose: string;
  status: DisbursementStatus;
  requestedAt: string;
  requestedBy: PersonRef | null;
  decidedAt: string | null;
  decidedBy: PersonRef | null;
  decisionNote: string | null;
  version: number;
}

export interface QueuedDisbursement extends Disbursement {
  grant: { id: string; reference: string; title: string; organisationName: string };
}

export interface GrantReport {
  id: string;
  kind: ReportKind;
  title: string;
  dueOn: string;
  status: ReportStatus;
  overdue: boolean;
  body: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  version: number;
}

export interface GrantObligations {
  openSource: { met: boolean; solutions: { id: string; slug: string; name: string; licence: string; publiccodeValid: boolean | null }[] };
  exchange: { met: boolean; events: number; articles: number };
}

export interface GrantDetail extends GrantSummary {
  programmeId: string;
  eligibleCostsCents: number;
  fundingRateBp: number;
  ownShareCents: number;
  startsOn: string;
  endsOn: string;
  caseOfficer: PersonRef | null;
  projectLead: PersonRef | null;
  version: number;
  phases: GrantPhase[];
  disbursements: Disbursement[];
  reports: GrantReport[];
  obligations: GrantObligations;
  abilities: string[];
}

export interface BudgetRound {
  roundId: string;
  name: string;
  year: number;
  envelopeCents: number;
  committedCents: number;
  disbursedCents: number;
  pendingCents: number;
  uncommittedCents: number;
}

export interface BudgetYear {
  year: number;
  committedCents: number;
  disbursedCents: number;
}

export interface Budget {
  programme: { id: string; name: string; budgetCents: number };
  rounds: BudgetRound[];
  years: BudgetYear[];
  totals: { budgetCents: number; committedCents: number; disbursedCents: number; pendingCents: number; remainingCents: number; uncommittedCents: number };
}

export interface CreateGrantInput {
  projectLeadId?: string | null;
  caseOfficerId?: string | null;
  startsOn?: string;
  phases?: { kind: PhaseKind; startsOn: string; endsOn: string; approvedCents: number }[];
}

/** The abilities the server hands out on a grant; the page shows only what they allow. */
export const abilities = {
  requestDisbursement: 'funding.request_disbursement',
  decideDisbursement: 'funding.decide_disbursement',
  submitReport: 'funding.submit_report',
  reviewReport: 'funding.review_report',
  edit: 'funding.edit',
} as const;
