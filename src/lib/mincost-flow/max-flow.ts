import type { ResidualGraph } from './residual-graph';

/**
 * Dinic's maximum flow from `source` to `sink`, changing the residual capacities in place.
 * Returns the value of the flow sent. The search is iterative so that long paths cannot
 * overflow the call stack.
 */
export function maxFlow(graph: ResidualGraph, source: number, sink: number): number {
  const { nodeCount, first, target, capacity, reverse } = graph;
  const level = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const current = new Int32Array(nodeCount);
  const pathArcs = new Int32Array(nodeCount);
  let total = 0;

  const buildLevels = (): boolean => {
    level.fill(-1);
    level[source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const u = queue[head++]!;
      const next = level[u]! + 1;
      for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
        const v = target[a]!;
        if (capacity[a]! > 0 && level[v]! < 0) {
          level[v] = next;
          queue[tail++] = v;
        }
      }
    }
    return level[sink]! >= 0;
  };

  while (buildLevels()) {
    current.set(first.subarray(0, nodeCount));
    // Walk forward along level-increasing arcs; on reaching the sink push the bottleneck and
    // restart from the source; on a dead end, retire the node for this phase.
    let depth = 0;
    let u = source;
    for (;;) {
      if (u === sink) {
        let bottleneck = Infinity;
        for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, capacity[pathArcs[i]!]!);
        for (let i = 0; i < depth; i++) {
          const a = pathArcs[i]!;
          capacity[a]! -= bottleneck;
          capacity[reverse[a]!]! += bottleneck;
        }
        total += bottleneck;
        depth = 0;
        u = source;
        continue;
      }
      const end = first[u + 1]!;
      const wanted = level[u]! + 1;
      let a = current[u]!;
      while (a < end && (capacity[a]! <= 0 || level[target[a]!] !== wanted)) a++;
      current[u] = a;
      if (a < end) {
        pathArcs[depth++] = a;
        u = target[a]!;
      } else {
        level[u] = -1;
        if (depth === 0) break;
        depth--;
        u = target[reverse[pathArcs[depth]!]!]!;
      }
    }
  }
  return total;
}

/** Marks the nodes that `source` reaches through arcs with residual capacity. */
export function reachableFrom(graph: ResidualGraph, source: number): Uint8Array {
  const { nodeCount, first, target, capacity } = graph;
  const seen = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  let size = 0;
  seen[source] = 1;
  stack[size++] = source;
  while (size > 0) {
    const u = stack[--size]!;
    for (let a = first[u]!, end = first[u + 1]!; a < end; a++) {
      const v = target[a]!;
      if (capacity[a]! > 0 && seen[v] === 0) {
        seen[v] = 1;
        stack[size++] = v;
      }
    }
  }
  return seen;
}

/** Marks the nodes that reach `sink` through arcs with residual capacity. */
export function reachingTo(graph: ResidualGraph, sink: number): Uint8Array {
  const { nodeCount, first, target, capacity, reverse } = graph;
  const seen = new Uint8Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  let size = 0;
  seen[sink] = 1;
  stack[size++] = sink;
  while (size > 0) {
    const v = stack[--size]!;
    // An arc u -> v is stored as the reverse of one of v's own arcs.
    for (let a = first[v]!, end = first[v + 1]!; a < end; a++) {
      const u = target[a]!;
      if (capacity[reverse[a]!]! > 0 && seen[u] === 0) {
        seen[u] = 1;
        stack[size++] = u;
      }
    }
  }
  return seen;
}
