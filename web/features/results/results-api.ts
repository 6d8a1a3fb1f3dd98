import { api } from '../../api/client';

export interface PublicEntry {
  applicationId: string;
  name: string;
  sortName: string;
  kind: 'municipality' | 'district' | 'cooperation';
  fundingCents: number;
  receipt: string;
  receiptSeq: number;
}

export interface PublicResults {
  roundId: string;
  round: string;
  roundName: string;
  programme: { slug: string; name: string };
  publishedAt: string;
  chainHead: { seq: number; hash: string };
  count: number;
  totalFundingCents: number;
  groups: Array<{ title: string; count: number; totalFundingCents: number; entries: PublicEntry[] }>;
}

export interface ReceiptCheck {
  receipt: string;
  event: { seq: number; occurredAt: string; action: string; subjectType: string; subjectId: string; hash: string } | null;
  entry: { roundId: string; name: string; fundingCents: number } | null;
  chainHead: { seq: number; hash: string } | null;
  inChainBeforeHead: boolean;
  message: string;
}

export interface SupportApplication {
  applicationId: string;
  organisation: string | null;
  title: string | null;
  kind: 'municipality' | 'district' | 'cooperation' | null;
  land: string | null;
  rank: number;
  score: number;
  requestedCents: number;
  inOptimal: boolean;
  juryOutcome: 'selected' | 'rejected' | 'waitlisted' | null;
  juryFundingCents: number;
  recused: boolean;
  marginal: 'last-in' | 'first-out' | null;
}

export interface DecisionSupport {
  roundId: string;
  envelopeCents: number;
  rules: Array<{ kind: 'minApplicantKind'; applicantKind: string; count: number } | { kind: 'maxLandShare'; basisPoints: number }>;
  status: 'optimal' | 'infeasible' | 'no-scores';
  message: string;
  solveMilliseconds: number;
  optimal: { count: number; totalScore: number; totalCents: number };
  jury: { count: number; totalScore: number; totalCents: number };
  applications: SupportApplication[];
  differences: { onlyOptimal: string[]; onlyJury: string[] };
  marginal: { lastIn: string[]; firstOut: string[] };
}

export const resultsApi = {
  results: (roundId: string) => api.get<PublicResults>(`/public/rounds/${roundId}/results`),
  receipt: (hash: string) => api.get<ReceiptCheck>(`/public/receipts/${encodeURIComponent(hash)}`),
  support: (roundId: string, rules: 'round' | 'none') => api.get<DecisionSupport>(`/rounds/${roundId}/decision-support`, { query: { rules } }),
  letterUrl: (applicationId: string) => `/api/applications/${applicationId}/decision-letter.pdf`,
};
