import type { AssignmentInstance } from '../../src/lib/assignment';

/**
 * Seeded random reviewer-assignment instances shaped like a real round: applications and
 * reviewers spread over the 16 Länder, topical affinity plus a per-reviewer reputation (so
 * popular reviewers compete and their maximum loads bind), a sparse candidate list per
 * application, a few conflicts of interest, and loads that leave the instance feasible.
 */
export interface GeneratorOptions {
  readonly applications: number;
  readonly reviewers: number;
  readonly candidatesPerApplication?: number;
  readonly k?: number;
  readonly distinctStates?: boolean;
  readonly seed?: number;
}

export function generateInstance(options: GeneratorOptions): AssignmentInstance {
  const { applications: A, reviewers: R } = options;
  const k = options.k ?? 2;
  const perApplication = Math.min(options.candidatesPerApplication ?? 50, R);
  const random = mulberry32(options.seed ?? 1);
  const land = (): string => String(1 + Math.floor(random() * 16)).padStart(2, '0');
  const pad = (prefix: string, i: number, total: number): string =>
    `${prefix}${String(i + 1).padStart(String(total).length, '0')}`;

  const applications = Array.from({ length: A }, (_, i) => ({ id: pad('app-', i, A), state: land() }));
  const averageLoad = (k * A) / R;
  const reviewers = Array.from({ length: R }, (_, i) => {
    const capacity = 0.8 + 0.8 * random(); // some reviewers can take twice as much as others
    return {
      id: pad('rev-', i, R),
      state: land(),
      minLoad: Math.floor(averageLoad * 0.4),
      maxLoad: Math.ceil(averageLoad * capacity) + 1,
    };
  });
  const topic = Float64Array.from({ length: A + R }, () => random());
  const reputation = Float64Array.from({ length: R }, () => random());

  const affinity: [string, string, number][] = [];
  const conflicts: [string, string][] = [];
  const picked = new Set<number>();
  for (let a = 0; a < A; a++) {
    picked.clear();
    while (picked.size < perApplication) picked.add(Math.floor(random() * R));
    for (const r of picked) {
      const distance = Math.abs(topic[a]! - topic[A + r]!);
      const closeness = 1 - 2 * Math.min(distance, 1 - distance);
      const value = 0.6 * closeness + 0.3 * reputation[r]! + 0.1 * random();
      affinity.push([applications[a]!.id, reviewers[r]!.id, value]);
    }
    // About one application in four declares a conflict with one of its candidates, and some
    // conflicts concern reviewers that were never candidates (they must do no harm).
    if (random() < 0.25) {
      const listed = [...picked];
      conflicts.push([applications[a]!.id, reviewers[listed[Math.floor(random() * listed.length)]!]!.id]);
    }
    if (random() < 0.1) conflicts.push([applications[a]!.id, reviewers[Math.floor(random() * R)]!.id]);
  }
  return { k, distinctStates: options.distinctStates ?? false, applications, reviewers, conflicts, affinity };
}

/** Small, fast, seedable PRNG with good statistical quality for test data. */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
