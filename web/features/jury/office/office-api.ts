/** The programme office's calls for setting up a round's jury (src/modules/jury/jury.routes.ts). */
import { api, ApiError } from '../../../api/client';
import { officeApi, organisationsApi, usersApi } from '../../../api/endpoints';
import type { OfficeRow, OrganisationListItem } from '../../../api/types';
import { juryApi, type JuryMember, type JuryOverview, type JuryRole, type JurySession } from '../jury-api';

export type Affiliation = JuryMember['affiliation'];
export const affiliations: Affiliation[] = ['science', 'politics', 'municipal_association', 'practice'];

export interface Recusal {
  memberId: string;
  applicationId: string;
  source: 'declared' | 'derived';
  rule: string;
  /** German, written by the server. */
  reason: string;
}

export interface MemberInput {
  userId: string;
  role: JuryRole;
  affiliation: Affiliation;
  employerOrganisationId?: string;
  homeArs?: string;
}

const enc = encodeURIComponent;
const round = (roundId: string) => `/jury/rounds/${enc(roundId)}`;

export const juryOfficeApi = {
  addMember: (roundId: string, input: MemberInput) => api.post<JuryMember>(`${round(roundId)}/members`, input),
  saveQuorum: (roundId: string, quorumBasisPoints: number) => api.put<JuryOverview['settings']>(`${round(roundId)}/settings`, { quorumBasisPoints }),
  recusals: (roundId: string) => api.get<Recusal[]>(`${round(roundId)}/recusals`),
  declareRecusal: (roundId: string, input: { memberId: string; applicationId: string; reason: string }) => api.post<Recusal>(`${round(roundId)}/recusals`, input),
  createSession: (roundId: string, input: { title: string; startsAt: string }) => api.post<JurySession>(`${round(roundId)}/sessions`, input),
};

export interface JuryOfficeData {
  overview: JuryOverview;
  recusals: Recusal[];
  /** The round's submitted applications, for declaring recusals. */
  applications: OfficeRow[];
  /** Organisations that may employ a member (the office sees all of them). */
  organisations: OrganisationListItem[];
}

export async function loadJuryOffice(roundId: string): Promise<JuryOfficeData> {
  const [overview, recusals, applications, organisations] = await Promise.all([
    juryApi.overview(roundId),
    juryOfficeApi.recusals(roundId),
    officeApi.list(roundId, { status: 'submitted' }),
    organisationsApi.mine(),
  ]);
  organisations.sort((a, b) => a.sortName.localeCompare(b.sortName, 'de'));
  return { overview, recusals, applications, organisations };
}

export interface FoundAccount {
  userId: string;
  displayName: string;
}

/** Finds the account behind an e-mail address (programme staff may look up one address at a time). Null when there is none. */
export async function findAccount(email: string): Promise<FoundAccount | null> {
  try {
    const user = await usersApi.lookup(email.trim());
    return { userId: user.id, displayName: user.displayName };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
