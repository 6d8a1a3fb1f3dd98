import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { applications, catalogueAttendance, catalogueKnowledge, catalogueSolutions, decisions, disbursements, grantPhases, grantReports, grants, users } from '../../db/schema';

export type GrantRow = typeof grants.$inferSelect;
export type PhaseRow = typeof grantPhases.$inferSelect;
export type DisbursementRow = typeof disbursements.$inferSelect;
export type ReportRow = typeof grantReports.$inferSelect;

// ── Decisions (read only: what a grant is made from) ──────────────────────────────────

/** A decision with the money facts of its application, as the grant copies them. */
export async function decisionFacts(db: Db, decisionId: string) {
  const [row] = await db
    .select({
      id: decisions.id,
      roundId: decisions.roundId,
      applicationId: decisions.applicationId,
      outcome: decisions.outcome,
      fundingCents: decisions.fundingCents,
      decidedAt: decisions.decidedAt,
      organisationId: applications.organisationId,
      title: sql<string>`${applications.content}->>'title'`,
      eligibleCostsCents: applications.eligibleCostsCents,
      requestedCents: applications.requestedCents,
      rateBp: applications.rateBp,
    })
    .from(decisions)
    .innerJoin(applications, eq(applications.id, decisions.applicationId))
    .where(eq(decisions.id, decisionId));
  return row;
}

/** Selected decisions of rounds (their funding is committed), with the day they were taken. */
export async function selectedDecisions(db: Db, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({ id: decisions.id, roundId: decisions.roundId, fundingCents: decisions.fundingCents, decidedAt: decisions.decidedAt })
    .from(decisions)
    .where(and(inArray(decisions.roundId, roundIds), eq(decisions.outcome, 'selected')));
}

// ── Grants ────────────────────────────────────────────────────────────────────────────

export async function insertGrant(db: Db, values: typeof grants.$inferInsert): Promise<GrantRow> {
  const [row] = await db.insert(grants).values(values).returning();
  return row!;
}

export async function insertGrants(db: Db, values: Array<typeof grants.$inferInsert>): Promise<GrantRow[]> {
  if (values.length === 0) return [];
  return db.insert(grants).values(values).returning();
}

export async function insertPhases(db: Db, values: Array<typeof grantPhases.$inferInsert>): Promise<PhaseRow[]> {
  if (values.length === 0) return [];
  return db.insert(grantPhases).values(values).returning();
}

export async function findGrant(db: Db, id: string): Promise<GrantRow | undefined> {
  const [row] = await db.select().from(grants).where(eq(grants.id, id));
  return row;
}

export async function findGrantByDecision(db: Db, decisionId: string): Promise<GrantRow | undefined> {
  const [row] = await db.select().from(grants).where(eq(grants.decisionId, decisionId));
  return row;
}

export async function grantsByDecisions(db: Db, decisionIds: string[]): Promise<GrantRow[]> {
  if (decisionIds.length === 0) return [];
  return db.select().from(grants).where(inArray(grants.decisionId, decisionIds));
}

export async function lockGrant(db: Db, id: string): Promise<GrantRow | undefined> {
  const [row] = await db.select().from(grants).where(eq(grants.id, id)).for('update');
  return row;
}

export async function listGrants(db: Db, filter: { programmeId?: string; roundId?: string; ids?: string[] }): Promise<GrantRow[]> {
  const where: SQL[] = [];
  if (filter.programmeId) where.push(eq(grants.programmeId, filter.programmeId));
  if (filter.roundId) where.push(eq(grants.roundId, filter.roundId));
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    where.push(inArray(grants.id, filter.ids));
  }
  return db
    .select()
    .from(grants)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(grants.reference));
}

export async function updateGrant(db: Db, id: string, changes: Partial<typeof grants.$inferInsert>): Promise<GrantRow> {
  const [row] = await db
    .update(grants)
    .set({ ...changes, version: sql`${grants.version} + 1` })
    .where(eq(grants.id, id))
    .returning();
  return row!;
}

// ── Phases ────────────────────────────────────────────────────────────────────────────

export async function phasesOf(db: Db, grantIds: string[]): Promise<PhaseRow[]> {
  if (grantIds.length === 0) return [];
  return db.select().from(grantPhases).where(inArray(grantPhases.grantId, grantIds)).orderBy(asc(grantPhases.grantId), asc(grantPhases.position));
}

/**
 * Reads a phase under a row lock: every request and approval that spends from the phase takes
 * it first, so two of them cannot both see the old sums and together pass the phase's amount.
 */
export async function lockPhase(db: Db, id: string): Promise<PhaseRow | undefined> {
  const [row] = await db.select().from(grantPhases).where(eq(grantPhases.id, id)).for('update');
  return row;
}

/** Approved (disbursed) and requested (pending) sums per phase. */
export async function phaseSums(db: Db, phaseIds: string[]): Promise<Map<string, { disbursedCents: number; pendingCents: number }>> {
  if (phaseIds.length === 0) return new Map();
  const rows = await db
    .select({
      phaseId: disbursements.phaseId,
      disbursed: sql<string>`coalesce(sum(${disbursements.amountCents}) filter (where ${disbursements.status} = 'approved'), 0)`,
      pending: sql<string>`coalesce(sum(${disbursements.amountCents}) filter (where ${disbursements.status} = 'requested'), 0)`,
    })
    .from(disbursements)
    .where(inArray(disbursements.phaseId, phaseIds))
    .groupBy(disbursements.phaseId);
  return new Map(rows.map((r) => [r.phaseId, { disbursedCents: Number(r.disbursed), pendingCents: Number(r.pending) }]));
}

// ── Disbursements ─────────────────────────────────────────────────────────────────────

export async function insertDisbursement(db: Db, values: typeof disbursements.$inferInsert): Promise<DisbursementRow> {
  const [row] = await db.insert(disbursements).values(values).returning();
  return row!;
}

export async function insertDisbursements(db: Db, values: Array<typeof disbursements.$inferInsert>): Promise<void> {
  if (values.length > 0) await db.insert(disbursements).values(values);
}

export async function findDisbursement(db: Db, id: string): Promise<DisbursementRow | undefined> {
  const [row] = await db.select().from(disbursements).where(eq(disbursements.id, id));
  return row;
}

export async function lockDisbursement(db: Db, id: string): Promise<DisbursementRow | undefined> {
  const [row] = await db.select().from(disbursements).where(eq(disbursements.id, id)).for('update');
  return row;
}

export async function decideDisbursement(db: Db, id: string, changes: Pick<DisbursementRow, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote'>): Promise<DisbursementRow> {
  const [row] = await db
    .update(disbursements)
    .set({ ...changes, version: sql`${disbursements.version} + 1` })
    .where(eq(disbursements.id, id))
    .returning();
  return row!;
}

export async function disbursementsOf(db: Db, grantIds: string[]): Promise<DisbursementRow[]> {
  if (grantIds.length === 0) return [];
  return db.select().from(disbursements).where(inArray(disbursements.grantId, grantIds)).orderBy(asc(disbursements.requestedAt), asc(disbursements.id));
}

export async function disbursementsOfProgramme(db: Db, programmeIds: string[], status?: DisbursementRow['status']) {
  if (programmeIds.length === 0) return [];
  const where: SQL[] = [inArray(grants.programmeId, programmeIds)];
  if (status) where.push(eq(disbursements.status, status));
  return db
    .select({ disbursement: disbursements, grant: grants })
    .from(disbursements)
    .innerJoin(grants, eq(grants.id, disbursements.grantId))
    .where(and(...where))
    .orderBy(asc(disbursements.requestedAt), asc(disbursements.id));
}

// ── Reports ───────────────────────────────────────────────────────────────────────────

export async function insertReport(db: Db, values: typeof grantReports.$inferInsert): Promise<ReportRow> {
  const [row] = await db.insert(grantReports).values(values).returning();
  return row!;
}

export async function insertReports(db: Db, values: Array<typeof grantReports.$inferInsert>): Promise<void> {
  if (values.length > 0) await db.insert(grantReports).values(values);
}

export async function findReport(db: Db, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(grantReports).where(eq(grantReports.id, id));
  return row;
}

export async function lockReport(db: Db, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(grantReports).where(eq(grantReports.id, id)).for('update');
  return row;
}

export async function updateReport(db: Db, id: string, changes: Partial<typeof grantReports.$inferInsert>): Promise<ReportRow> {
  const [row] = await db
    .update(grantReports)
    .set({ ...changes, version: sql`${grantReports.version} + 1` })
    .where(eq(grantReports.id, id))
    .returning();
  return row!;
}

export async function reportsOf(db: Db, grantIds: string[]): Promise<ReportRow[]> {
  if (grantIds.length === 0) return [];
  return db.select().from(grantReports).where(inArray(grantReports.grantId, grantIds)).orderBy(asc(grantReports.dueOn), asc(grantReports.id));
}

/** Reports still owed (due or returned) that fall due by `until`, with their grant and its project lead's address. */
export async function owedReportsUntil(db: Db, until: string) {
  return db
    .select({ report: grantReports, grant: { id: grants.id, reference: grants.reference, title: grants.title }, lead: { email: users.email, displayName: users.displayName } })
    .from(grantReports)
    .innerJoin(grants, eq(grants.id, grantReports.grantId))
    .innerJoin(users, eq(users.id, grants.projectLeadId))
    .where(and(inArray(grantReports.status, ['due', 'returned']), sql`${grantReports.dueOn} <= ${until}`, eq(grants.status, 'active')))
    .orderBy(asc(grantReports.dueOn));
}

// ── People ────────────────────────────────────────────────────────────────────────────

export async function displayNames(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export async function userExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
  return row !== undefined;
}

// ── Obligations (read only, from the catalogue's tables) ──────────────────────────────

export async function solutionsOf(db: Db, organisationId: string) {
  return db
    .select({ id: catalogueSolutions.id, slug: catalogueSolutions.slug, name: catalogueSolutions.name, licence: catalogueSolutions.licence, publiccodeValid: catalogueSolutions.publiccodeValid })
    .from(catalogueSolutions)
    .where(eq(catalogueSolutions.organisationId, organisationId))
    .orderBy(asc(catalogueSolutions.name));
}

export async function exchangeOf(db: Db, organisationId: string): Promise<{ events: number; articles: number }> {
  const [events] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(catalogueAttendance)
    .innerJoin(catalogueKnowledge, eq(catalogueKnowledge.id, catalogueAttendance.eventId))
    .where(and(eq(catalogueAttendance.organisationId, organisationId), eq(catalogueKnowledge.kind, 'event')));
  const [articles] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(catalogueKnowledge)
    .where(and(eq(catalogueKnowledge.organisationId, organisationId), eq(catalogueKnowledge.kind, 'article')));
  return { events: Number(events?.n ?? 0), articles: Number(articles?.n ?? 0) };
}
