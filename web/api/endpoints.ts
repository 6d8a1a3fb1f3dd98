/** One typed function per API call the app makes; pages never write URLs themselves. */
import { api } from './client';
import type {
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
