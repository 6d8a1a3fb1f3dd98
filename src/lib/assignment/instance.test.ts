import { describe, expect, it } from 'vitest';
import { InvalidInstanceError, parseInstance, parseInstanceJson } from './instance';

const valid = {
  k: 1,
  distinctStates: false,
  applications: [
    { id: 'a1', state: '05' },
    { id: 'a2', state: '09' },
  ],
  reviewers: [
    { id: 'r1', state: '09', minLoad: 0, maxLoad: 2 },
    { id: 'r2', state: '11', minLoad: 0, maxLoad: 2 },
  ],
  conflicts: [['a1', 'r1']],
  affinity: [
    ['a1', 'r2', 0.83],
    ['a2', 'r1', 0.5],
  ],
};

/** Parses a modified copy of the valid instance and returns the reported issue paths. */
function issuePaths(change: (instance: Record<string, unknown>) => void): string[] {
  const copy = structuredClone(valid) as unknown as Record<string, unknown>;
  change(copy);
  try {
    parseInstance(copy);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInstanceError);
    return (error as InvalidInstanceError).issues.map((issue) => issue.path);
  }
  throw new Error('expected the instance to be rejected');
}

describe('parseInstance', () => {
  it('accepts a valid instance and fills in defaults', () => {
    const { k: _k, distinctStates: _d, conflicts: _c, ...minimal } = valid;
    const instance = parseInstance(minimal);
    expect(instance.k).toBe(2);
    expect(instance.distinctStates).toBe(false);
    expect(instance.conflicts).toEqual([]);
    expect(instance.affinity).toEqual(valid.affinity);
  });

  it('names unknown ids in conflicts and affinity by their JSON path', () => {
    expect(issuePaths((i) => ((i.conflicts as unknown[][])[0]![0] = 'ghost'))).toEqual(['conflicts[0][0]']);
    expect(issuePaths((i) => ((i.affinity as unknown[][])[1]![1] = 'nobody'))).toEqual(['affinity[1][1]']);
  });

  it('rejects duplicate ids and duplicate affinity pairs', () => {
    expect(issuePaths((i) => ((i.applications as { id: string }[])[1]!.id = 'a1'))).toContain('applications[1].id');
    expect(issuePaths((i) => ((i.reviewers as { id: string }[])[1]!.id = 'r1'))).toContain('reviewers[1].id');
    expect(issuePaths((i) => (i.affinity as unknown[]).push(['a1', 'r2', 0.1]))).toEqual(['affinity[2]']);
  });

  it('rejects non-integer, negative and inverted loads', () => {
    expect(issuePaths((i) => ((i.reviewers as { maxLoad: number }[])[0]!.maxLoad = 1.5))).toEqual(['reviewers[0].maxLoad']);
    expect(issuePaths((i) => ((i.reviewers as { minLoad: number }[])[1]!.minLoad = -1))).toEqual(['reviewers[1].minLoad']);
    expect(issuePaths((i) => ((i.reviewers as { minLoad: number }[])[0]!.minLoad = 3))).toEqual(['reviewers[0].minLoad']);
  });

  it('rejects k below 1, a non-integer k and bad Land keys', () => {
    expect(issuePaths((i) => (i.k = 0))).toEqual(['k']);
    expect(issuePaths((i) => (i.k = 1.5))).toEqual(['k']);
    expect(issuePaths((i) => ((i.reviewers as { state: string }[])[0]!.state = '17'))).toEqual(['reviewers[0].state']);
  });

  it('ignores extra keys, defaults loads, and needs Länder only for the distinct-Länder rule', () => {
    const parsed = parseInstance({
      applications: [{ id: 'a1', note: 'ignored' }],
      reviewers: [{ id: 'r1' }],
      affinity: [['a1', 'r1', 0.5]],
      generator: 'an outside tool',
    });
    expect(parsed).toMatchObject({ k: 2, distinctStates: false, conflicts: [], reviewers: [{ id: 'r1', minLoad: 0, maxLoad: 1 }] });
    expect(issuePaths((i) => {
      i.distinctStates = true;
      delete (i.applications as { state?: string }[])[0]!.state;
    })).toEqual(['applications[0].state']);
  });

  it('rejects missing required lists and malformed triples', () => {
    expect(issuePaths((i) => delete i.reviewers)).toEqual(['reviewers']);
    expect(issuePaths((i) => ((i.affinity as unknown[])[0] = ['a1', 'r2']))).toEqual(['affinity[0]']);
    expect(issuePaths((i) => ((i.affinity as unknown[][])[0]![2] = 'high'))).toEqual(['affinity[0][2]']);
  });
});

describe('parseInstanceJson', () => {
  it('reports malformed JSON', () => {
    expect(() => parseInstanceJson('{"k": 2,')).toThrow(/malformed JSON/);
  });

  it('rejects affinities that JSON turns into infinity', () => {
    const text = JSON.stringify(valid).replace('0.83', '1e400');
    try {
      parseInstanceJson(text);
      expect.unreachable('1e400 must be rejected');
    } catch (error) {
      expect((error as InvalidInstanceError).issues.map((issue) => issue.path)).toEqual(['affinity[0][2]']);
    }
  });
});
