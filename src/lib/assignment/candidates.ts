import type { AssignmentInstance } from './instance';

/**
 * The instance in index form, shared by the flow network, the LP, the brute force and the
 * infeasibility explanation: applications and reviewers become 0-based indices, and each
 * application's candidates (listed, conflict-free pairs) sit in one contiguous slice,
 * sorted by reviewer index so that every consumer sees them in the same order.
 */
export interface CandidateTable {
  readonly instance: AssignmentInstance;
  readonly k: number;
  readonly distinctStates: boolean;
  readonly applicationCount: number;
  readonly reviewerCount: number;
  /** Land of each reviewer as a number 1 … 16. */
  readonly reviewerState: Int32Array;
  readonly minLoad: Int32Array;
  readonly maxLoad: Int32Array;
  /** Candidates of application a: indices start[a] … start[a + 1] - 1 of the arrays below. */
  readonly start: Int32Array;
  readonly reviewer: Int32Array;
  readonly affinity: Float64Array;
}

/** Builds the candidate table; expects an instance that passed `parseInstance`. */
export function buildCandidateTable(instance: AssignmentInstance): CandidateTable {
  const applicationCount = instance.applications.length;
  const reviewerCount = instance.reviewers.length;
  const applicationIndex = new Map(instance.applications.map((application, i) => [application.id, i]));
  const reviewerIndex = new Map(instance.reviewers.map((reviewer, i) => [reviewer.id, i]));
  const indexOf = (map: Map<string, number>, id: string): number => {
    const index = map.get(id);
    if (index === undefined) throw new Error(`unknown id "${id}"; validate the instance with parseInstance first`);
    return index;
  };

  const conflicts = new Set<number>();
  for (const [applicationId, reviewerId] of instance.conflicts) {
    conflicts.add(indexOf(applicationIndex, applicationId) * reviewerCount + indexOf(reviewerIndex, reviewerId));
  }

  const pairCount = instance.affinity.length;
  const pairApplication = new Int32Array(pairCount);
  const pairReviewer = new Int32Array(pairCount);
  const pairAffinity = new Float64Array(pairCount);
  const count = new Int32Array(applicationCount + 1);
  let kept = 0;
  for (const [applicationId, reviewerId, affinity] of instance.affinity) {
    const a = indexOf(applicationIndex, applicationId);
    const r = indexOf(reviewerIndex, reviewerId);
    if (conflicts.has(a * reviewerCount + r)) continue;
    pairApplication[kept] = a;
    pairReviewer[kept] = r;
    pairAffinity[kept] = affinity;
    count[a + 1]!++;
    kept++;
  }

  const start = new Int32Array(applicationCount + 1);
  for (let a = 0; a < applicationCount; a++) start[a + 1] = start[a]! + count[a + 1]!;
  const reviewer = new Int32Array(kept);
  const affinity = new Float64Array(kept);
  const cursor = start.slice(0, applicationCount);
  for (let p = 0; p < kept; p++) {
    const slot = cursor[pairApplication[p]!]!++;
    reviewer[slot] = pairReviewer[p]!;
    affinity[slot] = pairAffinity[p]!;
  }
  sortSlicesByReviewer(start, reviewer, affinity);

  return {
    instance,
    k: instance.k,
    distinctStates: instance.distinctStates,
    applicationCount,
    reviewerCount,
    reviewerState: Int32Array.from(instance.reviewers, (r) => Number.parseInt(r.state, 10)),
    minLoad: Int32Array.from(instance.reviewers, (r) => r.minLoad),
    maxLoad: Int32Array.from(instance.reviewers, (r) => r.maxLoad),
    start,
    reviewer,
    affinity,
  };
}

function sortSlicesByReviewer(start: Int32Array, reviewer: Int32Array, affinity: Float64Array): void {
  const order: number[] = [];
  for (let a = 0; a + 1 < start.length; a++) {
    const from = start[a]!;
    const to = start[a + 1]!;
    order.length = 0;
    for (let i = from; i < to; i++) order.push(i);
    order.sort((x, y) => reviewer[x]! - reviewer[y]!);
    const sortedReviewer = order.map((i) => reviewer[i]!);
    const sortedAffinity = order.map((i) => affinity[i]!);
    reviewer.set(sortedReviewer, from);
    affinity.set(sortedAffinity, from);
  }
}

/** Number of distinct Länder among an application's candidates. */
export function candidateStateCount(table: CandidateTable, application: number): number {
  let seen = 0;
  for (let i = table.start[application]!; i < table.start[application + 1]!; i++) {
    seen |= 1 << table.reviewerState[table.reviewer[i]!]!;
  }
  let count = 0;
  for (; seen !== 0; seen &= seen - 1) count++;
  return count;
}
