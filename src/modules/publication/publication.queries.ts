import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { jurySettings, publishedResults, reviewAssignments, reviews, roundPublications } from '../../db/schema';
import type { BalanceRule } from '../../db/schema/jury';

export type PublicationRow = typeof roundPublications.$inferSelect;
export type PublishedResultRow = typeof publishedResults.$inferSelect;

export async function findPublication(db: Db, roundId: string): Promise<PublicationRow | undefined> {
  const [row] = await db.select().from(roundPublications).where(eq(roundPublications.roundId, roundId));
  return row;
}

export async function insertPublication(db: Db, row: typeof roundPublications.$inferInsert, entries: Array<typeof publishedResults.$inferInsert>): Promise<void> {
  await db.insert(roundPublications).values(row);
  if (entries.length > 0) await db.insert(publishedResults).values(entries);
}

export async function publishedResultsOf(db: Db, roundId: string): Promise<PublishedResultRow[]> {
  return db.select().from(publishedResults).where(eq(publishedResults.roundId, roundId)).orderBy(asc(publishedResults.name));
}

export async function publishedByReceipt(db: Db, receiptHash: string): Promise<Array<PublishedResultRow & { head: PublicationRow }>> {
  const rows = await db
    .select({ entry: publishedResults, head: roundPublications })
    .from(publishedResults)
    .innerJoin(roundPublications, eq(roundPublications.roundId, publishedResults.roundId))
    .where(eq(publishedResults.receiptHash, receiptHash));
  return rows.map((r) => ({ ...r.entry, head: r.head }));
}

export async function latestPublication(db: Db): Promise<PublicationRow | undefined> {
  const rows = await db.select().from(roundPublications);
  return rows.sort((a, b) => b.chainHeadSeq - a.chainHeadSeq)[0];
}

export async function balanceRulesOf(db: Db, roundId: string): Promise<BalanceRule[]> {
  const [row] = await db.select({ rules: jurySettings.balanceRules }).from(jurySettings).where(eq(jurySettings.roundId, roundId));
  return row?.rules ?? [];
}

/**
 * The feedback reviewers wrote for the applicant (never their internal assessment), from
 * submitted reviews only. Read here because the review module offers no applicant-facing read.
 */
export async function applicantFeedback(db: Db, applicationId: string): Promise<string[]> {
  const rows = await db
    .select({ feedback: reviews.feedback })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .where(and(eq(reviewAssignments.applicationId, applicationId), isNotNull(reviews.submittedAt), ne(reviews.feedback, '')))
    .orderBy(asc(reviews.submittedAt));
  return rows.map((r) => r.feedback.trim()).filter((f) => f.length > 0);
}
