// Reviewer calibration: removes each reviewer's systematic leniency or harshness from the
// scores the jury sees.
//
// Model: score(reviewer r, application a) = quality(a) + bias(r) + noise. With two reviewers
// per application, one lenient reviewer otherwise lifts every application they happen to
// get; because the reviewer pools of different applications overlap, comparing each
// reviewer with their co-reviewers across all their applications separates the two.
//
// Estimate: minimise Σ (score − quality − bias)² + λ · Σ bias² subject to
// Σ count(r) · bias(r) = 0.
// - The constraint fixes the scale's zero: without it a constant could move from all
//   qualities to all biases. Weighting by review count makes the average review unbiased,
//   so calibration leaves the round's mean score where it was.
// - λ (PRIOR_STRENGTH) shrinks biases toward 0, most for reviewers with few reviews: it is a
//   normal prior on bias with the noise's variance, i.e. "a typical reviewer's bias is about
//   as large as the noise of one review". With two reviewers per application half of each
//   review's deviation is attributed to the application, so a reviewer with n reviews keeps
//   about n / (n + 2) of their apparent bias: a third after one review, 5/6 after ten.
// - Qualities have a closed form given the biases (the mean of score − bias over the
//   application's reviews), so the problem reduces to the biases: a symmetric positive-
//   definite linear system, solved by conjugate gradients projected onto the constraint.
//   That is exact after at most one step per reviewer and needs no tuning, where
//   alternating least squares can crawl on weakly connected designs.

export const PRIOR_STRENGTH = 1;

export interface SubmittedReview {
  readonly reviewerId: string;
  readonly applicationId: string;
  /** The weighted score, 0 … 100. */
  readonly score: number;
}

export interface CalibratedApplication {
  readonly applicationId: string;
  /** 1 for the best; every application has its own rank (ties are broken, see `calibrate`). */
  readonly rank: number;
  readonly reviewCount: number;
  readonly rawMean: number;
  /** Mean of score − bias over the application's reviews; may leave 0 … 100 slightly. */
  readonly calibrated: number;
}

export interface ReviewerBias {
  readonly reviewerId: string;
  readonly count: number;
  /** Points the reviewer scores above (positive) or below the pool, after shrinkage. */
  readonly bias: number;
}

export interface Calibration {
  /** In ranking order. */
  readonly applications: readonly CalibratedApplication[];
  /** In reviewer id order. */
  readonly reviewers: readonly ReviewerBias[];
  /** Application ids, best first. */
  readonly ranking: readonly string[];
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Rounds away floating-point dust so that equal results compare equal (and −0 becomes 0). */
const tidy = (x: number) => Math.round(x * 1e9) / 1e9 || 0;

/**
 * Estimates reviewer biases and calibrated application scores. Ranking: calibrated score
 * descending, then raw mean descending, then application id. Throws on a score outside
 * 0 … 100 or a reviewer listed twice for one application.
 */
export function calibrate(reviews: readonly SubmittedReview[], priorStrength = PRIOR_STRENGTH): Calibration {
  if (!(priorStrength >= 0) || !Number.isFinite(priorStrength)) throw new RangeError('The prior strength must be a finite number ≥ 0.');
  const applicationIds = [...new Set(reviews.map((r) => r.applicationId))].sort(compareIds);
  const reviewerIds = [...new Set(reviews.map((r) => r.reviewerId))].sort(compareIds);
  const applicationIndex = new Map(applicationIds.map((id, i) => [id, i]));
  const reviewerIndex = new Map(reviewerIds.map((id, i) => [id, i]));

  const seen = new Set<string>();
  const design = reviews.map((review, i) => {
    if (!Number.isFinite(review.score) || review.score < 0 || review.score > 100) {
      throw new RangeError(`reviews[${i}].score must lie between 0 and 100, got ${review.score}`);
    }
    const pair = JSON.stringify([review.applicationId, review.reviewerId]);
    if (seen.has(pair)) throw new RangeError(`reviews[${i}]: ${review.reviewerId} reviewed ${review.applicationId} twice`);
    seen.add(pair);
    return { a: applicationIndex.get(review.applicationId)!, r: reviewerIndex.get(review.reviewerId)!, y: review.score };
  });

  const counts = new Float64Array(reviewerIds.length);
  const reviewsPer = new Float64Array(applicationIds.length);
  for (const { a, r } of design) {
    counts[r]!++;
    reviewsPer[a]!++;
  }
  const bias = solveBiases(design, counts, reviewsPer, priorStrength);

  const rawSum = new Float64Array(applicationIds.length);
  const calibratedSum = new Float64Array(applicationIds.length);
  for (const { a, r, y } of design) {
    rawSum[a]! += y;
    calibratedSum[a]! += y - bias[r]!;
  }
  const applications = applicationIds
    .map((applicationId, a) => ({
      applicationId,
      reviewCount: reviewsPer[a]!,
      rawMean: tidy(rawSum[a]! / reviewsPer[a]!),
      calibrated: tidy(calibratedSum[a]! / reviewsPer[a]!),
    }))
    .sort((x, y) => y.calibrated - x.calibrated || y.rawMean - x.rawMean || compareIds(x.applicationId, y.applicationId))
    .map((application, i) => ({ ...application, rank: i + 1 }));
  return {
    applications,
    reviewers: reviewerIds.map((reviewerId, r) => ({ reviewerId, count: counts[r]!, bias: tidy(bias[r]!) })),
    ranking: applications.map((a) => a.applicationId),
  };
}

interface Observation {
  readonly a: number;
  readonly r: number;
  readonly y: number;
}

/**
 * The biases minimising Σ (y − q_a − b_r)² + λ‖b‖² with Σ n_r b_r = 0, q eliminated:
 * with P the projection that removes each application's mean from a vector over reviews
 * and B the map from biases to reviews, solve (BᵀPB + λI) b = BᵀPy on the constraint's
 * subspace by conjugate gradients.
 */
function solveBiases(design: readonly Observation[], counts: Float64Array, reviewsPer: Float64Array, lambda: number): Float64Array {
  const m = counts.length;
  const centred = new Float64Array(design.length);
  const appSum = new Float64Array(reviewsPer.length);
  /** Bᵀ P v for v over reviews, given as a function of the review. */
  const projectBack = (value: (o: Observation) => number, out: Float64Array) => {
    appSum.fill(0);
    design.forEach((o, i) => {
      centred[i] = value(o);
      appSum[o.a]! += centred[i]!;
    });
    out.fill(0);
    design.forEach((o, i) => {
      out[o.r]! += centred[i]! - appSum[o.a]! / reviewsPer[o.a]!;
    });
  };
  const normSquared = counts.reduce((sum, n) => sum + n * n, 0);
  /** Orthogonal projection onto {b : Σ n_r b_r = 0}. */
  const constrain = (v: Float64Array) => {
    if (normSquared === 0) return;
    let dot = 0;
    for (let r = 0; r < m; r++) dot += counts[r]! * v[r]!;
    for (let r = 0; r < m; r++) v[r]! -= (dot / normSquared) * counts[r]!;
  };
  const multiply = (v: Float64Array, out: Float64Array) => {
    projectBack((o) => v[o.r]!, out);
    for (let r = 0; r < m; r++) out[r]! += lambda * v[r]!;
    constrain(out);
  };

  const b = new Float64Array(m);
  const residual = new Float64Array(m);
  projectBack((o) => o.y, residual);
  constrain(residual);
  const direction = Float64Array.from(residual);
  const product = new Float64Array(m);
  const dot = (u: Float64Array, v: Float64Array) => u.reduce((sum, x, i) => sum + x * v[i]!, 0);
  let rr = dot(residual, residual);
  const tolerance = 1e-24 * Math.max(1, rr);
  // Exact arithmetic needs at most m steps; the margin absorbs rounding.
  for (let step = 0; step < 2 * m + 10 && rr > tolerance; step++) {
    multiply(direction, product);
    const curvature = dot(direction, product);
    if (!(curvature > 0)) break; // λ = 0 and a direction the data cannot see: nothing to learn.
    const alpha = rr / curvature;
    for (let r = 0; r < m; r++) {
      b[r]! += alpha * direction[r]!;
      residual[r]! -= alpha * product[r]!;
    }
    const next = dot(residual, residual);
    for (let r = 0; r < m; r++) direction[r] = residual[r]! + (next / rr) * direction[r]!;
    rr = next;
  }
  return b;
}
