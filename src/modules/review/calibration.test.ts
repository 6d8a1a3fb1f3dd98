import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrate, type SubmittedReview } from './calibration';

/** Pairs of application ids out of order with respect to the truth (ids sort by true quality). */
function inversions(ranking: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < ranking.length; i++) for (let j = i + 1; j < ranking.length; j++) if (ranking[i]! < ranking[j]!) count++;
  return count;
}

/**
 * 24 applications, true quality 40 + 2i (so a later id is better), each reviewed by two of
 * eight reviewers in overlapping pairs; r0 scores 15 points above the truth, r1 10 below,
 * plus deterministic noise of ±2.
 */
function syntheticRound(): SubmittedReview[] {
  const biases = [15, -10, 0, 0, 0, 0, 0, 0];
  let seed = 7;
  const noise = () => ((seed = (seed * 48271) % 2147483647) / 2147483647 - 0.5) * 4;
  const reviews: SubmittedReview[] = [];
  for (let i = 0; i < 24; i++) {
    const applicationId = `a${String(i).padStart(2, '0')}`;
    for (const r of [i % 8, (i + 1 + (i % 3)) % 8]) {
      reviews.push({ applicationId, reviewerId: `r${r}`, score: 40 + 2 * i + biases[r]! + noise() });
    }
  }
  return reviews;
}

const biasOf = (result: ReturnType<typeof calibrate>, id: string) => result.reviewers.find((r) => r.reviewerId === id)!.bias;

describe('calibrate', () => {
  it('returns nothing for no reviews', () => {
    expect(calibrate([])).toEqual({ applications: [], reviewers: [], ranking: [] });
  });

  it('detects a lenient and a harsh reviewer', () => {
    const result = calibrate(syntheticRound());
    expect(biasOf(result, 'r0')).toBeGreaterThan(9);
    expect(biasOf(result, 'r1')).toBeLessThan(-6);
    for (const id of ['r2', 'r3', 'r4', 'r5', 'r6', 'r7']) expect(Math.abs(biasOf(result, id))).toBeLessThan(2);
    expect(result.reviewers.map((r) => r.count)).toEqual([6, 6, 6, 6, 6, 6, 6, 6]);
  });

  it('recovers the biases almost fully without shrinkage', () => {
    const result = calibrate(syntheticRound(), 0);
    // Estimated relative to the pool, whose average bias is (15 − 10) / 8; six noisy reviews each.
    expect(Math.abs(biasOf(result, 'r0') - (15 - 5 / 8))).toBeLessThan(1.5);
    expect(Math.abs(biasOf(result, 'r1') - (-10 - 5 / 8))).toBeLessThan(1.5);
  });

  it('recovers the true order better than raw means', () => {
    const result = calibrate(syntheticRound());
    const raw = [...result.applications].sort((x, y) => y.rawMean - x.rawMean).map((a) => a.applicationId);
    expect(inversions(result.ranking)).toBeLessThan(inversions(raw) / 2);
  });

  it('puts a better application reviewed by the harsh reviewer above a weaker one reviewed by the lenient one', () => {
    // Noise-free: "contested" apps c1 (quality 70, lenient + neutral) and c2 (75, harsh + neutral);
    // the anchors k1 … k10 reveal each reviewer's habit against the neutral pool. With five
    // reviews each the prior still holds back a third of the biases, yet the order flips.
    const bias: Record<string, number> = { lenient: 15, harsh: -10, n1: 0, n2: 0, n3: 0 };
    const design: [string, number, string[]][] = [
      ['c1', 70, ['lenient', 'n1']],
      ['c2', 75, ['harsh', 'n2']],
      ['k1', 50, ['lenient', 'n2']],
      ['k2', 60, ['lenient', 'n3']],
      ['k3', 85, ['lenient', 'n1']],
      ['k4', 40, ['lenient', 'n2']],
      ['k5', 55, ['harsh', 'n1']],
      ['k6', 65, ['harsh', 'n3']],
      ['k7', 35, ['harsh', 'n2']],
      ['k8', 90, ['harsh', 'n3']],
      ['k9', 45, ['n1', 'n2']],
      ['k10', 80, ['n2', 'n3']],
    ];
    const reviews = design.flatMap(([applicationId, quality, reviewers]) =>
      reviewers.map((reviewerId) => ({ applicationId, reviewerId, score: quality + bias[reviewerId]! })),
    );
    const result = calibrate(reviews);
    const app = (id: string) => result.applications.find((a) => a.applicationId === id)!;
    expect(app('c1').rawMean).toBe(77.5);
    expect(app('c2').rawMean).toBe(70);
    expect(app('c2').calibrated).toBeGreaterThan(app('c1').calibrated);
    expect(app('c2').rank).toBeLessThan(app('c1').rank);
    expect(result.ranking.indexOf('c2')).toBeLessThan(result.ranking.indexOf('c1'));
  });

  it('shrinks the bias of a reviewer with few reviews', () => {
    // "once" reviews one application 15 points high; "often" does so on eight.
    const reviews: SubmittedReview[] = [];
    for (let i = 0; i < 8; i++) {
      const q = 40 + 5 * i;
      reviews.push({ applicationId: `o${i}`, reviewerId: 'often', score: q + 15 }, { applicationId: `o${i}`, reviewerId: `n${i % 4}`, score: q });
      reviews.push({ applicationId: `p${i}`, reviewerId: `n${i % 4}`, score: q }, { applicationId: `p${i}`, reviewerId: `n${(i + 1) % 4}`, score: q });
    }
    reviews.push({ applicationId: 'x', reviewerId: 'once', score: 75 }, { applicationId: 'x', reviewerId: 'n0', score: 60 });
    const result = calibrate(reviews);
    const once = biasOf(result, 'once');
    expect(once).toBeGreaterThan(0);
    expect(once).toBeLessThan(biasOf(result, 'often') / 2);
    // Without the prior, one review would be taken at face value.
    const unshrunk = calibrate(reviews, 0);
    expect(biasOf(unshrunk, 'once')).toBeGreaterThan(biasOf(unshrunk, 'often') - 1);
  });

  it('cannot tell one lone reviewer from the applications: bias 0, scores as they are', () => {
    const reviews = [
      { applicationId: 'a', reviewerId: 'solo', score: 90 },
      { applicationId: 'b', reviewerId: 'solo', score: 70 },
    ];
    const result = calibrate(reviews);
    expect(result.reviewers).toEqual([{ reviewerId: 'solo', count: 2, bias: 0 }]);
    expect(result.applications.map((a) => [a.applicationId, a.rawMean, a.calibrated, a.rank])).toEqual([
      ['a', 90, 90, 1],
      ['b', 70, 70, 2],
    ]);
  });

  it('breaks ties by raw mean, then by id', () => {
    const reviews = [
      { applicationId: 'b', reviewerId: 'r1', score: 60 },
      { applicationId: 'a', reviewerId: 'r1', score: 60 },
      { applicationId: 'c', reviewerId: 'r1', score: 70 },
    ];
    expect(calibrate(reviews).ranking).toEqual(['c', 'a', 'b']);
    expect(calibrate([...reviews].reverse())).toEqual(calibrate(reviews));
  });

  it('refuses scores outside 0 … 100 and a reviewer counted twice', () => {
    expect(() => calibrate([{ applicationId: 'a', reviewerId: 'r', score: 101 }])).toThrow(/reviews\[0\]\.score/);
    expect(() => calibrate([{ applicationId: 'a', reviewerId: 'r', score: Number.NaN }])).toThrow(RangeError);
    const twice = [
      { applicationId: 'a', reviewerId: 'r', score: 50 },
      { applicationId: 'a', reviewerId: 'r', score: 60 },
    ];
    expect(() => calibrate(twice)).toThrow(/twice/);
  });
});

describe('calibrate, for any design', () => {
  const design = fc
    .array(fc.record({ a: fc.integer({ min: 0, max: 9 }), r: fc.integer({ min: 0, max: 6 }), score: fc.integer({ min: 0, max: 80 }) }), { minLength: 1, maxLength: 40 })
    .map((rows) => {
      const seen = new Set<string>();
      return rows
        .filter(({ a, r }) => !seen.has(`${a}/${r}`) && seen.add(`${a}/${r}`))
        .map(({ a, r, score }) => ({ applicationId: `a${a}`, reviewerId: `r${r}`, score }));
    });

  it('keeps the count-weighted mean bias at zero', () => {
    fc.assert(
      fc.property(design, (reviews) => {
        const { reviewers } = calibrate(reviews);
        const weighted = reviewers.reduce((sum, r) => sum + r.count * r.bias, 0);
        expect(Math.abs(weighted)).toBeLessThan(1e-6);
      }),
    );
  });

  it('finds no bias when every reviewer scores the true quality', () => {
    fc.assert(
      fc.property(design, (reviews) => {
        const truthful = reviews.map((r) => ({ ...r, score: Number(r.applicationId.slice(1)) * 10 }));
        const result = calibrate(truthful);
        for (const r of result.reviewers) expect(Math.abs(r.bias)).toBeLessThan(1e-6);
        for (const a of result.applications) expect(a.calibrated).toBeCloseTo(a.rawMean, 6);
      }),
    );
  });

  it('moves with the scale: adding a constant to every score moves every calibrated score by it', () => {
    fc.assert(
      fc.property(design, fc.integer({ min: 1, max: 20 }), (reviews, shift) => {
        const before = calibrate(reviews);
        const after = calibrate(reviews.map((r) => ({ ...r, score: r.score + shift })));
        expect(after.ranking).toEqual(before.ranking);
        after.applications.forEach((a, i) => expect(a.calibrated).toBeCloseTo(before.applications[i]!.calibrated + shift, 6));
      }),
    );
  });
});
