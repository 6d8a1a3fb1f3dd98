import { z } from 'zod';
import { decisionOutcomes, juryAffiliations, juryRoles, jurySessionStatuses, voteChoices } from '../../db/schema/jury';
import { roundStatuses } from '../../db/schema/programmes';

const regionCode = z.string().trim().regex(/^\d{2,12}$/, 'An AGS or ARS consists of 2 to 12 digits.');

export const roundParams = z.object({ roundId: z.uuid() });
export const sessionParams = z.object({ sessionId: z.uuid() });
export const roundApplicationParams = z.object({ roundId: z.uuid(), applicationId: z.uuid() });
export const sessionApplicationParams = z.object({ sessionId: z.uuid(), applicationId: z.uuid() });

// ── Settings ──

/** A rule the decision support keeps: at least N selections of an applicant kind, or no Land above a share of the money. */
export const balanceRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('minApplicantKind'), applicantKind: z.enum(['municipality', 'district', 'cooperation']), count: z.number().int().min(1).max(1000) }),
  z.object({ kind: z.literal('maxLandShare'), basisPoints: z.number().int().min(1).max(10_000) }),
]);

export const settings = z.object({
  roundId: z.uuid(),
  /** Share of members who must be present, in basis points (6667 = two thirds). */
  quorumBasisPoints: z.number().int(),
  memberCount: z.number().int(),
  quorumNeeded: z.number().int(),
  balanceRules: z.array(balanceRule),
});
export const settingsInput = z.object({
  quorumBasisPoints: z.number().int().min(1).max(10_000),
  /** Left out: the rules stay as they are. */
  balanceRules: z.array(balanceRule).max(20).optional(),
});

// ── Members ──

export const memberInput = z.object({
  userId: z.uuid(),
  role: z.enum(juryRoles).default('member'),
  affiliation: z.enum(juryAffiliations),
  /** The organisation the member works for, when it is a registered applicant: recusals follow from it. */
  employerOrganisationId: z.uuid().optional(),
  /** Where the member lives (AGS or ARS): recusals follow from it. */
  homeArs: regionCode.optional(),
});

export const member = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: z.enum(juryRoles),
  affiliation: z.enum(juryAffiliations),
  employerOrganisationId: z.uuid().nullable(),
  homeArs: z.string().nullable(),
});

// ── Recusals ──

export const recusalInput = z.object({
  memberId: z.uuid(),
  applicationId: z.uuid(),
  reason: z.string().trim().min(3, 'Give a reason.').max(1000),
});

export const recusal = z.object({
  memberId: z.uuid(),
  applicationId: z.uuid(),
  /** 'declared' for a recusal someone declared; otherwise the rule it was derived by. */
  source: z.enum(['declared', 'derived']),
  rule: z.string(),
  /** German, for the office and the member. */
  reason: z.string(),
});

// ── Sessions ──

export const sessionInput = z.object({
  title: z.string().trim().min(1).max(200),
  startsAt: z.iso.datetime({ offset: true }),
});

export const attendanceInput = z.array(z.object({ memberId: z.uuid(), present: z.boolean() })).min(1).max(200);

export const session = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  status: z.enum(jurySessionStatuses),
  attendance: z.array(z.object({ memberId: z.uuid(), present: z.boolean() })),
  presentCount: z.number().int(),
  memberCount: z.number().int(),
  quorumNeeded: z.number().int(),
  quorate: z.boolean(),
});

// ── Votes and decisions ──

export const voteInput = z.object({ choice: z.enum(voteChoices) });

export const vote = z.object({
  sessionId: z.uuid(),
  applicationId: z.uuid(),
  memberId: z.uuid(),
  choice: z.enum(voteChoices),
  castAt: z.string(),
});

export const decisionInput = z.object({
  outcome: z.enum(decisionOutcomes),
  /** Integer cents; above 0 and at most the requested amount when selected, else 0. */
  fundingCents: z.number().int().min(0).default(0),
  rationale: z.string().trim().min(3, 'Give a rationale.').max(5000),
});

export const decision = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  applicationId: z.uuid(),
  sessionId: z.uuid().nullable(),
  outcome: z.enum(decisionOutcomes),
  fundingCents: z.number().int(),
  rationale: z.string(),
  decidedAt: z.string(),
  auditSeq: z.number().int().nullable(),
});

export const tallySchema = z.object({
  yes: z.number().int(),
  no: z.number().int(),
  abstain: z.number().int(),
  majority: z.enum(['yes', 'no']).nullable(),
  tieBrokenByChair: z.boolean(),
});

// ── The jury's views ──

const me = z.object({ memberId: z.uuid(), role: z.enum(juryRoles) }).nullable();

export const juryOverview = z.object({
  round: z.object({ id: z.uuid(), programmeId: z.uuid(), name: z.string(), status: z.enum(roundStatuses), envelopeCents: z.number().int(), jurySize: z.number().int() }),
  me,
  canManage: z.boolean(),
  settings,
  members: z.array(member),
  sessions: z.array(session),
});

export const money = z.object({
  envelopeCents: z.number().int(),
  selectedCents: z.number().int(),
  envelopeLeftCents: z.number().int(),
  budgetCents: z.number().int(),
  budgetLeftCents: z.number().int(),
});

export const roomApplication = z.object({
  applicationId: z.uuid(),
  reference: z.string(),
  organisation: z.string(),
  title: z.string(),
  requestedCents: z.number().int(),
  /** From the review results; null while no review is submitted. */
  rank: z.number().int().nullable(),
  calibrated: z.number().nullable(),
  rawMean: z.number().nullable(),
  disagreement: z.number().nullable(),
  needsThirdReview: z.boolean(),
  votes: z.array(z.object({ memberId: z.uuid(), displayName: z.string(), role: z.enum(juryRoles), choice: z.enum(voteChoices) })),
  tally: tallySchema,
  myVote: z.enum(voteChoices).nullable(),
  decision: decision.nullable(),
});

export const juryRoom = z.object({
  round: juryOverview.shape.round,
  session,
  me: z.object({ memberId: z.uuid(), role: z.enum(juryRoles), present: z.boolean() }).nullable(),
  canDecide: z.boolean(),
  money,
  /** Best first by calibrated score, then the applications without reviews; those the caller is recused from are left out. */
  applications: z.array(roomApplication),
});

export const juryApplication = roomApplication.omit({ votes: true, tally: true, myVote: true }).extend({
  summary: z.string(),
  votes: z.array(z.object({ sessionId: z.uuid(), memberId: z.uuid(), displayName: z.string(), choice: z.enum(voteChoices) })),
});

export type MemberInput = z.infer<typeof memberInput>;
export type Member = z.infer<typeof member>;
export type RecusalInput = z.infer<typeof recusalInput>;
export type Recusal = z.infer<typeof recusal>;
export type SessionInput = z.infer<typeof sessionInput>;
export type Session = z.infer<typeof session>;
export type AttendanceInput = z.infer<typeof attendanceInput>;
export type VoteInput = z.infer<typeof voteInput>;
export type Vote = z.infer<typeof vote>;
export type DecisionInput = z.input<typeof decisionInput>;
export type Decision = z.infer<typeof decision>;
export type Settings = z.infer<typeof settings>;
export type SettingsInput = z.infer<typeof settingsInput>;
export type JuryOverview = z.infer<typeof juryOverview>;
export type JuryRoom = z.infer<typeof juryRoom>;
export type RoomApplication = z.infer<typeof roomApplication>;
export type JuryApplication = z.infer<typeof juryApplication>;
export type Money = z.infer<typeof money>;
