import { describe, expect, it } from 'vitest';
import {
  addYears,
  availableCents,
  berlinDate,
  currentPhase,
  grantFinancials,
  isOverdue,
  phaseProblems,
  proposePhases,
  reminderStage,
  reportReminderKey,
  reportReminderText,
  STRATEGY_CAP_CENTS,
} from './funding.rules';

describe('proposePhases', () => {
  it('gives two years of strategy and five of implementation that add up to the grant', () => {
    const phases = proposePhases(6_296_940_00, '2021-01-01');
    expect(phases).toEqual([
      { kind: 'strategy', startsOn: '2021-01-01', endsOn: '2022-12-31', approvedCents: Math.floor(6_296_940_00 / 7) },
      { kind: 'implementation', startsOn: '2023-01-01', endsOn: '2027-12-31', approvedCents: 6_296_940_00 - Math.floor(6_296_940_00 / 7) },
    ]);
    expect(phaseProblems(phases, 6_296_940_00)).toEqual([]);
  });

  it('caps the strategy phase at 2.5 M EUR, the rest goes to implementation', () => {
    const [strategy, implementation] = proposePhases(17_500_000_00, '2021-01-01');
    expect(strategy!.approvedCents).toBe(STRATEGY_CAP_CENTS);
    expect(implementation!.approvedCents).toBe(15_000_000_00);
    const [big] = proposePhases(32_000_000_00, '2021-01-01');
    expect(big!.approvedCents).toBe(2_500_000_00);
  });

  it('keeps odd cents in the implementation phase', () => {
    const phases = proposePhases(100, '2024-03-01');
    expect(phases.map((p) => p.approvedCents)).toEqual([14, 86]);
    expect(phases[0]!.endsOn).toBe('2026-02-28');
    expect(phases[1]!.startsOn).toBe('2026-03-01');
  });
});

describe('phaseProblems', () => {
  const ok = proposePhases(1_000_000, '2021-01-01');
  it('names phases when the sum is off', () => {
    const off = [ok[0]!, { ...ok[1]!, approvedCents: ok[1]!.approvedCents - 1 }];
    expect(phaseProblems(off, 1_000_000)).toEqual([{ path: 'phases', message: expect.stringContaining('999999') }]);
  });
  it('finds overlapping, reversed and misordered phases and an empty list', () => {
    expect(phaseProblems([], 0)).toEqual([{ path: 'phases', message: expect.any(String) }]);
    const overlapping = [ok[0]!, { ...ok[1]!, startsOn: '2022-06-01' }];
    expect(phaseProblems(overlapping, 1_000_000).map((p) => p.path)).toEqual(['phases.1.startsOn']);
    const reversed = [{ ...ok[0]!, endsOn: '2020-01-01' }, ok[1]!];
    expect(phaseProblems(reversed, 1_000_000).map((p) => p.path)).toEqual(['phases.0.endsOn']);
    const swapped = [
      { ...ok[1]!, startsOn: '2021-01-01', endsOn: '2021-12-31' },
      { ...ok[0]!, startsOn: '2022-01-01', endsOn: '2022-12-31' },
    ];
    expect(phaseProblems(swapped, 1_000_000).map((p) => p.path)).toEqual(['phases.1.kind']);
  });
});

describe('money and days', () => {
  it('shrinks eligible costs when the jury funds less than requested', () => {
    expect(grantFinancials({ fundingCents: 650, requestedCents: 650, eligibleCostsCents: 1000, rateBp: 6500 })).toEqual({ eligibleCostsCents: 1000, ownShareCents: 350 });
    const less = grantFinancials({ fundingCents: 500, requestedCents: 650, eligibleCostsCents: 1000, rateBp: 6500 });
    expect(less).toEqual({ eligibleCostsCents: 770, ownShareCents: 270 });
    expect(Math.floor((less.eligibleCostsCents * 6500) / 10_000)).toBe(500);
  });
  it('counts pending requests against what a phase has left', () => {
    expect(availableCents({ approvedCents: 1000, disbursedCents: 300, pendingCents: 200 })).toBe(500);
  });
  it('takes the Berlin calendar day, not the UTC one', () => {
    expect(berlinDate(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(berlinDate(new Date('2026-01-01T22:59:00Z'))).toBe('2026-01-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
  it('knows the running phase', () => {
    const phases = proposePhases(1000, '2021-01-01');
    expect(currentPhase(phases, '2020-06-01')).toBe('strategy');
    expect(currentPhase(phases, '2022-12-31')).toBe('strategy');
    expect(currentPhase(phases, '2023-01-01')).toBe('implementation');
    expect(currentPhase(phases, '2028-01-01')).toBeNull();
    expect(currentPhase([], '2028-01-01')).toBeNull();
  });
});

describe('reports', () => {
  it('are overdue only while owed and after their due day', () => {
    expect(isOverdue({ status: 'due', dueOn: '2026-03-31' }, '2026-03-31')).toBe(false);
    expect(isOverdue({ status: 'due', dueOn: '2026-03-31' }, '2026-04-01')).toBe(true);
    expect(isOverdue({ status: 'returned', dueOn: '2026-03-31' }, '2026-04-01')).toBe(true);
    expect(isOverdue({ status: 'submitted', dueOn: '2026-03-31' }, '2026-04-01')).toBe(false);
    expect(isOverdue({ status: 'accepted', dueOn: '2026-03-31' }, '2027-04-01')).toBe(false);
  });
  it('are reminded 14 days ahead and once overdue, under distinct keys', () => {
    expect(reminderStage({ status: 'due', dueOn: '2026-12-11' }, '2026-11-26')).toBeNull();
    expect(reminderStage({ status: 'due', dueOn: '2026-12-10' }, '2026-11-26')).toBe('upcoming');
    expect(reminderStage({ status: 'due', dueOn: '2026-11-26' }, '2026-11-26')).toBe('upcoming');
    expect(reminderStage({ status: 'due', dueOn: '2026-11-25' }, '2026-11-26')).toBe('overdue');
    expect(reminderStage({ status: 'submitted', dueOn: '2026-11-25' }, '2026-11-26')).toBeNull();
    expect(reportReminderKey('r1', 'upcoming', 'due')).not.toBe(reportReminderKey('r1', 'overdue', 'due'));
  });
  it('write a German reminder naming the report, the project and the day', () => {
    const text = reportReminderText({ displayName: 'Peter', grantReference: 'Z-2020-AB', grantTitle: 'Smart Region AUF', reportTitle: 'Jahresbericht 2025', dueOn: '2026-03-31', stage: 'overdue' });
    expect(text.subject).toBe('Überfällig: „Jahresbericht 2025“ (Z-2020-AB) war am 31. März 2026 fällig');
    expect(text.body).toContain('Guten Tag Peter,');
    expect(text.body).toContain('„Smart Region AUF“');
  });
});
