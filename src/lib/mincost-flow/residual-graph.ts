import type { FlowNetwork } from './network';

/**
 * The residual graph in compressed sparse row form: the residual arcs leaving node v are
 * first[v] .. first[v + 1] - 1. Every network arc becomes a forward residual arc and a
 * backward one (`reverse` pairs them), so flow is kept implicitly as the backward capacity.
 *
 * Lower bounds are already removed: the graph carries the flow above the lower bound, and the
 * supplies are shifted to match. Two auxiliary nodes, a super source and a super sink, connect
 * to every node with a remaining surplus or demand, so that a maximum flow between them finds
 * a feasible flow (or proves that none exists).
 */
export interface ResidualGraph {
  /** Nodes of the network plus the super source and the super sink. */
  readonly nodeCount: number;
  readonly superSource: number;
  readonly superSink: number;
  readonly first: Int32Array;
  readonly target: Int32Array;
  readonly reverse: Int32Array;
  readonly capacity: Float64Array;
  /** Integer cost of one unit on the residual arc (negated on backward arcs). */
  readonly cost: Float64Array;
  /** Forward residual arc of each network arc. */
  readonly forwardArc: Int32Array;
  /** Residual arcs of the super source and super sink, in no particular order. */
  readonly auxiliaryArcs: Int32Array;
  /** Sum of the positive shifted supplies: the flow the super source must send. */
  readonly requiredFlow: number;
}

export function buildResidualGraph(network: FlowNetwork): ResidualGraph {
  const { nodeCount: n, arcCount: m, from, to, lower, upper, cost } = network;
  const superSource = n;
  const superSink = n + 1;
  const nodeCount = n + 2;

  // Moving each lower bound out of its arc turns it into supply at the tail and demand at
  // the head; what is left to decide is the flow above the bound.
  const shifted = Float64Array.from(network.supply);
  for (let a = 0; a < m; a++) {
    const l = lower[a]!;
    if (l !== 0) {
      shifted[from[a]!]! -= l;
      shifted[to[a]!]! += l;
    }
  }
  let auxiliaryCount = 0;
  let requiredFlow = 0;
  for (let v = 0; v < n; v++) {
    if (shifted[v] !== 0) auxiliaryCount++;
    if (shifted[v]! > 0) requiredFlow += shifted[v]!;
  }

  const degree = new Int32Array(nodeCount + 1);
  for (let a = 0; a < m; a++) {
    degree[from[a]!]!++;
    degree[to[a]!]!++;
  }
  for (let v = 0; v < n; v++) {
    const b = shifted[v]!;
    if (b === 0) continue;
    degree[v]!++;
    degree[b > 0 ? superSource : superSink]!++;
  }
  const first = new Int32Array(nodeCount + 1);
  for (let v = 0; v < nodeCount; v++) first[v + 1] = first[v]! + degree[v]!;

  const residualCount = 2 * (m + auxiliaryCount);
  const target = new Int32Array(residualCount);
  const reverse = new Int32Array(residualCount);
  const capacity = new Float64Array(residualCount);
  const residualCost = new Float64Array(residualCount);
  const forwardArc = new Int32Array(m);
  const auxiliaryArcs = new Int32Array(2 * auxiliaryCount);
  const cursor = first.slice(0, nodeCount);

  const link = (tail: number, head: number, cap: number, unitCost: number): number => {
    const forward = cursor[tail]!++;
    const backward = cursor[head]!++;
    target[forward] = head;
    target[backward] = tail;
    reverse[forward] = backward;
    reverse[backward] = forward;
    capacity[forward] = cap;
    residualCost[forward] = unitCost;
    residualCost[backward] = -unitCost;
    return forward;
  };

  for (let a = 0; a < m; a++) {
    forwardArc[a] = link(from[a]!, to[a]!, upper[a]! - lower[a]!, cost[a]!);
  }
  let auxiliary = 0;
  for (let v = 0; v < n; v++) {
    const b = shifted[v]!;
    if (b === 0) continue;
    const arc = b > 0 ? link(superSource, v, b, 0) : link(v, superSink, -b, 0);
    auxiliaryArcs[auxiliary++] = arc;
    auxiliaryArcs[auxiliary++] = reverse[arc]!;
  }

  return {
    nodeCount,
    superSource,
    superSink,
    first,
    target,
    reverse,
    capacity,
    cost: residualCost,
    forwardArc,
    auxiliaryArcs,
    requiredFlow,
  };
}

/** Flow on each network arc, lower bound included. */
export function extractFlow(network: FlowNetwork, graph: ResidualGraph): Float64Array {
  const flow = new Float64Array(network.arcCount);
  for (let a = 0; a < network.arcCount; a++) {
    flow[a] = network.lower[a]! + graph.capacity[graph.reverse[graph.forwardArc[a]!]!]!;
  }
  return flow;
}
