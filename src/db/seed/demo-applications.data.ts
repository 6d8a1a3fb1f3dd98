// Demo data: the 86 applications to the round "Staffel 2020" of the Modellprojekte Smart Cities.
//
// What is real (public record: the BMI press release of 8 Sept 2020 and DOMAIN.md, "Facts of the
// reference programme"):
// - that 86 applied and 32 were selected, and which 32: their display names below are the press
//   release's, letter for letter (including its "Apfeldorn", which is the municipality Apfeldorf;
//   the organisation's lead and partner regions are the real register entries);
// - the titles and amounts marked "real" in the comments; everything else about the 32 (other
//   titles, amounts, texts, budget plans, submission times) is invented but plausible.
// - the 54 unsuccessful applicants are real regions of the demo register, but that they applied
//   in 2020, and everything about their applications, is invented. None of them was funded in 2019
//   or 2020, and no region appears in two applications.
// Everything here is pure and deterministic (a seeded generator, no Math.random), so the unit
// test checks exactly what the seed writes.
import type { ApplicationContent, BudgetLine } from '../schema/applications';
import type { OrganisationKind } from '../schema/organisations';
import { applyRate } from '../../lib/money';
import { demoRegions } from './demo-regions.data';

export const DEMO_2020 = { programmeSlug: 'mps', roundSlug: '2020' } as const;

/** Rates in basis points, as the programme has them (demo-programme.ts). */
export const DEFAULT_RATE_BP = 6500;
export const RAISED_RATE_BP = 9000;

export type Theme =
  | 'mobilitaet'
  | 'klima'
  | 'daten'
  | 'verwaltung'
  | 'bildung'
  | 'gesundheit'
  | 'energie'
  | 'zentren'
  | 'beteiligung'
  | 'land'
  | 'zwilling'
  | 'tourismus';

export interface DemoApplicant {
  /** As published (the press release for the 32 funded ones). */
  displayName: string;
  kind: OrganisationKind;
  /** ARS of the lead region, as in demo-regions.data.ts (a Gemeinde's 12-digit ARS). */
  lead: string;
  /** ARS of the partner regions, in the order the name lists them; cooperations only. */
  partners: string[];
  /** Selected by the jury in 2020 (press release of 8 Sept 2020). */
  funded: boolean;
  title: string;
  acronym: string;
  /** Requested funding in whole euros; the budget plan is chosen so the request is exactly this. */
  requestedEuros: number;
  /** In budget emergency (Haushaltsnotlage): 90 % instead of 65 %. Rare; a demo assumption. */
  budgetEmergency?: boolean;
  /** Focus of the texts; picked by the seeded generator where not given. */
  themes?: Theme[];
  /** For the optional formal check: why the office found it ineligible. */
  ineligibleReason?: string;
}

const m = (displayName: string, lead: string, title: string, acronym: string, requestedEuros: number, extra: Partial<DemoApplicant> = {}): DemoApplicant => ({
  displayName, kind: 'municipality', lead, partners: [], funded: false, title, acronym, requestedEuros, ...extra,
});
const d = (displayName: string, lead: string, title: string, acronym: string, requestedEuros: number, extra: Partial<DemoApplicant> = {}): DemoApplicant => ({
  displayName, kind: 'district', lead, partners: [], funded: false, title, acronym, requestedEuros, ...extra,
});
const c = (
  displayName: string, lead: string, partners: string[], title: string, acronym: string, requestedEuros: number, extra: Partial<DemoApplicant> = {},
): DemoApplicant => ({ displayName, kind: 'cooperation', lead, partners, funded: false, title, acronym, requestedEuros, ...extra });
const funded = { funded: true } as const;

/**
 * The 32 selected, in the press release's order: 20 single municipalities, then the 12
 * cooperations and districts. Titles and amounts are invented unless marked "real".
 */
export const funded2020: DemoApplicant[] = [
  m('Bamberg', '094610000000', 'Smart City Bamberg – gemeinsam Zukunft gestalten', 'SCBA', 11_400_000, funded),
  m('Berlin', '110000000000', 'Berlin lebenswert smart', 'BLS', 17_500_000, { ...funded, themes: ['beteiligung', 'daten', 'klima'] }), // real title and amount
  m('Darmstadt', '064110000000', 'Darmstadt: Digitalstadt für das Gemeinwohl', 'DSGW', 13_100_000, funded),
  m('Freiburg i. Breisgau', '083110000000', 'Freiburg: Green City digital', 'GCD', 12_800_000, funded),
  m('Gelsenkirchen', '055130000000', 'Gelsenkirchen: Vernetzte Stadtgesellschaft', 'VSG', 13_500_000, funded),
  m('Gemeinde Barleben', '150830040040', 'Smarte Gemeinde Barleben', 'SGB', 6_150_000, { ...funded, themes: ['land', 'verwaltung', 'mobilitaet'] }),
  m('Gemeinde Eichenzell', '066310006006', 'Eichenzell: Smarte Gemeinde im ländlichen Raum', 'SGE', 5_480_000, { ...funded, themes: ['land', 'energie'] }),
  m('Gütersloh', '057540008008', 'Gütersloh: Digitale Stadt mit Bürgersinn', 'DSB', 10_200_000, funded),
  m('Hagenow', '130760060060', 'Hagenow: Kleinstadt digital vernetzt', 'HKD', 5_200_000, { ...funded, themes: ['land', 'gesundheit'] }),
  m('Iserlohn', '059620024024', 'Iserlohn: Wald, Wasser, Daten', 'WWD', 8_700_000, funded),
  m('Jena', '160530000000', 'WISSENsAllmende', 'WA', 11_200_000, { ...funded, themes: ['daten', 'bildung', 'beteiligung'] }), // real title (urban data platform)
  m('Kassel', '066110000000', 'Kassel: Stadt der Beteiligung digital', 'KSBD', 12_600_000, funded),
  m('Kirchheim b. München', '091840131131', 'Kirchheim: Ortsmitte smart', 'KOS', 7_350_000, funded),
  m('Köln', '053150000000', 'Köln: Veedel digital', 'VD', 15_900_000, funded),
  m('Lohmar', '053820028028', 'Lohmar: Smarte Stadt im Grünen', 'SSG', 6_600_000, funded),
  m('Lübeck', '010030000000', 'Lübeck: Hansestadt im digitalen Wandel', 'HDW', 13_100_000, funded),
  m('Mannheim', '082220000000', 'Mannheim: Smart City für alle', 'SCFA', 14_600_000, funded),
  m('Mönchengladbach', '051160000000', 'Mönchengladbach: mg+ digital', 'MGD', 12_900_000, funded),
  m('Paderborn', '057740032032', 'Paderborn: Digitale Heimat', 'DH', 11_700_000, funded),
  m('Rostock', '130030000000', 'Rostock: Smarte Hafenstadt', 'SHR', 13_000_000, funded),

  c('Aalen und Heidenheim', '081365001088', ['081355002019'], 'Aalen und Heidenheim: Ostwürttemberg digital', 'OWD', 12_300_000, funded),
  c('Bad Belzig und Gemeinde Wiesenburg/Mark', '120690020020', ['120690665665'], 'Smarte Kurstadt und Landgemeinde im Fläming', 'SKLF', 5_900_000, { ...funded, themes: ['land', 'tourismus', 'gesundheit'] }),
  c('Dortmund und Schwerte', '059130000000', ['059780028028'], 'Dortmund und Schwerte: Zusammen smart', 'ZS', 14_800_000, funded),
  d('Eifelkreis Bitburg-Prüm', '07232', 'Eifel digital: Smarte Dörfer', 'EDSD', 9_800_000, { ...funded, themes: ['land', 'gesundheit', 'mobilitaet'] }),
  c('Gemeinde Fuchstal mit den Gemeinden Apfeldorn und Unterdießen', '091815138121', ['091815142111', '091815138143'], 'Smart Region AUF', 'AUF', 6_296_940, {
    ...funded, themes: ['land', 'energie', 'verwaltung'],
  }), // real title and amount; "Apfeldorn" as printed, the region is Apfeldorf
  c('Hamburg mit Leipzig und München', '020000000000', ['147130000000', '091620000000'], 'Connected Urban Twins', 'CUT', 32_000_000, {
    ...funded, themes: ['zwilling', 'daten', 'beteiligung'],
  }), // real title; "about 32 M EUR" (DOMAIN.md), so 32,000,000 here
  d('Landkreis Hof', '09475', 'Hofer Land digital', 'HLD', 8_900_000, { ...funded, themes: ['land', 'mobilitaet'] }),
  c('Kiel mit Kommunen aus den Kreisen Rendsburg-Eckernförde und Plön', '010020000000', ['01058', '01057'], 'Smarte KielRegion', 'SKR', 15_750_000, {
    ...funded, themes: ['mobilitaet', 'daten', 'klima'],
  }), // real title and amount
  d('Landkreis Mayen-Koblenz', '07137', 'Mayen-Koblenz: Digitale Daseinsvorsorge', 'MYK-DD', 10_100_000, { ...funded, themes: ['land', 'verwaltung'] }),
  d('Landkreis St. Wendel', '10046', 'St. Wendeler Land: Smarte Dörfer, starke Gemeinschaft', 'WND-SD', 8_600_000, { ...funded, themes: ['land', 'beteiligung'] }),
  c('Lemgo und Gemeinde Kalletal', '057660044044', ['057660036036'], 'digital.interkommunal', 'DI', 9_400_000, funded), // real title
  c(
    'Osnabrück mit den Gemeinden Hagen am Teutoburger Wald, Bissendorf sowie Samtgemeinden Fürstenau, Artland und Neuenkirchen',
    '034040000000', ['034590020020', '034590012012', '034595403', '034595401', '034595404'],
    'Smart Region Osnabrück', 'SRO', 13_200_000, { ...funded, themes: ['land', 'mobilitaet', 'daten'] },
  ), // real title
];

/**
 * 54 applicants that were not selected (all invented as applicants): 33 municipalities, 9 districts
 * and 12 cooperations from every Land but the city states of Berlin and Hamburg.
 */
export const notFunded2020: DemoApplicant[] = [
  // municipalities
  m('Flensburg', '010010000000', 'Smartes Flensburg – Stadt am Wasser', 'SFL', 8_900_000),
  m('Neumünster', '010040000000', 'Neumünster vernetzt', 'NMSV', 6_400_000),
  m('Oldenburg', '034030000000', 'Oldenburg: gemeinsam digital', 'OLGD', 9_800_000),
  m('Hannover', '032410001001', 'Hannover: smart und sozial', 'HSS', 16_500_000),
  m('Melle', '034590024024', 'Melle: Ortsteile digital verbinden', 'MOV', 5_300_000),
  m('Düsseldorf', '051110000000', 'Düsseldorf: Daten für das Gemeinwohl', 'DDG', 17_500_000),
  m('Wuppertal', '051240000000', 'Wuppertal: Quartiere im Wandel', 'WQW', 13_200_000, { budgetEmergency: true }),
  m('Münster', '055150000000', 'Münster: klimaneutral und digital', 'MKD', 14_600_000),
  m('Bielefeld', '057110000000', 'Bielefeld: Open City', 'BOC', 12_800_000),
  m('Hamm', '059150000000', 'Hamm: Lebenswerte Stadtteile digital', 'HLSD', 9_300_000),
  m('Siegen', '059700040040', 'Siegen: Universitätsstadt im Netz', 'SUN', 7_900_000),
  m('Frankfurt am Main', '064120000000', 'Frankfurt: Stadt der Daten für alle', 'FSDA', 17_500_000),
  m('Offenbach am Main', '064130000000', 'Offenbach: Ankunftsstadt digital', 'OAD', 8_600_000, { budgetEmergency: true }),
  m('Koblenz', '071110000000', 'Koblenz am Zusammenfluss digital', 'KOZD', 7_600_000),
  m('Stuttgart', '081110000000', 'Stuttgart: Mobilität und Klima im Kessel', 'SMK', 17_500_000),
  m('Karlsruhe', '082120000000', 'Karlsruhe: Digitale Stadt für alle', 'KDSA', 15_300_000),
  m('Heidelberg', '082210000000', 'Heidelberg: Wissen teilen, Stadt gestalten', 'HWT', 11_700_000),
  m('Baden-Baden', '082110000000', 'Baden-Baden: Kurstadt 4.0', 'BBK', 4_800_000),
  m('Ingolstadt', '091610000000', 'Ingolstadt: Mobilitätslabor Stadt', 'IML', 12_400_000),
  m('Bayreuth', '094620000000', 'Bayreuth: Stadt und Land digital', 'BSLD', 6_900_000),
  m('Landsberg am Lech', '091810130130', 'Landsberg: Smarte Altstadt am Lech', 'LSA', 4_200_000),
  m('Unterschleißheim', '091840149149', 'Unterschleißheim: WLAN für alle', 'WFA', 2_600_000, {
    ineligibleReason: 'Der Antrag sieht ausschließlich die Beschaffung von WLAN-Technik vor; eine Strategiephase (Phase A) fehlt. Nach dem Aufruf nicht förderfähig.',
  }),
  m('Frankfurt (Oder)', '120530000000', 'Doppelstadt digital', 'DSD', 7_400_000),
  m('Neubrandenburg', '130710107107', 'Neubrandenburg: Vier-Tore-Stadt digital', 'VTSD', 6_200_000),
  m('Parchim', '130760108108', 'Parchim: Kleinstadt mit Zukunft', 'PKZ', 3_100_000),
  m('Chemnitz', '145110000000', 'Chemnitz: Stadt der Moderne digital', 'CSMD', 14_200_000),
  m('Dresden', '146120000000', 'Dresden: Zukunftsstadt gemeinsam gestalten', 'DZG', 17_500_000),
  m('Annaberg-Buchholz', '145210020020', 'Annaberg-Buchholz: Erzgebirge vernetzt', 'AEV', 3_800_000),
  m('Borna', '147290050050', 'Borna: Vom Tagebau zur smarten Kleinstadt', 'BTSK', 3_400_000),
  m('Halle (Saale)', '150020000000', 'Halle: Stadt der Wissenschaft – offen und vernetzt', 'HSWV', 13_600_000),
  m('Magdeburg', '150030000000', 'Magdeburg: Ottostadt digital', 'MOD', 14_900_000),
  m('Haldensleben', '150830270270', 'Haldensleben: Digitale Daseinsvorsorge in der Börde', 'HDDB', 2_900_000),
  m('Suhl', '160540000000', 'Suhl: Stadt im Thüringer Wald – digital und nah', 'SDN', 3_600_000),
  // districts
  d('Landkreis Göttingen', '03159', 'Südniedersachsen digital: Daseinsvorsorge im ländlichen Raum', 'SND', 9_600_000),
  d('Rhein-Kreis Neuss', '05162', 'Rhein-Kreis Neuss: Strukturwandel im Revier digital', 'RKN-SW', 11_200_000),
  d('Landkreis Lörrach', '08336', 'Dreiländereck digital', 'DLD', 7_800_000),
  d('Landkreis Reutlingen', '08415', 'Von der Alb bis in die Stadt: Landkreis Reutlingen vernetzt', 'ALB', 8_300_000),
  d('Saarpfalz-Kreis', '10045', 'Biosphäre digital', 'BIOD', 6_100_000),
  d('Landkreis Barnim', '12060', 'Barnim: nachhaltig digital im Berliner Umland', 'BND', 7_200_000),
  d('Landkreis Vorpommern-Greifswald', '13075', 'Vorpommern vernetzt: Gesundheit und Mobilität auf dem Land', 'VPV', 10_300_000),
  d('Landkreis Görlitz', '14626', 'Oberlausitz digital – Grenzregion im Wandel', 'OLD', 9_100_000),
  d('Landkreis Wittenberg', '15091', 'Lutherregion smart', 'LRS', 5_700_000, {
    ineligibleReason: 'Der Kreistagsbeschluss zur Antragstellung und zur Sicherung des Eigenanteils lag bis zum Ende der Nachreichfrist nicht vor.',
  }),
  // cooperations
  c('Saarbrücken mit dem Regionalverband Saarbrücken', '100410100100', ['10041'], 'Saarbrücken: grenzenlos vernetzt', 'SGV', 12_900_000),
  c('Städteregion Aachen mit der Stadt Aachen', '05334', ['053340002002'], 'Euregio digital: Städteregion Aachen', 'EDA', 14_400_000),
  c('Essen mit Mülheim an der Ruhr und Oberhausen', '051130000000', ['051170000000', '051190000000'], 'Ruhr West: Stadtgrenzen digital überwinden', 'RWSD', 17_500_000),
  c('Bochum und Herne', '059110000000', ['059160000000'], 'Mittleres Ruhrgebiet vernetzt', 'MRV', 12_100_000),
  c('Braunschweig und Salzgitter', '031010000000', ['031020000000'], 'Region Braunschweig: Mobilität und Industrie im Wandel', 'RBMI', 13_700_000),
  c('Nürnberg mit Fürth und Erlangen', '095640000000', ['095630000000', '095620000000'], 'Städteachse Nürnberg–Fürth–Erlangen digital', 'NFE', 17_500_000),
  c('Wiesbaden und Mainz', '064140000000', ['073150000000'], 'Zwei Landeshauptstädte, ein Datenraum', 'ZLED', 14_800_000),
  c('Ludwigshafen am Rhein mit Speyer und Worms', '073140000000', ['073180000000', '073190000000'], 'Vorderpfalz vernetzt', 'VPFV', 11_900_000),
  c('Bremen und Bremerhaven', '040110000000', ['040120000000'], 'Zwei Städte, ein Land: Bremen smart', 'ZSEL', 16_200_000),
  c('Schwerin und Wismar', '130040000000', ['130740087087'], 'Westmecklenburg digital', 'WMD', 8_800_000),
  c('Erfurt und Weimar', '160510000000', ['160550000000'], 'Thüringer Städtekette digital', 'TSD', 11_400_000),
  c('Potsdam und Brandenburg an der Havel', '120540000000', ['120510000000'], 'Havelregion smart', 'HRS', 12_300_000, {
    ineligibleReason: 'Die Kooperationsvereinbarung ist nicht von allen beteiligten Kommunen unterzeichnet; die Federführung ist nicht geregelt.',
  }),
];

export const demoApplicants2020: DemoApplicant[] = [...funded2020, ...notFunded2020];

// ---------------------------------------------------------------------------------------------
// Names

/** Designations published before the place name ("Gemeinde Barleben", "Landkreis Hof"). */
const designations = ['Samtgemeinde', 'Gemeinde', 'Stadt', 'Landkreis', 'Kreis', 'Eifelkreis', 'Rhein-Kreis', 'Städteregion', 'Regionalverband'];

/**
 * The name alphabetical lists sort on. Rule: take the published name; drop a leading
 * designation (Gemeinde, Stadt, Landkreis, Kreis, Eifelkreis, Rhein-Kreis, Städteregion,
 * Regionalverband, Samtgemeinde); for a cooperation keep only its lead, i.e. cut at the first
 * " mit ", " und " or ","; finally drop an abbreviated location suffix ("i. Breisgau",
 * "b. München"). So "Gemeinde Barleben" → "Barleben", "Freiburg i. Breisgau" → "Freiburg",
 * "Eifelkreis Bitburg-Prüm" → "Bitburg-Prüm", "Landkreis St. Wendel" → "St. Wendel",
 * "Hamburg mit Leipzig und München" → "Hamburg". Other parts of a place name stay ("Frankfurt
 * am Main", "Halle (Saale)"): they tell two places apart.
 */
export function sortNameOf(displayName: string, kind: OrganisationKind): string {
  let name = displayName.trim();
  for (const designation of designations) {
    if (name.startsWith(`${designation} `)) {
      name = name.slice(designation.length + 1);
      break;
    }
  }
  if (kind === 'cooperation') name = name.split(/ mit | und |,/)[0]!;
  return name.replace(/ [a-zäöü]\. \S.*$/, '').trim();
}

// ---------------------------------------------------------------------------------------------
// Money

/**
 * The smallest eligible costs (cents) whose funding at the rate, rounded down to the cent, is
 * exactly the target: ceil(target × 10000 / rate). One always exists for rates up to 100 %,
 * because the eligible costs between two targets span 10000 / rate ≥ 1 cent.
 */
export function eligibleCostsFor(targetCents: number, rateBp: number): number {
  if (!Number.isSafeInteger(targetCents) || targetCents < 0) throw new RangeError(`Bad target: ${targetCents}`);
  if (!Number.isInteger(rateBp) || rateBp <= 0 || rateBp > 10_000) throw new RangeError(`Bad rate: ${rateBp}`);
  const eligible = Number((BigInt(targetCents) * 10_000n + BigInt(rateBp) - 1n) / BigInt(rateBp));
  if (applyRate(eligible, rateBp) !== targetCents) throw new Error(`No eligible costs give exactly ${targetCents} at ${rateBp} bp`);
  return eligible;
}

export function rateOf(applicant: DemoApplicant): number {
  return applicant.budgetEmergency ? RAISED_RATE_BP : DEFAULT_RATE_BP;
}

export const COST_CATEGORIES = ['Personal', 'Sach- und Dienstleistungen', 'Investitionen', 'Beteiligung und Öffentlichkeitsarbeit'] as const;
export const STRATEGY_YEARS = [2020, 2021] as const;
export const IMPLEMENTATION_YEARS = [2022, 2023, 2024, 2025, 2026, 2027] as const;

/** Phase A funding is capped at 2.5 M EUR (DOMAIN.md); its eligible costs stay below that at 65 %. */
const STRATEGY_MAX_ELIGIBLE_CENTS = 384_600_000;

/**
 * A budget plan adding up to exactly `eligibleCents`: strategy (2020–2021) about 15 % and at
 * most 3.846 M EUR, mostly staff and services; implementation (2022–2027) the rest, with
 * investments. Lines are whole euros except one, which takes the cents left over.
 */
export function budgetPlan(eligibleCents: number, rng: () => number): BudgetLine[] {
  const strategyCents = Math.min(Math.round(eligibleCents * (0.12 + 0.06 * rng())), STRATEGY_MAX_ELIGIBLE_CENTS);
  const jitter = (base: number, spread: number) => base + spread * rng();
  const strategyMix = [jitter(42, 10), jitter(32, 10), jitter(3, 4), jitter(12, 8)];
  const implementationMix = [jitter(26, 10), jitter(26, 10), jitter(28, 14), jitter(5, 5)];
  const phases = [
    { cents: strategyCents, years: STRATEGY_YEARS, yearWeights: [1, 3], mix: strategyMix },
    { cents: eligibleCents - strategyCents, years: IMPLEMENTATION_YEARS, yearWeights: [17, 22, 22, 19, 13, 7], mix: implementationMix },
  ];
  const lines: BudgetLine[] = [];
  for (const phase of phases) {
    const yearTotal = phase.yearWeights.reduce((a, b) => a + b, 0);
    const mixTotal = phase.mix.reduce((a, b) => a + b, 0);
    phase.years.forEach((year, y) => {
      COST_CATEGORIES.forEach((category, k) => {
        const share = (phase.yearWeights[y]! / yearTotal) * (phase.mix[k]! / mixTotal);
        lines.push({ year, category, amountCents: Math.floor((phase.cents * share) / 100) * 100 });
      });
    });
  }
  // Whole euros rounded down leave a remainder of less than a few hundred euros: the largest line takes it.
  const rest = eligibleCents - lines.reduce((sum, l) => sum + l.amountCents, 0);
  const largest = lines.reduce((best, l) => (l.amountCents > best.amountCents ? l : best), lines[0]!);
  largest.amountCents += rest;
  return lines.filter((l) => l.amountCents > 0);
}

// ---------------------------------------------------------------------------------------------
// Determinism

/** FNV-1a, to seed each applicant's generator from its name (independent of list order). */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function seededRandom(seed: number | string): () => number {
  let a = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

// ---------------------------------------------------------------------------------------------
// Times (Europe/Berlin; April 2020 is summer time, UTC+2)

function berlinSummer(month: number, day: number, hour: number, minute: number, second = 0): Date {
  return new Date(Date.UTC(2020, month - 1, day, hour - 2, minute, second));
}

export interface Timeline {
  registeredAt: Date;
  startedAt: Date;
  savedAt: Date;
  submittedAt: Date;
}

/** The call opened on 1 Feb 2020; the deadline was 20 April 2020, 23:59:59 Berlin time. */
const CALL_OPENS = berlinSummer(2, 1, 1, 0); // 00:00 CET
export const CALL_CLOSES = berlinSummer(4, 20, 23, 59, 59);

/**
 * When the applicant registered, started, last saved and submitted: submissions spread over
 * 1–20 April 2020, more of them near the deadline, always during the day and before it.
 */
export function timelineOf(applicant: DemoApplicant): Timeline {
  const rng = seededRandom(`time:${applicant.displayName}`);
  const u = rng();
  const day = 20 - Math.floor(20 * u * u);
  const submittedAt = berlinSummer(4, day, 8 + Math.floor(rng() * 14), Math.floor(rng() * 60), Math.floor(rng() * 60));
  const earliestStart = CALL_OPENS.getTime() + 2 * 86_400_000 + 9 * 3_600_000;
  const startedAt = new Date(Math.max(earliestStart, submittedAt.getTime() - (7 + Math.floor(rng() * 45)) * 86_400_000 - Math.floor(rng() * 8) * 3_600_000));
  const savedAt = new Date(submittedAt.getTime() - (20 + Math.floor(rng() * 100)) * 60_000);
  const registeredAt = new Date(startedAt.getTime() - (1 + Math.floor(rng() * 5)) * 86_400_000);
  return { registeredAt, startedAt, savedAt, submittedAt };
}

// ---------------------------------------------------------------------------------------------
// Texts

interface ThemeText {
  label: string;
  need: string;
  goal: string;
  first: string;
  measure: string;
  partner: string;
}

const themeTexts: Record<Theme, ThemeText> = {
  mobilitaet: {
    label: 'Mobilität',
    need: 'Pendelverkehr und ein dünnes Angebot abseits der Hauptachsen prägen den Alltag',
    goal: 'klimafreundliche Mobilität für alle Generationen',
    first: 'eine Erhebung der Verkehrsströme mit datenschutzfreundlichen Zählstellen',
    measure: 'eine offene Mobilitätsplattform, die Bus, Bahn, Rad und Sharing-Angebote in Echtzeit verbindet',
    partner: 'Verkehrsverbund und Verkehrsunternehmen',
  },
  klima: {
    label: 'Klimaanpassung',
    need: 'Hitzesommer und Starkregen haben die Verwundbarkeit der Quartiere gezeigt',
    goal: 'eine klimaresiliente Stadtentwicklung',
    first: 'ein Messnetz für Hitze, Bodenfeuchte und Pegelstände',
    measure: 'ein Frühwarnsystem und eine Planungsgrundlage für Grün- und Wasserflächen',
    partner: 'Umweltverbände und Wetterdienste',
  },
  daten: {
    label: 'Urbane Daten',
    need: 'Daten der Verwaltung, der Stadtwerke und der Wirtschaft liegen verstreut und sind kaum nutzbar',
    goal: 'ein souveräner, gemeinwohlorientierter Umgang mit Daten',
    first: 'eine Dateninventur und eine kommunale Datenstrategie',
    measure: 'eine offene urbane Datenplattform mit Open-Data-Portal',
    partner: 'Hochschulen und die Open-Data-Community',
  },
  verwaltung: {
    label: 'Digitale Verwaltung',
    need: 'Bürgerinnen und Bürger erwarten Verwaltungsleistungen, die rund um die Uhr erreichbar sind',
    goal: 'eine bürgernahe, digitale Verwaltung',
    first: 'die Digitalisierung der zehn meistgenutzten Verwaltungsleistungen',
    measure: 'ein Service-Portal mit Terminbuchung, Mängelmelder und Bürgerkonto',
    partner: 'das kommunale Rechenzentrum',
  },
  bildung: {
    label: 'Bildung',
    need: 'digitale Kompetenzen sind ungleich verteilt, besonders bei Älteren und in einzelnen Stadtteilen',
    goal: 'digitale Teilhabe durch Bildung',
    first: 'offene Digitalwerkstätten in Bibliothek und Volkshochschule',
    measure: 'ein Netz digitaler Lernorte mit Makerspaces und Lernangeboten für alle Altersgruppen',
    partner: 'Schulen, Volkshochschule und Bibliotheken',
  },
  gesundheit: {
    label: 'Gesundheit und Pflege',
    need: 'die Bevölkerung altert, Hausarztpraxen und Pflegedienste sind knapp',
    goal: 'eine wohnortnahe Versorgung im Alter',
    first: 'eine digitale Nachbarschaftshilfe mit Ehrenamtsbörse',
    measure: 'telemedizinische Sprechstunden und assistierende Technik für das Wohnen im Alter',
    partner: 'Wohlfahrtsverbände, Pflegedienste und Ärzteschaft',
  },
  energie: {
    label: 'Energie',
    need: 'die Wärmewende in Bestandsgebäuden kommt nur langsam voran',
    goal: 'eine klimaneutrale Energieversorgung',
    first: 'ein Energiemonitoring der kommunalen Liegenschaften',
    measure: 'ein digitales Wärmekataster und ein intelligentes Lastmanagement mit den Stadtwerken',
    partner: 'Stadtwerke und Energiegenossenschaften',
  },
  zentren: {
    label: 'Lebendige Zentren',
    need: 'Leerstand und Onlinehandel setzen die Innenstadt unter Druck',
    goal: 'lebendige Orts- und Stadtzentren',
    first: 'eine Frequenzmessung und ein Leerstandskataster',
    measure: 'eine lokale Handels- und Kulturplattform mit Zwischennutzung leerer Läden',
    partner: 'Einzelhandel, Gewerbevereine und Kulturschaffende',
  },
  beteiligung: {
    label: 'Beteiligung',
    need: 'viele Menschen fühlen sich von Planungsprozessen nicht erreicht',
    goal: 'eine Stadtgesellschaft, die ihre Zukunft mitgestaltet',
    first: 'eine Online-Beteiligungsplattform auf Basis freier Software',
    measure: 'Bürgerlabore in den Quartieren und ein Bürgerhaushalt für digitale Ideen',
    partner: 'Vereine, Initiativen und Quartiersmanagement',
  },
  land: {
    label: 'Ländlicher Raum',
    need: 'lange Wege, schwindende Nahversorgung und der Fortzug junger Menschen prägen die Orte',
    goal: 'gleichwertige Lebensverhältnisse in Stadt und Land',
    first: 'Coworking-Angebote in leerstehenden Ortskernen',
    measure: 'digitale Dorfläden, Rufbusse und ein gemeinsames Dorfportal',
    partner: 'Ortsvorsteherinnen und Ortsvorsteher, Landfrauen und Vereine',
  },
  zwilling: {
    label: 'Digitaler Zwilling',
    need: 'Planungsentscheidungen beruhen auf Daten, die Bürgerschaft und Politik kaum sehen',
    goal: 'nachvollziehbare Planung mit einem digitalen Abbild der Stadt',
    first: 'ein 3D-Stadtmodell aus vorhandenen Geodaten',
    measure: 'ein urbaner digitaler Zwilling mit Simulationen für Planung und Beteiligung',
    partner: 'Vermessungsverwaltung, Hochschulen und Planungsbüros',
  },
  tourismus: {
    label: 'Tourismus und Kultur',
    need: 'Gäste und Einheimische finden Angebote verstreut über viele Kanäle',
    goal: 'nachhaltiger Tourismus und gelebte Kultur',
    first: 'eine gemeinsame Datenbasis für Veranstaltungen und Ausflugsziele',
    measure: 'ein digitaler Gästeservice mit Besucherlenkung und barrierefreien Angeboten',
    partner: 'Tourismusverband und Kultureinrichtungen',
  },
};

const allThemes = Object.keys(themeTexts) as Theme[];

export function themesOf(applicant: DemoApplicant): Theme[] {
  if (applicant.themes) return applicant.themes;
  const rng = seededRandom(`themes:${applicant.displayName}`);
  const rural = applicant.kind === 'district' || populationOf(applicant) < 20_000;
  const pool = allThemes.filter((t) => t !== 'zwilling' && t !== 'land');
  const chosen = new Set<Theme>(rural ? ['land'] : []);
  while (chosen.size < 3) chosen.add(pick(rng, pool));
  return [...chosen];
}

const regionByArs = new Map(demoRegions.map((r) => [r.ars, r]));

export function regionName(ars: string): string {
  const region = regionByArs.get(ars);
  if (!region) throw new Error(`The demo register has no region ${ars}`);
  return region.name;
}

function populationOf(applicant: DemoApplicant): number {
  return [applicant.lead, ...applicant.partners].reduce((sum, ars) => sum + (regionByArs.get(ars)?.population ?? 0), 0);
}

function landName(ars: string): string {
  return regionName(ars.slice(0, 2));
}

function listing(items: readonly string[], last = ' und ', between = ', '): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(between)}${last}${items.at(-1)}`;
}

/** Who speaks in the texts: "Barleben", "Der Landkreis Hof", "Hamburg, Leipzig und München". */
function speaker(a: DemoApplicant): { name: string; plural: boolean } {
  if (a.kind === 'cooperation') return { name: listing([a.lead, ...a.partners].map(regionName)), plural: true };
  if (a.kind === 'district') return { name: `Der ${regionName(a.lead)}`, plural: false };
  return { name: sortNameOf(a.displayName, a.kind), plural: false };
}

function thousands(n: number): string {
  const rounded = n >= 100_000 ? Math.round(n / 1000) * 1000 : Math.round(n / 100) * 100;
  return rounded.toLocaleString('de-DE');
}

function portrait(a: DemoApplicant): string {
  const population = thousands(populationOf(a));
  const lands = [...new Set([a.lead, ...a.partners].map(landName))];
  if (a.kind === 'cooperation') {
    const members = listing([`${regionName(a.lead)} (federführend)`, ...a.partners.map(regionName)]);
    return `In dieser Kooperation arbeiten ${members} zusammen (${listing(lands)}); gemeinsam zählen sie rund ${population} Einwohnerinnen und Einwohner.`;
  }
  if (a.kind === 'district') return `Der ${regionName(a.lead)} (${lands[0]}) zählt rund ${population} Einwohnerinnen und Einwohner in Städten und Dörfern.`;
  const place = sortNameOf(a.displayName, a.kind);
  const size = populationOf(a) > 100_000 ? 'Großstadt' : populationOf(a) >= 20_000 ? 'Mittelstadt' : 'Kleinstadt oder Landgemeinde';
  return `${place}${lands[0] === place ? '' : ` (${lands[0]})`} ist mit rund ${population} Einwohnerinnen und Einwohnern eine ${size}.`;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The application as the applicant saved it before submitting: texts, partners and budget plan. */
export function contentOf(applicant: DemoApplicant): ApplicationContent {
  const rng = seededRandom(`content:${applicant.displayName}`);
  const themes = themesOf(applicant).map((t) => themeTexts[t]);
  const [t1, t2] = [themes[0]!, themes[1] ?? themes[0]!];
  const who = speaker(applicant);
  const eligibleCents = eligibleCostsFor(applicant.requestedEuros * 100, rateOf(applicant));
  const office = pick(
    rng,
    applicant.kind === 'district'
      ? ['der Stabsstelle Kreisentwicklung', 'der Stabsstelle Digitalisierung', 'dem Amt für Kreisentwicklung und Wirtschaftsförderung']
      : ['der Stabsstelle Digitalisierung', 'dem Amt für Stadtentwicklung', 'der Stabsstelle Smart City', 'dem Fachbereich Digitalisierung und Organisation'],
  );
  const staff = 2 + Math.floor(rng() * 6);
  const licence = pick(rng, ['EUPL-1.2', 'AGPL-3.0-or-later', 'Apache-2.0', 'MIT']);
  const partnerNames = applicant.partners.map(regionName);
  const sections: Record<string, string> = {
    ausgangslage: [
      portrait(applicant),
      `Zwei Herausforderungen stehen im Vordergrund: ${unique([t1.need, t2.need]).join(', und ')}.`,
      `Ziel der Smart-City-Strategie ${t1 === t2 ? 'ist' : 'sind'} ${listing(unique([t1.goal, t2.goal]), ' sowie ')}, verankert in der integrierten Stadtentwicklung und am Gemeinwohl ausgerichtet.`,
    ].join(' '),
    massnahmen: [
      `Phase A (2020–2021): In einem offenen Strategieprozess entsteht die Smart-City-Strategie mit messbaren Zielen. Als erste Maßnahmen starten ${listing(unique([t1.first, t2.first]), ' sowie ')}.`,
      `Phase B (2022–2027): Umgesetzt werden ${listing(unique(themes.map((t) => t.measure)), '; ferner ', '; ')}. Jede Maßnahme wird mit Wirkungsindikatoren begleitet und nach zwei Jahren evaluiert.`,
    ].join(' '),
    beteiligung: [
      `Bürgerinnen und Bürger wirken in Werkstätten, Stadtteilspaziergängen und online mit; ${pick(rng, ['ein Jugendbeirat', 'ein Seniorenbeirat', 'ein Beirat aus Zivilgesellschaft und Wirtschaft', 'ein Digitalbeirat'])} begleitet die Strategie.`,
      `Eingebunden sind ${listing(unique([t1.partner, t2.partner]), ' sowie ')}${partnerNames.length ? `; die Partner ${listing(partnerNames)} sind im Lenkungskreis gleichberechtigt vertreten` : ''}.`,
    ].join(' '),
    transfer: [
      `Alle geförderten Softwarelösungen werden mit Dokumentation unter einer freien Lizenz (vorgesehen: ${licence}) auf OpenCoDE veröffentlicht, auch wenn Dienstleister sie entwickeln.`,
      `Offene Schnittstellen und Standards sichern, dass andere Kommunen die Lösungen nachnutzen können; ${applicant.kind === 'cooperation' ? 'alle Partner beteiligen' : `${who.name.replace(/^Der /, 'der ')} beteiligt`} sich aktiv am Erfahrungsaustausch der Modellprojekte.`,
    ].join(' '),
    organisation: [
      `Die Projektleitung liegt bei ${office}; ${staff} Vollzeitstellen werden für das Vorhaben geschaffen.`,
      `Ein Lenkungskreis unter Vorsitz der Verwaltungsspitze steuert das Projekt; der Eigenanteil ist im Haushalt ${pick(rng, ['2020', '2020/2021'])} gesichert.`,
    ].join(' '),
  };
  return {
    title: applicant.title,
    acronym: applicant.acronym,
    summary: `${applicant.title}: ${who.name} ${who.plural ? 'entwickeln' : 'entwickelt'} eine gemeinwohlorientierte Smart-City-Strategie mit den Schwerpunkten ${listing(themes.map((t) => t.label))} und ${who.plural ? 'setzen' : 'setzt'} sie bis 2027 in Modellprojekten um.`,
    sections,
    partners: partnerNames,
    budget: budgetPlan(eligibleCents, rng),
    budgetEmergency: applicant.budgetEmergency ?? false,
  };
}
