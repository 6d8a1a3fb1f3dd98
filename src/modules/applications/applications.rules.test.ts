import { describe, expect, it } from 'vitest';
import type { ApplicationContent } from '../../db/schema/applications';
import fc from 'fast-check';
import { callState, canMove, draftProblems, eligibilityProblems, emptyContent, financials, type RoundRules } from './applications.rules';

const round: RoundRules = {
  status: 'open',
  opensAt: new Date('2027-02-01T00:00:00Z'),
  closesAt: new Date('2027-04-30T22:00:00Z'),
  year: 2027,
  eligibleKinds: ['municipality', 'cooperation'],
  formSections: [
    { key: 'ziele', title: 'Ziele', description: '', maxLength: 100, required: true },
    { key: 'extra', title: 'Extra', description: '', maxLength: 100, required: false },
  ],
  costCategories: ['Personal', 'Investitionen'],
  maxRequestCents: 1_750_000_000,
  envelopeCents: 30_000_000_000,
};

const complete: ApplicationContent = {
  ...emptyContent(false),
  title: 'Smarte Gemeinde',
  summary: 'Eine integrierte Strategie für die Digitalisierung der Daseinsvorsorge im ländlichen Raum.',
  sections: { ziele: 'Gemeinwohl zuerst.' },
  budget: [
    { year: 2027, category: 'Personal', amountCents: 100_000_00 },
    { year: 2028, category: 'Investitionen', amountCents: 50_000_00 },
  ],
};

describe('financials', () => {
  it('computes funding and own share in cents, rounding funding down', () => {
    expect(financials([{ year: 2027, category: 'Personal', amountCents: 1001 }], 6500)).toEqual({
      eligibleCostsCents: 1001,
      rateBp: 6500,
      requestedCents: 650,
      ownContributionCents: 351,
    });
  });

  it('always splits the eligible costs exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 11 }), { maxLength: 20 }), fc.constantFrom(6500, 9000, 8250), (amounts, rate) => {
        const f = financials(amounts.map((amountCents, i) => ({ year: 2027 + i, category: 'Personal', amountCents })), rate);
        expect(f.requestedCents + f.ownContributionCents).toBe(f.eligibleCostsCents);
        expect(f.requestedCents).toBeLessThanOrEqual((f.eligibleCostsCents * rate) / 10_000);
      }),
    );
  });
});

describe('the call window', () => {
  it('is open from opening until just before the deadline', () => {
    expect(callState(round, new Date('2027-01-31T23:59:59Z'))).toBe('not-open');
    expect(callState(round, new Date('2027-02-01T00:00:00Z'))).toBe('open');
    expect(callState(round, new Date('2027-04-30T21:59:59.999Z'))).toBe('open');
    expect(callState(round, new Date('2027-04-30T22:00:00Z'))).toBe('closed');
    expect(callState({ ...round, status: 'draft' }, new Date('2027-03-01T00:00:00Z'))).toBe('not-open');
  });
});

describe('eligibility', () => {
  const now = new Date('2027-03-01T10:00:00Z');
  const check = (content = complete, kind = 'municipality', at = now) =>
    eligibilityProblems({ content, organisationKind: kind, requestedCents: financials(content.budget, 6500).requestedCents }, round, at);

  it('accepts a complete application in an open call', () => {
    expect(check()).toEqual([]);
  });

  it('names each problem with its field', () => {
    const paths = (problems: { path: string }[]) => problems.map((p) => p.path);
    expect(paths(check({ ...complete, title: '' }))).toEqual(['title']);
    expect(paths(check({ ...complete, sections: {} }))).toEqual(['sections.ziele']);
    expect(paths(check({ ...complete, budget: [] }))).toEqual(['budget']);
    expect(paths(check(complete, 'district'))).toEqual(['organisation.kind']);
    expect(paths(check(complete, 'municipality', new Date('2027-04-30T22:00:01Z')))).toEqual(['round']);
    const expensive = { ...complete, budget: [{ year: 2027, category: 'Investitionen', amountCents: 3_000_000_000 }] };
    expect(paths(check(expensive))).toEqual(['budget']);
  });

  it('refuses over-long sections, unknown sections and categories, years outside the call, duplicates', () => {
    const problems = draftProblems(
      {
        ...complete,
        sections: { ziele: 'x'.repeat(101), fremd: 'y' },
        budget: [
          { year: 2027, category: 'Reisen', amountCents: 1 },
          { year: 2040, category: 'Personal', amountCents: 1 },
          { year: 2040, category: 'Personal', amountCents: 1 },
        ],
      },
      round,
    );
    expect(problems.map((p) => p.path)).toEqual(['sections.ziele', 'sections.fremd', 'budget.0.category', 'budget.1.year', 'budget.2.year', 'budget.2']);
  });
});

describe('status changes', () => {
  it('allows submit, withdraw and reopen, nothing else', () => {
    expect(canMove('draft', 'submitted')).toBe(true);
    expect(canMove('submitted', 'withdrawn')).toBe(true);
    expect(canMove('withdrawn', 'draft')).toBe(true);
    expect(canMove('draft', 'withdrawn')).toBe(false);
    expect(canMove('withdrawn', 'submitted')).toBe(false);
    expect(canMove('submitted', 'draft')).toBe(false);
  });
});
