import type { AssignmentInstance } from './instance';

/**
 * Every rule an assignment must obey, checked on ids straight from the instance (independently
 * of the solvers' own data structures). Returns one message per violation; empty means valid.
 */
export function findViolations(
  instance: AssignmentInstance,
  assignments: readonly (readonly [string, string])[],
): string[] {
  const violations: string[] = [];
  const key = (applicationId: string, reviewerId: string): string => JSON.stringify([applicationId, reviewerId]);
  const listed = new Set(instance.affinity.map(([a, r]) => key(a, r)));
  const conflicts = new Set(instance.conflicts.map(([a, r]) => key(a, r)));
  const stateOf = new Map(instance.reviewers.map((reviewer) => [reviewer.id, reviewer.state]));
  const perApplication = new Map<string, string[]>(instance.applications.map((a) => [a.id, []]));
  const load = new Map<string, number>(instance.reviewers.map((r) => [r.id, 0]));
  const seen = new Set<string>();

  for (const [applicationId, reviewerId] of assignments) {
    const pair = key(applicationId, reviewerId);
    if (seen.has(pair)) violations.push(`pair ${pair} assigned twice`);
    seen.add(pair);
    if (!listed.has(pair)) violations.push(`pair ${pair} has no affinity listed`);
    if (conflicts.has(pair)) violations.push(`pair ${pair} is a conflict of interest`);
    const reviewers = perApplication.get(applicationId);
    if (!reviewers) violations.push(`unknown application ${applicationId}`);
    else reviewers.push(reviewerId);
    const current = load.get(reviewerId);
    if (current === undefined) violations.push(`unknown reviewer ${reviewerId}`);
    else load.set(reviewerId, current + 1);
  }
  for (const [applicationId, reviewers] of perApplication) {
    if (reviewers.length !== instance.k) {
      violations.push(`application ${applicationId} has ${reviewers.length} reviewers instead of ${instance.k}`);
    }
    if (instance.distinctStates) {
      const states = new Set(reviewers.map((r) => stateOf.get(r)));
      if (states.size !== reviewers.length) violations.push(`application ${applicationId} has two reviewers from one Land`);
    }
  }
  for (const reviewer of instance.reviewers) {
    const assigned = load.get(reviewer.id)!;
    if (assigned < reviewer.minLoad || assigned > reviewer.maxLoad) {
      violations.push(`reviewer ${reviewer.id} has load ${assigned}, outside ${reviewer.minLoad} … ${reviewer.maxLoad}`);
    }
  }
  return violations;
}
