import { and, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { applications, catalogueAdoptions, catalogueAttendance, catalogueKnowledge, catalogueSolutions, organisationRegions, organisations, regions } from '../../db/schema';

export type SolutionRow = typeof catalogueSolutions.$inferSelect;
export type SolutionValues = typeof catalogueSolutions.$inferInsert;
export type AdoptionRow = typeof catalogueAdoptions.$inferSelect;
export type KnowledgeRow = typeof catalogueKnowledge.$inferSelect;

/** db.execute answers with `rows` on both drivers; counts are cast to int in SQL so both give numbers. */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findSolution(db: Db, idOrSlug: string): Promise<SolutionRow | undefined> {
  const [row] = await db
    .select()
    .from(catalogueSolutions)
    .where(UUID.test(idOrSlug) ? or(eq(catalogueSolutions.id, idOrSlug), eq(catalogueSolutions.slug, idOrSlug)) : eq(catalogueSolutions.slug, idOrSlug));
  return row;
}

export async function slugsLike(db: Db, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: catalogueSolutions.slug })
    .from(catalogueSolutions)
    .where(sql`${catalogueSolutions.slug} = ${base} or ${catalogueSolutions.slug} like ${`${base}-%`}`);
  return rows.map((r) => r.slug);
}

export async function insertSolution(db: Db, values: SolutionValues): Promise<SolutionRow> {
  const [row] = await db.insert(catalogueSolutions).values(values).returning();
  return row!;
}

export async function updateSolution(db: Db, id: string, values: Partial<SolutionValues>): Promise<SolutionRow> {
  const [row] = await db.update(catalogueSolutions).set(values).where(eq(catalogueSolutions.id, id)).returning();
  return row!;
}

/** Changes the row only if it is still as the editor read it; undefined when someone changed it since. */
export async function updateSolutionIfUnchanged(db: Db, id: string, readAt: Date, values: Partial<SolutionValues>): Promise<SolutionRow | undefined> {
  const [row] = await db
    .update(catalogueSolutions)
    .set(values)
    .where(and(eq(catalogueSolutions.id, id), eq(catalogueSolutions.updatedAt, readAt)))
    .returning();
  return row;
}

// ── Search ──

/** Per facet the values asked for: any of them matches (OR); the facets all apply (AND). */
export interface SearchFilters {
  category?: string[];
  licence?: string[];
  maturity?: string[];
  land?: string[];
  applicantKind?: string[];
  softwareType?: string[];
}

type FacetName = keyof SearchFilters;
const facetNames: FacetName[] = ['category', 'licence', 'maturity', 'land', 'applicantKind', 'softwareType'];

/** The column each facet filters on (alias `s`); categories is an array, the others single values. */
const facetColumns: Record<Exclude<FacetName, 'category'>, SQL> = {
  licence: sql`s.licence`,
  maturity: sql`s.maturity`,
  land: sql`s.land_ars`,
  applicantKind: sql`s.applicant_kind`,
  softwareType: sql`s.software_type`,
};

const valueList = (values: string[]): SQL => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** Each filter as a condition on the alias `s`; `except` leaves one out, for that facet's own counts. */
function filterConditions(filters: SearchFilters, except?: FacetName): SQL {
  const parts: SQL[] = [sql`true`];
  for (const name of facetNames) {
    const values = filters[name];
    if (!values || values.length === 0 || name === except) continue;
    // Overlap: a solution in any of the chosen categories.
    if (name === 'category') parts.push(sql`s.categories && array[${valueList(values)}]::text[]`);
    else parts.push(sql`${facetColumns[name]} in (${valueList(values)})`);
  }
  return sql.join(parts, sql` and `);
}

function matchCondition(tsquery: string | null): SQL {
  return tsquery === null ? sql`true` : sql`s.search_vector @@ to_tsquery('german', ${tsquery})`;
}

export interface SearchHit {
  id: string;
  rank: number;
  total: number;
}

export type SearchSort = 'relevance' | 'newest' | 'name' | 'usedBy';

/** The order by expressions, not output names, so that a window can use it too. */
function orderOf(sort: SearchSort, rank: SQL): SQL {
  return sort === 'name'
    ? sql`lower(s.name), s.id`
    : sort === 'newest'
      ? sql`s.created_at desc, s.id`
      : sort === 'usedBy'
        ? sql`(select count(*) from catalogue_adoptions a where a.solution_id = s.id) desc, ${rank} desc, s.id`
        : sql`${rank} desc, s.created_at desc, s.id`;
}

function rankOf(tsquery: string | null): SQL {
  // Normalisation 1|32: a long text's many matches do not drown a short one's, and the rank stays in 0..1.
  return tsquery === null ? sql`0::real` : sql`ts_rank_cd(s.search_vector, to_tsquery('german', ${tsquery}), 33)`;
}

/** One page of matching ids with the number of all matches (a window count). */
export async function searchSolutionIds(db: Db, tsquery: string | null, filters: SearchFilters, sort: SearchSort, limit: number, offset: number): Promise<SearchHit[]> {
  return rowsOf<SearchHit>(
    db,
    sql`select s.id, ${rankOf(tsquery)} as rank, (count(*) over ())::int as total
        from catalogue_solutions s
        where ${matchCondition(tsquery)} and ${filterConditions(filters)}
        order by ${orderOf(sort, rankOf(tsquery))}
        limit ${limit} offset ${offset}`,
  );
}

export interface SearchPageRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  licence: string;
  maturity: string | null;
  software_type: string | null;
  categories: string[];
  land_ars: string;
  land_name: string | null;
  applicant_kind: string;
  organisation_id: string;
  organisation_name: string;
  publiccode_valid: boolean | null;
  created_at: string;
  rank: number;
  total: number;
  used_by: number;
}

/**
 * One page of results in one round trip: the matches are ranked and cut to the page first, and
 * only the page's rows are joined with their organisation, Land and adoption count.
 */
export async function searchSolutionPage(db: Db, tsquery: string | null, filters: SearchFilters, sort: SearchSort, limit: number, offset: number): Promise<SearchPageRow[]> {
  return rowsOf<SearchPageRow>(
    db,
    sql`select p.id, p.slug, p.name, p.description, p.licence, p.maturity, p.software_type, p.categories, p.land_ars,
               r.name as land_name, p.applicant_kind, p.organisation_id, o.display_name as organisation_name, p.publiccode_valid,
               to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at, p.rank, p.total,
               (select count(*)::int from catalogue_adoptions a where a.solution_id = p.id) as used_by
        from (
          select s.id, s.slug, s.name, s.description, s.licence, s.maturity, s.software_type, s.categories, s.land_ars,
                 s.applicant_kind, s.organisation_id, s.publiccode_valid, s.created_at, ${rankOf(tsquery)} as rank,
                 (count(*) over ())::int as total, row_number() over (order by ${orderOf(sort, rankOf(tsquery))}) as position
          from catalogue_solutions s
          where ${matchCondition(tsquery)} and ${filterConditions(filters)}
          order by ${orderOf(sort, rankOf(tsquery))}
          limit ${limit} offset ${offset}
        ) p
        join organisations o on o.id = p.organisation_id
        left join regions r on r.ars = p.land_ars
        order by p.position`,
  );
}

export interface FacetCount {
  facet: FacetName;
  value: string;
  label: string;
  count: number;
}

/**
 * Every facet's counts in one statement: the matches of the query are found once (a
 * materialised CTE) and each facet counts them under every filter but its own, so choosing
 * a licence still shows how many the other licences would give.
 */
export async function facetCounts(db: Db, tsquery: string | null, filters: SearchFilters): Promise<FacetCount[]> {
  const c = (facet: FacetName) => filterConditions(filters, facet);
  const rows = await rowsOf<FacetCount>(
    db,
    sql`with s as materialized (
          select s.categories, s.licence, s.maturity, s.land_ars, s.applicant_kind, s.software_type
          from catalogue_solutions s where ${matchCondition(tsquery)}
        ), f as (
          select 'category' as facet, cat as value, count(*)::int as count from s, unnest(s.categories) cat where ${c('category')} group by cat
          union all select 'licence', s.licence, count(*)::int from s where ${c('licence')} group by s.licence
          union all select 'maturity', s.maturity, count(*)::int from s where ${c('maturity')} and s.maturity is not null group by s.maturity
          union all select 'land', s.land_ars, count(*)::int from s where ${c('land')} group by s.land_ars
          union all select 'applicantKind', s.applicant_kind, count(*)::int from s where ${c('applicantKind')} group by s.applicant_kind
          union all select 'softwareType', s.software_type, count(*)::int from s where ${c('softwareType')} and s.software_type is not null group by s.software_type
        )
        select f.facet, f.value, coalesce(r.name, f.value) as label, f.count
        from f left join regions r on f.facet = 'land' and r.ars = f.value
        order by f.facet, f.count desc, f.value`,
  );
  return rows.filter((r) => facetNames.includes(r.facet));
}

export interface SolutionListRow {
  solution: SolutionRow;
  organisationName: string;
  landName: string | null;
}

export async function solutionsWithNames(db: Db, ids: string[]): Promise<SolutionListRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({ solution: catalogueSolutions, organisationName: organisations.displayName, landName: regions.name })
    .from(catalogueSolutions)
    .innerJoin(organisations, eq(organisations.id, catalogueSolutions.organisationId))
    .leftJoin(regions, eq(regions.ars, catalogueSolutions.landArs))
    .where(inArray(catalogueSolutions.id, ids));
}

export async function usedByCounts(db: Db, solutionIds: string[]): Promise<Map<string, number>> {
  if (solutionIds.length === 0) return new Map();
  const rows = await db
    .select({ solutionId: catalogueAdoptions.solutionId, count: sql<number>`count(*)::int` })
    .from(catalogueAdoptions)
    .where(inArray(catalogueAdoptions.solutionId, solutionIds))
    .groupBy(catalogueAdoptions.solutionId);
  return new Map(rows.map((r) => [r.solutionId, Number(r.count)]));
}

export async function newestSolutions(db: Db, limit: number): Promise<SolutionListRow[]> {
  return db
    .select({ solution: catalogueSolutions, organisationName: organisations.displayName, landName: regions.name })
    .from(catalogueSolutions)
    .innerJoin(organisations, eq(organisations.id, catalogueSolutions.organisationId))
    .leftJoin(regions, eq(regions.ars, catalogueSolutions.landArs))
    .orderBy(desc(catalogueSolutions.createdAt), desc(catalogueSolutions.id))
    .limit(limit);
}

/** Every solution's text for the reuse-first matcher, and a fingerprint to know when to rebuild its index. */
export async function solutionTexts(db: Db): Promise<Array<{ id: string; name: string; description: string; longDescription: string; categories: string[] }>> {
  return db
    .select({
      id: catalogueSolutions.id,
      name: catalogueSolutions.name,
      description: catalogueSolutions.description,
      longDescription: catalogueSolutions.longDescription,
      categories: catalogueSolutions.categories,
    })
    .from(catalogueSolutions);
}

export async function solutionsFingerprint(db: Db): Promise<string> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, latest: sql<string | null>`max(${catalogueSolutions.updatedAt})::text` })
    .from(catalogueSolutions);
  return `${row?.count ?? 0}|${row?.latest ?? ''}`;
}

// ── Places: an organisation's lead region, for maps ──

export interface Place {
  organisationId: string;
  ars: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

export async function leadPlaces(db: Db, organisationIds: string[]): Promise<Map<string, Place>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .select({ organisationId: organisationRegions.organisationId, ars: regions.ars, name: regions.name, latitude: regions.latitude, longitude: regions.longitude })
    .from(organisationRegions)
    .innerJoin(regions, eq(regions.ars, organisationRegions.ars))
    .where(and(inArray(organisationRegions.organisationId, [...new Set(organisationIds)]), eq(organisationRegions.role, 'lead')));
  return new Map(rows.map((r) => [r.organisationId, r]));
}

// ── Adoptions ──

export interface AdoptionWithOrganisation {
  adoption: AdoptionRow;
  displayName: string;
  kind: 'municipality' | 'district' | 'cooperation';
}

export async function adoptionsOf(db: Db, solutionIds: string[]): Promise<AdoptionWithOrganisation[]> {
  if (solutionIds.length === 0) return [];
  return db
    .select({ adoption: catalogueAdoptions, displayName: organisations.displayName, kind: organisations.kind })
    .from(catalogueAdoptions)
    .innerJoin(organisations, eq(organisations.id, catalogueAdoptions.organisationId))
    .where(inArray(catalogueAdoptions.solutionId, solutionIds))
    .orderBy(catalogueAdoptions.since, organisations.sortName);
}

export async function adoptionsByOrganisations(db: Db, solutionId: string, organisationIds: string[]): Promise<AdoptionRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(catalogueAdoptions)
    .where(and(eq(catalogueAdoptions.solutionId, solutionId), inArray(catalogueAdoptions.organisationId, organisationIds)));
}

export async function upsertAdoption(db: Db, values: typeof catalogueAdoptions.$inferInsert, now: Date): Promise<{ row: AdoptionRow; previous: AdoptionRow | undefined }> {
  const [previous] = await db
    .select()
    .from(catalogueAdoptions)
    .where(and(eq(catalogueAdoptions.solutionId, values.solutionId), eq(catalogueAdoptions.organisationId, values.organisationId)))
    .for('update');
  if (previous) {
    const [row] = await db
      .update(catalogueAdoptions)
      .set({ status: values.status, since: values.since, notes: values.notes, updatedAt: now })
      .where(eq(catalogueAdoptions.id, previous.id))
      .returning();
    return { row: row!, previous };
  }
  const [row] = await db
    .insert(catalogueAdoptions)
    .values({ ...values, createdAt: now, updatedAt: now })
    .returning();
  return { row: row!, previous: undefined };
}

/** The whole reuse graph: every solution with its provider, and every adoption. Small: one row per solution and adoption. */
export async function networkRows(db: Db): Promise<{
  solutions: Array<{ id: string; slug: string; name: string; organisationId: string; organisationName: string }>;
  adoptions: Array<{ solutionId: string; organisationId: string; organisationName: string; status: AdoptionRow['status'] }>;
}> {
  const solutions = await db
    .select({ id: catalogueSolutions.id, slug: catalogueSolutions.slug, name: catalogueSolutions.name, organisationId: catalogueSolutions.organisationId, organisationName: organisations.displayName })
    .from(catalogueSolutions)
    .innerJoin(organisations, eq(organisations.id, catalogueSolutions.organisationId))
    .orderBy(catalogueSolutions.name);
  const adoptions = await db
    .select({ solutionId: catalogueAdoptions.solutionId, organisationId: catalogueAdoptions.organisationId, organisationName: organisations.displayName, status: catalogueAdoptions.status })
    .from(catalogueAdoptions)
    .innerJoin(organisations, eq(organisations.id, catalogueAdoptions.organisationId));
  return { solutions, adoptions };
}

// ── Knowledge ──

export async function insertKnowledge(db: Db, values: typeof catalogueKnowledge.$inferInsert): Promise<KnowledgeRow> {
  const [row] = await db.insert(catalogueKnowledge).values(values).returning();
  return row!;
}

export async function findKnowledge(db: Db, id: string): Promise<KnowledgeRow | undefined> {
  const [row] = await db.select().from(catalogueKnowledge).where(eq(catalogueKnowledge.id, id));
  return row;
}

export async function searchKnowledgeIds(db: Db, tsquery: string | null, kind: string | undefined, limit: number, offset: number): Promise<SearchHit[]> {
  const rank = tsquery === null ? sql`0::real` : sql`ts_rank_cd(s.search_vector, to_tsquery('german', ${tsquery}), 33)`;
  return rowsOf<SearchHit>(
    db,
    sql`select s.id, ${rank} as rank, (count(*) over ())::int as total
        from catalogue_knowledge s
        where ${matchCondition(tsquery)} and ${kind ? sql`s.kind = ${kind}` : sql`true`}
        order by rank desc, coalesce(s.starts_at, s.created_at) desc, s.id
        limit ${limit} offset ${offset}`,
  );
}

export interface KnowledgeListRow {
  knowledge: KnowledgeRow;
  organisationName: string | null;
  solutionSlug: string | null;
  solutionName: string | null;
}

export async function knowledgeWithNames(db: Db, ids: string[]): Promise<KnowledgeListRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({ knowledge: catalogueKnowledge, organisationName: organisations.displayName, solutionSlug: catalogueSolutions.slug, solutionName: catalogueSolutions.name })
    .from(catalogueKnowledge)
    .leftJoin(organisations, eq(organisations.id, catalogueKnowledge.organisationId))
    .leftJoin(catalogueSolutions, eq(catalogueSolutions.id, catalogueKnowledge.solutionId))
    .where(inArray(catalogueKnowledge.id, ids));
}

export async function attendeeCounts(db: Db, eventIds: string[]): Promise<Map<string, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({ eventId: catalogueAttendance.eventId, count: sql<number>`count(*)::int` })
    .from(catalogueAttendance)
    .where(inArray(catalogueAttendance.eventId, eventIds))
    .groupBy(catalogueAttendance.eventId);
  return new Map(rows.map((r) => [r.eventId, Number(r.count)]));
}

export async function attendanceOf(db: Db, eventId: string): Promise<Array<{ organisationId: string; displayName: string; recordedAt: Date }>> {
  return db
    .select({ organisationId: catalogueAttendance.organisationId, displayName: organisations.displayName, recordedAt: catalogueAttendance.recordedAt })
    .from(catalogueAttendance)
    .innerJoin(organisations, eq(organisations.id, catalogueAttendance.organisationId))
    .where(eq(catalogueAttendance.eventId, eventId))
    .orderBy(organisations.sortName);
}

/** Adds the organisations not recorded yet; returns those it added. */
export async function addAttendance(db: Db, eventId: string, organisationIds: string[], now: Date): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .insert(catalogueAttendance)
    .values(organisationIds.map((organisationId) => ({ eventId, organisationId, recordedAt: now })))
    .onConflictDoNothing()
    .returning({ organisationId: catalogueAttendance.organisationId });
  return rows.map((r) => r.organisationId);
}

export async function existingOrganisationIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids));
  return rows.map((r) => r.id);
}

// ── Obligations ──

export async function solutionsOfOrganisations(db: Db, organisationIds: string[]): Promise<SolutionRow[]> {
  if (organisationIds.length === 0) return [];
  return db.select().from(catalogueSolutions).where(inArray(catalogueSolutions.organisationId, organisationIds)).orderBy(catalogueSolutions.name);
}

export async function eventsAttendedBy(db: Db, organisationIds: string[]): Promise<Map<string, number>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .select({ organisationId: catalogueAttendance.organisationId, count: sql<number>`count(*)::int` })
    .from(catalogueAttendance)
    .innerJoin(catalogueKnowledge, eq(catalogueKnowledge.id, catalogueAttendance.eventId))
    .where(and(inArray(catalogueAttendance.organisationId, organisationIds), eq(catalogueKnowledge.kind, 'event')))
    .groupBy(catalogueAttendance.organisationId);
  return new Map(rows.map((r) => [r.organisationId, Number(r.count)]));
}

/**
 * The submitted applications of rounds, with their organisations: until the jury's decisions
 * are linked, the funded projects of a decided round are taken to be its submitted applications
 * that the formal check did not find ineligible.
 */
export async function submittedApplications(
  db: Db,
  roundIds: string[],
): Promise<Array<{ applicationId: string; roundId: string; organisationId: string; displayName: string; sortName: string; kind: 'municipality' | 'district' | 'cooperation' }>> {
  if (roundIds.length === 0) return [];
  return db
    .select({
      applicationId: applications.id,
      roundId: applications.roundId,
      organisationId: organisations.id,
      displayName: organisations.displayName,
      sortName: organisations.sortName,
      kind: organisations.kind,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(inArray(applications.roundId, roundIds), eq(applications.status, 'submitted'), ne(applications.formalCheck, 'ineligible')))
    .orderBy(organisations.sortName);
}
