import { describe, expect, it } from 'vitest';
import { roundStatuses } from '../../db/schema/programmes';
import { budgetOn, canTransition, criteriaProblems, roundLifecycle, roundTransitions, scheduleProblems, totalBudget } from './programmes.rules';

describe('round state machine', () => {
  it('lets a round walk its whole life cycle forward', () => {
    for (let i = 0; i + 1 < roundLifecycle.length; i++) {
      expect(canTransition(roundLifecycle[i]!, roundLifecycle[i + 1]!)).toBe(true);
    }
  });

  it('refuses skipping steps and leaving "published"', () => {
    expect(canTransition('draft', 'closed')).toBe(false);
    expect(canTransition('open', 'review')).toBe(false);
    expect(canTransition('review', 'decided')).toBe(false);
    for (const to of roundStatuses) expect(canTransition('published', to)).toBe(false);
  });

  it('never allows a status to move to itself, and names only known statuses', () => {
    for (const from of roundStatuses) {
      expect(roundTransitions[from]).not.toContain(from);
      for (const to of roundTransitions[from]) expect(roundStatuses).toContain(to);
    }
  });
});

describe('criteria', () => {
  const c = (weight: number, scaleMin = 0, scaleMax = 5) => ({ name: 'k', weight, scaleMin, scaleMax });

  it('accepts weights that add up to 100 and no criteria at all', () => {
    expect(criteriaProblems([c(60), c(40)])).toEqual([]);
    expect(criteriaProblems([])).toEqual([]);
  });

  it('names a wrong total and an empty scale', () => {
    expect(criteriaProblems([c(60), c(30)])).toEqual([{ path: 'criteria', message: expect.stringContaining('90') }]);
    expect(criteriaProblems([c(50), c(50, 3, 3)])).toEqual([{ path: 'criteria.1.scaleMax', message: expect.any(String) }]);
  });
});

describe('schedule and budget', () => {
  it('requires the call to close after it opens', () => {
    const opens = new Date('2020-02-01T00:00:00Z');
    expect(scheduleProblems(opens, new Date('2020-04-20T21:59:59Z'))).toEqual([]);
    expect(scheduleProblems(opens, opens)[0]?.path).toBe('closesAt');
  });

  it('adds dated changes up to a day', () => {
    const changes = [
      { effectiveOn: '2019-01-01', amountCents: 320 },
      { effectiveOn: '2020-06-03', amountCents: 500 },
    ];
    expect(budgetOn(changes, '2020-06-02')).toBe(320);
    expect(budgetOn(changes, '2020-06-03')).toBe(820);
    expect(totalBudget(changes)).toBe(820);
  });
});
