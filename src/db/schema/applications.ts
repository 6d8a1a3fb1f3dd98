import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { organisations } from './organisations';
import { rounds } from './programmes';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const applicationStatuses = ['draft', 'submitted', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const formalChecks = ['pending', 'eligible', 'ineligible'] as const;
export type FormalCheck = (typeof formalChecks)[number];

export interface BudgetLine {
  year: number;
  category: string;
  amountCents: number;
}

/** What an applicant writes: versioned as a whole, hashed as a whole on submission. */
export interface ApplicationContent {
  title: string;
  acronym: string;
  summary: string;
  sections: Record<string, string>;
  partners: string[];
  budget: BudgetLine[];
  budgetEmergency: boolean;
}

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: applicationStatuses }).notNull().default('draft'),
    content: jsonb('content').$type<ApplicationContent>().notNull(),
    /** Kept beside the content so the office can filter and sort by money in SQL. */
    eligibleCostsCents: bigint('eligible_costs_cents', { mode: 'number' }).notNull().default(0),
    rateBp: integer('rate_bp').notNull(),
    requestedCents: bigint('requested_cents', { mode: 'number' }).notNull().default(0),
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }),
    receiptHash: text('receipt_hash'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    formalCheck: text('formal_check', { enum: formalChecks }).notNull().default('pending'),
    formalCheckReason: text('formal_check_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One application per applicant and call.
    uniqueIndex('applications_round_organisation_key').on(t.roundId, t.organisationId),
    index('applications_round_status_idx').on(t.roundId, t.status),
  ],
);

/** Every saved state of an application, so nothing an applicant wrote is ever lost. */
export const applicationVersions = pgTable(
  'application_versions',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<ApplicationContent>().notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
    savedBy: uuid('saved_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.version] })],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** In the database, so an attachment commits with its application and is backed up with it. */
    content: bytea('content').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
  },
  (t) => [index('attachments_application_idx').on(t.applicationId)],
);

/** The acknowledged submission: a frozen copy of what was sent and its hash. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, precision: 3 }).notNull(),
    contentHash: text('content_hash').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
  },
  (t) => [uniqueIndex('submissions_application_version_key').on(t.applicationId, t.version)],
);
