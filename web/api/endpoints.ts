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
import type {
  Adoption,
  AdoptionInput,
  CombinedSearch,
  KnowledgeDetail,
  KnowledgeInput,
  KnowledgeList,
  Obligations,
  PubliccodeInput,
  ReuseNetwork,
  SimilarSolution,
  SolutionDetail,
  SolutionInput,
  SolutionList,
  SolutionUpdate,
} from '../features/catalogue/catalogue-types';
import type {
  AssignedApplication,
  Assignment,
  AssignmentRun,
  ConflictEntry,
  ConflictInput,
  DeclaredConflict,
  InviteInput,
  MyAssignment,
  ProfileInput,
  Review,
  ReviewerProfile,
  ReviewInput,
  ReviewResults,
  ReviewSettings,
  ReviewSettingsInput,
  RoundReviewer,
  RunInput,
} from '../features/review/review-types';

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
  lookup: (email: string) => api.get<UserSummary>(`/users/lookup?email=${enc(email)}`),
  create: (input: UserInput) => api.post<UserSummary>('/users', input),
  grant: (userId: string, input: GrantInput) => api.post<{ ok: true }>(`/users/${enc(userId)}/grants`, input),
  changePassword: (currentPassword: string, newPassword: string) => api.post<{ ok: true }>('/auth/password', { currentPassword, newPassword }),
};

/** A single sign-on provider the login page offers; loginUrl is a full-page navigation, not an API call. */
export interface SsoProvider {
  id: string;
  name: string;
  loginUrl: string;
}

export const ssoApi = {
  providers: () => api.get<SsoProvider[]>('/auth/providers'),
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

const sol = (idOrSlug: string) => `/catalogue/solutions/${enc(idOrSlug)}`;

export const catalogueApi = {
  /** The search's query string is built by the page from its URL (catalogue-search.ts). */
  search: (query: URLSearchParams) => api.get<SolutionList>(`/catalogue/solutions?${query.toString()}`),
  searchEverything: (q: string, limit = 5) => api.get<CombinedSearch>('/catalogue/search', { query: { q, limit } }),
  get: (idOrSlug: string) => api.get<SolutionDetail>(sol(idOrSlug)),
  create: (input: SolutionInput) => api.post<SolutionDetail>('/catalogue/solutions', input),
  update: (id: string, input: SolutionUpdate) => api.patch<SolutionDetail>(sol(id), input),
  publiccode: (id: string, input: PubliccodeInput) => api.post<SolutionDetail>(`${sol(id)}/publiccode`, input),
  adopt: (id: string, input: AdoptionInput) => api.post<Adoption>(`${sol(id)}/adoptions`, input),
  network: () => api.get<ReuseNetwork>('/catalogue/reuse-network'),
  knowledge: (query: { q?: string; kind?: string; page?: number }) => api.get<KnowledgeList>('/catalogue/knowledge', { query }),
  knowledgeItem: (id: string) => api.get<KnowledgeDetail>(`/catalogue/knowledge/${enc(id)}`),
  addKnowledge: (input: KnowledgeInput) => api.post<KnowledgeDetail>('/catalogue/knowledge', input),
  recordAttendance: (id: string, organisationIds: string[]) => api.post<KnowledgeDetail>(`/catalogue/knowledge/${enc(id)}/attendance`, { organisationIds }),
  /** The attendance picker's suggestions: the programme office may search every organisation by name. */
  searchOrganisations: (q: string, signal?: AbortSignal) => api.get<OrganisationListItem[]>('/organisations', { query: { q, limit: 10 }, signal }),
  obligations: (programme: string, round?: string) => api.get<Obligations>(`/programmes/${enc(programme)}/obligations`, { query: { round } }),
  similar: (text: string) => api.post<SimilarSolution[]>('/catalogue/similar', { text, limit: 5 }),
  /** A plain link: feed readers fetch it themselves. */
  feedUrl: '/api/catalogue/feed.atom',
};

const roundOf = (roundId: string) => `/rounds/${enc(roundId)}`;
const mine = (assignmentId: string) => `/reviews/assignments/${enc(assignmentId)}`;

export const reviewApi = {
  profile: () => api.get<ReviewerProfile>('/reviewers/me/profile'),
  saveProfile: (input: ProfileInput) => api.put<ReviewerProfile>('/reviewers/me/profile', input),
  // The programme office's side of a round.
  pool: (roundId: string) => api.get<RoundReviewer[]>(`${roundOf(roundId)}/reviewers`),
  /** By account id, or by e-mail address where the server accepts one. */
  invite: (roundId: string, input: InviteInput | (Omit<InviteInput, 'userId'> & { email: string })) => api.post<RoundReviewer>(`${roundOf(roundId)}/reviewers`, input),
  conflicts: (roundId: string) => api.get<ConflictEntry[]>(`${roundOf(roundId)}/conflicts`),
  declareConflict: (roundId: string, input: ConflictInput) => api.post<DeclaredConflict>(`${roundOf(roundId)}/conflicts`, input),
  startRun: (roundId: string, input: RunInput) => api.post<AssignmentRun>(`${roundOf(roundId)}/assignment-runs`, input),
  run: (runId: string) => api.get<AssignmentRun>(`/assignment-runs/${enc(runId)}`),
  runs: (roundId: string) => api.get<AssignmentRun[]>(`${roundOf(roundId)}/assignment-runs`),
  assignments: (roundId: string) => api.get<Assignment[]>(`${roundOf(roundId)}/assignments`),
  override: (roundId: string, assignmentId: string, reviewerId: string) => api.put<Assignment>(`${roundOf(roundId)}/assignments/${enc(assignmentId)}`, { reviewerId }),
  results: (roundId: string, threshold?: number) => api.get<ReviewResults>(`${roundOf(roundId)}/review-results`, { query: { threshold } }),
  settings: (roundId: string) => api.get<ReviewSettings>(`${roundOf(roundId)}/review-settings`),
  saveSettings: (roundId: string, input: ReviewSettingsInput) => api.put<ReviewSettings>(`${roundOf(roundId)}/review-settings`, input),
  // The reviewer's side.
  myAssignments: () => api.get<MyAssignment[]>('/reviews/assignments'),
  assignment: (id: string) => api.get<AssignedApplication>(mine(id)),
  myReview: (id: string) => api.get<Review | null>(`${mine(id)}/review`),
  saveReview: (id: string, input: ReviewInput) => api.put<Review>(`${mine(id)}/review`, input),
  submitReview: (id: string, version: number) => api.post<Review>(`${mine(id)}/review/submit`, { version }),
  otherReviews: (id: string) => api.get<Review[]>(`${mine(id)}/other-review`),
};
