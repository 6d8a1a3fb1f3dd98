import type { Highs } from 'highs';
import { requireAccess } from '../../lib/access';
import { compareSelections, solveSelection, type BalanceRule, type SelectionItem } from '../../lib/decision-support';
import type { ServiceContext } from '../context';
import * as office from '../applications/office.service';
import * as juryMembers from '../jury/members.service';
import * as jury from '../jury/sessions.service';
import * as reviewers from '../review/reviewers.service';
import * as results from '../review/results.service';
import * as q from './publication.queries';
import { isOffice, publicationPolicy } from './publication.policy';
import { asSystem, loadRound, scopeOf } from './publication.service';
import type { DecisionSupport } from './publication.schemas';

let highsRuntime: Promise<Highs> | undefined;

/** HiGHS is WebAssembly: loaded once, on first use, so the server starts without it. */
function loadHighs(): Promise<Highs> {
  highsRuntime ??= import('highs').then(({ default: load }) => load());
  return highsRuntime;
}

/**
 * The selection that maximises the total calibrated review score within the round's envelope
 * (and, unless asked otherwise, the round's balance rules), set beside the jury's own decisions:
 * what differs, and which applications are marginal. Each application's cost is its request: the
 * jury may fund less, but the support does not guess by how much.
 */
export async function getDecisionSupport(ctx: ServiceContext, roundId: string, query: { rules: 'round' | 'none' }): Promise<DecisionSupport> {
  const round = await loadRound(ctx, roundId);
  const scope = scopeOf(round);
  requireAccess(ctx.actor, publicationPolicy, 'publication.support.read', scope);
  const sys = asSystem(ctx);
  const rules: BalanceRule[] = query.rules === 'round' ? await q.balanceRulesOf(ctx.db, round.id) : [];
  const review = await results.getReviewResults(sys, round.id, { threshold: results.DEFAULT_DISAGREEMENT_THRESHOLD });
  const facts = new Map((await office.listRoundApplications(sys, round.id, { status: 'submitted' })).map((a) => [a.id, a]));
  const decisions = new Map((await jury.listDecisions(sys, round.id)).map((d) => [d.applicationId, d]));
  // Formally ineligible applications cannot be selected, whatever their score.
  const scored = review.applications.filter((a) => facts.get(a.applicationId)?.formalCheck !== 'ineligible' && facts.has(a.applicationId));
  const items: SelectionItem[] = scored.map((a) => {
    const f = facts.get(a.applicationId)!;
    return { id: a.applicationId, score: a.calibrated, costCents: f.requestedCents, kind: f.kind, land: f.land };
  });

  const recused = await recusedFor(ctx, round, scope, items.map((i) => i.id));
  const started = performance.now();
  const solved = items.length === 0 ? null : solveSelection({ items, envelopeCents: round.envelopeCents, rules }, await loadHighs());
  const solveMilliseconds = performance.now() - started;
  const optimal = new Set(solved?.status === 'optimal' ? solved.selected : []);
  const jurySelected = [...decisions.values()].filter((d) => d.outcome === 'selected').map((d) => d.applicationId);
  const comparison = compareSelections(items.map((i) => ({ id: i.id, score: i.score })), optimal, jurySelected);
  const lastIn = new Set(comparison.lastIn);
  const firstOut = new Set(comparison.firstOut);
  const scoreOf = new Map(items.map((i) => [i.id, i.score]));
  const sum = (ids: Iterable<string>, value: (id: string) => number) => [...ids].reduce((total, id) => total + value(id), 0);
  const hide = (id: string) => recused.has(id);

  return {
    roundId: round.id,
    envelopeCents: round.envelopeCents,
    rules,
    status: solved === null ? 'no-scores' : solved.status,
    message:
      solved === null
        ? 'No application has a submitted review yet, so there is nothing to optimise.'
        : solved.status === 'infeasible'
          ? `No selection within the envelope meets the balance rules: ${solved.reason}.`
          : `The best selection takes ${optimal.size} applications for ${solved.totalCents} cents with a total score of ${solved.totalScore.toFixed(1)}.`,
    solveMilliseconds,
    optimal: {
      count: optimal.size,
      totalScore: sum(optimal, (id) => scoreOf.get(id) ?? 0),
      totalCents: sum(optimal, (id) => facts.get(id)?.requestedCents ?? 0),
    },
    jury: {
      count: jurySelected.length,
      totalScore: sum(jurySelected, (id) => scoreOf.get(id) ?? 0),
      totalCents: sum(jurySelected, (id) => decisions.get(id)?.fundingCents ?? 0),
    },
    applications: scored.map((a) => {
      const f = facts.get(a.applicationId)!;
      const d = decisions.get(a.applicationId);
      const secret = hide(a.applicationId);
      return {
        applicationId: a.applicationId,
        organisation: secret ? null : f.organisation,
        title: secret ? null : f.title,
        kind: secret ? null : f.kind,
        land: secret ? null : f.landName,
        rank: a.rank,
        score: a.calibrated,
        requestedCents: f.requestedCents,
        inOptimal: optimal.has(a.applicationId),
        juryOutcome: d?.outcome ?? null,
        juryFundingCents: d?.fundingCents ?? 0,
        recused: secret,
        marginal: lastIn.has(a.applicationId) ? ('last-in' as const) : firstOut.has(a.applicationId) ? ('first-out' as const) : null,
      };
    }),
    differences: { onlyOptimal: comparison.onlyOptimal, onlyJury: comparison.onlyJury },
    marginal: { lastIn: comparison.lastIn, firstOut: comparison.firstOut },
  };
}

/** A jury member does not learn which applications they are recused from: those stay nameless. */
async function recusedFor(ctx: ServiceContext, round: Awaited<ReturnType<typeof loadRound>>, scope: ReturnType<typeof scopeOf>, ids: string[]): Promise<Set<string>> {
  if (isOffice(ctx.actor, scope)) return new Set();
  const juryScope = await juryMembers.scopeOf(ctx, round);
  if (!juryScope.memberRow) return new Set();
  const facts = await reviewers.applicationFacts(asSystem(ctx), ids);
  return new Set((await juryMembers.recusalsFor(ctx, juryScope.memberRow, facts)).keys());
}
