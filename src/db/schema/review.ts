import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { applications } from './applications';
import { organisations } from './organisations';
import { rounds } from './programmes';
import { regions } from './regions';

/** A reviewer's expertise, home and employer: what affinity and conflicts are computed from. */
export const reviewerProfiles = pgTable('reviewer_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  keywords: text('keywords').array().notNull().default([]),
  expertise: text('expertise').notNull().default(''),
  homeArs: text('home_ars').references(() => regions.ars),
  employerOrganisationId: uuid('employer_organisation_id').references(() => organisations.id),
  employerArs: text('employer_ars').references(() => regions.ars),
  /** The most applications the reviewer takes on in one round, unless the round says otherwise. */
  capacity: integer('capacity').notNull().default(10),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The reviewers invited into a round, with the number of applications each takes. */
export const roundReviewers = pgTable(
  'round_reviewers',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    minLoad: integer('min_load').notNull().default(0),
    maxLoad: integer('max_load').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index('round_reviewers_user_idx').on(t.userId)],
);

/** Conflicts of interest a reviewer declares themselves, with an application or a whole organisation. */
export const declaredConflicts = pgTable(
  'declared_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('declared_conflicts_user_idx').on(t.userId)],
);

export const assignmentRunStatuses = ['running', 'optimal', 'infeasible', 'failed'] as const;
export type AssignmentRunStatus = (typeof assignmentRunStatuses)[number];

export const assignmentRunPhases = ['loading', 'conflicts', 'affinity', 'solving', 'storing', 'done'] as const;
export type AssignmentRunPhase = (typeof assignmentRunPhases)[number];

/** How far a run has come; written as it goes, so any server process can show it. */
export interface AssignmentRunProgress {
  phase: AssignmentRunPhase;
  percent: number;
}

/** One run of the assignment solver: its parameters and outcome, kept whether it succeeded or not. */
export const assignmentRuns = pgTable(
  'assignment_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    params: jsonb('params').notNull(),
    solver: text('solver').notNull(),
    status: text('status', { enum: assignmentRunStatuses }).notNull(),
    /** 0 until the run has finished. */
    objective: doublePrecision('objective').notNull(),
    seconds: doublePrecision('seconds').notNull(),
    reason: text('reason'),
    progress: jsonb('progress').$type<AssignmentRunProgress>().notNull().default({ phase: 'loading', percent: 0 }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** Set with every progress step: a running run whose heartbeat is old was cut off (crash, restart). */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('assignment_runs_round_idx').on(t.roundId, t.createdAt),
    // One running run per round, enforced by the database so two servers cannot both start one.
    uniqueIndex('assignment_runs_one_running_key').on(t.roundId).where(sql`status = 'running'`),
  ],
);

/** Why the solver (or the office) paired an application with a reviewer. */
export interface AssignmentExplanation {
  /** The strongest shared terms, strongest first. */
  terms: { term: string; weight: number }[];
  /** Set when the programme office chose the reviewer by hand. */
  overriddenBy?: string;
  previousReviewerId?: string;
}

export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    runId: uuid('run_id').references(() => assignmentRuns.id, { onDelete: 'set null' }),
    affinity: doublePrecision('affinity').notNull().default(0),
    explanation: jsonb('explanation').$type<AssignmentExplanation>().notNull().default({ terms: [] }),
    overridden: boolean('overridden').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_assignments_application_reviewer_key').on(t.applicationId, t.reviewerId),
    index('review_assignments_round_idx').on(t.roundId),
    index('review_assignments_reviewer_idx').on(t.reviewerId),
  ],
);

export const recommendations = ['fund', 'fund_with_conditions', 'do_not_fund'] as const;
export type Recommendation = (typeof recommendations)[number];

/** A review: a draft until submitted, then final. */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => reviewAssignments.id, { onDelete: 'cascade' }),
    /** Criterion id → score. */
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    assessment: text('assessment').notNull().default(''),
    feedback: text('feedback').notNull().default(''),
    recommendation: text('recommendation', { enum: recommendations }),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reviews_assignment_key').on(t.assignmentId)],
);

/** Per round: when reviews are due, when reviewers are reminded, and when two reviews disagree. */
export const reviewSettings = pgTable('review_settings', {
  roundId: uuid('round_id')
    .primaryKey()
    .references(() => rounds.id, { onDelete: 'cascade' }),
  reviewDeadline: timestamp('review_deadline', { withTimezone: true }),
  /** Days before the deadline on which reviewers with open reviews get a reminder. */
  reminderDays: integer('reminder_days').array().notNull().default(sql`'{7,1}'::int[]`),
  /** Points of weighted score (0 … 100) two reviews may lie apart before a third review is needed. */
  disagreementThreshold: doublePrecision('disagreement_threshold').notNull().default(20),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
