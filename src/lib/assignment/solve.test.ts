import fc from 'fast-check';
import loadHighs, { type Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bruteForceAssignment } from './brute-force';
import { buildCandidateTable } from './candidates';
import { findViolations } from './check';
import { parseInstance, type AssignmentInstance } from './instance';
import { chooseCostScale } from './network';
import { solveAssignmentWithHighs } from './highs-solver';
import { solveAssignment } from './solve';
import { instanceArbitrary, mediumShape, tinyShape } from './test-instances';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('solveAssignment on a hand-made instance', () => {
  const instance = parseInstance({
    k: 2,
    distinctStates: true,
    applications: [
      { id: 'a1', state: '05' },
      { id: 'a2', state: '09' },
    ],
    reviewers: [
      { id: 'r1', state: '09', minLoad: 0, maxLoad: 2 },
      { id: 'r2', state: '09', minLoad: 0, maxLoad: 2 },
      { id: 'r3', state: '11', minLoad: 1, maxLoad: 1 },
    ],
    conflicts: [['a2', 'r1']],
    affinity: [
      ['a1', 'r1', 0.9],
      ['a1', 'r2', 0.8],
      ['a1', 'r3', 0.1],
      ['a2', 'r1', 1.0],
      ['a2', 'r2', 0.4],
      ['a2', 'r3', 0.3],
    ],
  });

  it('respects conflicts, distinct Länder and minimum loads', () => {
    // a2 cannot have r1, so it takes r2 and r3, which fills r3. a1 is left with r1 and r2,
    // both from Land 09: no assignment exists.
    const result = solveAssignment(instance);
    expect(result.status).toBe('infeasible');
    expect(result.reason).toMatch(/a1|a2/);
  });

  it('finds the optimum once the Land rule is lifted', () => {
    const result = solveAssignment({ ...instance, distinctStates: false });
    expect(result.status).toBe('optimal');
    // a2 must take r2 and r3 (r1 is a conflict), so a1 takes r1 and r2: 0.9 + 0.8 + 0.4 + 0.3.
    expect(result.assignments).toEqual([
      ['a1', 'r1'],
      ['a1', 'r2'],
      ['a2', 'r2'],
      ['a2', 'r3'],
    ]);
    expect(result.objective).toBeCloseTo(2.4, 12);
  });

  it('handles an instance without applications', () => {
    const result = solveAssignment({ ...instance, applications: [], conflicts: [], affinity: [] });
    expect(result).toMatchObject({ status: 'infeasible' }); // r3 still needs one review
    const relaxed = solveAssignment({
      ...instance,
      applications: [],
      conflicts: [],
      affinity: [],
      reviewers: instance.reviewers.map((r) => ({ ...r, minLoad: 0 })),
    });
    expect(relaxed).toMatchObject({ status: 'optimal', objective: 0, assignments: [] });
  });
});

function expectSameAnswer(instance: AssignmentInstance, expected: { status: string; objective: number | null }): void {
  const result = solveAssignment(instance);
  expect(result.status).toBe(expected.status);
  if (result.status === 'optimal') {
    expect(findViolations(instance, result.assignments)).toEqual([]);
    expect(result.objective).toBeCloseTo(expected.objective!, 9);
    const sorted = [...result.assignments].sort(([a1, r1], [a2, r2]) => (a1 < a2 ? -1 : a1 > a2 ? 1 : r1 < r2 ? -1 : r1 > r2 ? 1 : 0));
    expect(result.assignments).toEqual(sorted);
  } else {
    expect(result.reason).toBeTruthy();
    expect(result.assignments).toEqual([]);
  }
}

describe('solveAssignment against brute force', () => {
  it('finds the optimum, or reports infeasibility exactly when none exists', () => {
    let optimal = 0;
    let infeasible = 0;
    fc.assert(
      fc.property(instanceArbitrary(tinyShape), (instance) => {
        const best = bruteForceAssignment(buildCandidateTable(instance));
        if (best) optimal++;
        else infeasible++;
        expectSameAnswer(instance, best ? { status: 'optimal', objective: best.objective } : { status: 'infeasible', objective: 0 });
      }),
      { numRuns: 600 },
    );
    expect(optimal).toBeGreaterThan(50);
    expect(infeasible).toBeGreaterThan(50);
  });
});

describe('solveAssignment with affinities far outside [-1, 1]', () => {
  it('keeps six decimals where they fit and coarsens the cost scale where they do not', () => {
    expect(chooseCostScale(Float64Array.of(0.5, -1), 400_000)).toBe(1e6);
    expect(chooseCostScale(Float64Array.of(1e12), 12)).toBe(1);
    expect(chooseCostScale(Float64Array.of(250), 1_000_000)).toBe(1e5);
  });

  it('still finds the optimum when the cost scale must shrink', () => {
    fc.assert(
      fc.property(instanceArbitrary(tinyShape), (instance) => {
        // Thousandths times 1e12: six decimals would overflow the exact range, so the solver
        // falls back to a coarser scale, which still resolves every difference here.
        const huge = { ...instance, affinity: instance.affinity.map(([a, r, v]) => [a, r, v * 1e12] as const) };
        const best = bruteForceAssignment(buildCandidateTable(huge));
        const result = solveAssignment(huge);
        expect(result.status).toBe(best ? 'optimal' : 'infeasible');
        if (best && result.objective !== null) {
          expect(Math.abs(result.objective - best.objective)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(best.objective)));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('solveAssignment against HiGHS', () => {
  it(
    'matches the LP optimum on medium random instances',
    () => {
      let optimal = 0;
      fc.assert(
        fc.property(instanceArbitrary(mediumShape), (instance) => {
          const lp = solveAssignmentWithHighs(instance, highs);
          if (lp.status === 'optimal') {
            optimal++;
            expect(findViolations(instance, lp.assignments)).toEqual([]);
            // The LP's own objective agrees with the sum over the pairs it chose.
            expect(lp.lpObjective).toBeCloseTo(lp.objective!, 6);
          }
          expectSameAnswer(instance, lp);
        }),
        { numRuns: 120 },
      );
      expect(optimal).toBeGreaterThan(20);
    },
    60_000,
  );
});
