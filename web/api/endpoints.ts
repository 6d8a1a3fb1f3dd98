/** One typed function per API call the app makes; pages never write URLs themselves. */
import { api } from './client';
import type {
  Application,
  ApplicationContent,
  ApplicationSummary,
  Attachment,
  Eligibility,
  InvitationCreated,
  OfficeFilter,
  OfficeRow,
  Organisation,
  OrganisationInput,
  OrganisationListItem,
  Receipt,
  VersionEntry,
  AuditEvent,
  BudgetChangeInput,
  GrantInput,
  Programme,
  ProgrammeInput,
  ProgrammeUpdate,
  Region,
  Round,
  RoundInput,
  RoundStatus,
  RoundUpdate,
  UserInput,
  UserSummary,
} from './types';

const enc = encodeURIComponent;

export const programmesApi = {
  list: () => api.get<Programme[]>('/programmes'),
  get: (slugOrId: string) => api.get<Programme>(`/programmes/${enc(slugOrId)}`),
  create: (input: ProgrammeInput) => api.post<Programme>('/programmes', input),
  update: (slugOrId: string, update: ProgrammeUpdate) => api.patch<Programme>(`/programmes/${enc(slugOrId)}`, update),
  addBudgetChange: (slugOrId: string, change: BudgetChangeInput) => api.post<Programme>(`/programmes/${enc(slugOrId)}/budget-changes`, change),
};

export const roundsApi = {
  list: (programme: string) => api.get<Round[]>(`/programmes/${enc(programme)}/rounds`),
  get: (id: string) => api.get<Round>(`/rounds/${enc(id)}`),
  create: (programme: string, input: RoundInput) => api.post<Round>(`/programmes/${enc(programme)}/rounds`, input),
  update: (id: string, update: RoundUpdate) => api.patch<Round>(`/rounds/${enc(id)}`, update),
  transition: (id: string, to: RoundStatus, version: number) => api.post<Round>(`/rounds/${enc(id)}/transition`, { to, version }),
};

export const regionsApi = {
  search: (q: string, signal?: AbortSignal, level?: 'gemeinde' | 'kreis' | 'land') =>
    api.get<Region[]>('/regions', { query: { q, level, limit: 10 }, signal }),
};

export const usersApi = {
  list: () => api.get<UserSummary[]>('/users'),
  create: (input: UserInput) => api.post<UserSummary>('/users', input),
  grant: (userId: string, input: GrantInput) => api.post<{ ok: true }>(`/users/${enc(userId)}/grants`, input),
  changePassword: (currentPassword: string, newPassword: string) => api.post<{ ok: true }>('/auth/password', { currentPassword, newPassword }),
};

export const auditApi = {
  latest: (limit = 100) => api.get<AuditEvent[]>('/audit/events', { query: { limit } }),
};

export const organisationsApi = {
  mine: () => api.get<OrganisationListItem[]>('/organisations'),
  get: (id: string) => api.get<Organisation>(`/organisations/${enc(id)}`),
  create: (input: OrganisationInput) => api.post<Organisation>('/organisations', input),
  invite: (id: string, input: { email: string; role: 'admin' | 'member' }) => api.post<InvitationCreated>(`/organisations/${enc(id)}/invitations`, input),
  acceptInvitation: (token: string) => api.post<Organisation>('/invitations/accept', { token }),
};

const app = (id: string) => `/applications/${enc(id)}`;

export const applicationsApi = {
  mine: () => api.get<ApplicationSummary[]>('/applications'),
  create: (roundId: string, organisationId: string) => api.post<Application>('/applications', { roundId, organisationId }),
  get: (id: string) => api.get<Application>(app(id)),
  save: (id: string, version: number, content: ApplicationContent) => api.put<Application>(`${app(id)}/content`, { version, content }),
  versions: (id: string) => api.get<VersionEntry[]>(`${app(id)}/versions`),
  version: (id: string, version: number) => api.get<ApplicationContent>(`${app(id)}/versions/${version}`),
  eligibility: (id: string) => api.get<Eligibility>(`${app(id)}/eligibility`),
  submit: (id: string, version: number) => api.post<Receipt>(`${app(id)}/submit`, { version }),
  receipt: (id: string) => api.get<Receipt>(`${app(id)}/receipt`),
  withdraw: (id: string, version: number) => api.post<Application>(`${app(id)}/withdraw`, { version }),
  reopen: (id: string, version: number) => api.post<Application>(`${app(id)}/reopen`, { version }),
  attach: (id: string, file: File, onProgress?: (share: number) => void) =>
    api.upload<Attachment>(`${app(id)}/attachments`, file, { query: { filename: file.name }, contentType: 'application/pdf', onProgress }),
  detach: (id: string, attachmentId: string) => api.delete<{ ok: true }>(`${app(id)}/attachments/${enc(attachmentId)}`),
  /** Plain links: the browser downloads these itself. */
  attachmentUrl: (id: string, attachmentId: string) => `/api${app(id)}/attachments/${enc(attachmentId)}`,
  receiptPdfUrl: (id: string) => `/api${app(id)}/receipt.pdf`,
};

/** The filter of the office's list as query parameters; empty values are left out. */
export function officeQuery(filter: OfficeFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}

export const officeApi = {
  list: (roundId: string, filter: OfficeFilter) => api.get<OfficeRow[]>(`/rounds/${enc(roundId)}/applications`, { query: officeQuery(filter) }),
  exportUrl: (roundId: string, format: 'csv' | 'xlsx', filter: OfficeFilter) =>
    `/api/rounds/${enc(roundId)}/applications/export?${new URLSearchParams({ format, ...officeQuery(filter) }).toString()}`,
  formalCheck: (id: string, result: 'eligible' | 'ineligible', reason: string) => api.post<Application>(`${app(id)}/formal-check`, { result, reason }),
};
