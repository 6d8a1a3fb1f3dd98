import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { outbox } from '../../db/schema';

export type OutboxRow = typeof outbox.$inferSelect;

/** Inserts unless the dedupe key is taken; returns the new row, or undefined for a duplicate. */
export async function insertUnlessDuplicate(db: Db, values: typeof outbox.$inferInsert): Promise<OutboxRow | undefined> {
  const [row] = await db.insert(outbox).values(values).onConflictDoNothing({ target: outbox.dedupeKey }).returning();
  return row;
}

/**
 * Takes up to `limit` due rows for sending: counts the attempt and moves send_after to `leaseUntil`,
 * so another worker skips them while this one sends (and a crashed worker's rows come back later).
 */
export async function claimDue(db: Db, now: Date, leaseUntil: Date, maxAttempts: number, limit: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), lte(outbox.sendAfter, now), lt(outbox.attempts, maxAttempts)))
    .orderBy(asc(outbox.sendAfter), asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ sendAfter: leaseUntil, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();
}

export async function markSent(db: Db, id: string, at: Date): Promise<void> {
  await db.update(outbox).set({ sentAt: at, lastError: null }).where(eq(outbox.id, id));
}

export async function markFailed(db: Db, id: string, error: string, retryAt: Date): Promise<void> {
  await db.update(outbox).set({ lastError: error, sendAfter: retryAt }).where(eq(outbox.id, id));
}

export async function pendingCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(isNull(outbox.sentAt));
  return row?.n ?? 0;
}
