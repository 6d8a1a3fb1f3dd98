import { z } from 'zod';
import { requireAccess } from '../../lib/access';
import { recommendations } from '../../db/schema/review';
import type { ServiceContext } from '../context';
import * as programmes from '../programmes/programmes.service';
import * as q from './review.queries';
import { roundReviewPolicy } from './review.policy';
import { calibrate, PRIOR_STRENGTH } from './calibration';
import { disagreement, needsThirdReview, weightedScore, type Criterion } from './review.rules';
import { asSystem, scopeOf } from './reviewers.service';
import { DEFAULT_DISAGREEMENT_THRESHOLD, disagreementThresholdOf } from './settings.service';

export { DEFAULT_DISAGREEMENT_THRESHOLD };

export const resultsQuery = z.object({
  /** Overrides the round's disagreement threshold (review settings) for this answer. */
  threshold: z.coerce.number().min(0).max(100).optional(),
});

export const reviewResults = z.object({
  /** The disagreement threshold the flags were judged by: the query's, else the round's setting. */
  threshold: z.number(),
  /** Best first: by calibrated score. */
  applications: z.array(
    z.object({
      applicationId: z.uuid(),
      organisation: z.string(),
      title: z.string(),
      requestedCents: z.number().int(),
      reviews: z.array(
        z.object({
          reviewerId: z.uuid(),
          /** 0 … 100. */
          weightedScore: z.number(),
          recommendation: z.enum(recommendations).nullable(),
        }),
      ),
      rawMean: z.number(),
      /** The mean with each reviewer's bias removed. */
      calibrated: z.number(),
      rank: z.number().int(),
      /** Points between the two reviews; null unless there are exactly two. */
      disagreement: z.number().nullable(),
      needsThirdReview: z.boolean(),
    }),
  ),
  reviewers: z.array(z.object({ reviewerId: z.uuid(), displayName: z.string(), bias: z.number(), count: z.number().int() })),
});

export type ResultsQuery = z.infer<typeof resultsQuery>;
export type ReviewResults = z.infer<typeof reviewResults>;

/**
 * The round's review results for the jury and the programme office: the applications with at
 * least one submitted review, each review's weighted score, and the means calibrated for the
 * reviewers' leniency, best first; applications whose two reviews lie more than `threshold`
 * points apart are flagged for a third review.
 */
export async function getReviewResults(ctx: ServiceContext, roundId: string, query: ResultsQuery): Promise<ReviewResults> {
  // Read as the system (the jury need not see the round's page); the results policy decides.
  const round = await programmes.getRound(asSystem(ctx), roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.results.read', scopeOf(round));
  const criteria: Criterion[] = round.criteria.map((c) => ({ id: c.id, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax }));
  const rows = await q.submittedReviewsOfRound(ctx.db, round.id);
  const threshold = query.threshold ?? (await disagreementThresholdOf(ctx, round.id));
  if (rows.length === 0) return { threshold, applications: [], reviewers: [] };

  const scored = rows.map((r) => ({ ...r, score: weightedScore(criteria, r.scores) }));
  const calibration = calibrate(
    scored.map((r) => ({ applicationId: r.applicationId, reviewerId: r.reviewerId, score: r.score })),
    PRIOR_STRENGTH,
  );
  const byApplication = new Map<string, typeof scored>();
  for (const r of scored) byApplication.set(r.applicationId, [...(byApplication.get(r.applicationId) ?? []), r]);
  const names = new Map(rows.map((r) => [r.reviewerId, r.reviewerName]));

  return {
    threshold,
    applications: calibration.applications.map((c) => {
      const own = byApplication.get(c.applicationId)!;
      const first = own[0]!;
      return {
        applicationId: c.applicationId,
        organisation: first.organisation,
        title: first.content.title,
        requestedCents: first.requestedCents,
        reviews: own.map((r) => ({ reviewerId: r.reviewerId, weightedScore: r.score, recommendation: r.recommendation })),
        rawMean: c.rawMean,
        calibrated: c.calibrated,
        rank: c.rank,
        disagreement: own.length === 2 ? disagreement(own[0]!.score, own[1]!.score) : null,
        needsThirdReview: needsThirdReview(own, threshold),
      };
    }),
    reviewers: calibration.reviewers.map((r) => ({ reviewerId: r.reviewerId, displayName: names.get(r.reviewerId)!, bias: r.bias, count: r.count })),
  };
}
