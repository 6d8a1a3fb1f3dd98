import { costScaling, type CostScalingStats } from './cost-scaling';
import { maxFlow, reachableFrom, reachingTo } from './max-flow';
import { validateNetwork, type FlowNetwork } from './network';
import { buildResidualGraph, extractFlow, type ResidualGraph } from './residual-graph';

export type MinCostFlowPhase =
  | { readonly phase: 'residual-graph'; readonly nodes: number; readonly residualArcs: number }
  | { readonly phase: 'feasibility' }
  | { readonly phase: 'refine'; readonly refinement: number; readonly totalRefinements: number };

export interface MinCostFlowOptions {
  /** Reports progress; long solves spend most of their time in the refinements. */
  readonly onPhase?: (phase: MinCostFlowPhase) => void;
  /** Cost-scaling factor (default 16). */
  readonly alpha?: number;
}

/**
 * A set X of nodes violating Hoffman's condition: the flow X must send out, supply(X), exceeds
 * what its boundary admits, the upper bounds of arcs leaving X minus the lower bounds of arcs
 * entering X. Any such set proves that no feasible flow exists.
 */
export interface InfeasibilityWitness {
  /** Membership per network node (1 = in X). */
  readonly nodes: Uint8Array;
  readonly supply: number;
  readonly boundaryCapacity: number;
}

export interface Infeasibility {
  /** How much of the supply cannot be routed. */
  readonly shortfall: number;
  /** The smallest violating set (the nodes the unrouted surplus can still reach). */
  readonly smallestWitness: InfeasibilityWitness;
  /** The largest violating set (the nodes that cannot reach the unmet demand). */
  readonly largestWitness: InfeasibilityWitness;
}

export type MinCostFlowResult =
  | {
      readonly status: 'optimal';
      /** Flow per network arc, lower bound included. */
      readonly flow: Float64Array;
      readonly cost: number;
      readonly stats: CostScalingStats;
    }
  | ({ readonly status: 'infeasible' } & Infeasibility);

/**
 * Exact minimum-cost flow: a maximum flow first establishes feasibility (or yields a minimum
 * cut as the proof that there is none), then cost scaling makes the flow optimal.
 */
export function solveMinCostFlow(network: FlowNetwork, options: MinCostFlowOptions = {}): MinCostFlowResult {
  validateNetwork(network);
  const graph = buildResidualGraph(network);
  options.onPhase?.({ phase: 'residual-graph', nodes: graph.nodeCount, residualArcs: graph.target.length });

  options.onPhase?.({ phase: 'feasibility' });
  const infeasibility = routeSupplies(network, graph);
  if (infeasibility) return { status: 'infeasible', ...infeasibility };

  // The auxiliary arcs are saturated now; closing them pins every node's supply for good.
  for (const arc of graph.auxiliaryArcs) graph.capacity[arc] = 0;
  const stats = costScaling(graph, {
    alpha: options.alpha,
    onRefine: (refinement, totalRefinements) =>
      options.onPhase?.({ phase: 'refine', refinement, totalRefinements }),
  });
  const flow = extractFlow(network, graph);
  let cost = 0;
  for (let a = 0; a < network.arcCount; a++) cost += flow[a]! * network.cost[a]!;
  return { status: 'optimal', flow, cost, stats };
}

/** Feasibility alone: undefined when a feasible flow exists, otherwise the proof that none does. */
export function findInfeasibility(network: FlowNetwork): Infeasibility | undefined {
  validateNetwork(network);
  return routeSupplies(network, buildResidualGraph(network));
}

function routeSupplies(network: FlowNetwork, graph: ResidualGraph): Infeasibility | undefined {
  const routed = maxFlow(graph, graph.superSource, graph.superSink);
  if (routed >= graph.requiredFlow) return undefined;
  const smallest = reachableFrom(graph, graph.superSource).slice(0, network.nodeCount);
  const reaching = reachingTo(graph, graph.superSink);
  const largest = new Uint8Array(network.nodeCount);
  for (let v = 0; v < network.nodeCount; v++) largest[v] = reaching[v] === 1 ? 0 : 1;
  return {
    shortfall: graph.requiredFlow - routed,
    smallestWitness: describeWitness(network, smallest),
    largestWitness: describeWitness(network, largest),
  };
}

/** Supply and boundary capacity of a node set, in the terms of Hoffman's condition. */
export function describeWitness(network: FlowNetwork, nodes: Uint8Array): InfeasibilityWitness {
  let supply = 0;
  for (let v = 0; v < network.nodeCount; v++) if (nodes[v] === 1) supply += network.supply[v]!;
  let boundaryCapacity = 0;
  for (let a = 0; a < network.arcCount; a++) {
    const tailInside = nodes[network.from[a]!] === 1;
    const headInside = nodes[network.to[a]!] === 1;
    if (tailInside && !headInside) boundaryCapacity += network.upper[a]!;
    else if (!tailInside && headInside) boundaryCapacity -= network.lower[a]!;
  }
  return { nodes, supply, boundaryCapacity };
}
