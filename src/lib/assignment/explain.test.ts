import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { buildCandidateTable } from './candidates';
import { explainInfeasibility, listIds } from './explain';
import { solveAssignmentWithHighs } from './highs-solver';
import { parseInstance, type AssignmentInstance } from './instance';
import { solveAssignment } from './solve';

interface Reviewer {
  id: string;
  state?: string;
  minLoad?: number;
  maxLoad: number;
}

/** A small instance where every listed pair has affinity 0.5. */
function instance(options: {
  k?: number;
  distinctStates?: boolean;
  applications: string[];
  reviewers: Reviewer[];
  pairs: [string, string][];
  conflicts?: [string, string][];
}): AssignmentInstance {
  return parseInstance({
    k: options.k ?? 2,
    distinctStates: options.distinctStates ?? false,
    applications: options.applications.map((id) => ({ id, state: '01' })),
    reviewers: options.reviewers.map((r) => ({ id: r.id, state: r.state ?? '01', minLoad: r.minLoad ?? 0, maxLoad: r.maxLoad })),
    conflicts: options.conflicts ?? [],
    affinity: options.pairs.map(([a, r]) => [a, r, 0.5]),
  });
}

function reasonOf(problem: AssignmentInstance): string {
  const result = solveAssignment(problem);
  expect(result.status).toBe('infeasible');
  expect(result.objective).toBe(0);
  return result.reason!;
}

describe('infeasibility reasons', () => {
  it('names applications with too few conflict-free candidates', () => {
    const reason = reasonOf(
      instance({
        applications: ['a1', 'a2'],
        reviewers: [{ id: 'r1', maxLoad: 5 }, { id: 'r2', maxLoad: 5 }],
        pairs: [['a1', 'r1'], ['a1', 'r2'], ['a2', 'r1'], ['a2', 'r2']],
        conflicts: [['a2', 'r2']],
      }),
    );
    expect(reason).toContain('Applications without k = 2 conflict-free candidate reviewers: a2 (1 candidate).');
    expect(reason).not.toContain('a1');
  });

  it('names applications whose candidates come from too few Länder', () => {
    const reason = reasonOf(
      instance({
        distinctStates: true,
        applications: ['a1'],
        reviewers: [{ id: 'r1', state: '05', maxLoad: 1 }, { id: 'r2', state: '05', maxLoad: 1 }],
        pairs: [['a1', 'r1'], ['a1', 'r2']],
      }),
    );
    expect(reason).toContain('from k = 2 different Länder: a1 (candidates from 1 Land)');
  });

  it('compares the total maximum and minimum loads with the reviews needed', () => {
    const pairs: [string, string][] = [['a1', 'r1'], ['a1', 'r2'], ['a2', 'r1'], ['a2', 'r2']];
    const tooSmall = reasonOf(
      instance({ applications: ['a1', 'a2'], reviewers: [{ id: 'r1', maxLoad: 2 }, { id: 'r2', maxLoad: 1 }], pairs }),
    );
    expect(tooSmall).toContain("maximum loads add up to 3, less than the 4 reviews needed");
    const tooLarge = reasonOf(
      instance({
        applications: ['a1', 'a2'],
        reviewers: [{ id: 'r1', minLoad: 3, maxLoad: 3 }, { id: 'r2', minLoad: 2, maxLoad: 2 }],
        pairs,
      }),
    );
    expect(tooLarge).toContain('minimum loads add up to 5, more than the 4 reviews there are to hand out');
  });

  it('names reviewers whose minimum load exceeds their candidate applications', () => {
    const reason = reasonOf(
      instance({
        k: 1,
        applications: ['a1', 'a2', 'a3'],
        reviewers: [{ id: 'r1', minLoad: 2, maxLoad: 3 }, { id: 'r2', maxLoad: 3 }],
        pairs: [['a1', 'r1'], ['a1', 'r2'], ['a2', 'r2'], ['a3', 'r2']],
      }),
    );
    expect(reason).toBe(
      'Reviewers with fewer conflict-free candidate applications than their minimum load: r1 (minLoad 2, 1 candidate application).',
    );
  });

  it('gives a Hall witness of applications competing for too few reviewers', () => {
    // a1 and a2 need 4 reviews between them but can only use r1, r2, r3 (one each); a3 has
    // plenty of reviewers, so the totals alone look fine.
    const reason = reasonOf(
      instance({
        applications: ['a1', 'a2', 'a3'],
        reviewers: [
          { id: 'r1', maxLoad: 1 },
          { id: 'r2', maxLoad: 1 },
          { id: 'r3', maxLoad: 1 },
          { id: 'r4', maxLoad: 5 },
          { id: 'r5', maxLoad: 5 },
        ],
        pairs: [['a1', 'r1'], ['a1', 'r2'], ['a1', 'r3'], ['a2', 'r1'], ['a2', 'r2'], ['a2', 'r3'], ['a3', 'r4'], ['a3', 'r5']],
      }),
    );
    expect(reason).toBe(
      'Not enough reviewer capacity for applications a1, a2 (2): they need 4 reviews in total, but their candidate ' +
        'reviewers r1, r2, r3 (3) can take at most 3 of them, given their maximum loads.',
    );
  });

  it('gives a Hall witness of reviewers whose minimum loads cannot all be met', () => {
    // r1 and r2 each have two candidate applications (enough on their own), but a1 and a2 have
    // only two reviews to give (k = 1), while r1 and r2 need four.
    const reason = reasonOf(
      instance({
        k: 1,
        applications: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'],
        reviewers: [{ id: 'r1', minLoad: 2, maxLoad: 2 }, { id: 'r2', minLoad: 2, maxLoad: 2 }, { id: 'r3', maxLoad: 6 }],
        pairs: [['a1', 'r1'], ['a2', 'r1'], ['a1', 'r2'], ['a2', 'r2'], ['a3', 'r3'], ['a4', 'r3'], ['a5', 'r3'], ['a6', 'r3']],
      }),
    );
    expect(reason).toBe(
      'Minimum loads cannot be met for reviewers r1, r2 (2): they need at least 4 reviews in total, ' +
        'but at most 2 can reach them from the conflict-free applications that list them.',
    );
  });

  it('counts the one-reviewer-per-Land rule in the Hall witness', () => {
    // r1 and r2 share Land 05, so each application can use only one of them, plus r3, who
    // takes a single application: 3 reviews for the 4 needed, though the loads add up to 5.
    const reason = reasonOf(
      instance({
        k: 2,
        distinctStates: true,
        applications: ['a1', 'a2'],
        reviewers: [
          { id: 'r1', state: '05', maxLoad: 2 },
          { id: 'r2', state: '05', maxLoad: 2 },
          { id: 'r3', state: '07', maxLoad: 1 },
        ],
        pairs: [['a1', 'r1'], ['a1', 'r2'], ['a1', 'r3'], ['a2', 'r1'], ['a2', 'r2'], ['a2', 'r3']],
      }),
    );
    expect(reason).toBe(
      'Not enough reviewer capacity for applications a1, a2 (2): they need 4 reviews in total, but their candidate ' +
        'reviewers r1, r2, r3 (3) can take at most 3 of them, given their maximum loads and the rule of one reviewer per Land.',
    );
  });

  it('returns no explanation for a feasible instance', () => {
    const feasible = instance({
      k: 1,
      applications: ['a1'],
      reviewers: [{ id: 'r1', maxLoad: 1 }],
      pairs: [['a1', 'r1']],
    });
    expect(explainInfeasibility(buildCandidateTable(feasible))).toBeUndefined();
  });

  it('explains HiGHS infeasibility the same way', async () => {
    const highs = await loadHighs();
    const problem = instance({
      applications: ['a1', 'a2'],
      reviewers: [{ id: 'r1', maxLoad: 2 }, { id: 'r2', maxLoad: 1 }],
      pairs: [['a1', 'r1'], ['a1', 'r2'], ['a2', 'r1'], ['a2', 'r2']],
    });
    const lp = solveAssignmentWithHighs(problem, highs);
    expect(lp.status).toBe('infeasible');
    expect(lp.reason).toBe(solveAssignment(problem).reason);
  });
});

describe('listIds', () => {
  it('truncates long lists', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `x${i}`);
    expect(listIds(ids)).toBe('x0, x1, x2, x3, x4, x5, x6, x7, x8, x9 and 4 more');
    expect(listIds(['a', 'b'])).toBe('a, b');
  });
});
