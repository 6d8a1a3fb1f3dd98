import { AppError } from '../../lib/errors';
import { abilitiesOf, actorUserId, requireAccess } from '../../lib/access';
import { applyChange, type ServiceContext } from '../context';
import * as organisations from '../organisations/organisations.service';
import { knowledgePolicy } from './catalogue.policy';
import * as q from './catalogue.queries';
import { excerptOf, foldUmlauts, tsqueryText } from './catalogue.rules';
import type { KnowledgeDetail, KnowledgeInput, KnowledgeList, KnowledgeListItem, KnowledgeListQuery } from './catalogue.schemas';
import { searchSolutions } from './catalogue.service';

function listItem(row: q.KnowledgeListRow, attendees: number, rank: number): KnowledgeListItem {
  const k = row.knowledge;
  return {
    type: 'knowledge',
    id: k.id,
    kind: k.kind,
    title: k.title,
    excerpt: excerptOf(k.body),
    organisation: k.organisationId && row.organisationName ? { id: k.organisationId, displayName: row.organisationName } : null,
    solution: k.solutionId && row.solutionSlug && row.solutionName ? { id: k.solutionId, slug: row.solutionSlug, name: row.solutionName } : null,
    startsAt: k.startsAt?.toISOString() ?? null,
    location: k.location,
    attendees,
    rank: Number(rank),
    createdAt: k.createdAt.toISOString(),
  };
}

async function items(ctx: ServiceContext, hits: q.SearchHit[]): Promise<KnowledgeListItem[]> {
  const ids = hits.map((h) => h.id);
  const [rows, counts] = await Promise.all([q.knowledgeWithNames(ctx.db, ids), q.attendeeCounts(ctx.db, ids)]);
  const byId = new Map(rows.map((r) => [r.knowledge.id, r]));
  return hits.flatMap((h) => {
    const row = byId.get(h.id);
    return row ? [listItem(row, counts.get(h.id) ?? 0, h.rank)] : [];
  });
}

export async function listKnowledge(ctx: ServiceContext, query: KnowledgeListQuery): Promise<KnowledgeList> {
  const offset = (query.page - 1) * query.pageSize;
  const hits = await q.searchKnowledgeIds(ctx.db, tsqueryText(query.q), query.kind, query.pageSize, offset);
  return { total: Number(hits[0]?.total ?? 0), page: query.page, pageSize: query.pageSize, items: await items(ctx, hits) };
}

/** Solutions and knowledge found by one query, the best few of each. */
export async function searchEverything(ctx: ServiceContext, text: string, limit: number) {
  const [solutions, knowledge] = await Promise.all([
    searchSolutions(ctx, { q: text, page: 1, pageSize: limit }),
    q.searchKnowledgeIds(ctx.db, tsqueryText(text), undefined, limit, 0),
  ]);
  return { solutions: solutions.items, solutionTotal: solutions.total, knowledge: await items(ctx, knowledge), knowledgeTotal: Number(knowledge[0]?.total ?? 0) };
}

async function load(ctx: ServiceContext, id: string): Promise<q.KnowledgeRow> {
  const row = await q.findKnowledge(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such article or event.');
  return row;
}

async function present(ctx: ServiceContext, row: q.KnowledgeRow): Promise<KnowledgeDetail> {
  const [named] = await q.knowledgeWithNames(ctx.db, [row.id]);
  const attendance = await q.attendanceOf(ctx.db, row.id);
  const isMember = row.organisationId ? await organisations.isMember(ctx, row.organisationId) : false;
  const { rank: _rank, ...base } = listItem(named ?? { knowledge: row, organisationName: null, solutionSlug: null, solutionName: null }, attendance.length, 0);
  return {
    ...base,
    body: row.body,
    attendance: attendance.map((a) => ({ organisationId: a.organisationId, displayName: a.displayName, recordedAt: a.recordedAt.toISOString() })),
    abilities: abilitiesOf(ctx.actor, knowledgePolicy, { kind: row.kind, isMember }).filter((a) => a === 'knowledge.attendance'),
  };
}

export async function getKnowledge(ctx: ServiceContext, id: string): Promise<KnowledgeDetail> {
  const row = await load(ctx, id);
  requireAccess(ctx.actor, knowledgePolicy, 'knowledge.read', { kind: row.kind, isMember: false });
  return present(ctx, row);
}

/** A project shares what it learned, or the programme office announces an exchange event. */
export async function createKnowledge(ctx: ServiceContext, input: KnowledgeInput): Promise<KnowledgeDetail> {
  const organisationId = input.organisationId ?? null;
  const isMember = organisationId ? await organisations.isMember(ctx, organisationId) : false;
  requireAccess(ctx.actor, knowledgePolicy, 'knowledge.create', { kind: input.kind, isMember });
  if (organisationId) await organisations.organisationSummary(ctx, organisationId);
  if (input.solutionId && !(await q.findSolution(ctx.db, input.solutionId))) {
    throw new AppError('VALIDATION_FAILED', 'There is no such solution.', { fields: [{ path: 'solutionId', message: 'There is no such solution.' }] });
  }
  const now = ctx.now();
  const row = await applyChange(ctx, async (tx) => {
    const created = await q.insertKnowledge(tx, {
      kind: input.kind,
      title: input.title,
      body: input.body,
      organisationId,
      solutionId: input.solutionId ?? null,
      startsAt: input.startsAt ? new Date(input.startsAt) : null,
      location: input.location ?? '',
      searchName: foldUmlauts(input.title),
      searchText: foldUmlauts(`${input.body}\n${input.location ?? ''}`),
      createdBy: actorUserId(ctx.actor),
      createdAt: now,
    });
    return { result: created, event: { action: 'catalogue.knowledge.create', subjectType: 'knowledge', subjectId: created.id, payload: { kind: created.kind, title: created.title, organisationId } } };
  });
  return present(ctx, row);
}

/** The programme office records who took part in an exchange event; recording someone twice changes nothing. */
export async function recordAttendance(ctx: ServiceContext, eventId: string, organisationIds: string[]): Promise<KnowledgeDetail> {
  const row = await load(ctx, eventId);
  requireAccess(ctx.actor, knowledgePolicy, 'knowledge.attendance', { kind: row.kind, isMember: false });
  const wanted = [...new Set(organisationIds)];
  const known = new Set(await q.existingOrganisationIds(ctx.db, wanted));
  const unknown = wanted.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Some organisations do not exist.', { fields: unknown.map(({ i }) => ({ path: `organisationIds.${i}`, message: 'There is no such organisation.' })) });
  }
  await applyChange(ctx, async (tx) => {
    const added = await q.addAttendance(tx, row.id, wanted, ctx.now());
    return {
      result: added,
      event: added.length === 0 ? null : { action: 'catalogue.attendance.record', subjectType: 'knowledge', subjectId: row.id, payload: { organisationIds: added } },
    };
  });
  return present(ctx, row);
}
