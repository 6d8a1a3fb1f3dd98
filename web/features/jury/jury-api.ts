/** The jury's API calls and answers (the shapes of src/modules/jury/jury.schemas.ts). */
import { api } from '../../api/client';
import type { RoundStatus } from '../../api/types';

export type VoteChoice = 'yes' | 'no' | 'abstain';
export type Outcome = 'selected' | 'rejected' | 'waitlisted';
export type JuryRole = 'member' | 'chair';

export interface JuryMember {
  id: string;
  userId: string;
  displayName: string;
  email: string;
  role: JuryRole;
  affiliation: 'science' | 'politics' | 'municipal_association' | 'practice';
  employerOrganisationId: string | null;
  homeArs: string | null;
}

export interface JurySession {
  id: string;
  roundId: string;
  title: string;
  startsAt: string;
  status: 'planned' | 'open' | 'closed';
  attendance: { memberId: string; present: boolean }[];
  presentCount: number;
  memberCount: number;
  quorumNeeded: number;
  quorate: boolean;
}

export interface JuryRoundInfo {
  id: string;
  programmeId: string;
  name: string;
  status: RoundStatus;
  envelopeCents: number;
  jurySize: number;
}

export interface JuryOverview {
  round: JuryRoundInfo;
  me: { memberId: string; role: JuryRole } | null;
  canManage: boolean;
  settings: { quorumBasisPoints: number; memberCount: number; quorumNeeded: number };
  members: JuryMember[];
  sessions: JurySession[];
}

export interface Decision {
  id: string;
  applicationId: string;
  sessionId: string | null;
  outcome: Outcome;
  fundingCents: number;
  rationale: string;
  decidedAt: string;
  auditSeq: number | null;
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  majority: 'yes' | 'no' | null;
  tieBrokenByChair: boolean;
}

export interface RoomApplication {
  applicationId: string;
  reference: string;
  organisation: string;
  title: string;
  requestedCents: number;
  rank: number | null;
  calibrated: number | null;
  rawMean: number | null;
  disagreement: number | null;
  needsThirdReview: boolean;
  votes: { memberId: string; displayName: string; role: JuryRole; choice: VoteChoice }[];
  tally: Tally;
  myVote: VoteChoice | null;
  decision: Decision | null;
}

export interface JuryRoom {
  round: JuryRoundInfo;
  session: JurySession;
  me: { memberId: string; role: JuryRole; present: boolean } | null;
  canDecide: boolean;
  money: { envelopeCents: number; selectedCents: number; envelopeLeftCents: number; budgetCents: number; budgetLeftCents: number };
  applications: RoomApplication[];
}

export interface JuryApplication extends Omit<RoomApplication, 'votes' | 'tally' | 'myVote'> {
  summary: string;
  votes: { sessionId: string; memberId: string; displayName: string; choice: VoteChoice }[];
}

const enc = encodeURIComponent;

export const juryApi = {
  overview: (roundId: string) => api.get<JuryOverview>(`/jury/rounds/${enc(roundId)}`),
  room: (sessionId: string) => api.get<JuryRoom>(`/jury/sessions/${enc(sessionId)}/room`),
  application: (roundId: string, applicationId: string) => api.get<JuryApplication>(`/jury/rounds/${enc(roundId)}/applications/${enc(applicationId)}`),
  vote: (sessionId: string, applicationId: string, choice: VoteChoice) =>
    api.put<{ choice: VoteChoice }>(`/jury/sessions/${enc(sessionId)}/applications/${enc(applicationId)}/vote`, { choice }),
  decide: (sessionId: string, applicationId: string, input: { outcome: Outcome; fundingCents: number; rationale: string }) =>
    api.post<Decision>(`/jury/sessions/${enc(sessionId)}/applications/${enc(applicationId)}/decision`, input),
  openSession: (sessionId: string) => api.post<JurySession>(`/jury/sessions/${enc(sessionId)}/open`, {}),
  closeSession: (sessionId: string) => api.post<JurySession>(`/jury/sessions/${enc(sessionId)}/close`, {}),
  attendance: (sessionId: string, entries: { memberId: string; present: boolean }[]) => api.put<JurySession>(`/jury/sessions/${enc(sessionId)}/attendance`, entries),
};
