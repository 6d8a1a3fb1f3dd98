import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { applications, assignmentRuns, declaredConflicts, organisations, reviewAssignments, reviewerProfiles, reviews, reviewSettings, roundReviewers, users } from '../../db/schema';

export type ProfileRow = typeof reviewerProfiles.$inferSelect;
export type RoundReviewerRow = typeof roundReviewers.$inferSelect;
export type DeclaredConflictRow = typeof declaredConflicts.$inferSelect;
export type RunRow = typeof assignmentRuns.$inferSelect;
export type AssignmentRow = typeof reviewAssignments.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewSettingsRow = typeof reviewSettings.$inferSelect;

// ── Profiles ──────────────────────────────────────────────────────────────────────────

export async function findProfile(db: Db, userId: string): Promise<ProfileRow | undefined> {
  const [row] = await db.select().from(reviewerProfiles).where(eq(reviewerProfiles.userId, userId));
  return row;
}

export async function upsertProfile(db: Db, values: typeof reviewerProfiles.$inferInsert): Promise<ProfileRow> {
  const { userId: _userId, ...changes } = values;
  const [row] = await db.insert(reviewerProfiles).values(values).onConflictDoUpdate({ target: reviewerProfiles.userId, set: changes }).returning();
  return row!;
}

// ── The round's pool ──────────────────────────────────────────────────────────────────

/** The reviewers of a round with their names and profiles (null when they have none yet). */
export async function roundReviewersOf(db: Db, roundId: string) {
  return db
    .select({ member: roundReviewers, displayName: users.displayName, email: users.email, profile: reviewerProfiles })
    .from(roundReviewers)
    .innerJoin(users, eq(users.id, roundReviewers.userId))
    .leftJoin(reviewerProfiles, eq(reviewerProfiles.userId, roundReviewers.userId))
    .where(eq(roundReviewers.roundId, roundId))
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function findRoundReviewer(db: Db, roundId: string, userId: string): Promise<RoundReviewerRow | undefined> {
  const [row] = await db
    .select()
    .from(roundReviewers)
    .where(and(eq(roundReviewers.roundId, roundId), eq(roundReviewers.userId, userId)));
  return row;
}

export async function upsertRoundReviewer(db: Db, values: typeof roundReviewers.$inferInsert): Promise<RoundReviewerRow> {
  const [row] = await db
    .insert(roundReviewers)
    .values(values)
    .onConflictDoUpdate({ target: [roundReviewers.roundId, roundReviewers.userId], set: { minLoad: values.minLoad, maxLoad: values.maxLoad } })
    .returning();
  return row!;
}

// ── Declared conflicts ────────────────────────────────────────────────────────────────

export async function declaredConflictsOf(db: Db, userIds: string[]): Promise<DeclaredConflictRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(declaredConflicts).where(inArray(declaredConflicts.userId, userIds)).orderBy(asc(declaredConflicts.createdAt));
}

export async function insertDeclaredConflict(db: Db, values: typeof declaredConflicts.$inferInsert): Promise<DeclaredConflictRow> {
  const [row] = await db.insert(declaredConflicts).values(values).returning();
  return row!;
}

// ── Runs and assignments ──────────────────────────────────────────────────────────────

export async function insertRun(db: Db, values: typeof assignmentRuns.$inferInsert): Promise<RunRow> {
  const [row] = await db.insert(assignmentRuns).values(values).returning();
  return row!;
}

export async function findRun(db: Db, id: string): Promise<RunRow | undefined> {
  const [row] = await db.select().from(assignmentRuns).where(eq(assignmentRuns.id, id));
  return row;
}

export async function runningRunOf(db: Db, roundId: string): Promise<RunRow | undefined> {
  const [row] = await db
    .select()
    .from(assignmentRuns)
    .where(and(eq(assignmentRuns.roundId, roundId), eq(assignmentRuns.status, 'running')));
  return row;
}

/** Updates a run only while it is running, so a run failed by recovery stays failed. */
export async function updateRunningRun(db: Db, id: string, values: Partial<typeof assignmentRuns.$inferInsert>): Promise<RunRow | undefined> {
  const [row] = await db
    .update(assignmentRuns)
    .set(values)
    .where(and(eq(assignmentRuns.id, id), eq(assignmentRuns.status, 'running')))
    .returning();
  return row;
}

/** Marks running runs whose heartbeat is older than `before` (or missing) as failed; returns them. */
export async function failStaleRuns(db: Db, before: Date, reason: string, now: Date): Promise<RunRow[]> {
  return db
    .update(assignmentRuns)
    .set({ status: 'failed', reason, finishedAt: now })
    .where(and(eq(assignmentRuns.status, 'running'), or(isNull(assignmentRuns.heartbeatAt), lt(assignmentRuns.heartbeatAt, before))))
    .returning();
}

export async function runsOf(db: Db, roundId: string): Promise<RunRow[]> {
  return db.select().from(assignmentRuns).where(eq(assignmentRuns.roundId, roundId)).orderBy(desc(assignmentRuns.createdAt), desc(assignmentRuns.id));
}

/** Serialises assignment changes of one round (runs and overrides). */
export async function lockRound(db: Db, roundId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(7271, hashtext(${roundId}))`);
}

/** The round's assignments with the reviewer's name and whether a review was started. */
export async function assignmentsOfRound(db: Db, roundId: string) {
  return db
    .select({ assignment: reviewAssignments, reviewerName: users.displayName, reviewerEmail: users.email, reviewSubmittedAt: reviews.submittedAt, reviewId: reviews.id })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(reviewAssignments.roundId, roundId))
    .orderBy(asc(reviewAssignments.applicationId), asc(users.displayName));
}

export async function assignmentsOfReviewer(db: Db, reviewerId: string) {
  return db
    .select({ assignment: reviewAssignments, reviewSubmittedAt: reviews.submittedAt, reviewId: reviews.id })
    .from(reviewAssignments)
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(reviewAssignments.reviewerId, reviewerId))
    .orderBy(asc(reviewAssignments.createdAt), asc(reviewAssignments.id));
}

export async function findAssignment(db: Db, id: string): Promise<AssignmentRow | undefined> {
  const [row] = await db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
  return row;
}

export async function assignmentsOfApplication(db: Db, applicationId: string): Promise<AssignmentRow[]> {
  return db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, applicationId));
}

/**
 * Removes the round's assignments the solver may replace: not overridden by the office and
 * without a review started; returns what was removed.
 */
export async function deleteReplaceableAssignments(db: Db, roundId: string): Promise<AssignmentRow[]> {
  return db
    .delete(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.roundId, roundId),
        eq(reviewAssignments.overridden, false),
        notExists(db.select({ one: sql`1` }).from(reviews).where(eq(reviews.assignmentId, reviewAssignments.id))),
      ),
    )
    .returning();
}

export async function insertAssignments(db: Db, rows: Array<typeof reviewAssignments.$inferInsert>): Promise<AssignmentRow[]> {
  if (rows.length === 0) return [];
  const result: AssignmentRow[] = [];
  // Chunks keep each statement well under the parameter limit.
  for (let i = 0; i < rows.length; i += 1000) result.push(...(await db.insert(reviewAssignments).values(rows.slice(i, i + 1000)).returning()));
  return result;
}

export async function updateAssignment(db: Db, id: string, values: Partial<typeof reviewAssignments.$inferInsert>): Promise<AssignmentRow | undefined> {
  const [row] = await db.update(reviewAssignments).set(values).where(eq(reviewAssignments.id, id)).returning();
  return row;
}

// ── Reviews ───────────────────────────────────────────────────────────────────────────

export async function findReview(db: Db, assignmentId: string): Promise<ReviewRow | undefined> {
  const [row] = await db.select().from(reviews).where(eq(reviews.assignmentId, assignmentId));
  return row;
}

export async function insertReview(db: Db, values: typeof reviews.$inferInsert): Promise<ReviewRow> {
  const [row] = await db.insert(reviews).values(values).returning();
  return row!;
}

/** Saves a draft when the version matches and it is not submitted; otherwise nothing is returned. */
export async function updateReview(db: Db, id: string, expectedVersion: number, values: Partial<typeof reviews.$inferInsert>): Promise<ReviewRow | undefined> {
  const [row] = await db
    .update(reviews)
    .set(values)
    .where(and(eq(reviews.id, id), eq(reviews.version, expectedVersion), isNull(reviews.submittedAt)))
    .returning();
  return row;
}

/** The other reviews of the application (other assignments), with their assignment. */
export async function otherReviews(db: Db, applicationId: string, exceptAssignmentId: string) {
  const rows = await db
    .select({ assignment: reviewAssignments, review: reviews })
    .from(reviewAssignments)
    .innerJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(reviewAssignments.applicationId, applicationId));
  return rows.filter((r) => r.assignment.id !== exceptAssignmentId);
}

/** The round's submitted reviews with their application, applicant and reviewer (for the jury's results). */
export async function submittedReviewsOfRound(db: Db, roundId: string) {
  return db
    .select({
      applicationId: reviewAssignments.applicationId,
      reviewerId: reviewAssignments.reviewerId,
      reviewerName: users.displayName,
      scores: reviews.scores,
      recommendation: reviews.recommendation,
      content: applications.content,
      requestedCents: applications.requestedCents,
      organisation: organisations.displayName,
    })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .innerJoin(applications, eq(applications.id, reviewAssignments.applicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .where(and(eq(reviewAssignments.roundId, roundId), isNotNull(reviews.submittedAt)))
    .orderBy(asc(reviewAssignments.applicationId), asc(users.displayName), asc(users.id));
}

// ── Settings and reminders ────────────────────────────────────────────────────────────

export async function findSettings(db: Db, roundId: string): Promise<ReviewSettingsRow | undefined> {
  const [row] = await db.select().from(reviewSettings).where(eq(reviewSettings.roundId, roundId));
  return row;
}

export async function insertSettings(db: Db, values: typeof reviewSettings.$inferInsert): Promise<ReviewSettingsRow> {
  const [row] = await db.insert(reviewSettings).values(values).returning();
  return row!;
}

/** Saves when the version matches; otherwise nothing is returned. */
export async function updateSettings(db: Db, roundId: string, expectedVersion: number, values: Partial<typeof reviewSettings.$inferInsert>): Promise<ReviewSettingsRow | undefined> {
  const [row] = await db
    .update(reviewSettings)
    .set(values)
    .where(and(eq(reviewSettings.roundId, roundId), eq(reviewSettings.version, expectedVersion)))
    .returning();
  return row;
}

/** Every round with a review deadline still ahead of `now`. */
export async function settingsWithDeadlineAfter(db: Db, now: Date): Promise<ReviewSettingsRow[]> {
  return db
    .select()
    .from(reviewSettings)
    .where(gt(reviewSettings.reviewDeadline, now));
}

/** Per reviewer of the round, the assignments whose review is not submitted yet. */
export async function openReviewsOfRound(db: Db, roundId: string) {
  return db
    .select({ reviewerId: reviewAssignments.reviewerId, email: users.email, displayName: users.displayName, assignmentId: reviewAssignments.id, applicationId: reviewAssignments.applicationId })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(and(eq(reviewAssignments.roundId, roundId), isNull(reviews.submittedAt)))
    .orderBy(asc(users.email), asc(reviewAssignments.id));
}
