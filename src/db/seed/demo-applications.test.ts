import { describe, expect, it } from 'vitest';
import { applyRate } from '../../lib/money';
import { eligibilityProblems, financials, type RoundRules } from '../../modules/applications/applications.rules';
import { regionProblems } from '../../modules/organisations/organisations.rules';
import { roundInput } from '../../modules/programmes/programmes.schemas';
import { demoRegions } from './demo-regions.data';
import { demoRounds } from './demo-programme';
import {
  CALL_CLOSES,
  STRATEGY_YEARS,
  contentOf,
  demoApplicants2020,
  eligibleCostsFor,
  funded2020,
  notFunded2020,
  rateOf,
  seededRandom,
  sortNameOf,
  timelineOf,
} from './demo-applications.data';

// Typed out from the press release of 8 Sept 2020 (../shared/seed/), independently of the data.
const pressReleaseSingles = [
  'Bamberg', 'Berlin', 'Darmstadt', 'Freiburg i. Breisgau', 'Gelsenkirchen', 'Gemeinde Barleben', 'Gemeinde Eichenzell', 'Gütersloh', 'Hagenow',
  'Iserlohn', 'Jena', 'Kassel', 'Kirchheim b. München', 'Köln', 'Lohmar', 'Lübeck', 'Mannheim', 'Mönchengladbach', 'Paderborn', 'Rostock',
];
const pressReleaseCooperationsAndDistricts = [
  'Aalen und Heidenheim',
  'Bad Belzig und Gemeinde Wiesenburg/Mark',
  'Dortmund und Schwerte',
  'Eifelkreis Bitburg-Prüm',
  'Gemeinde Fuchstal mit den Gemeinden Apfeldorn und Unterdießen',
  'Hamburg mit Leipzig und München',
  'Landkreis Hof',
  'Kiel mit Kommunen aus den Kreisen Rendsburg-Eckernförde und Plön',
  'Landkreis Mayen-Koblenz',
  'Landkreis St. Wendel',
  'Lemgo und Gemeinde Kalletal',
  'Osnabrück mit den Gemeinden Hagen am Teutoburger Wald, Bissendorf sowie Samtgemeinden Fürstenau, Artland und Neuenkirchen',
];
const districts2020 = ['Eifelkreis Bitburg-Prüm', 'Landkreis Hof', 'Landkreis Mayen-Koblenz', 'Landkreis St. Wendel'];

/** The 2019 projects' regions (DOMAIN.md), by AGS or Kreis key: none of them applies in 2020. */
const funded2019 = [
  '05122000', '08421000', '03103000', '12052000', '16052000', '07312000', '13074026', '09674147', '01059083', '14521710', '05958004', '05970004',
  '05962040', '05966024', '05974040', '14729070', '14729060', '14729190', '14729300', '14729340', '09479',
];

const byArs = new Map(demoRegions.map((r) => [r.ars, r]));
const round2020 = roundInput.parse(demoRounds.find((r) => r.slug === '2020')!);
const openRound: RoundRules = {
  status: 'open',
  opensAt: new Date(round2020.opensAt),
  closesAt: new Date(round2020.closesAt),
  year: round2020.year,
  eligibleKinds: round2020.eligibleKinds,
  formSections: round2020.formSections,
  costCategories: round2020.costCategories,
  maxRequestCents: round2020.maxRequestCents,
  envelopeCents: round2020.envelopeCents,
};
const euro = (amount: number) => amount * 100;

describe('demo applications 2020: who applied', () => {
  it('has 86 applicants, 32 of them funded', () => {
    expect(demoApplicants2020).toHaveLength(86);
    expect(funded2020).toHaveLength(32);
    expect(notFunded2020).toHaveLength(54);
    expect(funded2020.every((a) => a.funded)).toBe(true);
    expect(notFunded2020.some((a) => a.funded)).toBe(false);
  });

  it('names the 32 funded exactly as the press release: 20 municipalities, then 12 cooperations and districts', () => {
    expect(funded2020.slice(0, 20).map((a) => a.displayName)).toEqual(pressReleaseSingles);
    expect(funded2020.slice(20).map((a) => a.displayName)).toEqual(pressReleaseCooperationsAndDistricts);
    expect(funded2020.slice(0, 20).every((a) => a.kind === 'municipality')).toBe(true);
    for (const a of funded2020.slice(20)) expect(a.kind, a.displayName).toBe(districts2020.includes(a.displayName) ? 'district' : 'cooperation');
  });

  it('links the real regions behind the names (Apfeldorn is printed, Apfeldorf is meant)', () => {
    const regionsOf = (name: string) => {
      const a = demoApplicants2020.find((x) => x.displayName === name)!;
      return [a.lead, ...a.partners].map((ars) => byArs.get(ars)!.name);
    };
    expect(regionsOf('Gemeinde Fuchstal mit den Gemeinden Apfeldorn und Unterdießen')).toEqual(['Fuchstal', 'Apfeldorf', 'Unterdießen']);
    expect(regionsOf('Kiel mit Kommunen aus den Kreisen Rendsburg-Eckernförde und Plön')).toEqual(['Kiel', 'Kreis Rendsburg-Eckernförde', 'Kreis Plön']);
    expect(regionsOf('Hamburg mit Leipzig und München')).toEqual(['Hamburg', 'Leipzig', 'München']);
    expect(regionsOf('Osnabrück mit den Gemeinden Hagen am Teutoburger Wald, Bissendorf sowie Samtgemeinden Fürstenau, Artland und Neuenkirchen')).toEqual([
      'Osnabrück', 'Hagen am Teutoburger Wald', 'Bissendorf', 'Samtgemeinde Fürstenau', 'Samtgemeinde Artland', 'Samtgemeinde Neuenkirchen',
    ]);
    expect(regionsOf('Berlin')).toEqual(['Berlin']);
    expect(regionsOf('Landkreis Hof')).toEqual(['Landkreis Hof']);
  });

  it('uses region keys of the demo register that fit the kind of applicant', () => {
    for (const a of demoApplicants2020) {
      const lead = byArs.get(a.lead);
      expect(lead, `${a.displayName}: ${a.lead}`).toBeDefined();
      const partners = a.partners.map((ars) => byArs.get(ars));
      partners.forEach((p, i) => expect(p, `${a.displayName}: ${a.partners[i]}`).toBeDefined());
      expect(regionProblems(a.kind, lead!, partners.map((p) => p!)), a.displayName).toEqual([]);
    }
  });

  it('registers no organisation twice and no region in two applications', () => {
    expect(new Set(demoApplicants2020.map((a) => a.displayName)).size).toBe(86);
    const regions = demoApplicants2020.flatMap((a) => [a.lead, ...a.partners]);
    expect(regions.length - new Set(regions).size).toBe(0);
  });

  it('lets none of the 2019 projects apply again', () => {
    const keys = new Set(demoApplicants2020.flatMap((a) => [a.lead, ...a.partners]).map((ars) => byArs.get(ars)!.ags));
    expect(funded2019.filter((k) => keys.has(k))).toEqual([]);
  });

  it('mixes the others: about 60 % municipalities, some districts and cooperations, from many Länder', () => {
    const count = (kind: string) => notFunded2020.filter((a) => a.kind === kind).length;
    expect(count('municipality') / 54).toBeGreaterThan(0.55);
    expect(count('municipality') / 54).toBeLessThan(0.65);
    expect(count('district')).toBeGreaterThanOrEqual(5);
    expect(count('cooperation')).toBeGreaterThanOrEqual(5);
    expect(new Set(notFunded2020.map((a) => a.lead.slice(0, 2))).size).toBeGreaterThanOrEqual(13);
  });

  it('derives sort names by one rule', () => {
    const sortName = (name: string) => {
      const a = demoApplicants2020.find((x) => x.displayName === name)!;
      return sortNameOf(a.displayName, a.kind);
    };
    expect(sortName('Gemeinde Barleben')).toBe('Barleben');
    expect(sortName('Freiburg i. Breisgau')).toBe('Freiburg');
    expect(sortName('Kirchheim b. München')).toBe('Kirchheim');
    expect(sortName('Landkreis Hof')).toBe('Hof');
    expect(sortName('Eifelkreis Bitburg-Prüm')).toBe('Bitburg-Prüm');
    expect(sortName('Landkreis St. Wendel')).toBe('St. Wendel');
    expect(sortName('Hamburg mit Leipzig und München')).toBe('Hamburg');
    expect(sortName('Gemeinde Fuchstal mit den Gemeinden Apfeldorn und Unterdießen')).toBe('Fuchstal');
    expect(sortName('Bad Belzig und Gemeinde Wiesenburg/Mark')).toBe('Bad Belzig');
    expect(sortName('Frankfurt am Main')).toBe('Frankfurt am Main');
    expect(sortName('Frankfurt (Oder)')).toBe('Frankfurt (Oder)');
  });
});

describe('demo applications 2020: money', () => {
  it('finds the smallest eligible costs whose funding, rounded down, is exactly the target', () => {
    const rng = seededRandom(2020);
    const targets = [0, 1, 2, 3, 64, 65, 99, 100, euro(17_500_000), euro(6_296_940), euro(15_750_000), euro(32_000_000)];
    for (let i = 0; i < 2000; i++) targets.push(Math.floor(rng() * euro(40_000_000)));
    for (const rate of [6500, 9000, 8250, 10_000, 1]) {
      for (const target of targets) {
        const eligible = eligibleCostsFor(target, rate);
        expect(applyRate(eligible, rate)).toBe(target);
        if (eligible > 0) expect(applyRate(eligible - 1, rate)).toBeLessThan(target);
      }
    }
    expect(eligibleCostsFor(euro(17_500_000), 6500)).toBe(2_692_307_693);
    expect(() => eligibleCostsFor(-1, 6500)).toThrow(RangeError);
    expect(() => eligibleCostsFor(100, 0)).toThrow(RangeError);
  });

  it('requests the known amounts exactly, and over 350 M EUR for the 32', () => {
    const requested = (name: string) => {
      const a = demoApplicants2020.find((x) => x.displayName === name)!;
      return financials(contentOf(a).budget, rateOf(a)).requestedCents;
    };
    expect(requested('Berlin')).toBe(euro(17_500_000));
    expect(requested('Gemeinde Fuchstal mit den Gemeinden Apfeldorn und Unterdießen')).toBe(euro(6_296_940));
    expect(requested('Kiel mit Kommunen aus den Kreisen Rendsburg-Eckernförde und Plön')).toBe(euro(15_750_000));
    expect(requested('Hamburg mit Leipzig und München')).toBe(euro(32_000_000));
    const total = funded2020.reduce((sum, a) => sum + financials(contentOf(a).budget, rateOf(a)).requestedCents, 0);
    expect(total).toBeGreaterThan(euro(350_000_000));
    expect(total).toBeLessThan(euro(385_000_000)); // the round's envelope
  });

  it('keeps the others between 2 and 17.5 M EUR and the raised rate rare', () => {
    for (const a of notFunded2020) {
      expect(a.requestedEuros, a.displayName).toBeGreaterThanOrEqual(2_000_000);
      expect(a.requestedEuros, a.displayName).toBeLessThanOrEqual(17_500_000);
    }
    const raised = demoApplicants2020.filter((a) => rateOf(a) === 9000);
    expect(raised.length).toBeGreaterThan(0);
    expect(raised.length).toBeLessThanOrEqual(3);
    expect(raised.every((a) => a.kind === 'municipality')).toBe(true);
  });

  it.each(demoApplicants2020.map((a) => [a.displayName, a] as const))('%s: budget plan by year and category, strategy before implementation', (_name, a) => {
    const content = contentOf(a);
    const money = financials(content.budget, rateOf(a));
    expect(money.requestedCents).toBe(euro(a.requestedEuros));
    const strategy = content.budget.filter((l) => (STRATEGY_YEARS as readonly number[]).includes(l.year)).reduce((s, l) => s + l.amountCents, 0);
    expect(strategy).toBeGreaterThan(0);
    expect(strategy).toBeLessThan(money.eligibleCostsCents - strategy);
    expect(applyRate(strategy, rateOf(a))).toBeLessThanOrEqual(euro(2_500_000)); // phase A cap
    expect(new Set(content.budget.map((l) => l.year))).toEqual(new Set([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]));
    expect(new Set(content.budget.map((l) => l.category))).toEqual(new Set(round2020.costCategories));
    expect(content.budget.every((l) => Number.isSafeInteger(l.amountCents) && l.amountCents > 0)).toBe(true);
  });
});

describe('demo applications 2020: content and times', () => {
  it.each(demoApplicants2020.map((a) => [a.displayName, a] as const))('%s could be submitted to the open call', (_name, a) => {
    const content = contentOf(a);
    const { submittedAt } = timelineOf(a);
    const problems = eligibilityProblems({ content, organisationKind: a.kind, requestedCents: euro(a.requestedEuros) }, openRound, submittedAt);
    expect(problems).toEqual([]);
    expect(Object.keys(content.sections).sort()).toEqual(round2020.formSections.map((s) => s.key).sort());
    expect(content.summary.length).toBeGreaterThanOrEqual(50);
    expect(content.acronym.length).toBeLessThanOrEqual(30);
    expect(content.partners).toHaveLength(a.partners.length);
  });

  it('submits between 1 and 20 April 2020 (Berlin), after starting the draft, before the deadline', () => {
    const april1 = new Date('2020-04-01T00:00:00+02:00').getTime();
    for (const a of demoApplicants2020) {
      const t = timelineOf(a);
      expect(t.submittedAt.getTime()).toBeGreaterThanOrEqual(april1);
      expect(t.submittedAt.getTime()).toBeLessThan(CALL_CLOSES.getTime());
      expect(t.registeredAt.getTime()).toBeLessThan(t.startedAt.getTime());
      expect(t.startedAt.getTime()).toBeGreaterThanOrEqual(openRound.opensAt.getTime());
      expect(t.startedAt.getTime()).toBeLessThan(t.savedAt.getTime());
      expect(t.savedAt.getTime()).toBeLessThan(t.submittedAt.getTime());
    }
    expect(CALL_CLOSES.toISOString()).toBe(openRound.closesAt.toISOString());
  });

  it('is deterministic', () => {
    const a = demoApplicants2020[40]!;
    expect(contentOf(a)).toEqual(contentOf(a));
    expect(timelineOf(a)).toEqual(timelineOf(a));
  });
});
