import { and, asc, desc, eq, gte, inArray, like, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import {
  applications,
  applicationVersions,
  attachments,
  organisationRegions,
  organisations,
  submissions,
  type ApplicationContent,
  type ApplicationStatus,
  type FormalCheck,
} from '../../db/schema';

export type ApplicationRow = typeof applications.$inferSelect;
export type AttachmentMeta = Omit<typeof attachments.$inferSelect, 'content'>;
export type SubmissionRow = typeof submissions.$inferSelect;

export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/** Locks the row for the rest of the transaction, so two submits of one application queue up. */
export async function lockApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).for('update');
  return row;
}

export async function findByRoundAndOrganisation(db: Db, roundId: string, organisationId: string): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.roundId, roundId), eq(applications.organisationId, organisationId)));
  return row;
}

export async function listForOrganisations(db: Db, organisationIds: string[]): Promise<ApplicationRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(applications)
    .where(inArray(applications.organisationId, organisationIds))
    .orderBy(desc(applications.updatedAt));
}

export async function insertApplication(db: Db, values: typeof applications.$inferInsert): Promise<ApplicationRow> {
  const [row] = await db.insert(applications).values(values).returning();
  return row!;
}

export async function updateApplication(
  db: Db,
  id: string,
  expectedVersion: number,
  values: Partial<typeof applications.$inferInsert>,
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(applications.id, id), eq(applications.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertVersion(db: Db, values: typeof applicationVersions.$inferInsert): Promise<void> {
  await db.insert(applicationVersions).values(values);
}

export async function listVersions(db: Db, applicationId: string) {
  return db
    .select({ version: applicationVersions.version, savedAt: applicationVersions.savedAt, savedBy: applicationVersions.savedBy })
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, applicationId))
    .orderBy(desc(applicationVersions.version));
}

export async function findVersion(db: Db, applicationId: string, version: number): Promise<ApplicationContent | undefined> {
  const [row] = await db
    .select({ content: applicationVersions.content })
    .from(applicationVersions)
    .where(and(eq(applicationVersions.applicationId, applicationId), eq(applicationVersions.version, version)));
  return row?.content;
}

export async function attachmentsOf(db: Db, applicationId: string): Promise<AttachmentMeta[]> {
  return db
    .select({
      id: attachments.id,
      applicationId: attachments.applicationId,
      filename: attachments.filename,
      sizeBytes: attachments.sizeBytes,
      sha256: attachments.sha256,
      uploadedAt: attachments.uploadedAt,
      uploadedBy: attachments.uploadedBy,
    })
    .from(attachments)
    .where(eq(attachments.applicationId, applicationId))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.filename));
}

export async function insertAttachment(db: Db, values: typeof attachments.$inferInsert): Promise<AttachmentMeta> {
  const [row] = await db.insert(attachments).values(values).returning({
    id: attachments.id,
    applicationId: attachments.applicationId,
    filename: attachments.filename,
    sizeBytes: attachments.sizeBytes,
    sha256: attachments.sha256,
    uploadedAt: attachments.uploadedAt,
    uploadedBy: attachments.uploadedBy,
  });
  return row!;
}

export async function findAttachment(db: Db, applicationId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.applicationId, applicationId), eq(attachments.id, attachmentId)));
  return row;
}

export async function deleteAttachment(db: Db, applicationId: string, attachmentId: string): Promise<boolean> {
  const rows = await db
    .delete(attachments)
    .where(and(eq(attachments.applicationId, applicationId), eq(attachments.id, attachmentId)))
    .returning({ id: attachments.id });
  return rows.length > 0;
}

export async function insertSubmission(db: Db, values: typeof submissions.$inferInsert): Promise<SubmissionRow> {
  const [row] = await db.insert(submissions).values(values).returning();
  return row!;
}

export async function findSubmission(db: Db, applicationId: string, version: number): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.applicationId, applicationId), eq(submissions.version, version)));
  return row;
}

export async function latestSubmission(db: Db, applicationId: string): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .select()
    .from(submissions)
    .where(eq(submissions.applicationId, applicationId))
    .orderBy(desc(submissions.version))
    .limit(1);
  return row;
}

export interface OfficeFilter {
  status?: ApplicationStatus;
  formalCheck?: FormalCheck;
  kind?: 'municipality' | 'district' | 'cooperation';
  land?: string;
  minRequestedCents?: number;
  maxRequestedCents?: number;
}

/** The office's list: applications with their applicant and lead region, filtered in SQL. */
export async function listForRound(db: Db, roundId: string, filter: OfficeFilter) {
  const conditions: SQL[] = [eq(applications.roundId, roundId)];
  if (filter.status) conditions.push(eq(applications.status, filter.status));
  if (filter.formalCheck) conditions.push(eq(applications.formalCheck, filter.formalCheck));
  if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
  if (filter.land) conditions.push(like(organisationRegions.ars, `${filter.land}%`));
  if (filter.minRequestedCents !== undefined) conditions.push(gte(applications.requestedCents, filter.minRequestedCents));
  if (filter.maxRequestedCents !== undefined) conditions.push(lte(applications.requestedCents, filter.maxRequestedCents));
  return db
    .select({
      application: applications,
      organisation: { id: organisations.id, kind: organisations.kind, displayName: organisations.displayName, sortName: organisations.sortName },
      leadArs: organisationRegions.ars,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(organisationRegions, and(eq(organisationRegions.organisationId, organisations.id), eq(organisationRegions.role, 'lead')))
    .where(and(...conditions))
    .orderBy(asc(organisations.sortName));
}
