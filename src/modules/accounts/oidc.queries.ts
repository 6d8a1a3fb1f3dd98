import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { userIdentities } from '../../db/schema';

export type IdentityRow = typeof userIdentities.$inferSelect;

export async function findIdentity(db: Db, issuer: string, subject: string): Promise<IdentityRow | undefined> {
  const [row] = await db.select().from(userIdentities).where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
  return row;
}

export async function hasIdentityAt(db: Db, userId: string, issuer: string): Promise<boolean> {
  const rows = await db
    .select({ subject: userIdentities.subject })
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.issuer, issuer)))
    .limit(1);
  return rows.length > 0;
}

export async function insertIdentity(db: Db, values: { issuer: string; subject: string; userId: string; at: Date }): Promise<void> {
  await db.insert(userIdentities).values({ issuer: values.issuer, subject: values.subject, userId: values.userId, createdAt: values.at, lastLoginAt: values.at });
}

export async function touchIdentity(db: Db, issuer: string, subject: string, at: Date): Promise<void> {
  await db
    .update(userIdentities)
    .set({ lastLoginAt: at })
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
}
