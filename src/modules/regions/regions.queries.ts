import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { regions, type RegionLevel } from '../../db/schema/regions';

export type RegionRow = typeof regions.$inferSelect;
export type RegionInsert = typeof regions.$inferInsert;

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchByKeyPrefix(db: Db, digits: string, level: RegionLevel | undefined, limit: number): Promise<RegionRow[]> {
  const prefix = `${escapeLike(digits)}%`;
  const conditions: SQL[] = [or(like(regions.ags, prefix), like(regions.ars, prefix))!];
  if (level) conditions.push(eq(regions.level, level));
  return db.select().from(regions).where(and(...conditions)).orderBy(asc(regions.ars)).limit(limit);
}

/** Matches the normalised query at the start of the name or of any word in it. */
export async function searchByName(db: Db, terms: string, level: RegionLevel | undefined, limit: number): Promise<RegionRow[]> {
  const escaped = escapeLike(terms);
  const conditions: SQL[] = [or(like(regions.searchKey, `${escaped}%`), like(regions.searchKey, `% ${escaped}%`))!];
  if (level) conditions.push(eq(regions.level, level));
  return db
    .select()
    .from(regions)
    .where(and(...conditions))
    .orderBy(
      // Exact names first, then names that start with the query, then the biggest places.
      desc(sql`${regions.searchKey} = ${terms}`),
      desc(sql`${regions.searchKey} like ${`${escaped}%`}`),
      sql`${regions.population} desc nulls last`,
      asc(regions.name),
    )
    .limit(limit);
}

export async function findByCode(db: Db, code: string): Promise<RegionRow | undefined> {
  const [row] = await db
    .select()
    .from(regions)
    .where(or(eq(regions.ars, code), and(eq(regions.ags, code), eq(regions.level, 'gemeinde'))))
    .limit(1);
  return row;
}

export async function namesOf(db: Db, arsList: string[]): Promise<Map<string, string>> {
  if (arsList.length === 0) return new Map();
  const rows = await db.select({ ars: regions.ars, name: regions.name }).from(regions).where(inArray(regions.ars, arsList));
  return new Map(rows.map((r) => [r.ars, r.name]));
}

export async function findMany(db: Db, arsList: string[]): Promise<RegionRow[]> {
  if (arsList.length === 0) return [];
  return db.select().from(regions).where(inArray(regions.ars, arsList));
}

/** Inserts or updates a batch; returns how many rows were new and how many actually changed. */
export async function upsertRegions(db: Db, rows: RegionInsert[]): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const existing = await findMany(db, rows.map((r) => r.ars));
  const byArs = new Map(existing.map((r) => [r.ars, r]));
  let inserted = 0;
  let updated = 0;
  const changed: RegionInsert[] = [];
  for (const row of rows) {
    const old = byArs.get(row.ars);
    if (!old) {
      inserted++;
      changed.push(row);
    } else if (differs(old, row)) {
      updated++;
      changed.push(row);
    }
  }
  if (changed.length > 0) {
    await db
      .insert(regions)
      .values(changed)
      .onConflictDoUpdate({
        target: regions.ars,
        set: {
          ags: sql`excluded.ags`,
          level: sql`excluded.level`,
          parentArs: sql`excluded.parent_ars`,
          name: sql`excluded.name`,
          searchKey: sql`excluded.search_key`,
          kind: sql`excluded.kind`,
          typeCode: sql`excluded.type_code`,
          population: sql`excluded.population`,
          areaHa: sql`excluded.area_ha`,
          postalCode: sql`excluded.postal_code`,
          validOn: sql`excluded.valid_on`,
          // Coordinates do not come from the register: keep what another source set.
          latitude: sql`coalesce(excluded.latitude, ${regions.latitude})`,
          longitude: sql`coalesce(excluded.longitude, ${regions.longitude})`,
          updatedAt: sql`now()`,
        },
      });
  }
  return { inserted, updated };
}

const compared = ['ags', 'level', 'parentArs', 'name', 'searchKey', 'kind', 'typeCode', 'population', 'areaHa', 'postalCode', 'validOn'] as const;

function differs(old: RegionRow, row: RegionInsert): boolean {
  if (compared.some((k) => (old[k] ?? null) !== (row[k] ?? null))) return true;
  return (row.latitude != null && row.latitude !== old.latitude) || (row.longitude != null && row.longitude !== old.longitude);
}

export async function countByLevel(db: Db): Promise<Array<{ level: string; count: number }>> {
  const rows = await db
    .select({ level: regions.level, count: sql<number>`count(*)::int` })
    .from(regions)
    .groupBy(regions.level);
  return rows.map((r) => ({ level: r.level, count: Number(r.count) }));
}
