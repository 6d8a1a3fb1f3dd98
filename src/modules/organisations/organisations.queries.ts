import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { invitations, organisationMembers, organisationRegions, organisations, users } from '../../db/schema';
import type { OrganisationKind } from '../../db/schema/organisations';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationRegionRow = typeof organisationRegions.$inferSelect;
export type MemberRow = typeof organisationMembers.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;
export type MemberRole = MemberRow['role'];

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function findOrganisations(db: Db, ids: string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

/** Organisations, optionally only some and only those whose names contain the text. */
export async function listOrganisations(db: Db, filter: { ids?: string[]; q?: string; limit: number }): Promise<OrganisationRow[]> {
  const conditions: SQL[] = [];
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    conditions.push(inArray(organisations.id, filter.ids));
  }
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(organisations.displayName, pattern), ilike(organisations.sortName, pattern))!);
  }
  return db
    .select()
    .from(organisations)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(organisations.sortName), asc(organisations.displayName), asc(organisations.id))
    .limit(filter.limit);
}

/** Organisations of one kind led by the given region (to refuse registering one twice). */
export async function findByLead(db: Db, kind: OrganisationKind, ars: string): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .select({ organisation: organisations })
    .from(organisations)
    .innerJoin(organisationRegions, eq(organisationRegions.organisationId, organisations.id))
    .where(and(eq(organisations.kind, kind), eq(organisationRegions.ars, ars), eq(organisationRegions.role, 'lead')))
    .limit(1);
  return row?.organisation;
}

export async function insertOrganisation(db: Db, values: typeof organisations.$inferInsert): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

export async function updateOrganisation(
  db: Db,
  id: string,
  values: Partial<Pick<OrganisationRow, 'displayName' | 'sortName' | 'budgetEmergency'>>,
): Promise<OrganisationRow | undefined> {
  const [row] = await db.update(organisations).set(values).where(eq(organisations.id, id)).returning();
  return row;
}

export async function insertRegions(db: Db, rows: Array<typeof organisationRegions.$inferInsert>): Promise<void> {
  if (rows.length > 0) await db.insert(organisationRegions).values(rows);
}

/** The regions of some organisations, lead first, partners in their order. */
export async function regionsOf(db: Db, organisationIds: string[]): Promise<OrganisationRegionRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(organisationRegions)
    .where(inArray(organisationRegions.organisationId, organisationIds))
    .orderBy(asc(organisationRegions.organisationId), asc(organisationRegions.position));
}

export async function membershipOf(db: Db, organisationId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)));
  return row;
}

export async function membershipsOfUser(db: Db, userId: string): Promise<MemberRow[]> {
  return db.select().from(organisationMembers).where(eq(organisationMembers.userId, userId));
}

export async function membersWithNames(db: Db, organisationId: string) {
  return db
    .select({
      userId: organisationMembers.userId,
      role: organisationMembers.role,
      joinedAt: organisationMembers.joinedAt,
      displayName: users.displayName,
      email: users.email,
    })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(organisationMembers.joinedAt), asc(users.displayName));
}

/** Whether an account with this email belongs to the organisation already. */
export async function memberByEmail(db: Db, organisationId: string, email: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select({ member: organisationMembers })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(sql`lower(${users.email})`, email.toLowerCase())));
  return row?.member;
}

export async function insertMember(db: Db, values: typeof organisationMembers.$inferInsert): Promise<MemberRow> {
  const [row] = await db.insert(organisationMembers).values(values).returning();
  return row!;
}

export async function setMemberRole(db: Db, organisationId: string, userId: string, role: MemberRole): Promise<void> {
  await db
    .update(organisationMembers)
    .set({ role })
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)));
}

export async function insertInvitation(db: Db, values: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

export async function findInvitationByHash(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row;
}

/** Marks an invitation used, unless someone used it first: then nothing is returned. */
export async function consumeInvitation(db: Db, id: string, at: Date): Promise<InvitationRow | undefined> {
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: at })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning();
  return row;
}

/** Serialises registrations led by the same region, so the duplicate check holds under concurrency. */
export async function lockLeadRegion(db: Db, ars: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7270, hashtext(${ars}))`);
}
