import { describe, expect, it } from 'vitest';
import { contentOf, draftOf, groupCriteria, isFinished, mergeRun, missingForSubmission, parseKeywords, scalePoints } from './review-model';
import type { AssignmentRun, Review, ReviewCriterion } from './review-types';

const criterion = (id: string, groupName: string, name: string): ReviewCriterion => ({ id, groupName, name, description: '', weight: 50, scaleMin: 0, scaleMax: 5 });
const criteria = [criterion('a', 'Gemeinwohl', 'Nachhaltigkeit'), criterion('b', 'Netzwerk', 'Beteiligung'), criterion('c', 'Gemeinwohl', 'Zukunft')];

describe('the review form model', () => {
  it('starts empty and keeps the scores a saved review has', () => {
    expect(draftOf(null, criteria)).toEqual({ scores: { a: null, b: null, c: null }, assessment: '', feedback: '', recommendation: null });
    const saved = { scores: { a: 4 }, assessment: 'Gut', feedback: '', recommendation: 'fund' } as unknown as Review;
    expect(draftOf(saved, criteria).scores).toEqual({ a: 4, b: null, c: null });
  });

  it('sends only the scores chosen', () => {
    expect(contentOf({ scores: { a: 0, b: null }, assessment: 'x', feedback: 'y', recommendation: null })).toEqual({ scores: { a: 0 }, assessment: 'x', feedback: 'y', recommendation: null });
  });

  it('names what a submission lacks, a zero score counting as given', () => {
    const draft = { scores: { a: 0, b: null, c: 3 }, assessment: '  ', feedback: '', recommendation: null };
    expect(missingForSubmission(draft, criteria).map((m) => m.path)).toEqual(['scores.b', 'assessment', 'recommendation']);
    expect(missingForSubmission({ scores: { a: 0, b: 1, c: 5 }, assessment: 'ok', feedback: '', recommendation: 'do_not_fund' }, criteria)).toEqual([]);
  });

  it('groups criteria in the order of the call and offers every point of the scale', () => {
    expect(groupCriteria(criteria).map(([g, cs]) => [g, cs.map((c) => c.id)])).toEqual([
      ['Gemeinwohl', ['a', 'c']],
      ['Netzwerk', ['b']],
    ]);
    expect(scalePoints({ scaleMin: 1, scaleMax: 4 })).toEqual([1, 2, 3, 4]);
  });

  it('splits keywords at commas, semicolons and lines, without blanks or repeats', () => {
    expect(parseKeywords('Mobilität, Open Data;\nmobilität,, Beteiligung ')).toEqual(['Mobilität', 'Open Data', 'Beteiligung']);
  });
});

describe('assignment runs', () => {
  const run = (id: string, createdAt: string, status: AssignmentRun['status']) => ({ id, createdAt, status }) as AssignmentRun;

  it('polls only a running run', () => {
    expect(isFinished(run('1', '2026-01-01T00:00:00Z', 'running'))).toBe(false);
    for (const s of ['optimal', 'infeasible', 'failed'] as const) expect(isFinished(run('1', '2026-01-01T00:00:00Z', s))).toBe(true);
  });

  it('replaces a run by its newer copy and keeps the newest first', () => {
    const older = run('1', '2026-01-01T00:00:00Z', 'optimal');
    const merged = mergeRun([older], run('2', '2026-01-02T00:00:00Z', 'running'));
    expect(merged.map((r) => r.id)).toEqual(['2', '1']);
    expect(mergeRun(merged, run('2', '2026-01-02T00:00:00Z', 'optimal')).map((r) => [r.id, r.status])).toEqual([
      ['2', 'optimal'],
      ['1', 'optimal'],
    ]);
  });
});
