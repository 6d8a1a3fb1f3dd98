import { solveMinCostFlow } from '../mincost-flow';
import { buildCandidateTable } from './candidates';
import { countingReasons, explainWitness } from './explain';
import type { AssignmentInstance } from './instance';
import { buildAssignmentNetwork } from './network';
import { infeasibleResult, optimalResult, type AssignmentResult } from './result';

export interface SolveAssignmentOptions {
  /** Receives one line per phase, for progress display. */
  readonly onProgress?: (message: string) => void;
}

/**
 * The exact reviewer assignment by min-cost flow. Optimal with respect to affinities rounded to
 * the network's cost scale (six decimals for affinities in [-1, 1]); the reported objective is
 * the sum of the original affinities of the chosen pairs.
 */
export function solveAssignment(instance: AssignmentInstance, options: SolveAssignmentOptions = {}): AssignmentResult {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const progress = (message: string): void => options.onProgress?.(message);

  progress('indexing candidate pairs');
  const table = buildCandidateTable(instance);
  const reasons = countingReasons(table);
  if (reasons.length > 0) return infeasibleResult(reasons.join(' '), elapsed());

  const net = buildAssignmentNetwork(table);
  progress(
    `flow network: ${net.network.nodeCount} nodes, ${net.network.arcCount} arcs (cost scale ${net.costScale})`,
  );
  const flow = solveMinCostFlow(net.network, {
    onPhase: (phase) => {
      if (phase.phase === 'feasibility') progress('checking feasibility (maximum flow)');
      if (phase.phase === 'refine') progress(`cost scaling: refinement ${phase.refinement + 1} of ${phase.totalRefinements}`);
    },
  });
  if (flow.status === 'infeasible') {
    return infeasibleResult(explainWitness(table, net, flow.smallestWitness, flow.largestWitness), elapsed());
  }

  const chosen: number[] = [];
  for (let i = 0; i < net.candidateArc.length; i++) {
    if (flow.flow[net.candidateArc[i]!] === 1) chosen.push(i);
  }
  return optimalResult(table, chosen, elapsed());
}
