import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowNetworkBuilder, solveMinCostFlow, findInfeasibility, type FlowNetwork } from './index';

interface ArcInput {
  from: number;
  to: number;
  lower?: number;
  upper: number;
  cost: number;
}

function network(supplies: number[], arcs: ArcInput[]): FlowNetwork {
  const builder = new FlowNetworkBuilder();
  for (const supply of supplies) builder.addNode(supply);
  for (const arc of arcs) builder.addArc(arc.from, arc.to, arc);
  return builder.build();
}

/** Checks bounds and conservation of a returned flow; returns its cost. */
function checkedCost(net: FlowNetwork, flow: Float64Array): number {
  const balance = new Float64Array(net.nodeCount);
  let cost = 0;
  for (let a = 0; a < net.arcCount; a++) {
    expect(flow[a]).toBeGreaterThanOrEqual(net.lower[a]!);
    expect(flow[a]).toBeLessThanOrEqual(net.upper[a]!);
    expect(Number.isInteger(flow[a])).toBe(true);
    balance[net.from[a]!]! += flow[a]!;
    balance[net.to[a]!]! -= flow[a]!;
    cost += flow[a]! * net.cost[a]!;
  }
  for (let v = 0; v < net.nodeCount; v++) expect(balance[v]).toBe(net.supply[v]);
  return cost;
}

/** Enumerates every integer flow of a tiny network; returns the least cost, or null if none. */
function bruteForceMinCost(net: FlowNetwork): number | null {
  let best: number | null = null;
  const flow = new Float64Array(net.arcCount);
  const visit = (a: number): void => {
    if (a === net.arcCount) {
      const balance = new Float64Array(net.nodeCount);
      let cost = 0;
      for (let i = 0; i < net.arcCount; i++) {
        balance[net.from[i]!]! += flow[i]!;
        balance[net.to[i]!]! -= flow[i]!;
        cost += flow[i]! * net.cost[i]!;
      }
      for (let v = 0; v < net.nodeCount; v++) if (balance[v] !== net.supply[v]) return;
      if (best === null || cost < best) best = cost;
      return;
    }
    for (let f = net.lower[a]!; f <= net.upper[a]!; f++) {
      flow[a] = f;
      visit(a + 1);
    }
  };
  visit(0);
  return best;
}

function expectHoffmanViolation(
  net: FlowNetwork,
  witness: { nodes: Uint8Array; supply: number; boundaryCapacity: number },
): void {
  // Recompute the condition from scratch rather than trusting the reported numbers.
  let supply = 0;
  let boundary = 0;
  for (let v = 0; v < net.nodeCount; v++) if (witness.nodes[v] === 1) supply += net.supply[v]!;
  for (let a = 0; a < net.arcCount; a++) {
    const tailIn = witness.nodes[net.from[a]!] === 1;
    const headIn = witness.nodes[net.to[a]!] === 1;
    if (tailIn && !headIn) boundary += net.upper[a]!;
    if (!tailIn && headIn) boundary -= net.lower[a]!;
  }
  expect(witness.supply).toBe(supply);
  expect(witness.boundaryCapacity).toBe(boundary);
  expect(supply).toBeGreaterThan(boundary);
}

describe('solveMinCostFlow on hand-made networks', () => {
  it('ships a transportation problem along the cheapest routes', () => {
    // Two plants (5 and 3 units) and two customers (4 each); costs chosen so that the
    // cheapest arc cannot take everything: 0->2 cost 1 (cap 3), 0->3 cost 4, 1->2 cost 2, 1->3 cost 3.
    const net = network(
      [5, 3, -4, -4],
      [
        { from: 0, to: 2, upper: 3, cost: 1 },
        { from: 0, to: 3, upper: 10, cost: 4 },
        { from: 1, to: 2, upper: 10, cost: 2 },
        { from: 1, to: 3, upper: 10, cost: 3 },
      ],
    );
    const result = solveMinCostFlow(net);
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    // 0->2: 3, 1->2: 1, 1->3: 2, 0->3: 2  => 3 + 2 + 6 + 8 = 19
    expect(Array.from(result.flow)).toEqual([3, 2, 1, 2]);
    expect(result.cost).toBe(19);
    expect(checkedCost(net, result.flow)).toBe(19);
  });

  it('runs flow around a negative cycle even with no supplies', () => {
    const net = network(
      [0, 0, 0],
      [
        { from: 0, to: 1, upper: 2, cost: -5 },
        { from: 1, to: 2, upper: 3, cost: 1 },
        { from: 2, to: 0, upper: 4, cost: 1 },
      ],
    );
    const result = solveMinCostFlow(net);
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    expect(Array.from(result.flow)).toEqual([2, 2, 2]);
    expect(result.cost).toBe(-6);
  });

  it('honours lower bounds that force flow over an expensive arc', () => {
    // 0 -> 1 must carry at least 2 units at cost 10; the cheap direct arc takes the rest.
    const net = network(
      [3, 0, -3],
      [
        { from: 0, to: 1, lower: 2, upper: 5, cost: 10 },
        { from: 1, to: 2, upper: 5, cost: 0 },
        { from: 0, to: 2, upper: 5, cost: 1 },
      ],
    );
    const result = solveMinCostFlow(net);
    expect(result.status).toBe('optimal');
    if (result.status !== 'optimal') return;
    expect(Array.from(result.flow)).toEqual([2, 2, 1]);
    expect(result.cost).toBe(21);
  });

  it('reports infeasibility with a set of nodes whose boundary is too narrow', () => {
    // Node 0 must send 4 units, but the arcs leaving {0, 1} carry only 3.
    const net = network(
      [4, 0, -4],
      [
        { from: 0, to: 1, upper: 10, cost: 1 },
        { from: 1, to: 2, upper: 2, cost: 1 },
        { from: 0, to: 2, upper: 1, cost: 1 },
      ],
    );
    const result = solveMinCostFlow(net);
    expect(result.status).toBe('infeasible');
    if (result.status !== 'infeasible') return;
    expect(result.shortfall).toBe(1);
    expectHoffmanViolation(net, result.smallestWitness);
    expectHoffmanViolation(net, result.largestWitness);
    expect(Array.from(result.smallestWitness.nodes)).toEqual([1, 1, 0]);
  });

  it('detects a lower bound that no circulation can satisfy', () => {
    const net = network(
      [0, 0],
      [
        { from: 0, to: 1, lower: 2, upper: 3, cost: 0 },
        { from: 1, to: 0, upper: 1, cost: 0 },
      ],
    );
    const infeasibility = findInfeasibility(net);
    expect(infeasibility).toBeDefined();
    expectHoffmanViolation(net, infeasibility!.smallestWitness);
    expectHoffmanViolation(net, infeasibility!.largestWitness);
  });

  it('finds a feasible flow where one exists', () => {
    expect(findInfeasibility(network([1, -1], [{ from: 0, to: 1, upper: 1, cost: 3 }]))).toBeUndefined();
  });

  it('refuses networks it cannot solve exactly', () => {
    const builder = new FlowNetworkBuilder();
    builder.addNodes(2);
    builder.setSupply(0, 1);
    expect(() => builder.build()).toThrow(/sum to zero/);
    const withBadCost = new FlowNetworkBuilder();
    withBadCost.addNodes(2);
    withBadCost.addArc(0, 1, { upper: 1, cost: 0.5 });
    expect(() => withBadCost.build()).toThrow(/integer cost/);
    const withBadBounds = new FlowNetworkBuilder();
    withBadBounds.addNodes(2);
    withBadBounds.addArc(0, 1, { lower: 2, upper: 1, cost: 0 });
    expect(() => withBadBounds.build()).toThrow(/lower <= upper/);
    expect(() => withBadBounds.addArc(0, 5, { upper: 1, cost: 0 })).toThrow(/does not exist/);
  });
});

const tinyNetwork = fc
  .record({
    nodes: fc.integer({ min: 2, max: 4 }),
    arcs: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        lower: fc.integer({ min: 0, max: 1 }),
        extra: fc.integer({ min: 0, max: 2 }),
        cost: fc.integer({ min: -6, max: 6 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    supplies: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ nodes, arcs, supplies }) => {
    const supply = supplies.slice(0, nodes);
    // Let the last node absorb the imbalance so that supplies sum to zero.
    supply[nodes - 1] = supply[nodes - 1]! - supply.reduce((sum, b) => sum + b, 0);
    return network(
      supply,
      arcs.map((arc) => ({
        from: arc.from % nodes,
        to: arc.to % nodes,
        lower: arc.lower,
        upper: arc.lower + arc.extra,
        cost: arc.cost,
      })),
    );
  });

describe('solveMinCostFlow against exhaustive enumeration', () => {
  it('agrees on feasibility and optimal cost for tiny random networks', () => {
    fc.assert(
      fc.property(tinyNetwork, (net) => {
        const expected = bruteForceMinCost(net);
        const result = solveMinCostFlow(net);
        if (expected === null) {
          expect(result.status).toBe('infeasible');
          if (result.status === 'infeasible') {
            expectHoffmanViolation(net, result.smallestWitness);
            expectHoffmanViolation(net, result.largestWitness);
          }
        } else {
          expect(result.status).toBe('optimal');
          if (result.status === 'optimal') {
            expect(result.cost).toBe(expected);
            expect(checkedCost(net, result.flow)).toBe(expected);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
