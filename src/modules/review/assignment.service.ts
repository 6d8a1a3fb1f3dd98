import { AppError } from '../../lib/errors';
import { actorLabel, actorUserId, requireAccess } from '../../lib/access';
import { InvalidInstanceError, parseInstance, solveAssignment } from '../../lib/assignment';
import { buildAffinityIndex, scoreReviewer, topCandidates } from '../../lib/text/affinity';
import type { AssignmentExplanation } from '../../db/schema/review';
import { applyChange, type ServiceContext } from '../context';
import * as q from './review.queries';
import { roundReviewPolicy } from './review.policy';
import { applicationFacts, conflictsOf, loadRound, reviewableApplications, reviewerFacts, scopeOf } from './reviewers.service';
import type { Assignment, Run, RunInput } from './review.schemas';

/** Affinity candidates per application from the text match. */
export const CANDIDATES_PER_APPLICATION = 50;
/**
 * Up to this many application × reviewer pairs, every conflict-free pair is a candidate (with
 * affinity 0 when the texts share nothing), so a feasible assignment is never missed because
 * texts did not match; above it only the text candidates are offered.
 */
export const DENSE_PAIR_LIMIT = 250_000;
const SOLVER = 'mincost-flow';

function presentRun(row: q.RunRow): Run {
  return {
    id: row.id,
    roundId: row.roundId,
    params: row.params as Run['params'],
    solver: row.solver,
    status: row.status,
    objective: row.objective,
    seconds: row.seconds,
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

function reviewStatusOf(r: { reviewId: string | null; reviewSubmittedAt: Date | null }): 'none' | 'draft' | 'submitted' {
  return r.reviewId === null ? 'none' : r.reviewSubmittedAt === null ? 'draft' : 'submitted';
}

function presentAssignment(r: Awaited<ReturnType<typeof q.assignmentsOfRound>>[number]): Assignment {
  const a = r.assignment;
  return {
    id: a.id,
    roundId: a.roundId,
    applicationId: a.applicationId,
    reviewerId: a.reviewerId,
    reviewerName: r.reviewerName,
    runId: a.runId,
    affinity: a.affinity,
    explanation: a.explanation,
    overridden: a.overridden,
    reviewStatus: reviewStatusOf(r),
    createdAt: a.createdAt.toISOString(),
  };
}

/**
 * Runs the exact assignment for the round and stores the run. When the solver finds an
 * optimal assignment it replaces the round's assignments that the office did not override and
 * whose review has not been started; those stay and count towards their application's k and
 * their reviewer's load. An infeasible run is stored with its reason and changes nothing else.
 */
export async function runAssignment(ctx: ServiceContext, roundId: string, input: RunInput): Promise<Run> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.assign', scopeOf(round));
  const k = input.k ?? round.reviewersPerApplication;
  const run = await applyChange(ctx, async (tx) => {
    const tctx = { ...ctx, db: tx };
    await q.lockRound(tx, round.id);
    const apps = await reviewableApplications(tctx, round.id);
    const reviewers = await reviewerFacts(tctx, round.id);
    if (input.distinctStates) {
      const homeless = reviewers.filter((r) => r.land === undefined);
      if (homeless.length > 0) {
        throw new AppError('VALIDATION_FAILED', `Reviewers from distinct Länder need every reviewer's home region; missing for ${homeless.map((r) => r.displayName).join(', ')}.`, {
          fields: [{ path: 'distinctStates', message: 'Some reviewers have no home region.' }],
        });
      }
    }
    const kept = (await q.assignmentsOfRound(tx, round.id)).filter((r) => r.assignment.overridden || r.reviewId !== null).map((r) => r.assignment);
    const keptByApplication = new Map<string, string[]>();
    const keptLoad = new Map<string, number>();
    for (const a of kept) {
      keptByApplication.set(a.applicationId, [...(keptByApplication.get(a.applicationId) ?? []), a.reviewerId]);
      keptLoad.set(a.reviewerId, (keptLoad.get(a.reviewerId) ?? 0) + 1);
    }
    const open = apps.filter((a) => (keptByApplication.get(a.id)?.length ?? 0) < k);

    const conflicts: [string, string][] = [];
    const conflicted = new Set<string>();
    for (const a of open) {
      for (const r of reviewers) {
        if (conflictsOf(r.person, a).length > 0 || keptByApplication.get(a.id)?.includes(r.id)) {
          conflicts.push([a.id, r.id]);
          conflicted.add(`${a.id}|${r.id}`);
        }
      }
    }
    const index = buildAffinityIndex(open.map((a) => ({ id: a.id, text: a.text })));
    const expertise = reviewers.map((r) => ({ id: r.id, keywords: r.keywords, text: r.expertise }));
    const triples: [string, string, number][] = open.length > 0 && reviewers.length > 0 ? topCandidates(index, expertise, CANDIDATES_PER_APPLICATION, conflicts).map(([a, r, s]) => [a, r, s]) : [];
    const listed = new Set(triples.map(([a, r]) => `${a}|${r}`));
    if (open.length * reviewers.length <= DENSE_PAIR_LIMIT) {
      for (const a of open) for (const r of reviewers) if (!listed.has(`${a.id}|${r.id}`) && !conflicted.has(`${a.id}|${r.id}`)) triples.push([a.id, r.id, 0]);
    }

    let result;
    try {
      const instance = parseInstance({
        k,
        distinctStates: input.distinctStates,
        applications: open.map((a) => ({ id: a.id, state: a.land })),
        reviewers: reviewers.map((r) => {
          const used = keptLoad.get(r.id) ?? 0;
          return { id: r.id, ...(r.land ? { state: r.land } : {}), minLoad: Math.max(0, r.minLoad - used), maxLoad: Math.max(0, r.maxLoad - used) };
        }),
        conflicts,
        affinity: triples,
      });
      result = solveAssignment(instance);
    } catch (error) {
      if (error instanceof InvalidInstanceError) throw new AppError('VALIDATION_FAILED', `The assignment problem is not valid: ${error.message}`);
      throw error;
    }

    const params = {
      k,
      distinctStates: input.distinctStates,
      applications: apps.length,
      reviewers: reviewers.length,
      conflicts: conflicts.length,
      candidatePairs: triples.length,
      kept: kept.length,
    };
    const row = await q.insertRun(tx, {
      roundId: round.id,
      params,
      solver: SOLVER,
      status: result.status,
      objective: result.objective,
      seconds: result.seconds,
      reason: result.reason ?? null,
      createdBy: actorUserId(ctx.actor),
      createdAt: ctx.now(),
    });

    let removed = 0;
    let added = 0;
    if (result.status === 'optimal') {
      const affinityOf = new Map(triples.map(([a, r, s]) => [`${a}|${r}`, s]));
      // An application with kept assignments takes only as many new reviewers as it lacks, the best first.
      const byApplication = new Map<string, { reviewerId: string; affinity: number }[]>();
      for (const [a, r] of result.assignments) byApplication.set(a, [...(byApplication.get(a) ?? []), { reviewerId: r, affinity: affinityOf.get(`${a}|${r}`) ?? 0 }]);
      const chosen: { applicationId: string; reviewerId: string; affinity: number }[] = [];
      for (const [applicationId, picks] of byApplication) {
        const need = k - (keptByApplication.get(applicationId)?.length ?? 0);
        picks.sort((x, y) => y.affinity - x.affinity || (x.reviewerId < y.reviewerId ? -1 : 1));
        for (const p of picks.slice(0, need)) chosen.push({ applicationId, ...p });
      }
      const explanations = new Map<string, AssignmentExplanation>();
      for (const r of reviewers) {
        const mine = new Set(chosen.filter((c) => c.reviewerId === r.id).map((c) => c.applicationId));
        if (mine.size === 0) continue;
        for (const scored of scoreReviewer(index, { keywords: r.keywords, text: r.expertise })) {
          if (mine.has(scored.docId)) explanations.set(`${scored.docId}|${r.id}`, { terms: scored.terms.map((t) => ({ term: t.term, weight: t.weight })) });
        }
      }
      removed = (await q.deleteReplaceableAssignments(tx, round.id)).length;
      added = (
        await q.insertAssignments(
          tx,
          chosen.map((c) => ({
            roundId: round.id,
            applicationId: c.applicationId,
            reviewerId: c.reviewerId,
            runId: row.id,
            affinity: c.affinity,
            explanation: explanations.get(`${c.applicationId}|${c.reviewerId}`) ?? { terms: [] },
            overridden: false,
            createdAt: ctx.now(),
          })),
        )
      ).length;
    }
    return {
      result: row,
      event: {
        action: 'review.assign',
        subjectType: 'round',
        subjectId: round.id,
        payload: { runId: row.id, status: row.status, params, objective: row.objective, seconds: row.seconds, reason: row.reason, removed, added },
      },
    };
  });
  return presentRun(run);
}

export async function listRuns(ctx: ServiceContext, roundId: string): Promise<Run[]> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.assignments.list', scopeOf(round));
  return (await q.runsOf(ctx.db, round.id)).map(presentRun);
}

export async function listAssignments(ctx: ServiceContext, roundId: string): Promise<Assignment[]> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.assignments.list', scopeOf(round));
  return (await q.assignmentsOfRound(ctx.db, round.id)).map(presentAssignment);
}

/**
 * The office gives an assignment to another reviewer of the round's pool. A reviewer with a
 * conflict is refused with its reasons; the change is marked overridden, so later runs keep it.
 */
export async function overrideAssignment(ctx: ServiceContext, roundId: string, assignmentId: string, reviewerId: string): Promise<Assignment> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.override', scopeOf(round));
  await applyChange(ctx, async (tx) => {
    const tctx = { ...ctx, db: tx };
    await q.lockRound(tx, round.id);
    const current = (await q.assignmentsOfRound(tx, round.id)).find((r) => r.assignment.id === assignmentId);
    if (!current) throw new AppError('NOT_FOUND', 'The round has no such assignment.');
    const assignment = current.assignment;
    if (assignment.reviewerId === reviewerId) return { result: assignment, event: null };
    if (current.reviewId !== null) {
      throw new AppError('CONFLICT', `${current.reviewerName} has started the review of this application already; it cannot move to another reviewer.`);
    }
    const reviewer = (await reviewerFacts(tctx, round.id)).find((r) => r.id === reviewerId);
    if (!reviewer) {
      throw new AppError('VALIDATION_FAILED', "The person is not in the round's reviewer pool; invite them first.", { fields: [{ path: 'reviewerId', message: 'Not a reviewer of this round.' }] });
    }
    if ((await q.assignmentsOfApplication(tx, assignment.applicationId)).some((a) => a.reviewerId === reviewerId)) {
      throw new AppError('CONFLICT', `${reviewer.displayName} reviews this application already.`, { fields: [{ path: 'reviewerId', message: 'Assigned already.' }] });
    }
    const [application] = await applicationFacts(tctx, [assignment.applicationId]);
    const conflicts = conflictsOf(reviewer.person, application!);
    if (conflicts.length > 0) {
      throw new AppError('REVIEWER_CONFLICTED', `${reviewer.displayName} has a conflict of interest with ${application!.reference}: ${conflicts.map((c) => c.detail).join(' ')}`, {
        fields: [{ path: 'reviewerId', message: conflicts.map((c) => c.detail).join(' ') }],
        details: { conflicts: conflicts.map((c) => ({ reason: c.reason, rule: c.rule, detail: c.detail })) },
      });
    }
    const updated = await q.updateAssignment(tx, assignment.id, {
      reviewerId,
      overridden: true,
      affinity: 0,
      explanation: { terms: [], overriddenBy: actorLabel(ctx.actor), previousReviewerId: assignment.reviewerId },
    });
    return {
      result: updated!,
      event: {
        action: 'review.override',
        subjectType: 'round',
        subjectId: round.id,
        payload: { assignmentId: assignment.id, applicationId: assignment.applicationId, from: assignment.reviewerId, to: reviewerId },
      },
    };
  });
  return (await listAssignments(ctx, round.id)).find((a) => a.id === assignmentId)!;
}
