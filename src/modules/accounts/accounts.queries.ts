import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { roleGrants, sessions, users, programmes, rounds } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;
export type GrantRow = typeof roleGrants.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return row;
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.email));
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function setPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, id));
}

export async function recordFailedLogin(db: Db, id: string, lockedUntil: Date | null): Promise<void> {
  await db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1`, ...(lockedUntil ? { lockedUntil } : {}) })
    .where(eq(users.id, id));
}

export async function resetFailedLogins(db: Db, id: string): Promise<void> {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}

export async function grantsOf(db: Db, userId: string): Promise<GrantRow[]> {
  return db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
}

export async function findGrant(db: Db, userId: string, grantId: string): Promise<GrantRow | undefined> {
  const [row] = await db.select().from(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)));
  return row;
}

export async function deleteGrant(db: Db, grantId: string): Promise<void> {
  await db.delete(roleGrants).where(eq(roleGrants.id, grantId));
}

export async function grantsWithNames(db: Db, userId?: string) {
  return db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      programmeId: roleGrants.programmeId,
      programmeSlug: programmes.slug,
      programmeName: programmes.name,
      roundId: roleGrants.roundId,
      roundSlug: rounds.slug,
      roundName: rounds.name,
    })
    .from(roleGrants)
    .innerJoin(programmes, eq(programmes.id, roleGrants.programmeId))
    .leftJoin(rounds, eq(rounds.id, roleGrants.roundId))
    .where(userId ? eq(roleGrants.userId, userId) : undefined);
}

export async function insertGrant(db: Db, values: typeof roleGrants.$inferInsert): Promise<GrantRow | undefined> {
  const [row] = await db.insert(roleGrants).values(values).onConflictDoNothing().returning();
  return row;
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteOtherSessions(db: Db, userId: string, keepTokenHash: string | null): Promise<void> {
  await db
    .delete(sessions)
    .where(keepTokenHash ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${keepTokenHash}`) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
