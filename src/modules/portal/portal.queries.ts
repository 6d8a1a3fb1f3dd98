/*
 * The portal's read model: SQL across the tables of several modules (grants, organisations,
 * regions, rounds, applications, catalogue), reading only columns that are published facts.
 * No query here selects from users or sessions, nor a column that names a person
 * (created_by, project_lead_id, case_officer_id, requested_by …): the portal cannot leak what it
 * never reads. Only rounds whose results list is published (round_publications) are visible.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/connection';

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Spells umlauts out in SQL the way catalogue.rules.ts foldUmlauts does in TypeScript, so the
 * German stemmer of PGlite and of PostgreSQL 15 see the same letters on both sides of a match.
 */
export function foldSql(expression: SQL): SQL {
  return sql`replace(replace(replace(replace(replace(replace(replace(${expression}, 'ä', 'ae'), 'Ä', 'Ae'), 'ö', 'oe'), 'Ö', 'Oe'), 'ü', 'ue'), 'Ü', 'Ue'), 'ß', 'ss')`;
}

export interface ProjectFilters {
  round?: string;
  land?: string;
  kind?: string;
  ids?: string[];
}

export interface ProjectRow {
  id: string;
  reference: string;
  title: string;
  status: 'active' | 'completed' | 'terminated';
  organisation_id: string;
  organisation_name: string;
  organisation_sort_name: string;
  organisation_kind: 'municipality' | 'district' | 'cooperation';
  land_code: string | null;
  land_name: string | null;
  latitude: number | null;
  longitude: number | null;
  round_id: string;
  round_slug: string;
  round_name: string;
  round_year: number;
  programme_slug: string;
  programme_name: string;
  application_id: string;
  acronym: string | null;
  summary: string | null;
  approved_cents: string | number;
  eligible_costs_cents: string | number;
  funding_rate_bp: number;
  own_share_cents: string | number;
  starts_on: string;
  ends_on: string;
  current_phase: 'strategy' | 'implementation' | null;
  solutions: number;
}

function projectConditions(filters: ProjectFilters): SQL {
  const parts: SQL[] = [sql`r.status = 'published' and exists (select 1 from round_publications rp where rp.round_id = r.id)`];
  if (filters.round) parts.push(sql`(r.slug = ${filters.round} or r.id::text = ${filters.round})`);
  if (filters.land) parts.push(sql`left(lead.ars, 2) = ${filters.land}`);
  if (filters.kind) parts.push(sql`o.kind = ${filters.kind}`);
  if (filters.ids) {
    if (filters.ids.length === 0) parts.push(sql`false`);
    else parts.push(sql`g.id::text in (${sql.join(filters.ids.map((id) => sql`${id}`), sql`, `)})`);
  }
  return sql.join(parts, sql` and `);
}

/** Funded projects of published rounds with their place, round and today's phase (`today` is a Berlin calendar day). */
export async function projects(db: Db, filters: ProjectFilters, today: string): Promise<ProjectRow[]> {
  return rowsOf<ProjectRow>(
    db,
    sql`select g.id, g.reference, g.title, g.status, o.id as organisation_id, o.display_name as organisation_name, o.sort_name as organisation_sort_name,
               o.kind as organisation_kind, land.ars as land_code, land.name as land_name, place.latitude, place.longitude,
               r.id as round_id, r.slug as round_slug, r.name as round_name, r.year as round_year, p.slug as programme_slug, p.name as programme_name,
               g.application_id, a.content->>'acronym' as acronym, a.content->>'summary' as summary,
               g.approved_cents, g.eligible_costs_cents, g.funding_rate_bp, g.own_share_cents,
               g.starts_on::text as starts_on, g.ends_on::text as ends_on,
               (select ph.kind from grant_phases ph where ph.grant_id = g.id and ph.starts_on <= ${today}::date and ph.ends_on >= ${today}::date
                 order by ph.position limit 1) as current_phase,
               (select count(*)::int from catalogue_solutions s where s.application_id = g.application_id) as solutions
        from grants g
        join rounds r on r.id = g.round_id
        join programmes p on p.id = g.programme_id
        join organisations o on o.id = g.organisation_id
        join applications a on a.id = g.application_id
        left join lateral (select orr.ars from organisation_regions orr where orr.organisation_id = o.id and orr.role = 'lead' order by orr.position limit 1) lead on true
        left join regions place on place.ars = lead.ars
        left join regions land on land.ars = left(lead.ars, 2)
        where ${projectConditions(filters)}
        order by o.sort_name, g.reference`,
  );
}

export interface PhaseRow {
  kind: 'strategy' | 'implementation';
  position: number;
  starts_on: string;
  ends_on: string;
  approved_cents: string | number;
}

export async function phasesOf(db: Db, grantId: string): Promise<PhaseRow[]> {
  return rowsOf<PhaseRow>(
    db,
    sql`select kind, position, starts_on::text as starts_on, ends_on::text as ends_on, approved_cents from grant_phases where grant_id = ${grantId} order by position`,
  );
}

/** Money paid out: approved disbursements only (requests still open are not a fact yet). */
export async function disbursedOf(db: Db, grantId: string): Promise<number> {
  const [row] = await rowsOf<{ total: string | number }>(db, sql`select coalesce(sum(amount_cents), 0)::bigint as total from disbursements where grant_id = ${grantId} and status = 'approved'`);
  return Number(row?.total ?? 0);
}

export interface SolutionRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  licence: string;
  repository_url: string;
  publiccode_valid: boolean | null;
}

export async function solutionsOf(db: Db, applicationId: string): Promise<SolutionRow[]> {
  return rowsOf<SolutionRow>(
    db,
    sql`select id, slug, name, description, licence, repository_url, publiccode_valid from catalogue_solutions where application_id = ${applicationId} order by lower(name), id`,
  );
}

export interface LessonRow {
  id: string;
  title: string;
  body: string;
  created_at: string;
}

/** Lessons learned: articles the project's organisation wrote, or written about its solutions. */
export async function lessonsOf(db: Db, organisationId: string, applicationId: string): Promise<LessonRow[]> {
  return rowsOf<LessonRow>(
    db,
    sql`select k.id, k.title, k.body, to_char(k.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at
        from catalogue_knowledge k
        where k.kind = 'article'
          and (k.organisation_id = ${organisationId}
               or k.solution_id in (select s.id from catalogue_solutions s where s.application_id = ${applicationId}))
        order by k.created_at desc, k.id`,
  );
}

export interface ProjectHit {
  id: string;
  rank: number;
  total: number;
}

/** German full text over title, acronym, summary and the organisation's name of published projects. */
export async function searchProjectIds(db: Db, tsquery: string, limit: number): Promise<ProjectHit[]> {
  const document = sql`setweight(to_tsvector('german', ${foldSql(sql`g.title || ' ' || coalesce(a.content->>'acronym', '')`)}), 'A')
                    || setweight(to_tsvector('german', ${foldSql(sql`o.display_name || ' ' || coalesce(a.content->>'summary', '')`)}), 'B')`;
  return rowsOf<ProjectHit>(
    db,
    sql`select id, rank, (count(*) over ())::int as total from (
          select g.id, ts_rank_cd(${document}, to_tsquery('german', ${tsquery}), 33) as rank, ${document} @@ to_tsquery('german', ${tsquery}) as hit
          from grants g
          join rounds r on r.id = g.round_id and r.status = 'published' and exists (select 1 from round_publications rp where rp.round_id = r.id)
          join organisations o on o.id = g.organisation_id
          join applications a on a.id = g.application_id
        ) d
        where hit
        order by rank desc, id
        limit ${limit}`,
  );
}

/** What the statistics count: each received application and each funded project of a published round, with its Land and kind. */
export interface CountRow {
  round_id: string;
  land_code: string | null;
  kind: string;
  funded: boolean;
  approved_cents: string | number | null;
}

export async function statisticRows(db: Db): Promise<CountRow[]> {
  return rowsOf<CountRow>(
    db,
    sql`select a.round_id, left(lead.ars, 2) as land_code, o.kind, (g.id is not null) as funded, g.approved_cents
        from applications a
        join rounds r on r.id = a.round_id and r.status = 'published' and exists (select 1 from round_publications rp where rp.round_id = r.id)
        join organisations o on o.id = a.organisation_id
        left join grants g on g.application_id = a.id
        left join lateral (select orr.ars from organisation_regions orr where orr.organisation_id = o.id and orr.role = 'lead' order by orr.position limit 1) lead on true
        where a.submitted_at is not null or g.id is not null`,
  );
}

export interface LandRow {
  ars: string;
  name: string;
}

export async function lands(db: Db): Promise<LandRow[]> {
  return rowsOf<LandRow>(db, sql`select ars, name from regions where level = 'land' order by ars`);
}

export interface RoundRow {
  id: string;
  programme_id: string;
  slug: string;
  name: string;
  year: number;
  envelope_cents: string | number;
}

/** Rounds whose results list was published (a round can be in status "published" from before the platform, without a list). */
export async function publishedRounds(db: Db): Promise<RoundRow[]> {
  return rowsOf<RoundRow>(
    db,
    sql`select r.id, r.programme_id, r.slug, r.name, r.year, r.envelope_cents from rounds r
        where r.status = 'published' and exists (select 1 from round_publications p where p.round_id = r.id) order by r.year, r.slug`,
  );
}
