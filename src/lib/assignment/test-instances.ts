import fc from 'fast-check';
import type { AssignmentInstance } from './instance';

/**
 * fast-check generators of assignment instances for the property tests. Affinities are whole
 * thousandths so that the flow solver's six-decimal costs are exact and objectives can be
 * compared tightly; Länder come from a small set so the distinct-Länder rule actually bites.
 */
export interface InstanceShape {
  readonly maxApplications: number;
  readonly maxReviewers: number;
  readonly maxK: number;
  /** Probability that a pair is listed with an affinity. */
  readonly density: number;
  readonly states: number;
}

export const tinyShape: InstanceShape = {
  maxApplications: 4,
  maxReviewers: 4,
  maxK: 2,
  density: 0.75,
  states: 3,
};

export const mediumShape: InstanceShape = {
  maxApplications: 60,
  maxReviewers: 25,
  maxK: 3,
  density: 0.5,
  states: 6,
};

export function instanceArbitrary(shape: InstanceShape): fc.Arbitrary<AssignmentInstance> {
  return fc
    .record({
      applications: fc.integer({ min: 1, max: shape.maxApplications }),
      reviewers: fc.integer({ min: 1, max: shape.maxReviewers }),
      k: fc.integer({ min: 1, max: shape.maxK }),
      distinctStates: fc.boolean(),
    })
    .chain(({ applications, reviewers, k, distinctStates }) =>
      fc.record({
        k: fc.constant(k),
        distinctStates: fc.constant(distinctStates),
        applicationStates: fc.array(fc.integer({ min: 1, max: shape.states }), {
          minLength: applications,
          maxLength: applications,
        }),
        reviewers: fc.array(
          // Loads relative to the average k·A/R, so that instances are feasible often but not always.
          fc.record({
            state: fc.integer({ min: 1, max: shape.states }),
            minShare: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 90 })),
            maxShare: fc.integer({ min: 60, max: 250 }),
          }),
          { minLength: reviewers, maxLength: reviewers },
        ),
        pairs: fc.array(
          fc.record({
            // Percentages rather than doubles: fast-check biases doubles towards extremes.
            listed: fc.integer({ min: 0, max: 99 }),
            conflict: fc.integer({ min: 0, max: 99 }),
            thousandths: fc.integer({ min: -200, max: 1000 }),
          }),
          { minLength: applications * reviewers, maxLength: applications * reviewers },
        ),
      }),
    )
    .map(({ k, distinctStates, applicationStates, reviewers, pairs }) => {
      const land = (state: number): string => String(state).padStart(2, '0');
      const averageLoad = (k * applicationStates.length) / reviewers.length;
      const applicationList = applicationStates.map((state, a) => ({ id: `a${a + 1}`, state: land(state) }));
      const reviewerList = reviewers.map((reviewer, r) => {
        const minLoad = Math.floor((averageLoad * reviewer.minShare) / 100);
        return {
          id: `r${r + 1}`,
          state: land(reviewer.state),
          minLoad,
          maxLoad: Math.max(minLoad, Math.round((averageLoad * reviewer.maxShare) / 100)),
        };
      });
      const affinity: [string, string, number][] = [];
      const conflicts: [string, string][] = [];
      pairs.forEach((pair, index) => {
        const application = applicationList[Math.floor(index / reviewerList.length)]!.id;
        const reviewer = reviewerList[index % reviewerList.length]!.id;
        if (pair.listed < shape.density * 100) affinity.push([application, reviewer, pair.thousandths / 1000]);
        if (pair.conflict < 10) conflicts.push([application, reviewer]);
      });
      return { k, distinctStates, applications: applicationList, reviewers: reviewerList, conflicts, affinity };
    });
}
