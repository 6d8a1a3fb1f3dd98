import { and, asc, desc, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { auditEvents } from '../../db/schema';

export type AuditRow = typeof auditEvents.$inferSelect;

export async function lockChain(db: Db): Promise<void> {
  // One writer at a time: the chain needs each new event to see the latest hash.
  await db.execute(sql`select pg_advisory_xact_lock(727070)`);
}

export async function lastEvent(db: Db): Promise<Pick<AuditRow, 'seq' | 'hash'> | undefined> {
  const [row] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return row;
}

export async function insertEvent(db: Db, row: AuditRow): Promise<void> {
  await db.insert(auditEvents).values(row);
}

export async function eventsAfter(db: Db, seq: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditEvents).where(gt(auditEvents.seq, seq)).orderBy(asc(auditEvents.seq)).limit(limit);
}

export async function eventsForSubject(db: Db, subjectType: string, subjectId: string): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, subjectType), eq(auditEvents.subjectId, subjectId)))
    .orderBy(asc(auditEvents.seq));
}

export async function latestEvents(db: Db, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(limit);
}

export async function eventByHash(db: Db, hash: string): Promise<AuditRow | undefined> {
  const [row] = await db.select().from(auditEvents).where(eq(auditEvents.hash, hash)).limit(1);
  return row;
}

export async function eventsFrom(db: Db, fromSeq: number, toSeq: number, limit: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(gte(auditEvents.seq, fromSeq), lte(auditEvents.seq, toSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}

export async function eventsBySeq(db: Db, seqs: number[]): Promise<AuditRow[]> {
  if (seqs.length === 0) return [];
  return db.select().from(auditEvents).where(inArray(auditEvents.seq, seqs));
}
