import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { decisions, juryAttendance, juryMembers, juryRecusals, jurySessions, jurySettings, juryVotes, programmes, rounds, users } from '../../db/schema';

export type SettingsRow = typeof jurySettings.$inferSelect;
export type MemberRow = typeof juryMembers.$inferSelect;
export type RecusalRow = typeof juryRecusals.$inferSelect;
export type SessionRow = typeof jurySessions.$inferSelect;
export type AttendanceRow = typeof juryAttendance.$inferSelect;
export type VoteRow = typeof juryVotes.$inferSelect;
export type DecisionRow = typeof decisions.$inferSelect;

// ── Locks ─────────────────────────────────────────────────────────────────────────────

/**
 * Locks the round's row and its programme's row for the rest of the transaction, and reads
 * the round's status and envelope under the lock. Every change that counts members or money
 * takes it first, so two concurrent decisions cannot both see the old total; the programme's
 * row serialises decisions of different rounds against the one budget. (The rows belong to the
 * programmes module; only their lock and the two figures are read here.)
 */
export async function lockRoundForMoney(db: Db, roundId: string) {
  const [round] = await db
    .select({ id: rounds.id, programmeId: rounds.programmeId, status: rounds.status, envelopeCents: rounds.envelopeCents, jurySize: rounds.jurySize })
    .from(rounds)
    .where(eq(rounds.id, roundId))
    .for('update');
  if (!round) return undefined;
  await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, round.programmeId)).for('update');
  return round;
}

// ── Settings ──────────────────────────────────────────────────────────────────────────

export async function findSettings(db: Db, roundId: string): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(jurySettings).where(eq(jurySettings.roundId, roundId));
  return row;
}

export async function upsertSettings(db: Db, values: typeof jurySettings.$inferInsert): Promise<SettingsRow> {
  const { roundId: _roundId, ...changes } = values;
  const [row] = await db.insert(jurySettings).values(values).onConflictDoUpdate({ target: jurySettings.roundId, set: changes }).returning();
  return row!;
}

// ── Members ───────────────────────────────────────────────────────────────────────────

export async function membersOf(db: Db, roundId: string) {
  return db
    .select({ member: juryMembers, displayName: users.displayName, email: users.email })
    .from(juryMembers)
    .innerJoin(users, eq(users.id, juryMembers.userId))
    .where(eq(juryMembers.roundId, roundId))
    .orderBy(asc(juryMembers.createdAt), asc(users.displayName));
}

export async function findMember(db: Db, memberId: string): Promise<MemberRow | undefined> {
  const [row] = await db.select().from(juryMembers).where(eq(juryMembers.id, memberId));
  return row;
}

export async function findMemberByUser(db: Db, roundId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(juryMembers)
    .where(and(eq(juryMembers.roundId, roundId), eq(juryMembers.userId, userId)));
  return row;
}

export async function memberCount(db: Db, roundId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(juryMembers).where(eq(juryMembers.roundId, roundId));
  return Number(row?.n ?? 0);
}

export async function insertMember(db: Db, values: typeof juryMembers.$inferInsert): Promise<MemberRow> {
  const [row] = await db.insert(juryMembers).values(values).returning();
  return row!;
}

// ── Recusals ──────────────────────────────────────────────────────────────────────────

export async function recusalsOfRound(db: Db, roundId: string): Promise<RecusalRow[]> {
  return db
    .select({ recusal: juryRecusals })
    .from(juryRecusals)
    .innerJoin(juryMembers, eq(juryMembers.id, juryRecusals.memberId))
    .where(eq(juryMembers.roundId, roundId))
    .orderBy(asc(juryRecusals.createdAt))
    .then((rows) => rows.map((r) => r.recusal));
}

export async function recusalsOfMember(db: Db, memberId: string): Promise<RecusalRow[]> {
  return db.select().from(juryRecusals).where(eq(juryRecusals.memberId, memberId)).orderBy(asc(juryRecusals.createdAt));
}

/** Inserts the recusal, or returns undefined when the member is recused from the application already. */
export async function insertRecusal(db: Db, values: typeof juryRecusals.$inferInsert): Promise<RecusalRow | undefined> {
  const [row] = await db.insert(juryRecusals).values(values).onConflictDoNothing().returning();
  return row;
}

// ── Sessions and attendance ───────────────────────────────────────────────────────────

export async function insertSession(db: Db, values: typeof jurySessions.$inferInsert): Promise<SessionRow> {
  const [row] = await db.insert(jurySessions).values(values).returning();
  return row!;
}

export async function sessionsOf(db: Db, roundId: string): Promise<SessionRow[]> {
  return db.select().from(jurySessions).where(eq(jurySessions.roundId, roundId)).orderBy(asc(jurySessions.startsAt), asc(jurySessions.createdAt));
}

export async function findSession(db: Db, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(jurySessions).where(eq(jurySessions.id, sessionId));
  return row;
}

/** Reads the session under a row lock, so its status cannot change while a vote or decision is taken. */
export async function lockSession(db: Db, sessionId: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(jurySessions).where(eq(jurySessions.id, sessionId)).for('update');
  return row;
}

export async function setSessionStatus(db: Db, sessionId: string, status: SessionRow['status']): Promise<SessionRow> {
  const [row] = await db.update(jurySessions).set({ status }).where(eq(jurySessions.id, sessionId)).returning();
  return row!;
}

export async function attendanceOf(db: Db, sessionId: string): Promise<AttendanceRow[]> {
  return db.select().from(juryAttendance).where(eq(juryAttendance.sessionId, sessionId));
}

export async function upsertAttendance(db: Db, rows: AttendanceRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(juryAttendance)
    .values(rows)
    .onConflictDoUpdate({ target: [juryAttendance.sessionId, juryAttendance.memberId], set: { present: sql`excluded.present` } });
}

// ── Votes ─────────────────────────────────────────────────────────────────────────────

export async function votesOfSession(db: Db, sessionId: string): Promise<VoteRow[]> {
  return db.select().from(juryVotes).where(eq(juryVotes.sessionId, sessionId)).orderBy(asc(juryVotes.castAt));
}

export async function votesOn(db: Db, sessionId: string, applicationId: string): Promise<VoteRow[]> {
  return db
    .select()
    .from(juryVotes)
    .where(and(eq(juryVotes.sessionId, sessionId), eq(juryVotes.applicationId, applicationId)))
    .orderBy(asc(juryVotes.castAt));
}

export async function votesOfRound(db: Db, roundId: string): Promise<VoteRow[]> {
  return db
    .select({ vote: juryVotes })
    .from(juryVotes)
    .innerJoin(jurySessions, eq(jurySessions.id, juryVotes.sessionId))
    .where(eq(jurySessions.roundId, roundId))
    .orderBy(asc(juryVotes.castAt))
    .then((rows) => rows.map((r) => r.vote));
}

/** One vote per member, application and session: casting again changes it. */
export async function upsertVote(db: Db, values: typeof juryVotes.$inferInsert): Promise<VoteRow> {
  const [row] = await db
    .insert(juryVotes)
    .values(values)
    .onConflictDoUpdate({ target: [juryVotes.sessionId, juryVotes.applicationId, juryVotes.memberId], set: { choice: values.choice, castAt: values.castAt } })
    .returning();
  return row!;
}

// ── Decisions ─────────────────────────────────────────────────────────────────────────

export async function decisionsOfRound(db: Db, roundId: string): Promise<DecisionRow[]> {
  return db.select().from(decisions).where(eq(decisions.roundId, roundId)).orderBy(asc(decisions.decidedAt), asc(decisions.id));
}

export async function findDecision(db: Db, applicationId: string): Promise<DecisionRow | undefined> {
  const [row] = await db.select().from(decisions).where(eq(decisions.applicationId, applicationId));
  return row;
}

export async function decisionsOf(db: Db, applicationIds: string[]): Promise<DecisionRow[]> {
  if (applicationIds.length === 0) return [];
  return db.select().from(decisions).where(inArray(decisions.applicationId, applicationIds));
}

export async function insertDecision(db: Db, values: typeof decisions.$inferInsert): Promise<DecisionRow> {
  const [row] = await db.insert(decisions).values(values).returning();
  return row!;
}

export async function setDecisionAuditSeq(db: Db, id: string, auditSeq: number): Promise<DecisionRow> {
  const [row] = await db.update(decisions).set({ auditSeq }).where(eq(decisions.id, id)).returning();
  return row!;
}

/** Funding selected in one round. */
export async function selectedInRound(db: Db, roundId: string): Promise<number> {
  const [row] = await db
    .select({ sum: sql<string>`coalesce(sum(${decisions.fundingCents}), 0)` })
    .from(decisions)
    .where(and(eq(decisions.roundId, roundId), eq(decisions.outcome, 'selected')));
  return Number(row?.sum ?? 0);
}

/** Funding selected in the programme's other rounds. */
export async function selectedInOtherRounds(db: Db, programmeId: string, roundId: string): Promise<number> {
  const [row] = await db
    .select({ sum: sql<string>`coalesce(sum(${decisions.fundingCents}), 0)` })
    .from(decisions)
    .innerJoin(rounds, eq(rounds.id, decisions.roundId))
    .where(and(eq(rounds.programmeId, programmeId), ne(decisions.roundId, roundId), eq(decisions.outcome, 'selected')));
  return Number(row?.sum ?? 0);
}
