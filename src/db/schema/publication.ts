import { bigint, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { decisions } from './jury';
import { organisationKinds } from './organisations';
import { rounds } from './programmes';

/**
 * The list as published, one row per selected application, frozen at publication: the public
 * page, the API and the CLI read this, so what was announced cannot drift with later edits. The
 * sort name is usually the name as written; the office may file a name elsewhere, as the press
 * release files "Landkreis Hof" under H.
 */
export const publishedResults = pgTable(
  'published_results',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    name: text('name').notNull(),
    sortName: text('sort_name').notNull(),
    fundingCents: bigint('funding_cents', { mode: 'number' }).notNull(),
    /** Hash and sequence number of the audit event that recorded the decision. */
    receiptHash: text('receipt_hash').notNull(),
    receiptSeq: bigint('receipt_seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.applicationId] }), index('published_results_receipt_idx').on(t.receiptHash)],
);
