import { describe, expect, it } from 'vitest';
import type { Round } from '../../api/types';
import { draftFromRound, emptyCriterion, emptyDraft, sectionKeyFrom, toRoundInput, toRoundUpdate, weightTotal } from './round-form-model';

const round: Round = {
  id: '00000000-0000-4000-8000-000000000001',
  programmeId: '00000000-0000-4000-8000-000000000002',
  programmeSlug: 'mps',
  slug: '2020',
  name: 'Staffel 2020',
  year: 2020,
  motto: 'Gemeinwohl',
  callText: 'Text',
  opensAt: '2020-01-31T23:00:00.000Z',
  closesAt: '2020-04-20T21:59:59.000Z',
  envelopeCents: 38_500_000_000,
  eligibleKinds: ['municipality', 'cooperation'],
  reviewersPerApplication: 2,
  jurySize: 11,
  status: 'draft',
  nextStatuses: ['open'],
  criteria: [{ id: '00000000-0000-4000-8000-000000000003', position: 0, groupName: 'G', name: 'N', description: '', weight: 100, scaleMin: 0, scaleMax: 5 }],
  formSections: [{ key: 'ziele', title: 'Ziele', description: '', maxLength: 5000, required: true }],
  costCategories: ['Personal', 'Investitionen'],
  maxRequestCents: 1_750_000_000,
  version: 3,
  abilities: [],
};

describe('round form model', () => {
  it('adds up weights, counting blanks as zero', () => {
    expect(weightTotal([{ ...emptyCriterion('60') }, { ...emptyCriterion('30') }, { ...emptyCriterion('') }])).toBe(90);
  });

  it('turns a typed draft into API input with Berlin offsets and cents', () => {
    const d = { ...emptyDraft(new Date('2025-05-01')), slug: 'x', name: 'Runde', opensAt: '2026-02-01T00:00', closesAt: '2026-04-20T23:59', envelope: '300.000.000' };
    const { input, problems } = toRoundInput(d, 'de');
    expect(problems).toEqual([]);
    expect(input).toMatchObject({ year: 2026, opensAt: '2026-02-01T00:00:00+01:00', closesAt: '2026-04-20T23:59:00+02:00', envelopeCents: 30_000_000_000 });
    expect(input.criteria?.[0]).toMatchObject({ weight: 100, scaleMin: 0, scaleMax: 5 });
  });

  it('names the fields it cannot read', () => {
    const d = { ...emptyDraft(), envelope: 'viel', opensAt: '', jurySize: 'elf' };
    d.criteria[0]!.weight = 'x';
    const paths = toRoundInput(d, 'de').problems.map((p) => p.path);
    expect(paths).toEqual(['envelopeCents', 'opensAt', 'closesAt', 'jurySize', 'criteria.0.weight']);
  });

  it('round-trips an existing round', () => {
    const d = draftFromRound(round, 'de');
    expect(d.opensAt).toBe('2020-02-01T00:00');
    expect(d.envelope).toBe('385000000');
    const { update } = toRoundUpdate(d, round, 'de');
    expect(update).toMatchObject({ version: 3, opensAt: '2020-02-01T00:00:00+01:00', closesAt: '2020-04-20T23:59:59+02:00', envelopeCents: 38_500_000_000 });
    expect(update).not.toHaveProperty('slug');
  });

  it('carries the application form, cost categories and the cap per application', () => {
    const d = draftFromRound(round, 'de');
    expect(d.costCategories).toBe('Personal\nInvestitionen');
    expect(d.maxRequest).toBe('17500000');
    const { input } = toRoundInput({ ...d, costCategories: ' Personal \n\nSachmittel\n', maxRequest: '' }, 'de');
    expect(input.costCategories).toEqual(['Personal', 'Sachmittel']);
    expect(input.maxRequestCents).toBeNull();
    expect(input.formSections).toEqual([{ key: 'ziele', title: 'Ziele', description: '', maxLength: 5000, required: true }]);
  });

  it('derives section keys the API accepts from German titles', () => {
    expect(sectionKeyFrom('Übertragbarkeit und Open Source')).toBe('uebertragbarkeit_und_open_source');
    expect(sectionKeyFrom('Maßnahmen & Zeitplan')).toBe('massnahmen_zeitplan');
    expect(sectionKeyFrom('1. Ausgangslage')).toBe('ausgangslage');
    expect(sectionKeyFrom('Café')).toBe('cafe');
    expect(sectionKeyFrom('x'.repeat(60))).toHaveLength(40);
  });

  it('sends only texts once the round is no draft', () => {
    const d = draftFromRound(round, 'de');
    const { update } = toRoundUpdate(d, { ...round, status: 'open' }, 'de');
    expect(Object.keys(update).sort()).toEqual(['callText', 'motto', 'name', 'version']);
  });
});
