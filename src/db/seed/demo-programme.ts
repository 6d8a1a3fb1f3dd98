import type { z } from 'zod';
import type { roundInput } from '../../modules/programmes/programmes.schemas';
import { euros } from '../../lib/money';

/** Facts from the programme's public record (DOMAIN.md, press release of 8 Sept 2020). */
export const demoProgramme = {
  slug: 'mps',
  name: 'Modellprojekte Smart Cities',
  description:
    'Förderprogramm des Bundes für Modellprojekte Smart Cities: Kommunen entwickeln sektorenübergreifende digitale Strategien für eine integrierte, nachhaltige Stadtentwicklung und erproben sie. Geförderte Software wird als Open Source veröffentlicht.',
  defaultRateBp: 6500,
  raisedRateBp: 9000,
};

export const demoBudgetHistory = [
  { effectiveOn: '2019-01-01', amountCents: euros(320_000_000), reason: 'Programmbudget zum Start des Programms' },
  {
    effectiveOn: '2020-06-03',
    amountCents: euros(500_000_000),
    reason: 'Aufstockung um 500 Mio. Euro durch das Konjunktur- und Zukunftspaket vom Juni 2020',
  },
];

/**
 * The 2020 call's twelve criteria, grouped as the call grouped them. The named ones come from the
 * call; the exact wording of the others and the weights are the demo's reconstruction.
 */
const criteria2020: z.input<typeof roundInput>['criteria'] = [
  ['Gemeinwohl', 'Nachhaltigkeit und integrierte Stadtentwicklung', 9],
  ['Gemeinwohl', 'Passung zu lokalen Zielen und Ausgangslage', 9],
  ['Gemeinwohl', 'Systematischer Blick in die Zukunft', 8],
  ['Gemeinwohl', 'Digitalisierung räumlich gestalten', 8],
  ['Netzwerkstadt', 'Einbindung lokaler Akteure und Ressourcen', 9],
  ['Netzwerkstadt', 'Evidenzbasierte, partizipative Strategie', 9],
  ['Netzwerkstadt', 'Verankerung in Verwaltung und Politik', 8],
  ['Netzwerkstadt', 'Datensouveränität und Gemeinwohlorientierung der Daten', 8],
  ['Stadtnetzwerk', 'Modellhaftigkeit', 8],
  ['Stadtnetzwerk', 'Übertragbarkeit und Wissenstransfer', 8],
  ['Stadtnetzwerk', 'Open Source und offene Standards', 8],
  ['Stadtnetzwerk', 'Ressourcenbedarf und Wirtschaftlichkeit', 8],
].map(([groupName, name, weight]) => ({
  groupName: groupName as string,
  name: name as string,
  description: '',
  weight: weight as number,
  scaleMin: 0,
  scaleMax: 5,
}));

/**
 * The status the seed walks a round to when it creates it. Round 2020 stops at review: the review
 * and jury seeds take it the rest of the way, so its audit chain tells the real order.
 */
type DemoRound = z.input<typeof roundInput> & { finalStatus: 'published' | 'review' | 'open' };

/** The form the demo calls ask for; the real calls' forms had these topics. */
const formSections = [
  { key: 'ausgangslage', title: 'Ausgangslage und Ziele', description: 'Ausgangslage der Kommune, Ziele der Smart-City-Strategie.', maxLength: 10_000, required: true },
  { key: 'massnahmen', title: 'Strategie und Maßnahmen', description: 'Vorgehen in Phase A (Strategie) und Phase B (Umsetzung).', maxLength: 15_000, required: true },
  { key: 'beteiligung', title: 'Beteiligung und Akteure', description: 'Wie Bürgerschaft, Wirtschaft, Wissenschaft und Verwaltung mitwirken.', maxLength: 8_000, required: true },
  { key: 'transfer', title: 'Übertragbarkeit und Open Source', description: 'Was andere Kommunen nachnutzen können; Veröffentlichung als Open Source.', maxLength: 8_000, required: true },
  { key: 'organisation', title: 'Organisation und Ressourcen', description: 'Projektorganisation, Personal, Zeitplan.', maxLength: 8_000, required: false },
];

const costCategories = ['Personal', 'Sach- und Dienstleistungen', 'Investitionen', 'Beteiligung und Öffentlichkeitsarbeit'];

/** Call periods: the deadlines are public; opening days are the demo's assumption. */
export const demoRounds: DemoRound[] = [
  {
    slug: '2019',
    name: 'Staffel 2019',
    year: 2019,
    motto: '',
    callText: 'Erste Staffel der Modellprojekte Smart Cities. 13 Projekte aus 97 Bewerbungen ausgewählt.',
    opensAt: '2019-03-01T00:00:00+01:00',
    closesAt: '2019-05-17T23:59:59+02:00',
    envelopeCents: euros(135_000_000),
    eligibleKinds: ['municipality', 'district', 'cooperation'],
    reviewersPerApplication: 2,
    jurySize: 11,
    criteria: [],
    finalStatus: 'published',
  },
  {
    slug: '2020',
    name: 'Staffel 2020',
    year: 2020,
    motto: 'Gemeinwohl und Netzwerkstadt / Stadtnetzwerk',
    callText:
      'Die Modellprojekte Smart Cities 2020 stehen unter dem Motto „Gemeinwohl und Netzwerkstadt / Stadtnetzwerk“. Die geförderten Projekte sollen aufzeigen, wie die Qualitäten der europäischen Stadt in das Zeitalter der Digitalisierung übertragen werden können.',
    opensAt: '2020-02-01T00:00:00+01:00',
    closesAt: '2020-04-20T23:59:59+02:00',
    envelopeCents: euros(385_000_000),
    eligibleKinds: ['municipality', 'district', 'cooperation'],
    reviewersPerApplication: 2,
    jurySize: 11,
    criteria: criteria2020,
    formSections,
    costCategories,
    finalStatus: 'review',
  },
  {
    slug: '2021',
    name: 'Staffel 2021',
    year: 2021,
    motto: 'Gemeinsam aus der Krise: Raum für Zukunft',
    callText: 'Dritte Staffel der Modellprojekte Smart Cities. 28 Projekte aus 94 Bewerbungen ausgewählt.',
    opensAt: '2020-12-01T00:00:00+01:00',
    closesAt: '2021-03-14T23:59:59+01:00',
    envelopeCents: euros(300_000_000),
    eligibleKinds: ['municipality', 'district', 'cooperation'],
    reviewersPerApplication: 2,
    jurySize: 11,
    criteria: [],
    finalStatus: 'published',
  },
];
