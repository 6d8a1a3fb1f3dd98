import { describe, expect, it } from 'vitest';
import type { ApplicationContent } from '../../api/types';
import {
  abilitiesOf,
  budgetTotals,
  budgetYears,
  draftFromContent,
  fieldPath,
  linesOfDraft,
  newBudgetRow,
  problemMessages,
  readOnlyReason,
  toContent,
  type ContentDraft,
} from './application-model';

const round = {
  year: 2026,
  formSections: [
    { key: 'ziele', title: 'Ziele', description: '', maxLength: 100, required: true },
    { key: 'extra', title: 'Weiteres', description: '', maxLength: 200, required: false },
  ],
  costCategories: ['Personal', 'Investitionen'],
  maxRequestCents: 1_000_000,
  closesAt: '2026-04-30T21:59:00.000Z',
};

const content: ApplicationContent = {
  title: 'Digitale Dorfmitte',
  acronym: 'DDM',
  summary: 'Kurz',
  sections: { ziele: 'Mehr Teilhabe' },
  partners: ['Gemeinde A'],
  budget: [
    { year: 2026, category: 'Personal', amountCents: 150_000_050 },
    { year: 2027, category: 'Personal', amountCents: 0 },
  ],
  budgetEmergency: false,
};

describe('the content draft', () => {
  it('shows cents as euros and converts them back exactly', () => {
    const draft = draftFromContent(content, 'de');
    expect(draft.budget.map((r) => r.amount)).toEqual(['1500000,50', '0']);
    expect(draft.partners.map((p) => p.name)).toEqual(['Gemeinde A']);
    const { content: back, problems } = toContent(draft, 'de', round);
    expect(problems).toEqual([]);
    expect(back).toEqual(content);
  });

  it('reads amounts as people type them in each language', () => {
    const draft: ContentDraft = { ...draftFromContent(content, 'de'), budget: [{ key: 'a', year: '2026', category: 'Personal', amount: '1.234.567,89' }] };
    expect(toContent(draft, 'de', round).content.budget[0]!.amountCents).toBe(123_456_789);
    const en: ContentDraft = { ...draft, budget: [{ key: 'a', year: '2026', category: 'Personal', amount: '1,234,567.89' }] };
    expect(toContent(en, 'en', round).content.budget[0]!.amountCents).toBe(123_456_789);
  });

  it('names the mistakes that stop a save, at their paths', () => {
    const draft: ContentDraft = {
      ...draftFromContent(content, 'de'),
      title: 'x'.repeat(201),
      sections: { ziele: 'y'.repeat(105) },
      budget: [
        { key: 'a', year: '2026', category: 'Personal', amount: '12,345' },
        { key: 'b', year: '2027', category: 'Personal', amount: '' },
      ],
    };
    const { content: out, problems } = toContent(draft, 'de', round);
    expect(problems).toEqual([
      { path: 'title', kind: 'tooLong', max: 200, over: 1 },
      { path: 'sections.ziele', kind: 'tooLong', max: 100, over: 5 },
      { path: 'budget.0.amountCents', kind: 'amount' },
    ]);
    // A row not yet filled in is saved as zero.
    expect(out.budget[1]!.amountCents).toBe(0);
  });

  it('leaves out empty sections, blank partners and sections the call does not have', () => {
    const draft: ContentDraft = {
      ...draftFromContent(content, 'de'),
      sections: { ziele: '', extra: 'Text', fremd: 'x' },
      partners: [
        { key: 'a', name: '  ' },
        { key: 'b', name: ' Stadt B ' },
      ],
    };
    const out = toContent(draft, 'de', round).content;
    expect(out.sections).toEqual({ extra: 'Text' });
    expect(out.partners).toEqual(['Stadt B']);
  });
});

describe('the budget plan', () => {
  it('offers the call year and the eight after it', () => {
    expect(budgetYears(2026)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034]);
  });

  it('starts a new row in the year after the last one, same category, never past the last year', () => {
    expect(newBudgetRow([], round)).toMatchObject({ year: '2026', category: 'Personal', amount: '' });
    expect(newBudgetRow([{ key: 'a', year: '2027', category: 'Investitionen', amount: '5' }], round)).toMatchObject({ year: '2028', category: 'Investitionen' });
    expect(newBudgetRow([{ key: 'a', year: '2034', category: 'Personal', amount: '5' }], round).year).toBe('2034');
  });

  it('sums per year and per category', () => {
    const totals = budgetTotals(
      linesOfDraft([
        { key: 'a', year: '2027', category: 'Personal', amount: '100' },
        { key: 'b', year: '2026', category: 'Personal', amount: '50,50' },
        { key: 'c', year: '2026', category: 'Investitionen', amount: '1.000' },
        { key: 'd', year: '2026', category: 'Investitionen', amount: 'kaputt' },
      ], 'de'),
    );
    expect(totals.byYear).toEqual([
      [2026, 105_050],
      [2027, 10_000],
    ]);
    expect(totals.byCategory).toEqual([
      ['Investitionen', 100_000],
      ['Personal', 15_050],
    ]);
    expect(totals.total).toBe(115_050);
  });
});

describe('what the page offers', () => {
  const open = { status: 'open' as const, opensAt: '2026-01-01T00:00:00Z', closesAt: '2026-04-30T21:59:00Z' };
  const during = Date.parse('2026-03-01T12:00:00Z');
  const after = Date.parse('2026-04-30T21:59:00Z');
  const applicant = ['application.read', 'application.edit', 'application.submit', 'application.withdraw'];

  it('lets members edit and submit a draft while the call is open', () => {
    expect(abilitiesOf({ status: 'draft', abilities: applicant }, open, during)).toEqual({ edit: true, submit: true, withdraw: false, reopen: false, check: false });
    expect(abilitiesOf({ status: 'submitted', abilities: applicant }, open, during)).toMatchObject({ edit: false, withdraw: true });
    expect(abilitiesOf({ status: 'withdrawn', abilities: applicant }, open, during)).toMatchObject({ edit: false, reopen: true });
  });

  it('closes everything at the deadline instant, and says why', () => {
    expect(abilitiesOf({ status: 'draft', abilities: applicant }, open, after)).toEqual({ edit: false, submit: false, withdraw: false, reopen: false, check: false });
    expect(readOnlyReason({ status: 'draft', abilities: applicant }, open, after)).toBe('closed');
    expect(readOnlyReason({ status: 'submitted', abilities: applicant }, open, during)).toBe('submitted');
    expect(readOnlyReason({ status: 'withdrawn', abilities: applicant }, open, during)).toBe('withdrawn');
    expect(readOnlyReason({ status: 'draft', abilities: applicant }, open, during)).toBeNull();
  });

  it('offers the formal check to the office for submitted applications only', () => {
    const staff = [...applicant, 'application.check'];
    expect(abilitiesOf({ status: 'submitted', abilities: staff }, { ...open, status: 'closed' }, after).check).toBe(true);
    expect(abilitiesOf({ status: 'draft', abilities: staff }, open, during).check).toBe(false);
  });
});

describe('problem messages', () => {
  const t = (key: string, options?: Record<string, unknown>) => `${key}${options ? ` ${JSON.stringify(options)}` : ''}`;
  const ctx = { round, content, requestedCents: 2_000_000, formatMoney: (c: number) => `${c / 100} €`, now: Date.parse('2026-03-01T00:00:00Z') };

  it('maps the server schema paths and rule paths onto one field name', () => {
    expect(fieldPath('content.budget.0.amountCents')).toBe('budget.0.amountCents');
    expect(fieldPath('sections.ziele')).toBe('sections.ziele');
  });

  it('says each rule in the UI language, worked out from the path', () => {
    const out = problemMessages(
      [
        { path: 'title', message: 'Give the project a title.' },
        { path: 'sections.extra', message: '"Weiteres" is required.' },
        { path: 'budget', message: 'The requested funding is above the call limit.' },
        { path: 'budget.1', message: 'Personal 2027 appears twice.' },
        { path: 'round', message: 'The call is not open.' },
        { path: 'something.else', message: 'Original words.' },
      ],
      t,
      ctx,
    );
    expect(out.map((p) => p.message)).toEqual([
      'eligibility.titleMissing',
      'eligibility.sectionRequired {"title":"Weiteres"}',
      'eligibility.aboveMax {"max":"10000 €"}',
      'eligibility.duplicateRow {"category":"Personal","year":2027}',
      'eligibility.callNotOpen',
      'Original words.',
    ]);
  });

  it('tells the several budget rules apart', () => {
    const empty = { ...ctx, content: { ...content, budget: [] }, requestedCents: 0 };
    expect(problemMessages([{ path: 'budget', message: 'Add the budget plan.' }], t, empty)[0]!.message).toBe('eligibility.budgetEmpty');
    const both = problemMessages(
      [
        { path: 'budget', message: 'above limit' },
        { path: 'budget', message: 'above envelope' },
      ],
      t,
      ctx,
    );
    expect(both.map((p) => p.message)).toEqual(['eligibility.aboveMax {"max":"10000 €"}', 'eligibility.aboveEnvelope']);
  });
});
