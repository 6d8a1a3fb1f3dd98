import { AppError } from '../../lib/errors';
import { requireAccess } from '../../lib/access';
import { germanCompare } from '../../lib/text/german';
import type { ServiceContext } from '../context';
import * as catalogue from '../catalogue/catalogue.service';
import * as knowledge from '../catalogue/knowledge.service';
import { excerptOf, highlightWords, tsqueryText } from '../catalogue/catalogue.rules';
import * as programmes from '../programmes/programmes.service';
import { portalPolicy } from './portal.policy';
import * as q from './portal.queries';
import { berlinDay, statisticsOf } from './portal.rules';
import type { ProjectListQuery, PublicOverview, PublicProject, PublicProjectDetail, PublicProjectList, PublicSearch, PublicSearchQuery, PublicStatistics } from './portal.schemas';

function present(row: q.ProjectRow): PublicProject {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    organisation: { name: row.organisation_name, kind: row.organisation_kind },
    land: row.land_code && row.land_name ? { code: row.land_code, name: row.land_name } : null,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    round: { id: row.round_id, slug: row.round_slug, name: row.round_name, year: Number(row.round_year) },
    approvedCents: Number(row.approved_cents),
    status: row.status,
    currentPhase: row.current_phase,
    solutions: Number(row.solutions),
  };
}

/** Alphabetical as the published results are: by the organisation's sort name, German order. */
function inGermanOrder(rows: q.ProjectRow[]): q.ProjectRow[] {
  return [...rows].sort((a, b) => germanCompare(a.organisation_sort_name, b.organisation_sort_name) || germanCompare(a.reference, b.reference));
}

/** Funded projects of published rounds, filtered by round, Land and kind of applicant. */
export async function listProjects(ctx: ServiceContext, query: ProjectListQuery): Promise<PublicProjectList> {
  requireAccess(ctx.actor, portalPolicy, 'portal.read', null);
  const rows = inGermanOrder(await q.projects(ctx.db, query, berlinDay(ctx.now())));
  return { total: rows.length, items: rows.map(present) };
}

/** One funded project: who, what, money, phases, the software it published and what it learned. */
export async function getProject(ctx: ServiceContext, id: string): Promise<PublicProjectDetail> {
  requireAccess(ctx.actor, portalPolicy, 'portal.read', null);
  const today = berlinDay(ctx.now());
  const [row] = await q.projects(ctx.db, { ids: [id] }, today);
  if (!row) throw new AppError('NOT_FOUND', 'There is no funded project with this id.');
  const [phases, disbursedCents, solutions, lessons] = await Promise.all([
    q.phasesOf(ctx.db, row.id),
    q.disbursedOf(ctx.db, row.id),
    q.solutionsOf(ctx.db, row.application_id),
    q.lessonsOf(ctx.db, row.organisation_id, row.application_id),
  ]);
  return {
    ...present(row),
    programme: { slug: row.programme_slug, name: row.programme_name },
    acronym: row.acronym ?? '',
    summary: row.summary ?? '',
    eligibleCostsCents: Number(row.eligible_costs_cents),
    fundingRateBp: Number(row.funding_rate_bp),
    ownShareCents: Number(row.own_share_cents),
    disbursedCents,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    phases: phases.map((p) => ({
      kind: p.kind,
      position: Number(p.position),
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      approvedCents: Number(p.approved_cents),
      current: p.starts_on <= today && today <= p.ends_on,
    })),
    publishedSolutions: solutions.map((s) => ({
      id: s.id,
      slug: s.slug,
      name: s.name,
      description: s.description,
      licence: s.licence,
      repositoryUrl: s.repository_url,
      publiccodeValid: s.publiccode_valid,
    })),
    lessons: lessons.map((l) => ({ id: l.id, title: l.title, excerpt: excerptOf(l.body), createdAt: l.created_at })),
  };
}

/** Applications received, projects funded and money approved, by Land, kind of applicant and round (published rounds only). */
export async function getStatistics(ctx: ServiceContext): Promise<PublicStatistics> {
  requireAccess(ctx.actor, portalPolicy, 'portal.read', null);
  const [counts, lands, rounds] = await Promise.all([q.statisticRows(ctx.db), q.lands(ctx.db), q.publishedRounds(ctx.db)]);
  return statisticsOf(
    counts.map((c) => ({ roundId: c.round_id, landCode: c.land_code, kind: c.kind, funded: c.funded, approvedCents: Number(c.approved_cents ?? 0) })),
    lands.map((l) => ({ code: l.ars, name: l.name })),
    rounds.map((r) => ({ id: r.id, slug: r.slug, name: r.name, year: Number(r.year), envelopeCents: Number(r.envelope_cents) })),
  );
}

/**
 * One query across funded projects (searched here), the catalogue's solutions and its lessons
 * learned (searched by the catalogue's own service, so both searches fold and stem alike).
 */
export async function search(ctx: ServiceContext, query: PublicSearchQuery): Promise<PublicSearch> {
  requireAccess(ctx.actor, portalPolicy, 'portal.read', null);
  const tsquery = tsqueryText(query.q);
  if (tsquery === null) return { q: query.q, projects: [], projectTotal: 0, solutions: [], solutionTotal: 0, lessons: [], lessonTotal: 0 };
  const [hits, solutions, lessons] = await Promise.all([
    q.searchProjectIds(ctx.db, tsquery, query.limit),
    catalogue.searchSolutions(ctx, { q: query.q, page: 1, pageSize: query.limit }),
    knowledge.listKnowledge(ctx, { q: query.q, kind: 'article', page: 1, pageSize: query.limit }),
  ]);
  const rows = hits.length > 0 ? await q.projects(ctx.db, { ids: hits.map((h) => h.id) }, berlinDay(ctx.now())) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const projects = hits.flatMap((h) => {
    const row = byId.get(h.id);
    if (!row) return [];
    return [{ ...present(row), rank: Number(h.rank), highlights: highlightWords(`${row.title} ${row.organisation_name} ${row.summary ?? ''}`, query.q) }];
  });
  return {
    q: query.q,
    projects,
    projectTotal: Number(hits[0]?.total ?? 0),
    solutions: solutions.items,
    solutionTotal: solutions.total,
    lessons: lessons.items,
    lessonTotal: lessons.total,
  };
}

/** The programmes with their public rounds (drafts are nobody's business outside the office). */
export async function overview(ctx: ServiceContext): Promise<PublicOverview> {
  requireAccess(ctx.actor, portalPolicy, 'portal.read', null);
  const result: PublicOverview = { programmes: [] };
  const published = new Set((await q.publishedRounds(ctx.db)).map((r) => r.id));
  for (const programme of await programmes.listProgrammes(ctx)) {
    const rounds = (await programmes.listRounds(ctx, programme.id)).filter((r) => r.status !== 'draft');
    result.programmes.push({
      slug: programme.slug,
      name: programme.name,
      description: programme.description,
      budgetCents: programme.budgetCents,
      rounds: rounds
        .sort((a, b) => a.year - b.year || a.slug.localeCompare(b.slug))
        .map((r) => ({ id: r.id, slug: r.slug, name: r.name, year: r.year, motto: r.motto, status: r.status, envelopeCents: r.envelopeCents, published: published.has(r.id) })),
    });
  }
  return result;
}
