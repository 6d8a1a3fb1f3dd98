import { FlowNetworkBuilder, type FlowNetwork } from '../mincost-flow';
import type { CandidateTable } from './candidates';

/**
 * The assignment as a min-cost flow:
 *
 *   application (supply k) ──cap 1──▶ reviewer ──[minLoad, maxLoad]──▶ sink (supply -k·A)
 *
 * With distinct Länder, an application reaches the reviewers of one Land through a node of its
 * own, (application, Land), fed by an arc of capacity 1: at most one reviewer per Land. Such a
 * node is only needed when the application has two or more candidates in that Land.
 *
 * Costs are the negated affinities, scaled and rounded to integers so the flow is exact.
 */
export interface AssignmentNetwork {
  readonly network: FlowNetwork;
  /** The arc whose flow (0 or 1) says whether candidate i of the table is chosen. */
  readonly candidateArc: Int32Array;
  readonly sink: number;
  /** Reviewer r is node reviewerNode + r; application a is node a. */
  readonly reviewerNode: number;
  /** Nodes from here on are (application, Land) nodes. */
  readonly firstGroupNode: number;
  /** Owning application of each (application, Land) node, indexed from firstGroupNode. */
  readonly groupApplication: Int32Array;
  /** Integer cost = -round(affinity · costScale). */
  readonly costScale: number;
}

/** Affinities keep six decimals unless that would leave the exact range of the flow solver. */
export const PREFERRED_COST_SCALE = 1e6;
const MAX_UNIT_COST = 2 ** 40;
const MAX_COST_TIMES_NODES = 2 ** 45;

export function buildAssignmentNetwork(table: CandidateTable): AssignmentNetwork {
  const { applicationCount: A, reviewerCount: R, k, start, reviewer, reviewerState } = table;
  const groupSize = table.distinctStates ? countGroupSizes(table) : undefined;
  let groupCount = 0;
  if (groupSize) for (const size of groupSize) if (size >= 2) groupCount++;

  const nodeCount = A + R + 1 + groupCount;
  const costScale = chooseCostScale(table.affinity, nodeCount);
  const builder = new FlowNetworkBuilder(nodeCount, table.reviewer.length + groupCount + R);
  builder.addNodes(A, k);
  const reviewerNode = builder.addNodes(R);
  const sink = builder.addNode(-k * A);
  const firstGroupNode = builder.addNodes(groupCount);
  const groupApplication = new Int32Array(groupCount);
  const candidateArc = new Int32Array(table.reviewer.length);
  const unitCost = (i: number): number => -Math.round(table.affinity[i]! * costScale) || 0;

  let nextGroup = firstGroupNode;
  const groupNodeOfState = new Int32Array(17);
  for (let a = 0; a < A; a++) {
    if (groupSize) {
      groupNodeOfState.fill(-1);
      for (let state = 1; state <= 16; state++) {
        if (groupSize[a * 17 + state]! < 2) continue;
        const node = nextGroup++;
        groupApplication[node - firstGroupNode] = a;
        groupNodeOfState[state] = node;
        builder.addArc(a, node, { upper: 1, cost: 0 });
      }
    }
    for (let i = start[a]!; i < start[a + 1]!; i++) {
      const r = reviewer[i]!;
      const tail = groupSize ? groupNodeOfState[reviewerState[r]!]! : -1;
      candidateArc[i] = builder.addArc(tail >= 0 ? tail : a, reviewerNode + r, { upper: 1, cost: unitCost(i) });
    }
  }
  for (let r = 0; r < R; r++) {
    builder.addArc(reviewerNode + r, sink, { lower: table.minLoad[r]!, upper: table.maxLoad[r]!, cost: 0 });
  }

  return {
    network: builder.build(),
    candidateArc,
    sink,
    reviewerNode,
    firstGroupNode,
    groupApplication,
    costScale,
  };
}

/** Candidates per (application, Land), at index application · 17 + Land. */
function countGroupSizes(table: CandidateTable): Int32Array {
  const size = new Int32Array(table.applicationCount * 17);
  for (let a = 0; a < table.applicationCount; a++) {
    for (let i = table.start[a]!; i < table.start[a + 1]!; i++) {
      size[a * 17 + table.reviewerState[table.reviewer[i]!]!]!++;
    }
  }
  return size;
}

/**
 * Cost scaling multiplies costs by the node count, and all its sums must stay exact doubles,
 * so very large affinities (or enormous instances) get fewer decimals. For affinities in
 * [-1, 1] the preferred six decimals fit up to about 35 million nodes.
 */
export function chooseCostScale(affinity: Float64Array, nodeCount: number): number {
  let maxAbs = 0;
  for (const value of affinity) maxAbs = Math.max(maxAbs, Math.abs(value));
  if (maxAbs === 0) return PREFERRED_COST_SCALE;
  const limit = Math.min(MAX_UNIT_COST, MAX_COST_TIMES_NODES / (nodeCount + 3));
  if (maxAbs * PREFERRED_COST_SCALE <= limit) return PREFERRED_COST_SCALE;
  return 10 ** Math.floor(Math.log10(limit / maxAbs));
}
