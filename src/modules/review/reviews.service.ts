import { AppError, type FieldProblem } from '../../lib/errors';
import { actorUserId, requireAccess } from '../../lib/access';
import { isUniqueViolation } from '../../db/errors';
import { applyChange, type ServiceContext } from '../context';
import * as applications from '../applications/applications.service';
import * as programmes from '../programmes/programmes.service';
import type { Round } from '../programmes/programmes.schemas';
import * as q from './review.queries';
import { assignmentPolicy } from './review.policy';
import { scoreProblems, weightedScore, type Criterion } from './review.rules';
import { applicationFacts, asSystem, conflictsOf, personFacts, type ApplicationFacts } from './reviewers.service';
import type { AssignedApplication, MyAssignment, Review, ReviewInput } from './review.schemas';

function requireUser(ctx: ServiceContext): string {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('UNAUTHENTICATED');
  return userId;
}

interface LoadedAssignment {
  assignment: q.AssignmentRow;
  application: ApplicationFacts;
  round: Round;
}

/**
 * An assignment of the calling reviewer. Someone else's, one the reviewer has a conflict with
 * (derived or declared), and an unknown one all answer 404 alike.
 */
async function loadMine(ctx: ServiceContext, assignmentId: string): Promise<LoadedAssignment> {
  const userId = requireUser(ctx);
  const assignment = await q.findAssignment(ctx.db, assignmentId);
  const hidden = () => new AppError('NOT_FOUND', 'There is no such assignment.');
  if (!assignment || assignment.reviewerId !== userId) throw hidden();
  const [application] = await applicationFacts(ctx, [assignment.applicationId]);
  const conflicted = conflictsOf(await personFacts(ctx, userId), application!).length > 0;
  requireAccess(ctx.actor, assignmentPolicy, 'review.assignment.read', { reviewerId: assignment.reviewerId, conflicted });
  const round = await programmes.getRound(asSystem(ctx), assignment.roundId);
  return { assignment, application: application!, round };
}

function criteriaOf(round: Round): Criterion[] {
  return round.criteria.map((c) => ({ id: c.id, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax }));
}

/** The calling reviewer's assignments, without those they have a conflict with. */
export async function listMyAssignments(ctx: ServiceContext): Promise<MyAssignment[]> {
  const userId = requireUser(ctx);
  const rows = await q.assignmentsOfReviewer(ctx.db, userId);
  const facts = new Map((await applicationFacts(ctx, [...new Set(rows.map((r) => r.assignment.applicationId))])).map((a) => [a.id, a]));
  const person = await personFacts(ctx, userId);
  return rows
    .filter((r) => conflictsOf(person, facts.get(r.assignment.applicationId)!).length === 0)
    .map((r) => {
      const a = facts.get(r.assignment.applicationId)!;
      return {
        id: r.assignment.id,
        roundId: r.assignment.roundId,
        applicationId: a.id,
        reference: a.reference,
        title: a.content.title,
        organisation: a.organisationName,
        reviewStatus: r.reviewId === null ? 'none' : r.reviewSubmittedAt === null ? 'draft' : 'submitted',
        createdAt: r.assignment.createdAt.toISOString(),
      };
    });
}

/** What the reviewer reads: the application's content and the round's criteria; no receipt, no other reviews. */
export async function getAssignedApplication(ctx: ServiceContext, assignmentId: string): Promise<AssignedApplication> {
  const { assignment, round } = await loadMine(ctx, assignmentId);
  const a = await applications.getApplication(asSystem(ctx), assignment.applicationId);
  return {
    assignmentId: assignment.id,
    application: {
      id: a.id,
      reference: a.reference,
      roundId: a.roundId,
      roundName: a.roundName,
      organisation: a.organisation,
      content: a.content,
      eligibleCostsCents: a.eligibleCostsCents,
      rateBp: a.rateBp,
      requestedCents: a.requestedCents,
      ownContributionCents: a.ownContributionCents,
      submittedAt: a.submittedAt,
    },
    criteria: round.criteria.map((c) => ({ id: c.id, groupName: c.groupName, name: c.name, description: c.description, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax })),
  };
}

function presentReview(row: q.ReviewRow, criteria: Criterion[]): Review {
  const complete = criteria.length > 0 && scoreProblems(criteria, row.scores).length === 0;
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    scores: row.scores,
    assessment: row.assessment,
    feedback: row.feedback,
    recommendation: row.recommendation,
    version: row.version,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    weightedScore: complete ? weightedScore(criteria, row.scores) : null,
  };
}

/** The caller's review of the assignment, or null when not started. */
export async function getMyReview(ctx: ServiceContext, assignmentId: string): Promise<Review | null> {
  const { assignment, round } = await loadMine(ctx, assignmentId);
  const row = await q.findReview(ctx.db, assignment.id);
  return row ? presentReview(row, criteriaOf(round)) : null;
}

/**
 * Autosaves the draft. Version 0 starts the review; afterwards the version must match, so a
 * second tab cannot overwrite the first unseen. Scores given must be valid; missing ones may
 * wait until submission.
 */
export async function saveReview(ctx: ServiceContext, assignmentId: string, input: ReviewInput): Promise<Review> {
  const { assignment, round } = await loadMine(ctx, assignmentId);
  const criteria = criteriaOf(round);
  const scores: Record<string, number> = {};
  for (const [id, value] of Object.entries(input.scores)) if (value !== null) scores[id] = value;
  const problems = scoreProblems(criteria, scores).filter((p) => Object.hasOwn(scores, p.path.slice('scores.'.length)));
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `The review was not saved. ${problems.map((p) => p.message).join(' ')}`, { fields: problems });
  const values = { scores, assessment: input.assessment, feedback: input.feedback, recommendation: input.recommendation, updatedAt: ctx.now() };
  try {
    const row = await applyChange(ctx, async (tx) => {
      const existing = await q.findReview(tx, assignment.id);
      let saved: q.ReviewRow | undefined;
      if (!existing) {
        if (input.version !== 0) throw new AppError('STALE_VERSION', 'This review does not exist yet; start it with version 0.', { details: { currentVersion: 0 } });
        saved = await q.insertReview(tx, { assignmentId: assignment.id, ...values, version: 1 });
      } else {
        if (existing.submittedAt) throw new AppError('REVIEW_SUBMITTED', 'This review was submitted and is final.');
        saved = await q.updateReview(tx, existing.id, input.version, { ...values, version: input.version + 1 });
        if (!saved) {
          throw new AppError('STALE_VERSION', 'This review was saved elsewhere (another tab) in the meantime. Reload to see the newest version.', { details: { currentVersion: existing.version } });
        }
      }
      return { result: saved, event: { action: 'review.save', subjectType: 'review', subjectId: saved.id, payload: { assignmentId: assignment.id, version: saved.version } } };
    });
    return presentReview(row, criteria);
  } catch (error) {
    // Two first saves at once: the second finds the review started.
    if (isUniqueViolation(error)) throw new AppError('STALE_VERSION', 'This review was started elsewhere in the meantime. Reload to see it.');
    throw error;
  }
}

/** Submits once; every criterion needs a valid score, and the assessment some text. */
export async function submitReview(ctx: ServiceContext, assignmentId: string, version: number): Promise<Review> {
  const { assignment, round } = await loadMine(ctx, assignmentId);
  const criteria = criteriaOf(round);
  const names = new Map(round.criteria.map((c) => [c.id, c.name]));
  const row = await applyChange(ctx, async (tx) => {
    const existing = await q.findReview(tx, assignment.id);
    if (!existing) throw new AppError('REVIEW_INCOMPLETE', 'The review has not been started.');
    if (existing.submittedAt) throw new AppError('REVIEW_SUBMITTED', `This review was submitted on ${existing.submittedAt.toISOString()} and is final.`);
    if (existing.version !== version) throw new AppError('STALE_VERSION', 'The review changed since you looked at it; reload and submit again.', { details: { currentVersion: existing.version } });
    const problems: FieldProblem[] = scoreProblems(criteria, existing.scores).map((p) => {
      const name = names.get(p.path.slice('scores.'.length));
      return { path: p.path, message: name ? `${name}: ${p.message}` : p.message };
    });
    if (existing.assessment.trim() === '') problems.push({ path: 'assessment', message: 'Write the assessment for the jury.' });
    if (existing.recommendation === null) problems.push({ path: 'recommendation', message: 'Give a recommendation.' });
    if (problems.length > 0) throw new AppError('REVIEW_INCOMPLETE', `The review cannot be submitted yet. ${problems.map((p) => p.message).join(' ')}`, { fields: problems });
    const submitted = await q.updateReview(tx, existing.id, version, { submittedAt: ctx.now(), updatedAt: ctx.now() });
    if (!submitted) throw new AppError('STALE_VERSION', 'The review changed in the meantime; reload and submit again.');
    return {
      result: submitted,
      event: { action: 'review.submit', subjectType: 'review', subjectId: submitted.id, payload: { assignmentId: assignment.id, applicationId: assignment.applicationId, version, weightedScore: weightedScore(criteria, submitted.scores) } },
    };
  });
  return presentReview(row, criteria);
}

/** The other reviewers' submitted reviews of the application, once the caller has submitted their own. */
export async function getOtherReviews(ctx: ServiceContext, assignmentId: string): Promise<Review[]> {
  const { assignment, round } = await loadMine(ctx, assignmentId);
  const own = await q.findReview(ctx.db, assignment.id);
  if (!own?.submittedAt) {
    throw new AppError('FORBIDDEN', 'You will see the other review of this application once you have submitted your own.', { details: { ability: 'review.other.read' } });
  }
  const criteria = criteriaOf(round);
  return (await q.otherReviews(ctx.db, assignment.applicationId, assignment.id)).filter((r) => r.review.submittedAt !== null).map((r) => presentReview(r.review, criteria));
}
