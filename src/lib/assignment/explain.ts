import { findInfeasibility, type InfeasibilityWitness } from '../mincost-flow';
import { candidateStateCount, type CandidateTable } from './candidates';
import { buildAssignmentNetwork, type AssignmentNetwork } from './network';

/**
 * Why no assignment exists, in words a programme office can act on. The simple counting
 * arguments come first (each is a proof on its own); when none applies, a minimum cut of the
 * flow network supplies a Hall-type witness.
 */

const MAX_LISTED_IDS = 10;

/** Necessary conditions checked without any flow; returns one sentence per violated one. */
export function countingReasons(table: CandidateTable): string[] {
  const { k, applicationCount: A, reviewerCount: R, instance } = table;
  const reasons: string[] = [];

  const short: string[] = [];
  for (let a = 0; a < A; a++) {
    const candidates = table.start[a + 1]! - table.start[a]!;
    if (candidates < k) {
      short.push(`${instance.applications[a]!.id} (${plural(candidates, 'candidate')})`);
    } else if (table.distinctStates) {
      const states = candidateStateCount(table, a);
      if (states < k) short.push(`${instance.applications[a]!.id} (candidates from ${plural(states, 'Land', 'Länder')})`);
    }
  }
  if (short.length > 0) {
    const what = table.distinctStates
      ? `conflict-free candidate reviewers from k = ${k} different Länder`
      : `k = ${k} conflict-free candidate reviewers`;
    reasons.push(`Applications without ${what}: ${listIds(short)}.`);
  }

  const needed = k * A;
  let totalMax = 0;
  let totalMin = 0;
  for (let r = 0; r < R; r++) {
    totalMax += table.maxLoad[r]!;
    totalMin += table.minLoad[r]!;
  }
  if (totalMax < needed) {
    reasons.push(
      `The reviewers' maximum loads add up to ${totalMax}, less than the ${plural(needed, 'review')} needed (k = ${k} × ${plural(A, 'application')}).`,
    );
  }
  if (totalMin > needed) {
    reasons.push(
      `The reviewers' minimum loads add up to ${totalMin}, more than the ${plural(needed, 'review')} there are to hand out (k = ${k} × ${plural(A, 'application')}).`,
    );
  }

  const candidateCount = new Int32Array(R);
  for (const r of table.reviewer) candidateCount[r]!++;
  const starved: string[] = [];
  for (let r = 0; r < R; r++) {
    if (table.minLoad[r]! > candidateCount[r]!) {
      starved.push(`${instance.reviewers[r]!.id} (minLoad ${table.minLoad[r]}, ${plural(candidateCount[r]!, 'candidate application')})`);
    }
  }
  if (starved.length > 0) {
    reasons.push(`Reviewers with fewer conflict-free candidate applications than their minimum load: ${listIds(starved)}.`);
  }
  return reasons;
}

/**
 * Turns a violating node set of the flow network into a sentence. If the set leaves out the
 * sink, its applications cannot place their reviews; if it holds the sink, the reviewers
 * outside it cannot be given their minimum loads.
 */
export function explainWitness(
  table: CandidateTable,
  net: AssignmentNetwork,
  smallest: InfeasibilityWitness,
  largest: InfeasibilityWitness,
): string {
  const { instance } = table;
  if (smallest.nodes[net.sink] === 0) {
    const applications: string[] = [];
    const candidateReviewers = new Set<number>();
    for (let a = 0; a < table.applicationCount; a++) {
      if (smallest.nodes[a] !== 1) continue;
      applications.push(instance.applications[a]!.id);
      for (let i = table.start[a]!; i < table.start[a + 1]!; i++) candidateReviewers.add(table.reviewer[i]!);
    }
    const reviewers = [...candidateReviewers].sort((x, y) => x - y).map((r) => instance.reviewers[r]!.id);
    const limits = table.distinctStates
      ? 'their maximum loads and the rule of one reviewer per Land'
      : 'their maximum loads';
    return (
      `Not enough reviewer capacity for applications ${listIds(applications)} (${applications.length}): ` +
      `they need ${plural(smallest.supply, 'review')} in total, but their candidate reviewers ` +
      `${reviewers.length > 0 ? `${listIds(reviewers)} (${reviewers.length}) ` : '(none) '}` +
      `can take at most ${Math.max(0, smallest.boundaryCapacity)} of them, given ${limits}.`
    );
  }

  // With the sink inside, the witness is the set of reviewers outside: use the largest set,
  // whose outside is smallest.
  const reviewers: string[] = [];
  let minimumNeeded = 0;
  for (let r = 0; r < table.reviewerCount; r++) {
    if (largest.nodes[net.reviewerNode + r] === 1 || table.minLoad[r] === 0) continue;
    reviewers.push(instance.reviewers[r]!.id);
    minimumNeeded += table.minLoad[r]!;
  }
  // Hoffman: supply(X) > upper(out) - lower(in), and lower(in) is exactly minimumNeeded.
  const reachable = minimumNeeded + largest.boundaryCapacity - largest.supply;
  return (
    `Minimum loads cannot be met for reviewers ${listIds(reviewers)} (${reviewers.length}): ` +
    `they need at least ${plural(minimumNeeded, 'review')} in total, but at most ${Math.max(0, reachable)} ` +
    `can reach them from the conflict-free applications that list them.`
  );
}

/**
 * The full explanation for an instance: the counting reasons if any apply, otherwise the cut
 * witness. Returns undefined when the instance is feasible after all.
 */
export function explainInfeasibility(table: CandidateTable, net?: AssignmentNetwork): string | undefined {
  const reasons = countingReasons(table);
  if (reasons.length > 0) return reasons.join(' ');
  const network = net ?? buildAssignmentNetwork(table);
  const infeasibility = findInfeasibility(network.network);
  if (!infeasibility) return undefined;
  return explainWitness(table, network, infeasibility.smallestWitness, infeasibility.largestWitness);
}

export function listIds(ids: readonly string[]): string {
  if (ids.length <= MAX_LISTED_IDS) return ids.join(', ');
  return `${ids.slice(0, MAX_LISTED_IDS).join(', ')} and ${ids.length - MAX_LISTED_IDS} more`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
