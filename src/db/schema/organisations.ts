import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { regions } from './regions';

export const organisationKinds = ['municipality', 'district', 'cooperation'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/**
 * An applicant: a municipality, a district, or a cooperation of a lead region with partners.
 * The display name is the one published ("Osnabrück mit den Gemeinden …"); the sort name is what
 * the alphabetical lists sort on ("Osnabrück").
 */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: organisationKinds }).notNull(),
  displayName: text('display_name').notNull(),
  sortName: text('sort_name').notNull(),
  /** Municipalities in budget emergency (Haushaltsnotlage) get the programme's raised rate. */
  budgetEmergency: boolean('budget_emergency').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organisationRegions = pgTable(
  'organisation_regions',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    ars: text('ars')
      .notNull()
      .references(() => regions.ars),
    role: text('role', { enum: ['lead', 'partner'] }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.ars] }), index('organisation_regions_ars_idx').on(t.ars)],
);

export const memberRoles = ['admin', 'member'] as const;

export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: memberRoles }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_members_user_idx').on(t.userId)],
);

/** An invitation is a one-time token sent by email; the table keeps only its hash. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: memberRoles }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invitations_token_key').on(t.tokenHash)],
);
