import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { applications } from './applications';
import { organisations } from './organisations';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const adoptionStatuses = ['evaluating', 'piloting', 'production'] as const;
export type AdoptionStatus = (typeof adoptionStatuses)[number];

export const publiccodeSources = ['upload', 'paste', 'repository'] as const;
export type PubliccodeSource = (typeof publiccodeSources)[number];

export const knowledgeKinds = ['article', 'event'] as const;
export type KnowledgeKind = (typeof knowledgeKinds)[number];

export interface StoredProblem {
  key: string;
  line: number;
  column: number;
  message: string;
}

/**
 * A piece of software a funded project published. Land and applicant kind are copied from the
 * owning organisation when it is registered, so search and its facets read one table.
 * `search_text` is the text folded by catalogue.rules.ts (umlauts spelt out), and the weighted
 * tsvector is generated from it by the database itself: PGlite's and PostgreSQL 15's German
 * stemmers treat "ue" differently, so both sides of a match must pass through the same folding.
 */
export const catalogueSolutions = pgTable(
  'catalogue_solutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The application (later: funded project) that built it; null until it is linked. */
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    description: text('description').notNull(),
    longDescription: text('long_description').notNull().default(''),
    repositoryUrl: text('repository_url').notNull(),
    licence: text('licence').notNull(),
    categories: text('categories').array().notNull().default([]),
    maturity: text('maturity'),
    softwareType: text('software_type'),
    landArs: text('land_ars').notNull(),
    applicantKind: text('applicant_kind').notNull(),
    publiccodeYml: text('publiccode_yml'),
    publiccodeSource: text('publiccode_source', { enum: publiccodeSources }),
    publiccodeValid: boolean('publiccode_valid'),
    publiccodeVersion: text('publiccode_version'),
    publiccodeErrors: jsonb('publiccode_errors').$type<StoredProblem[]>().notNull().default([]),
    publiccodeWarnings: jsonb('publiccode_warnings').$type<StoredProblem[]>().notNull().default([]),
    /** The catalogue part of the file (extractCatalogueFields), as last validated. */
    publiccodeFields: jsonb('publiccode_fields').$type<Record<string, unknown>>(),
    publiccodeCheckedAt: timestamp('publiccode_checked_at', { withTimezone: true }),
    searchName: text('search_name').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('german'::regconfig, search_name), 'A') || setweight(to_tsvector('german'::regconfig, search_text), 'B')`,
    ),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalogue_solutions_slug_key').on(t.slug),
    index('catalogue_solutions_organisation_idx').on(t.organisationId),
    index('catalogue_solutions_search_idx').using('gin', t.searchVector),
    index('catalogue_solutions_created_idx').on(t.createdAt),
  ],
);

/** An organisation reusing a solution: the measure of replication. One row per pair, its status moves. */
export const catalogueAdoptions = pgTable(
  'catalogue_adoptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => catalogueSolutions.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: adoptionStatuses }).notNull(),
    since: date('since').notNull(),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('catalogue_adoptions_pair_key').on(t.solutionId, t.organisationId), index('catalogue_adoptions_organisation_idx').on(t.organisationId)],
);

/** Lessons-learned articles and exchange events, searchable beside the solutions. */
export const catalogueKnowledge = pgTable(
  'catalogue_knowledge',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: knowledgeKinds }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The organisation that wrote an article; null for events the programme office holds. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    solutionId: uuid('solution_id').references(() => catalogueSolutions.id, { onDelete: 'set null' }),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    location: text('location').notNull().default(''),
    searchName: text('search_name').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('german'::regconfig, search_name), 'A') || setweight(to_tsvector('german'::regconfig, search_text), 'B')`,
    ),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalogue_knowledge_search_idx').using('gin', t.searchVector), index('catalogue_knowledge_kind_idx').on(t.kind, t.startsAt)],
);

/** Who took part in an exchange event: the exchange obligation of funded projects. */
export const catalogueAttendance = pgTable(
  'catalogue_attendance',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => catalogueKnowledge.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organisationId] }), index('catalogue_attendance_organisation_idx').on(t.organisationId)],
);
