import type { ResidualGraph } from './residual-graph';

/**
 * Goldberg–Tarjan cost scaling with push/relabel refinement and global price updates.
 *
 * Costs are multiplied by (nodeCount + 1). A flow whose residual arcs all have reduced cost at
 * least -1 in those units is then optimal: every residual cycle has at most nodeCount arcs, so
 * its original integer cost is above -1, hence at least 0. The last refinement reaches exactly
 * that bound, and `verifyEpsilonOptimal` checks it again at the end, so the answer comes with
 * a certificate rather than a hope. All arithmetic stays on integers below 2^53, where doubles
 * are exact.
 */
export interface CostScalingOptions {
  /** Factor by which epsilon shrinks between refinements. */
  readonly alpha?: number;
  /** Called at the start of each refinement. */
  readonly onRefine?: (refinement: number, totalRefinements: number) => void;
}

export interface CostScalingStats {
  refinements: number;
  pushes: number;
  relabels: number;
  globalUpdates: number;
  maxAbsPrice: number;
}

const DEFAULT_ALPHA = 16;
/** Largest scaled cost we accept, leaving headroom for prices to wander before 2^53. */
const MAX_SCALED_COST = 2 ** 50;
const MAX_ABS_PRICE = 2 ** 52;

/**
 * Turns the feasible flow held in `graph` into a minimum-cost one, in place. The super source
 * and super sink must already be cut off (their arcs at zero capacity).
 */
export function costScaling(graph: ResidualGraph, options: CostScalingOptions = {}): CostScalingStats {
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const { nodeCount: n, first, target, reverse, capacity } = graph;
  const multiplier = n + 1;
  const cost = new Float64Array(graph.cost.length);
  let maxCost = 0;
  for (let a = 0; a < cost.length; a++) {
    const c = graph.cost[a]! * multiplier;
    cost[a] = c;
    if (c > maxCost) maxCost = c;
  }
  if (maxCost > MAX_SCALED_COST) {
    throw new RangeError(
      `costs up to ${maxCost / multiplier} on ${n} nodes exceed the exact range of cost scaling; use smaller integer costs`,
    );
  }

  const prices = new Float64Array(n);
  const excess = new Float64Array(n);
  const current = new Int32Array(n);
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n);
  const stats: CostScalingStats = { refinements: 0, pushes: 0, relabels: 0, globalUpdates: 0, maxAbsPrice: 0 };
  const updater = new GlobalPriceUpdater(graph, cost, prices, excess, current);
  // A global update costs about one pass over the arcs; doing one every n relabels keeps its
  // share of the work bounded while still correcting prices that drifted apart.
  const relabelsPerUpdate = Math.max(64, n);

  let totalRefinements = 0;
  for (let e = maxCost; e > 1; e = Math.max(1, Math.floor(e / alpha))) totalRefinements++;

  let epsilon = maxCost;
  while (epsilon > 1) {
    epsilon = Math.max(1, Math.floor(epsilon / alpha));
    options.onRefine?.(stats.refinements, totalRefinements);
    stats.refinements++;

    // Saturating every arc of negative reduced cost leaves a 0-optimal pseudoflow; the
    // push/relabel loop below then repairs the excesses while staying epsilon-optimal.
    let head = 0;
    let size = 0;
    for (let u = 0; u < n; u++) {
      const pu = prices[u]!;
      for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
        const delta = capacity[a]!;
        if (delta > 0) {
          const v = target[a]!;
          if (cost[a]! + pu - prices[v]! < 0) {
            capacity[a] = 0;
            capacity[reverse[a]!]! += delta;
            excess[u]! -= delta;
            excess[v]! += delta;
          }
        }
      }
      current[u] = first[u]!;
    }
    for (let u = 0; u < n; u++) {
      if (excess[u]! > 0) {
        queue[size++] = u;
        queued[u] = 1;
      }
    }
    if (size === 0) continue;
    updater.run(epsilon);
    stats.globalUpdates++;
    let relabelsSinceUpdate = 0;

    while (size > 0) {
      const u = queue[head]!;
      head = head + 1 === n ? 0 : head + 1;
      size--;
      queued[u] = 0;

      // Discharge u: push along admissible arcs, relabel when none is left.
      while (excess[u]! > 0) {
        const end = first[u + 1]!;
        const pu = prices[u]!;
        let a = current[u]!;
        for (; a < end; a++) {
          const residual = capacity[a]!;
          if (residual > 0) {
            const v = target[a]!;
            if (cost[a]! + pu - prices[v]! < 0) {
              const eu = excess[u]!;
              const delta = eu < residual ? eu : residual;
              capacity[a] = residual - delta;
              capacity[reverse[a]!]! += delta;
              excess[u] = eu - delta;
              const ev = excess[v]!;
              excess[v] = ev + delta;
              stats.pushes++;
              if (ev + delta > 0 && queued[v] === 0) {
                let slot = head + size;
                if (slot >= n) slot -= n;
                queue[slot] = v;
                queued[v] = 1;
                size++;
              }
              if (eu === delta) break;
            }
          }
        }
        current[u] = a;
        if (excess[u]! > 0) {
          relabel(u, epsilon);
          stats.relabels++;
          if (++relabelsSinceUpdate >= relabelsPerUpdate) {
            updater.run(epsilon);
            stats.globalUpdates++;
            relabelsSinceUpdate = 0;
          }
        }
      }
    }

    let maxAbsPrice = 0;
    for (let u = 0; u < n; u++) maxAbsPrice = Math.max(maxAbsPrice, Math.abs(prices[u]!));
    stats.maxAbsPrice = maxAbsPrice;
    if (maxAbsPrice > MAX_ABS_PRICE) {
      throw new RangeError('node prices left the exact range of doubles; use smaller integer costs');
    }
  }

  if (!verifyEpsilonOptimal(graph, cost, prices, 1)) {
    throw new Error('cost scaling ended without an optimality certificate (internal error)');
  }
  return stats;

  function relabel(u: number, eps: number): void {
    // Lower the price just enough that the cheapest residual arc becomes admissible.
    let best = -Infinity;
    for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
      if (capacity[a]! > 0) {
        const candidate = prices[target[a]!]! - cost[a]!;
        if (candidate > best) best = candidate;
      }
    }
    if (best === -Infinity) throw new Error(`node ${u} holds excess but has no residual arc (internal error)`);
    prices[u] = best - eps;
    current[u] = first[u]!;
  }
}

/** True when every residual arc has reduced cost at least -epsilon. */
export function verifyEpsilonOptimal(
  graph: ResidualGraph,
  scaledCost: Float64Array,
  prices: Float64Array,
  epsilon: number,
): boolean {
  const { nodeCount: n, first, target, capacity } = graph;
  for (let u = 0; u < n; u++) {
    const pu = prices[u]!;
    for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
      if (capacity[a]! > 0 && scaledCost[a]! + pu - prices[target[a]!]! < -epsilon) return false;
    }
  }
  return true;
}

/**
 * Set-relabel heuristic: lowers prices by the (epsilon-rounded) residual distance of each node
 * to the nearest deficit, computed with Dial's buckets. Arc v -> u gets length
 * floor(reducedCost / epsilon) + 1, the most the price gap may grow without breaking
 * epsilon-optimality, so all price changes keep the pseudoflow epsilon-optimal.
 */
class GlobalPriceUpdater {
  private readonly rank: Int32Array;
  private readonly next: Int32Array;
  private readonly previous: Int32Array;
  private readonly heads: Int32Array;
  private readonly maxRank: number;

  constructor(
    private readonly graph: ResidualGraph,
    private readonly cost: Float64Array,
    private readonly prices: Float64Array,
    private readonly excess: Float64Array,
    private readonly current: Int32Array,
  ) {
    const n = graph.nodeCount;
    this.maxRank = n;
    this.rank = new Int32Array(n);
    this.next = new Int32Array(n);
    this.previous = new Int32Array(n);
    this.heads = new Int32Array(this.maxRank + 1);
  }

  run(epsilon: number): void {
    const { nodeCount: n, first, target, reverse, capacity } = this.graph;
    const { rank, heads, maxRank, cost, prices, excess } = this;
    const unreached = maxRank + 1;
    heads.fill(-1);
    let active = 0;
    for (let u = 0; u < n; u++) {
      if (excess[u]! < 0) {
        rank[u] = 0;
        this.insert(u, 0);
      } else {
        rank[u] = unreached;
        if (excess[u]! > 0) active++;
      }
    }
    if (active === 0) return;

    let r = 0;
    search: for (; r <= maxRank; r++) {
      while (heads[r]! >= 0) {
        const u = heads[r]!;
        this.remove(u, r);
        if (excess[u]! > 0 && --active === 0) break search;
        const pu = prices[u]!;
        for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
          const incoming = reverse[a]!;
          if (capacity[incoming]! <= 0) continue;
          const v = target[a]!;
          const oldRank = rank[v]!;
          if (oldRank <= r) continue;
          const reduced = cost[incoming]! + prices[v]! - pu;
          const length = floorDivide(reduced, epsilon) + 1;
          const newRank = r + length;
          if (newRank < oldRank && newRank <= maxRank) {
            if (oldRank !== unreached) this.remove(v, oldRank);
            rank[v] = newRank;
            this.insert(v, newRank);
          }
        }
      }
    }
    const cap = Math.min(r, maxRank);
    for (let u = 0; u < n; u++) {
      const k = rank[u]! < cap ? rank[u]! : cap;
      if (k > 0) {
        prices[u]! -= k * epsilon;
        this.current[u] = first[u]!;
      }
    }
  }

  private insert(v: number, r: number): void {
    const head = this.heads[r]!;
    this.next[v] = head;
    this.previous[v] = -1;
    if (head >= 0) this.previous[head] = v;
    this.heads[r] = v;
  }

  private remove(v: number, r: number): void {
    const before = this.previous[v]!;
    const after = this.next[v]!;
    if (before >= 0) this.next[before] = after;
    else this.heads[r] = after;
    if (after >= 0) this.previous[after] = before;
  }
}

/** Exact floor(a / b) for integers held in doubles, b > 0 (the quotient alone may round). */
function floorDivide(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return q;
}
