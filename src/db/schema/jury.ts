import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { applications } from './applications';
import { organisations } from './organisations';
import { rounds } from './programmes';

export const juryRoles = ['member', 'chair'] as const;
export type JuryRole = (typeof juryRoles)[number];

export const juryAffiliations = ['science', 'politics', 'municipal_association', 'practice'] as const;
export type JuryAffiliation = (typeof juryAffiliations)[number];

/** A balance rule the decision support honours: at least N of a kind, or at most a share of the money per Land. */
export type BalanceRule =
  | { kind: 'minApplicantKind'; applicantKind: 'municipality' | 'district' | 'cooperation'; count: number }
  | { kind: 'maxLandShare'; basisPoints: number };

/** How a round's jury works; one row per round, created with defaults when the jury is first set up. */
export const jurySettings = pgTable('jury_settings', {
  roundId: uuid('round_id')
    .primaryKey()
    .references(() => rounds.id, { onDelete: 'cascade' }),
  /** Share of members who must be present for the session to decide, in basis points (6667 = two thirds). */
  quorumBasisPoints: integer('quorum_basis_points').notNull().default(6667),
  balanceRules: jsonb('balance_rules').$type<BalanceRule[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const juryMembers = pgTable(
  'jury_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: juryRoles }).notNull().default('member'),
    affiliation: text('affiliation', { enum: juryAffiliations }).notNull(),
    /** The organisation the member works for or represents: conflicts are derived from it. */
    employerOrganisationId: uuid('employer_organisation_id').references(() => organisations.id),
    homeArs: text('home_ars'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('jury_members_round_user_key').on(t.roundId, t.userId), index('jury_members_user_idx').on(t.userId)],
);

/** Recusals a member or the office declares; derived ones are computed by rule, like reviewers' conflicts. */
export const juryRecusals = pgTable(
  'jury_recusals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => juryMembers.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('jury_recusals_member_application_key').on(t.memberId, t.applicationId)],
);

export const jurySessionStatuses = ['planned', 'open', 'closed'] as const;
export type JurySessionStatus = (typeof jurySessionStatuses)[number];

export const jurySessions = pgTable(
  'jury_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: jurySessionStatuses }).notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('jury_sessions_round_idx').on(t.roundId)],
);

export const juryAttendance = pgTable(
  'jury_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => jurySessions.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => juryMembers.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.memberId] })],
);

export const voteChoices = ['yes', 'no', 'abstain'] as const;
export type VoteChoice = (typeof voteChoices)[number];

/** A member's vote on selecting one application, cast in a session; secret to applicants. */
export const juryVotes = pgTable(
  'jury_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => jurySessions.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => juryMembers.id, { onDelete: 'cascade' }),
    choice: text('choice', { enum: voteChoices }).notNull(),
    castAt: timestamp('cast_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [uniqueIndex('jury_votes_session_application_member_key').on(t.sessionId, t.applicationId, t.memberId), index('jury_votes_application_idx').on(t.applicationId)],
);

export const decisionOutcomes = ['selected', 'rejected', 'waitlisted'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

/** The jury's decision on one application; its audit event's hash is the receipt published with it. */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => jurySessions.id),
    outcome: text('outcome', { enum: decisionOutcomes }).notNull(),
    /** Zero unless selected; may be less than requested. */
    fundingCents: bigint('funding_cents', { mode: 'number' }).notNull().default(0),
    rationale: text('rationale').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }).notNull(),
    /** Sequence number of the audit event that recorded the decision (its hash is the receipt). */
    auditSeq: bigint('audit_seq', { mode: 'number' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('decisions_application_key').on(t.applicationId), index('decisions_round_idx').on(t.roundId)],
);

/** A round's results made public: the list as published and the chain head it can be checked against. */
export const roundPublications = pgTable('round_publications', {
  roundId: uuid('round_id')
    .primaryKey()
    .references(() => rounds.id, { onDelete: 'cascade' }),
  publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }).notNull(),
  /** Hash of the newest audit event when the round was published. */
  chainHeadHash: text('chain_head_hash').notNull(),
  chainHeadSeq: bigint('chain_head_seq', { mode: 'number' }).notNull(),
  publishedBy: uuid('published_by').references(() => users.id),
});
