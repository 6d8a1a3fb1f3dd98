import type { CandidateTable } from './candidates';

/**
 * Exhaustive search over all assignments, for checking the real solvers on tiny instances
 * (a handful of applications and reviewers). Returns the best objective on the original
 * affinities and one assignment achieving it (candidate indices), or null when none exists.
 */
export function bruteForceAssignment(table: CandidateTable): { objective: number; chosen: number[] } | null {
  const { applicationCount: A, reviewerCount: R, k, start, reviewer, affinity, reviewerState } = table;
  const load = new Int32Array(R);
  const picked: number[] = [];
  let best: { objective: number; chosen: number[] } | null = null;

  const visitApplication = (a: number, objective: number): void => {
    if (a === A) {
      for (let r = 0; r < R; r++) if (load[r]! < table.minLoad[r]!) return;
      if (best === null || objective > best.objective) best = { objective, chosen: [...picked] };
      return;
    }
    chooseReviewers(a, start[a]!, 0, 0, objective);
  };

  // Picks the remaining reviewers of application a from candidates `from` onwards.
  const chooseReviewers = (a: number, from: number, count: number, usedStates: number, objective: number): void => {
    if (count === k) {
      visitApplication(a + 1, objective);
      return;
    }
    for (let i = from; i < start[a + 1]!; i++) {
      const r = reviewer[i]!;
      const stateBit = 1 << reviewerState[r]!;
      if (load[r]! >= table.maxLoad[r]!) continue;
      if (table.distinctStates && (usedStates & stateBit) !== 0) continue;
      load[r]!++;
      picked.push(i);
      chooseReviewers(a, i + 1, count + 1, usedStates | stateBit, objective + affinity[i]!);
      picked.pop();
      load[r]!--;
    }
  };

  visitApplication(0, 0);
  return best;
}
