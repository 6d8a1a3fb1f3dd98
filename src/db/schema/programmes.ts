import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  currency: text('currency').notNull().default('EUR'),
  /** Funding rates in basis points (6500 = 65 %), so rates stay exact integers like money. */
  defaultRateBp: integer('default_rate_bp').notNull(),
  raisedRateBp: integer('raised_rate_bp').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The budget is never stored as one number: it is the sum of its dated, reasoned changes. */
export const budgetChanges = pgTable(
  'budget_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    effectiveOn: date('effective_on').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('budget_changes_programme_idx').on(t.programmeId, t.effectiveOn)],
);

export const roundStatuses = ['draft', 'open', 'closed', 'review', 'jury', 'decided', 'published'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

export const applicantKinds = ['municipality', 'district', 'cooperation'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];

/** A free-text part of the call's application form. */
export interface FormSection {
  key: string;
  title: string;
  description: string;
  maxLength: number;
  required: boolean;
}

export const rounds = pgTable(
  'rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** Short public key such as "2020", unique within the programme. */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    motto: text('motto').notNull().default(''),
    callText: text('call_text').notNull().default(''),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    envelopeCents: bigint('envelope_cents', { mode: 'number' }).notNull(),
    eligibleKinds: text('eligible_kinds').array().notNull(),
    reviewersPerApplication: integer('reviewers_per_application').notNull().default(2),
    jurySize: integer('jury_size').notNull().default(11),
    formSections: jsonb('form_sections').$type<FormSection[]>().notNull().default([]),
    costCategories: text('cost_categories').array().notNull().default([]),
    /** The most one application may request; null when the call sets no limit. */
    maxRequestCents: bigint('max_request_cents', { mode: 'number' }),
    status: text('status', { enum: roundStatuses }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rounds_programme_slug_key').on(t.programmeId, t.slug)],
);

export const criteria = pgTable(
  'criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    groupName: text('group_name').notNull().default(''),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Weight in percent; a round's weights add up to 100. */
    weight: integer('weight').notNull(),
    scaleMin: integer('scale_min').notNull().default(0),
    scaleMax: integer('scale_max').notNull().default(5),
  },
  (t) => [uniqueIndex('criteria_round_position_key').on(t.roundId, t.position)],
);
