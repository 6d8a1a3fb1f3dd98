import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { applications } from './applications';
import { decisions } from './jury';
import { organisations } from './organisations';
import { programmes, rounds } from './programmes';

export const grantStatuses = ['active', 'completed', 'terminated'] as const;
export type GrantStatus = (typeof grantStatuses)[number];

/**
 * A funded project: what a "selected" decision becomes. Amounts are copied from the decision and
 * the application when the grant is made, so later edits of either do not move the money.
 * `reference` is the programme office's file number, shown on letters and the public page.
 */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    /** The funding granted: the decision's amount. */
    approvedCents: bigint('approved_cents', { mode: 'number' }).notNull(),
    /** Eligible costs the funding rate applies to; approved = eligible × rate, rounded down. */
    eligibleCostsCents: bigint('eligible_costs_cents', { mode: 'number' }).notNull(),
    /** Basis points: 6500 is 65 %. */
    fundingRateBp: integer('funding_rate_bp').notNull(),
    ownShareCents: bigint('own_share_cents', { mode: 'number' }).notNull(),
    status: text('status', { enum: grantStatuses }).notNull().default('active'),
    caseOfficerId: uuid('case_officer_id').references(() => users.id),
    projectLeadId: uuid('project_lead_id').references(() => users.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('grants_decision_key').on(t.decisionId),
    uniqueIndex('grants_reference_key').on(t.reference),
    index('grants_round_idx').on(t.roundId),
    index('grants_organisation_idx').on(t.organisationId),
    index('grants_project_lead_idx').on(t.projectLeadId),
    check('grants_amounts_check', sql`${t.approvedCents} >= 0 and ${t.ownShareCents} >= 0 and ${t.startsOn} <= ${t.endsOn}`),
  ],
);

export const phaseKinds = ['strategy', 'implementation'] as const;
export type PhaseKind = (typeof phaseKinds)[number];

/** Phase A (strategy) then B (implementation); the phases' amounts add up to the grant's. */
export const grantPhases = pgTable(
  'grant_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: phaseKinds }).notNull(),
    position: integer('position').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    approvedCents: bigint('approved_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('grant_phases_grant_position_key').on(t.grantId, t.position),
    check('grant_phases_check', sql`${t.approvedCents} >= 0 and ${t.startsOn} <= ${t.endsOn}`),
  ],
);

export const disbursementStatuses = ['requested', 'approved', 'rejected'] as const;
export type DisbursementStatus = (typeof disbursementStatuses)[number];

/**
 * A request for money from one phase. Approved requests are what has been disbursed; pending ones
 * are held against the phase too, so two requests cannot together pass its amount.
 */
export const disbursements = pgTable(
  'disbursements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => grantPhases.id, { onDelete: 'cascade' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    purpose: text('purpose').notNull(),
    status: text('status', { enum: disbursementStatuses }).notNull().default('requested'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true, precision: 3 }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, precision: 3 }),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('disbursements_grant_idx').on(t.grantId),
    index('disbursements_phase_idx').on(t.phaseId),
    index('disbursements_pending_idx').on(t.requestedAt).where(sql`status = 'requested'`),
    check('disbursements_amount_check', sql`${t.amountCents} > 0`),
  ],
);

export const reportKinds = ['milestone', 'annual', 'final'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportStatuses = ['due', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

/** A milestone or report the project owes by a date; overdue is derived from due date and status. */
export const grantReports = pgTable(
  'grant_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reportKinds }).notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status', { enum: reportStatuses }).notNull().default('due'),
    body: text('body').notNull().default(''),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, precision: 3 }),
    reviewNote: text('review_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('grant_reports_grant_idx').on(t.grantId), index('grant_reports_due_idx').on(t.dueOn).where(sql`status in ('due', 'returned')`)],
);
