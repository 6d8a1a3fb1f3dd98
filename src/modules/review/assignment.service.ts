import { AppError } from '../../lib/errors';
import { actorLabel, actorUserId, requireAccess } from '../../lib/access';
import { InvalidInstanceError, parseInstance, solveAssignment } from '../../lib/assignment';
import { buildAffinityIndex, scoreReviewer, topCandidates } from '../../lib/text/affinity';
import type { AssignmentExplanation, AssignmentRunPhase } from '../../db/schema/review';
import { isUniqueViolation } from '../../db/errors';
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
    progress: row.progress,
    objective: row.objective,
    seconds: row.seconds,
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
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

/** Runs that work in this process; the server waits for them before it closes the database. */
const inFlight = new Set<Promise<void>>();

/** Resolves once every run this process started has finished (server shutdown, tests). */
export async function settleAssignmentRuns(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

class RunFailed extends Error {}

/**
 * Starts the exact assignment for the round and answers at once with the stored run (status
 * 'running'); the work goes on in this process, writing its progress to the run as it goes, so
 * any server process can show it. One run per round at a time (ASSIGNMENT_RUNNING otherwise).
 *
 * When the solver finds an optimal assignment it replaces the round's assignments that the
 * office did not override and whose review has not been started; those stay and count towards
 * their application's k and their reviewer's load. An infeasible run is stored with its reason
 * and changes nothing else. `done` resolves with the finished run.
 */
export async function startAssignmentRun(ctx: ServiceContext, roundId: string, input: RunInput): Promise<{ run: Run; done: Promise<Run> }> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.assign', scopeOf(round));
  const k = input.k ?? round.reviewersPerApplication;
  if (input.distinctStates) {
    const homeless = (await reviewerFacts(ctx, round.id)).filter((r) => r.land === undefined);
    if (homeless.length > 0) {
      throw new AppError('VALIDATION_FAILED', `Reviewers from distinct Länder need every reviewer's home region; missing for ${homeless.map((r) => r.displayName).join(', ')}.`, {
        fields: [{ path: 'distinctStates', message: 'Some reviewers have no home region.' }],
      });
    }
  }
  // A run cut off by a crash elsewhere would otherwise block the round until a restart.
  await q.failStaleRuns(ctx.db, new Date(ctx.now().getTime() - STALE_RUN_MS), STALE_REASON, ctx.now());
  let row: q.RunRow;
  try {
    row = await q.insertRun(ctx.db, {
      roundId: round.id,
      params: { k, distinctStates: input.distinctStates, applications: 0, reviewers: 0, conflicts: 0, candidatePairs: 0, kept: 0 },
      solver: SOLVER,
      status: 'running',
      objective: 0,
      seconds: 0,
      progress: { phase: 'loading', percent: 0 },
      createdBy: actorUserId(ctx.actor),
      createdAt: ctx.now(),
      startedAt: ctx.now(),
      heartbeatAt: ctx.now(),
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const running = await q.runningRunOf(ctx.db, round.id);
    throw new AppError('ASSIGNMENT_RUNNING', 'An assignment run for this round is still working; wait until it has finished.', { details: { runId: running?.id ?? null } });
  }
  const work = executeRun(ctx, round.id, row.id, k, input).catch((error: unknown) => {
    // The database may be gone (shutdown); recovery at the next start fails the run then.
    console.error(`assignment run ${row.id} could not be finished:`, error);
  });
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work));
  const done = work.then(async () => presentRun((await q.findRun(ctx.db, row.id)) ?? row));
  // The route never awaits `done`; a database closed meanwhile must not become an unhandled rejection.
  done.catch(() => {});
  return { run: presentRun(row), done };
}

/** The route's use case: start the run and answer with it while it works. */
export async function runAssignment(ctx: ServiceContext, roundId: string, input: RunInput): Promise<Run> {
  return (await startAssignmentRun(ctx, roundId, input)).run;
}

/** For the seed and the CLI: start the run and wait until it has finished. */
export async function runAssignmentToEnd(ctx: ServiceContext, roundId: string, input: RunInput): Promise<Run> {
  return (await startAssignmentRun(ctx, roundId, input)).done;
}

/** A running run whose progress has not moved for this long was cut off (the solve itself takes well under a minute at 20,000 applications). */
export const STALE_RUN_MS = 10 * 60_000;
const STALE_REASON = 'The run was cut off (the server stopped or crashed while it was working). Start it again.';

/**
 * At server start: runs still marked running were cut off. PGlite has one server process, so
 * every running run is stale; on PostgreSQL another process may still be working, so only runs
 * whose heartbeat is older than STALE_RUN_MS are failed.
 */
export async function recoverInterruptedRuns(ctx: ServiceContext, options: { onlyStale: boolean }): Promise<number> {
  const before = options.onlyStale ? new Date(ctx.now().getTime() - STALE_RUN_MS) : new Date(ctx.now().getTime() + 1);
  const failed = await q.failStaleRuns(ctx.db, before, STALE_REASON, ctx.now());
  for (const run of failed) {
    await applyChange(ctx, async () => ({
      result: null,
      event: { action: 'review.assign', subjectType: 'round', subjectId: run.roundId, payload: { runId: run.id, status: 'failed', reason: STALE_REASON } },
    }));
  }
  return failed.length;
}

async function executeRun(ctx: ServiceContext, roundId: string, runId: string, k: number, input: RunInput): Promise<void> {
  try {
    await solveAndStore(ctx, roundId, runId, k, input);
  } catch (error) {
    const reason =
      error instanceof RunFailed ? error.message
      : error instanceof AppError ? error.message
      : `The run failed: ${error instanceof Error ? error.message : String(error)}`;
    if (!(error instanceof RunFailed) && !(error instanceof AppError)) console.error(`assignment run ${runId} failed:`, error);
    await applyChange(ctx, async (tx) => {
      const failed = await q.updateRunningRun(tx, runId, { status: 'failed', reason, progress: { phase: 'done', percent: 100 }, finishedAt: ctx.now(), heartbeatAt: ctx.now() });
      return {
        result: failed,
        event: failed ? { action: 'review.assign', subjectType: 'round', subjectId: roundId, payload: { runId, status: 'failed', params: failed.params, reason } } : null,
      };
    });
  }
}

async function solveAndStore(ctx: ServiceContext, roundId: string, runId: string, k: number, input: RunInput): Promise<void> {
  const progress = async (phase: AssignmentRunPhase, percent: number) => {
    const row = await q.updateRunningRun(ctx.db, runId, { progress: { phase, percent }, heartbeatAt: ctx.now() });
    if (!row) throw new RunFailed('The run was stopped from outside (marked failed) while it was working.');
    await yieldToRequests();
  };
  await yieldToRequests();
  const apps = await reviewableApplications(ctx, roundId);
  const reviewers = await reviewerFacts(ctx, roundId);
  const kept = (await q.assignmentsOfRound(ctx.db, roundId)).filter((r) => r.assignment.overridden || r.reviewId !== null).map((r) => r.assignment);
  const keptByApplication = new Map<string, string[]>();
  const keptLoad = new Map<string, number>();
  for (const a of kept) {
    keptByApplication.set(a.applicationId, [...(keptByApplication.get(a.applicationId) ?? []), a.reviewerId]);
    keptLoad.set(a.reviewerId, (keptLoad.get(a.reviewerId) ?? 0) + 1);
  }
  const open = apps.filter((a) => (keptByApplication.get(a.id)?.length ?? 0) < k);

  await progress('conflicts', 15);
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

  await progress('affinity', 30);
  const index = buildAffinityIndex(open.map((a) => ({ id: a.id, text: a.text })));
  const expertise = reviewers.map((r) => ({ id: r.id, keywords: r.keywords, text: r.expertise }));
  const triples: [string, string, number][] = open.length > 0 && reviewers.length > 0 ? topCandidates(index, expertise, CANDIDATES_PER_APPLICATION, conflicts).map(([a, r, s]) => [a, r, s]) : [];
  const listed = new Set(triples.map(([a, r]) => `${a}|${r}`));
  if (open.length * reviewers.length <= DENSE_PAIR_LIMIT) {
    for (const a of open) for (const r of reviewers) if (!listed.has(`${a.id}|${r.id}`) && !conflicted.has(`${a.id}|${r.id}`)) triples.push([a.id, r.id, 0]);
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

  await progress('solving', 50);
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
    if (error instanceof InvalidInstanceError) throw new RunFailed(`The assignment problem is not valid: ${error.message}`);
    throw error;
  }

  await progress('storing', 85);
  // Explanations are computed outside the transaction: it holds the round's lock only to write.
  const chosen: { applicationId: string; reviewerId: string; affinity: number }[] = [];
  const explanations = new Map<string, AssignmentExplanation>();
  if (result.status === 'optimal') {
    const affinityOf = new Map(triples.map(([a, r, s]) => [`${a}|${r}`, s]));
    // An application with kept assignments takes only as many new reviewers as it lacks, the best first.
    const byApplication = new Map<string, { reviewerId: string; affinity: number }[]>();
    for (const [a, r] of result.assignments) byApplication.set(a, [...(byApplication.get(a) ?? []), { reviewerId: r, affinity: affinityOf.get(`${a}|${r}`) ?? 0 }]);
    for (const [applicationId, picks] of byApplication) {
      const need = k - (keptByApplication.get(applicationId)?.length ?? 0);
      picks.sort((x, y) => y.affinity - x.affinity || (x.reviewerId < y.reviewerId ? -1 : 1));
      for (const p of picks.slice(0, need)) chosen.push({ applicationId, ...p });
    }
    for (const r of reviewers) {
      const mine = new Set(chosen.filter((c) => c.reviewerId === r.id).map((c) => c.applicationId));
      if (mine.size === 0) continue;
      for (const scored of scoreReviewer(index, { keywords: r.keywords, text: r.expertise })) {
        if (mine.has(scored.docId)) explanations.set(`${scored.docId}|${r.id}`, { terms: scored.terms.map((t) => ({ term: t.term, weight: t.weight })) });
      }
    }
  }

  const keptIds = new Set(kept.map((a) => a.id));
  await applyChange(ctx, async (tx) => {
    await q.lockRound(tx, roundId);
    // An override or a review started while the solver worked would make its answer wrong.
    const keptNow = (await q.assignmentsOfRound(tx, roundId)).filter((r) => r.assignment.overridden || r.reviewId !== null).map((r) => r.assignment.id);
    if (result.status === 'optimal' && (keptNow.length !== keptIds.size || keptNow.some((id) => !keptIds.has(id)))) {
      throw new RunFailed("The round's assignments changed while the run was working (an override or a started review). Start the run again.");
    }
    let removed = 0;
    let added = 0;
    if (result.status === 'optimal') {
      removed = (await q.deleteReplaceableAssignments(tx, roundId)).length;
      added = (
        await q.insertAssignments(
          tx,
          chosen.map((c) => ({
            roundId,
            applicationId: c.applicationId,
            reviewerId: c.reviewerId,
            runId,
            affinity: c.affinity,
            explanation: explanations.get(`${c.applicationId}|${c.reviewerId}`) ?? { terms: [] },
            overridden: false,
            createdAt: ctx.now(),
          })),
        )
      ).length;
    }
    const row = await q.updateRunningRun(tx, runId, {
      params,
      status: result.status,
      objective: result.objective,
      seconds: result.seconds,
      reason: result.reason ?? null,
      progress: { phase: 'done', percent: 100 },
      heartbeatAt: ctx.now(),
      finishedAt: ctx.now(),
    });
    // Failed from outside meanwhile: roll back rather than overwrite that verdict.
    if (!row) throw new RunFailed('The run was stopped from outside (marked failed) while it was working.');
    return {
      result: row,
      event: {
        action: 'review.assign',
        subjectType: 'round',
        subjectId: roundId,
        payload: { runId, status: row.status, params, objective: row.objective, seconds: row.seconds, reason: row.reason, removed, added },
      },
    };
  });
}

/** One run, as it stands: the office polls it while it works. */
export async function getRun(ctx: ServiceContext, runId: string): Promise<Run> {
  const row = await q.findRun(ctx.db, runId);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such assignment run.');
  const round = await loadRound(ctx, row.roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.assignments.list', scopeOf(round));
  return presentRun(row);
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
