import type { CandidateTable } from './candidates';

/** What the `assign` CLI writes as result.json. */
export interface AssignmentResult {
  readonly status: 'optimal' | 'infeasible';
  /** Sum of the original affinities of the chosen pairs; null when infeasible. */
  readonly objective: number;
  /** [applicationId, reviewerId], sorted by application id, then reviewer id. */
  readonly assignments: readonly (readonly [string, string])[];
  readonly seconds: number;
  /** Only when infeasible: why no assignment exists. */
  readonly reason?: string;
}

export function infeasibleResult(reason: string, seconds: number): AssignmentResult {
  // The empty assignment's total affinity: a number, as the file format promises.
  return { status: 'infeasible', objective: 0, assignments: [], seconds, reason };
}

/**
 * Builds the optimal result from the chosen candidates (indices into the table), after checking
 * the counts that any correct solver must respect: a cheap guard against a broken solver.
 */
export function optimalResult(table: CandidateTable, chosen: readonly number[], seconds: number): AssignmentResult {
  const { instance } = table;
  const perApplication = new Int32Array(table.applicationCount);
  const perReviewer = new Int32Array(table.reviewerCount);
  const pairs: { application: string; reviewer: string; affinity: number }[] = [];
  let application = 0;
  for (const i of [...chosen].sort((x, y) => x - y)) {
    while (table.start[application + 1]! <= i) application++;
    const reviewer = table.reviewer[i]!;
    perApplication[application]!++;
    perReviewer[reviewer]!++;
    pairs.push({
      application: instance.applications[application]!.id,
      reviewer: instance.reviewers[reviewer]!.id,
      affinity: table.affinity[i]!,
    });
  }
  for (let a = 0; a < table.applicationCount; a++) {
    if (perApplication[a] !== table.k) {
      throw new Error(`solver returned ${perApplication[a]} reviewers for application ${instance.applications[a]!.id}`);
    }
  }
  for (let r = 0; r < table.reviewerCount; r++) {
    const load = perReviewer[r]!;
    if (load < table.minLoad[r]! || load > table.maxLoad[r]!) {
      throw new Error(`solver returned load ${load} for reviewer ${instance.reviewers[r]!.id}`);
    }
  }
  pairs.sort((x, y) => compareIds(x.application, y.application) || compareIds(x.reviewer, y.reviewer));
  let objective = 0;
  for (const pair of pairs) objective += pair.affinity;
  return {
    status: 'optimal',
    objective,
    assignments: pairs.map((pair) => [pair.application, pair.reviewer] as const),
    seconds,
  };
}

/** Code-unit order: the same on every machine and locale. */
export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * result.json text with a fixed key order and one pair per line: readable, diff-friendly, and
 * `reason` present only when infeasible.
 */
export function formatResultJson(result: AssignmentResult): string {
  const lines = [
    '{',
    `  "status": ${JSON.stringify(result.status)},`,
    `  "objective": ${JSON.stringify(result.objective)},`,
  ];
  if (result.assignments.length === 0) {
    lines.push('  "assignments": [],');
  } else {
    lines.push('  "assignments": [');
    result.assignments.forEach((pair, i) => {
      lines.push(`    ${JSON.stringify(pair)}${i + 1 < result.assignments.length ? ',' : ''}`);
    });
    lines.push('  ],');
  }
  lines.push(`  "seconds": ${JSON.stringify(Math.round(result.seconds * 1000) / 1000)}${result.reason === undefined ? '' : ','}`);
  if (result.reason !== undefined) lines.push(`  "reason": ${JSON.stringify(result.reason)}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
