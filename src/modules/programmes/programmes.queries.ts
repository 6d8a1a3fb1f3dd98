import { asc, eq, and, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { budgetChanges, criteria, programmes, rounds } from '../../db/schema';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type RoundRow = typeof rounds.$inferSelect;
export type CriterionRow = typeof criteria.$inferSelect;
export type BudgetChangeRow = typeof budgetChanges.$inferSelect;

export async function listProgrammes(db: Db): Promise<ProgrammeRow[]> {
  return db.select().from(programmes).orderBy(asc(programmes.name));
}

export async function findProgramme(db: Db, id: string): Promise<ProgrammeRow | undefined> {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

export async function findProgrammeBySlug(db: Db, slug: string): Promise<ProgrammeRow | undefined> {
  const [row] = await db.select().from(programmes).where(eq(programmes.slug, slug));
  return row;
}

export async function insertProgramme(db: Db, values: typeof programmes.$inferInsert): Promise<ProgrammeRow> {
  const [row] = await db.insert(programmes).values(values).returning();
  return row!;
}

/** Optimistic locking: updates only when the version is the one the editor saw. */
export async function updateProgramme(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof programmes.$inferInsert>,
): Promise<ProgrammeRow | undefined> {
  const [row] = await db
    .update(programmes)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(programmes.id, id), eq(programmes.version, version)))
    .returning();
  return row;
}

export async function budgetHistory(db: Db, programmeIds: string[]): Promise<BudgetChangeRow[]> {
  if (programmeIds.length === 0) return [];
  return db
    .select()
    .from(budgetChanges)
    .where(inArray(budgetChanges.programmeId, programmeIds))
    .orderBy(asc(budgetChanges.effectiveOn), asc(budgetChanges.createdAt));
}

export async function insertBudgetChange(db: Db, values: typeof budgetChanges.$inferInsert): Promise<BudgetChangeRow> {
  const [row] = await db.insert(budgetChanges).values(values).returning();
  return row!;
}

export async function listRounds(db: Db, programmeId: string): Promise<RoundRow[]> {
  return db.select().from(rounds).where(eq(rounds.programmeId, programmeId)).orderBy(asc(rounds.year), asc(rounds.slug));
}

export async function findRound(db: Db, id: string): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(rounds).where(eq(rounds.id, id));
  return row;
}

export async function findRoundBySlug(db: Db, programmeId: string, slug: string): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(rounds)
    .where(and(eq(rounds.programmeId, programmeId), eq(rounds.slug, slug)));
  return row;
}

export async function insertRound(db: Db, values: typeof rounds.$inferInsert): Promise<RoundRow> {
  const [row] = await db.insert(rounds).values(values).returning();
  return row!;
}

export async function updateRound(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof rounds.$inferInsert>,
): Promise<RoundRow | undefined> {
  const [row] = await db
    .update(rounds)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(rounds.id, id), eq(rounds.version, version)))
    .returning();
  return row;
}

export async function criteriaOf(db: Db, roundIds: string[]): Promise<CriterionRow[]> {
  if (roundIds.length === 0) return [];
  return db.select().from(criteria).where(inArray(criteria.roundId, roundIds)).orderBy(asc(criteria.position));
}

export async function replaceCriteria(
  db: Db,
  roundId: string,
  list: ReadonlyArray<Omit<typeof criteria.$inferInsert, 'roundId' | 'position'>>,
): Promise<void> {
  await db.delete(criteria).where(eq(criteria.roundId, roundId));
  if (list.length === 0) return;
  await db.insert(criteria).values(list.map((c, i) => ({ ...c, roundId, position: i + 1 })));
}
