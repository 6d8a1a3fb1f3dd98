/**
 * A directed flow network with node supplies, arc lower and upper bounds and integer costs,
 * stored in typed arrays so that graphs with millions of arcs stay compact.
 *
 * Supply convention: a positive supply is flow that leaves the node, a negative one is flow
 * that must arrive there. Supplies must sum to zero; every supply must be met exactly.
 */
export interface FlowNetwork {
  readonly nodeCount: number;
  readonly arcCount: number;
  readonly supply: Float64Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Integer cost per unit of flow. */
  readonly cost: Float64Array;
}

/**
 * Capacities, supplies and costs must stay well inside the exactly representable integers of a
 * double so that every sum the solvers form is still exact.
 */
export const MAX_CAPACITY = 2 ** 40;
export const MAX_ABS_COST = 2 ** 40;

export interface ArcSpec {
  readonly lower?: number;
  readonly upper: number;
  readonly cost: number;
}

/** Grows typed arrays on demand so callers need not know the final size in advance. */
export class FlowNetworkBuilder {
  private nodes = 0;
  private arcs = 0;
  private supply: Float64Array;
  private from: Int32Array;
  private to: Int32Array;
  private lower: Float64Array;
  private upper: Float64Array;
  private cost: Float64Array;

  constructor(expectedNodes = 16, expectedArcs = 16) {
    this.supply = new Float64Array(Math.max(1, expectedNodes));
    this.from = new Int32Array(Math.max(1, expectedArcs));
    this.to = new Int32Array(this.from.length);
    this.lower = new Float64Array(this.from.length);
    this.upper = new Float64Array(this.from.length);
    this.cost = new Float64Array(this.from.length);
  }

  get nodeCount(): number {
    return this.nodes;
  }

  get arcCount(): number {
    return this.arcs;
  }

  /** Adds `count` nodes with zero supply and returns the index of the first. */
  addNodes(count: number, supply = 0): number {
    const first = this.nodes;
    const needed = first + count;
    if (needed > this.supply.length) this.supply = grow(this.supply, needed);
    this.supply.fill(supply, first, needed);
    this.nodes = needed;
    return first;
  }

  addNode(supply = 0): number {
    return this.addNodes(1, supply);
  }

  setSupply(node: number, supply: number): void {
    this.checkNode(node);
    this.supply[node] = supply;
  }

  addArc(from: number, to: number, spec: ArcSpec): number {
    this.checkNode(from);
    this.checkNode(to);
    const index = this.arcs;
    if (index >= this.from.length) {
      const size = Math.max(16, this.from.length * 2);
      this.from = grow(this.from, size);
      this.to = grow(this.to, size);
      this.lower = grow(this.lower, size);
      this.upper = grow(this.upper, size);
      this.cost = grow(this.cost, size);
    }
    this.from[index] = from;
    this.to[index] = to;
    this.lower[index] = spec.lower ?? 0;
    this.upper[index] = spec.upper;
    this.cost[index] = spec.cost;
    this.arcs = index + 1;
    return index;
  }

  build(): FlowNetwork {
    const network: FlowNetwork = {
      nodeCount: this.nodes,
      arcCount: this.arcs,
      supply: this.supply.slice(0, this.nodes),
      from: this.from.slice(0, this.arcs),
      to: this.to.slice(0, this.arcs),
      lower: this.lower.slice(0, this.arcs),
      upper: this.upper.slice(0, this.arcs),
      cost: this.cost.slice(0, this.arcs),
    };
    validateNetwork(network);
    return network;
  }

  private checkNode(node: number): void {
    if (!Number.isInteger(node) || node < 0 || node >= this.nodes) {
      throw new RangeError(`node ${node} does not exist (the network has ${this.nodes} nodes)`);
    }
  }
}

function grow<T extends Float64Array | Int32Array>(array: T, minLength: number): T {
  const length = Math.max(minLength, array.length * 2);
  const bigger = new (array.constructor as { new (n: number): T })(length);
  bigger.set(array);
  return bigger;
}

/** Throws a RangeError naming the first arc or node whose data the solvers cannot handle exactly. */
export function validateNetwork(network: FlowNetwork): void {
  const { nodeCount, arcCount, supply, from, to, lower, upper, cost } = network;
  let supplySum = 0;
  for (let v = 0; v < nodeCount; v++) {
    const b = supply[v]!;
    if (!Number.isInteger(b) || Math.abs(b) > MAX_CAPACITY) {
      throw new RangeError(`supply of node ${v} must be an integer of magnitude at most 2^40, got ${b}`);
    }
    supplySum += b;
  }
  if (supplySum !== 0) throw new RangeError(`supplies must sum to zero, they sum to ${supplySum}`);
  for (let a = 0; a < arcCount; a++) {
    const f = from[a]!;
    const t = to[a]!;
    if (f < 0 || f >= nodeCount || t < 0 || t >= nodeCount) {
      throw new RangeError(`arc ${a} joins nodes ${f} and ${t}, outside 0..${nodeCount - 1}`);
    }
    const l = lower[a]!;
    const u = upper[a]!;
    if (!Number.isInteger(l) || !Number.isInteger(u) || l < 0 || l > u || u > MAX_CAPACITY) {
      throw new RangeError(`arc ${a} needs integer bounds 0 <= lower <= upper <= 2^40, got [${l}, ${u}]`);
    }
    const c = cost[a]!;
    if (!Number.isInteger(c) || Math.abs(c) > MAX_ABS_COST) {
      throw new RangeError(`arc ${a} needs an integer cost of magnitude at most 2^40, got ${c}`);
    }
  }
}
