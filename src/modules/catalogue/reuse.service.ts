import { AppError } from '../../lib/errors';
import { actorUserId, requireAccess } from '../../lib/access';
import { buildAffinityIndex, scoreReviewer, type AffinityIndex } from '../../lib/text/affinity';
import { applyChange, type ServiceContext } from '../context';
import * as organisations from '../organisations/organisations.service';
import { adoptionPolicy, cataloguePolicy } from './catalogue.policy';
import * as q from './catalogue.queries';
import type { Adoption, AdoptionInput, ReuseNetwork, SimilarSolution } from './catalogue.schemas';
import { adoptionsOfSolution, forgetSearches } from './catalogue.service';

/** An organisation records that it evaluates, pilots or runs a solution; recording again moves the status. */
export async function recordAdoption(ctx: ServiceContext, solutionId: string, input: AdoptionInput): Promise<Adoption> {
  const solution = await q.findSolution(ctx.db, solutionId);
  if (!solution) throw new AppError('NOT_FOUND', 'There is no such solution in the catalogue.');
  requireAccess(ctx.actor, adoptionPolicy, 'solution.adopt', { isMember: await organisations.isMember(ctx, input.organisationId) });
  await organisations.organisationSummary(ctx, input.organisationId);
  if (input.organisationId === solution.organisationId) {
    throw new AppError('VALIDATION_FAILED', 'An organisation does not adopt its own solution.', {
      fields: [{ path: 'organisationId', message: 'An organisation does not adopt its own solution.' }],
    });
  }
  const now = ctx.now();
  await applyChange(ctx, async (tx) => {
    const { row, previous } = await q.upsertAdoption(
      tx,
      { solutionId: solution.id, organisationId: input.organisationId, status: input.status, since: input.since, notes: input.notes, createdBy: actorUserId(ctx.actor) },
      now,
    );
    return {
      result: row,
      event: {
        action: 'catalogue.adoption.record',
        subjectType: 'solution',
        subjectId: solution.id,
        payload: { organisationId: input.organisationId, status: input.status, since: input.since, previousStatus: previous?.status ?? null },
      },
    };
  });
  forgetSearches(ctx);
  const adoptions = await adoptionsOfSolution(ctx, solution.id);
  return adoptions.find((a) => a.organisation.id === input.organisationId)!;
}

/** The reuse graph for the picture and the replication figures per solution and per providing organisation. */
export async function getReuseNetwork(ctx: ServiceContext): Promise<ReuseNetwork> {
  const { solutions, adoptions } = await q.networkRows(ctx.db);
  const providers = new Set(solutions.map((s) => s.organisationId));
  const adopters = new Set(adoptions.map((a) => a.organisationId));
  const places = await q.leadPlaces(ctx.db, [...providers, ...adopters]);
  const names = new Map([...solutions.map((s) => [s.organisationId, s.organisationName] as const), ...adoptions.map((a) => [a.organisationId, a.organisationName] as const)]);
  const solutionById = new Map(solutions.map((s) => [s.id, s]));

  const nodes: ReuseNetwork['nodes'] = [];
  for (const [id, label] of names) {
    const place = places.get(id);
    const role = providers.has(id) && adopters.has(id) ? 'both' : providers.has(id) ? 'provider' : 'adopter';
    nodes.push({ id, type: 'organisation', label, role, latitude: place?.latitude ?? null, longitude: place?.longitude ?? null });
  }
  for (const s of solutions) {
    // A solution sits where it was built, so a map draws its journeys from there.
    const place = places.get(s.organisationId);
    nodes.push({ id: s.id, type: 'solution', label: s.name, role: null, latitude: place?.latitude ?? null, longitude: place?.longitude ?? null });
  }
  const edges: ReuseNetwork['edges'] = [
    ...solutions.map((s) => ({ source: s.organisationId, target: s.id, kind: 'provides' as const, status: null })),
    ...adoptions.map((a) => ({ source: a.solutionId, target: a.organisationId, kind: 'adopts' as const, status: a.status })),
  ];

  const bySolution = solutions
    .map((s) => {
      const own = adoptions.filter((a) => a.solutionId === s.id);
      const count = (status: string) => own.filter((a) => a.status === status).length;
      return { solutionId: s.id, slug: s.slug, name: s.name, organisationName: s.organisationName, adopters: own.length, evaluating: count('evaluating'), piloting: count('piloting'), production: count('production') };
    })
    .sort((a, b) => b.adopters - a.adopters || a.name.localeCompare(b.name, 'de'));
  const byOrganisation = [...providers]
    .map((organisationId) => {
      const own = adoptions.filter((a) => solutionById.get(a.solutionId)?.organisationId === organisationId);
      return {
        organisationId,
        displayName: names.get(organisationId) ?? '',
        solutions: solutions.filter((s) => s.organisationId === organisationId).length,
        adopters: new Set(own.map((a) => a.organisationId)).size,
        adoptions: own.length,
      };
    })
    .sort((a, b) => b.adopters - a.adopters || a.displayName.localeCompare(b.displayName, 'de'));
  return { nodes, edges, bySolution, byOrganisation };
}

// ── Reuse first ──

/** The BM25 index over each database's catalogue, rebuilt only when a solution was added or changed. */
const cachedIndexes = new WeakMap<object, { fingerprint: string; index: AffinityIndex }>();

async function catalogueIndex(ctx: ServiceContext): Promise<AffinityIndex> {
  const fingerprint = await q.solutionsFingerprint(ctx.db);
  const cached = cachedIndexes.get(ctx.db);
  if (cached?.fingerprint === fingerprint) return cached.index;
  const texts = await q.solutionTexts(ctx.db);
  const index = buildAffinityIndex(texts.map((s) => ({ id: s.id, text: [s.name, s.name, s.description, s.longDescription, s.categories.join(' ')].join('\n') })));
  cachedIndexes.set(ctx.db, { fingerprint, index });
  return index;
}

/**
 * Catalogue solutions close to a draft's text, so a municipality sees what it could reuse
 * before it applies to build the same thing again. The same BM25 matcher as the reviewer
 * assignment; the matched words are what explains each suggestion.
 */
export async function similarSolutions(ctx: ServiceContext, text: string, limit: number): Promise<SimilarSolution[]> {
  requireAccess(ctx.actor, cataloguePolicy, 'catalogue.similar', null);
  if (text.trim() === '') return [];
  const index = await catalogueIndex(ctx);
  const scores = scoreReviewer(index, { keywords: [], text }, { limit });
  const ids = scores.map((s) => s.docId);
  const [rows, usedBy] = await Promise.all([q.solutionsWithNames(ctx.db, ids), q.usedByCounts(ctx.db, ids)]);
  const byId = new Map(rows.map((r) => [r.solution.id, r]));
  return scores.flatMap((score) => {
    const row = byId.get(score.docId);
    if (!row) return [];
    const s = row.solution;
    return [
      {
        id: s.id,
        slug: s.slug,
        name: s.name,
        description: s.description,
        organisationName: row.organisationName,
        licence: s.licence,
        usedBy: usedBy.get(s.id) ?? 0,
        score: Math.round(score.score * 1000) / 1000,
        matchedTerms: score.terms.map((t) => t.term),
      },
    ];
  });
}
