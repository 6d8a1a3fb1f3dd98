import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveConflicts,
  disagreement,
  needsThirdReview,
  scoreProblems,
  weightedScore,
  type ApplicationParties,
  type Criterion,
  type Person,
} from './review.rules';

// Keys from the demo register: the Osnabrück cooperation of the 2020 round.
const osnabrueck = { ars: '034040000000', ags: '03404000' }; // kreisfreie Stadt, Kreis 03404
const bissendorf = { ars: '034590012012', ags: '03459012' }; // Landkreis Osnabrück, 03459
const hagen = { ars: '034590020020', ags: '03459020' };
const melle = { ars: '034590024024', ags: '03459024' };
const artland = { ars: '034595401', ags: '034595401' }; // Samtgemeinde (Gemeindeverband)
const quakenbrueck = { ars: '034595401030', ags: '03459030' }; // in Samtgemeinde Artland
const landkreisOsnabrueck = { ars: '03459', ags: '03459' };
const oldenburg = { ars: '034030000000', ags: '03403000' };
const bamberg = { ars: '094610000000', ags: '09461000' };

const cooperation: ApplicationParties = {
  applicationId: 'app-osnabrueck',
  organisationId: 'org-osnabrueck',
  regions: [
    { ...osnabrueck, role: 'lead' },
    { ...bissendorf, role: 'partner' },
    { ...hagen, role: 'partner' },
    { ...artland, role: 'partner' },
  ],
  partnerOrganisationIds: ['org-bissendorf'],
};

const nobody: Person = { homeRegion: null, employer: null, declared: [] };
const rules = (person: Partial<Person>, application = cooperation) =>
  deriveConflicts({ ...nobody, ...person }, application).map((c) => `${c.reason}/${c.rule}/${c.params.region ?? c.params.organisationId ?? c.params.applicationId}`);

describe('conflicts of interest by home region', () => {
  it('finds a person living in the lead municipality', () => {
    const [conflict] = deriveConflicts({ ...nobody, homeRegion: osnabrueck }, cooperation);
    expect(conflict).toEqual({
      reason: 'home-region',
      rule: 'same-municipality',
      params: { region: '034040000000', role: 'lead' },
      detail: 'Wohnort in derselben Gemeinde wie die federführende Region (034040000000).',
    });
  });

  it('finds every partner region in the same Kreis', () => {
    // Melle is not a party, but lies in the Landkreis Osnabrück with all the partners.
    expect(rules({ homeRegion: melle })).toEqual([
      'home-region/same-district/034590012012',
      'home-region/same-district/034590020020',
      'home-region/same-district/034595401',
    ]);
    expect(deriveConflicts({ ...nobody, homeRegion: melle }, cooperation)[0]?.detail).toBe(
      'Wohnort im selben Kreis (03459) wie die Partnerregion (034590012012).',
    );
  });

  it('finds a person living inside a partner Gemeindeverband or a partner Kreis', () => {
    expect(rules({ homeRegion: quakenbrueck })).toContain('home-region/home-in-region/034595401');
    const district: ApplicationParties = { ...cooperation, regions: [{ ...oldenburg, role: 'lead' }, { ...landkreisOsnabrueck, role: 'partner' }] };
    expect(rules({ homeRegion: melle }, district)).toEqual(['home-region/home-in-region/03459']);
  });

  it('compares an AGS-only home with the ARS of a region', () => {
    expect(rules({ homeRegion: { ars: '', ags: '03404000' } })).toEqual(['home-region/same-municipality/034040000000']);
    expect(rules({ homeRegion: { ars: '', ags: '03459024' } })).toHaveLength(3);
  });

  it('does not count a neighbouring Kreis or a whole Land', () => {
    expect(rules({ homeRegion: oldenburg })).toEqual([]);
    const landWide: ApplicationParties = { ...cooperation, regions: [{ ars: '03', ags: '03', role: 'partner' }] };
    expect(rules({ homeRegion: melle }, landWide)).toEqual([]);
  });
});

describe('conflicts of interest by employer', () => {
  it('finds the applicant and a partner organisation as employer', () => {
    expect(rules({ employer: { organisationId: 'org-osnabrueck' } })).toEqual(['employer/employer-applicant/org-osnabrueck']);
    expect(rules({ employer: { organisationId: 'org-bissendorf' } })).toEqual(['employer/employer-partner/org-bissendorf']);
    expect(rules({ employer: { organisationId: 'org-elsewhere' } })).toEqual([]);
  });

  it('finds a municipal employer that is, contains or lies in a region of the application', () => {
    expect(rules({ employer: { regionArs: '034040000000' } })).toEqual(['employer/employer-region/034040000000']);
    // The district administration above the partner municipalities:
    expect(rules({ employer: { regionArs: '03459' } })).toEqual([
      'employer/employer-region/034590012012',
      'employer/employer-region/034590020020',
      'employer/employer-region/034595401',
    ]);
    // A municipality inside an applying Samtgemeinde:
    const [inside] = deriveConflicts({ ...nobody, employer: { regionArs: quakenbrueck.ars } }, cooperation);
    expect(inside?.detail).toBe('Arbeitgeber (034595401030) liegt in der Partnerregion (034595401).');
    const [above] = deriveConflicts({ ...nobody, employer: { regionArs: '03459' } }, cooperation);
    expect(above?.detail).toBe('Arbeitgeber (03459) umfasst die Partnerregion (034590012012).');
  });

  it('does not count a neighbouring municipality or the Land as employer', () => {
    expect(rules({ employer: { regionArs: melle.ars } })).toEqual([]);
    expect(rules({ employer: { regionArs: '03' } })).toEqual([]);
  });
});

describe('declared conflicts', () => {
  it('applies a declaration for the application or for one of its organisations, with its reason', () => {
    const person: Partial<Person> = {
      declared: [
        { applicationId: 'app-osnabrueck', reason: 'Gutachten für die Vorstudie' },
        { organisationId: 'org-bissendorf', reason: ' Ehepartnerin im Gemeinderat ' },
        { organisationId: 'org-elsewhere', reason: 'anderes' },
        { applicationId: 'app-elsewhere', reason: 'anderes' },
      ],
    };
    const conflicts = deriveConflicts({ ...nobody, ...person }, cooperation);
    expect(conflicts.map((c) => [c.rule, c.detail])).toEqual([
      ['declared-application', 'Selbst angezeigter Interessenkonflikt mit diesem Antrag: Gutachten für die Vorstudie'],
      ['declared-organisation', 'Selbst angezeigter Interessenkonflikt mit einer beteiligten Organisation: Ehepartnerin im Gemeinderat'],
    ]);
    expect(rules({ declared: [{ organisationId: 'org-osnabrueck', reason: '' }] })).toEqual(['declared/declared-organisation/org-osnabrueck']);
  });
});

describe('no conflict', () => {
  it('finds none for a reviewer from elsewhere with an unrelated employer', () => {
    const person: Person = {
      homeRegion: bamberg,
      employer: { organisationId: 'org-tu', regionArs: bamberg.ars },
      declared: [{ applicationId: 'app-other', reason: 'früheres Projekt' }],
    };
    expect(deriveConflicts(person, cooperation)).toEqual([]);
  });

  it('ignores malformed keys instead of matching on them', () => {
    expect(rules({ homeRegion: { ars: 'abc', ags: '' }, employer: { regionArs: '' } })).toEqual([]);
  });
});

describe('conflicts are monotone', () => {
  const keys = [osnabrueck, bissendorf, hagen, melle, artland, quakenbrueck, landkreisOsnabrueck, oldenburg, bamberg, { ars: '03', ags: '03' }];
  const key = fc.constantFrom(...keys);
  const region = fc.record({ key, role: fc.constantFrom('lead' as const, 'partner' as const) }).map(({ key: k, role }) => ({ ...k, role }));
  const orgId = fc.constantFrom('o1', 'o2', 'o3', 'o4');
  const person = fc.record({
    homeRegion: fc.option(key, { nil: null }),
    employer: fc.option(fc.record({ organisationId: orgId, regionArs: key.map((k) => k.ars) }, { requiredKeys: [] }), { nil: null }),
    declared: fc.array(fc.record({ applicationId: fc.constantFrom('a1', 'a2'), organisationId: orgId, reason: fc.string() }, { requiredKeys: ['reason'] }), { maxLength: 3 }),
  });
  const application = fc.record({
    applicationId: fc.constantFrom('a1', 'a2'),
    organisationId: orgId,
    regions: fc.array(region, { maxLength: 4 }),
    partnerOrganisationIds: fc.array(orgId, { maxLength: 2 }),
  });

  it('never loses a conflict when regions or partners are added', () => {
    fc.assert(
      fc.property(person, application, fc.array(region, { maxLength: 3 }), fc.array(orgId, { maxLength: 2 }), (p, app, moreRegions, morePartners) => {
        const before = deriveConflicts(p, app).map((c) => JSON.stringify(c));
        const grown = { ...app, regions: [...app.regions, ...moreRegions], partnerOrganisationIds: [...app.partnerOrganisationIds, ...morePartners] };
        const after = new Set(deriveConflicts(p, grown).map((c) => JSON.stringify(c)));
        for (const conflict of before) expect(after).toContain(conflict);
      }),
    );
  });
});

describe('weighted scores', () => {
  const criteria: Criterion[] = [
    { id: 'gemeinwohl', weight: 60, scaleMin: 0, scaleMax: 5 },
    { id: 'transfer', weight: 40, scaleMin: 1, scaleMax: 10 },
  ];

  it('places each score on its scale and weighs it', () => {
    expect(weightedScore(criteria, { gemeinwohl: 5, transfer: 10 })).toBe(100);
    expect(weightedScore(criteria, { gemeinwohl: 0, transfer: 1 })).toBe(0);
    expect(weightedScore(criteria, { gemeinwohl: 5, transfer: 1 })).toBe(60);
    expect(weightedScore(criteria, { gemeinwohl: 0, transfer: 10 })).toBe(40);
    expect(weightedScore(criteria, { gemeinwohl: 3, transfer: 4 })).toBeCloseTo(60 * 0.6 + 40 * (3 / 9), 12);
  });

  it('stays within 0 … 100 and rises with every criterion', () => {
    const scores = fc.record({ gemeinwohl: fc.integer({ min: 0, max: 5 }), transfer: fc.integer({ min: 1, max: 10 }) });
    fc.assert(
      fc.property(scores, (s) => {
        const total = weightedScore(criteria, s);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
        if (s.gemeinwohl < 5) expect(weightedScore(criteria, { ...s, gemeinwohl: s.gemeinwohl + 1 })).toBeGreaterThan(total);
      }),
    );
  });

  it('names every problem by path', () => {
    expect(scoreProblems(criteria, { gemeinwohl: 5, transfer: 10 })).toEqual([]);
    expect(scoreProblems(criteria, {})).toEqual([
      { path: 'scores.gemeinwohl', message: 'Give a score for this criterion.' },
      { path: 'scores.transfer', message: 'Give a score for this criterion.' },
    ]);
    const paths = (scores: Record<string, unknown>) => scoreProblems(criteria, scores).map((p) => `${p.path}: ${p.message}`);
    expect(paths({ gemeinwohl: 6, transfer: 0 })).toEqual([
      'scores.gemeinwohl: The score must lie between 0 and 5.',
      'scores.transfer: The score must lie between 1 and 10.',
    ]);
    expect(paths({ gemeinwohl: 2.5, transfer: Number.NaN })).toEqual([
      'scores.gemeinwohl: The score must be a whole number.',
      'scores.transfer: The score must be a number.',
    ]);
    expect(paths({ gemeinwohl: '3', transfer: 3, innovation: 2 })).toEqual([
      'scores.gemeinwohl: The score must be a number.',
      'scores.innovation: The round has no such criterion.',
    ]);
  });

  it('refuses to compute a score from invalid input', () => {
    expect(() => weightedScore(criteria, { gemeinwohl: 5 })).toThrow(/scores\.transfer/);
    expect(() => weightedScore([], {})).toThrow(RangeError);
  });
});

describe('disagreement and third reviews', () => {
  it('is the absolute difference, either way round', () => {
    expect(disagreement(72.5, 50)).toBe(22.5);
    expect(disagreement(50, 72.5)).toBe(22.5);
  });

  it('asks for a third review only when two reviews differ by more than the threshold', () => {
    expect(needsThirdReview([{ score: 80 }, { score: 55 }], 20)).toBe(true);
    expect(needsThirdReview([{ score: 80 }, { score: 60 }], 20)).toBe(false);
    expect(needsThirdReview([{ score: 80 }], 20)).toBe(false);
    expect(needsThirdReview([{ score: 90 }, { score: 10 }, { score: 50 }], 20)).toBe(false);
  });
});
