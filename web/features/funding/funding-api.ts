/** The funding module's API calls (issue #7's contract). */
import { api } from '../../api/client';
import type { Budget, CreateGrantInput, Disbursement, GrantDetail, GrantReport, GrantSummary, QueuedDisbursement } from './funding-types';

const enc = encodeURIComponent;

export const fundingApi = {
  grants: (filter: { programmeId?: string; roundId?: string } = {}) => api.get<{ items: GrantSummary[] }>('/grants', { query: filter }),
  grant: (id: string) => api.get<GrantDetail>(`/grants/${enc(id)}`),
  createGrant: (decisionId: string, input: CreateGrantInput = {}) => api.post<GrantDetail>(`/decisions/${enc(decisionId)}/grant`, input),
  requestDisbursement: (grantId: string, input: { phaseId: string; amountCents: number; purpose: string }) =>
    api.post<Disbursement>(`/grants/${enc(grantId)}/disbursements`, input),
  approveDisbursement: (id: string, version: number, note?: string) =>
    api.post<Disbursement>(`/disbursements/${enc(id)}/approve`, note ? { version, note } : { version }),
  rejectDisbursement: (id: string, version: number, note: string) => api.post<Disbursement>(`/disbursements/${enc(id)}/reject`, { version, note }),
  queue: (programmeId?: string) => api.get<{ items: QueuedDisbursement[] }>('/disbursements', { query: { programmeId, status: 'requested' } }),
  submitReport: (id: string, version: number, body: string) => api.post<GrantReport>(`/reports/${enc(id)}/submit`, { version, body }),
  acceptReport: (id: string, version: number, note?: string) => api.post<GrantReport>(`/reports/${enc(id)}/accept`, note ? { version, note } : { version }),
  returnReport: (id: string, version: number, note: string) => api.post<GrantReport>(`/reports/${enc(id)}/return`, { version, note }),
  budget: (programmeId: string) => api.get<Budget>(`/programmes/${enc(programmeId)}/budget`),
  /** A plain link: the browser downloads the workbook itself. */
  budgetXlsxUrl: (programmeId: string) => `/api/programmes/${enc(programmeId)}/budget.xlsx`,
};

/** A decision of the jury as /api/jury/rounds/:roundId/decisions lists it. */
export interface RoundDecision {
  id: string;
  applicationId: string;
  outcome: 'selected' | 'rejected' | 'waitlisted';
  fundingCents: number;
}

export const roundDecisions = (roundId: string) => api.get<RoundDecision[]>(`/jury/rounds/${enc(roundId)}/decisions`);
