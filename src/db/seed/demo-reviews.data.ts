// Demo data: the expert reviewers of round 2020 and how they scored. Everything here is invented
// (names, profiles, scores); only the 32 funded applications are real (demo-applications.data.ts).
// Pure and deterministic (the seeded generator of the applications), so unit tests check exactly
// what the seed writes.
import type { Recommendation } from '../schema/review';
import { seededRandom } from './demo-applications.data';

export interface DemoReviewer {
  email: string;
  displayName: string;
  /** AGS of the home Gemeinde (a region of the demo register). */
  home: string;
  keywords: string[];
  expertise: string;
  minLoad: number;
  maxLoad: number;
  /** How the reviewer scores, in points of the 0 … 100 weighted score: lenient > 0, strict < 0. */
  leniency: number;
}

const r = (displayName: string, email: string, home: string, keywords: string[], expertise: string, leniency = 0): DemoReviewer => ({
  email: `${email}@gutachten.example`,
  displayName,
  home,
  keywords,
  expertise,
  minLoad: 2,
  maxLoad: 6,
  leniency,
});

/** The demo reviewer everybody can log in as (demo-users.ts); she takes a few applications. */
export const DEMO_REVIEWER_EMAIL = 'gutachterin@stadtnetz.example';

export const demoReviewerProfile: Omit<DemoReviewer, 'email' | 'displayName'> = {
  home: '05334002', // Aachen
  keywords: ['Beteiligung', 'Stadtentwicklung', 'Open Source', 'Digitale Verwaltung'],
  expertise:
    'Stadtplanerin, forscht an der RWTH Aachen zu digitaler Beteiligung und integrierter Stadtentwicklung; begleitet Kommunen bei Smart-City-Strategien und offenen Softwarelösungen.',
  minLoad: 3,
  maxLoad: 4,
  leniency: 0,
};

/** Forty experts across eleven Länder: universities, consultancies, independent. */
export const demoReviewers: DemoReviewer[] = [
  r('Prof. Dr. Katrin Albers', 'katrin.albers', '01002000', ['Mobilität', 'Verkehrsplanung', 'Sharing'], 'Professorin für Verkehrsplanung an der Fachhochschule Kiel; Mobilitätskonzepte für Städte und den ländlichen Raum, On-Demand-Verkehre.'),
  r('Dr. Jens Petersen', 'jens.petersen', '01001000', ['Energie', 'Wärmewende', 'Klimaschutz'], 'Energieberater für Kommunen; kommunale Wärmeplanung, Quartierskonzepte und Klimaschutz in Mittelstädten.'),
  r('Dr. Miriam Schulte-Hagen', 'miriam.schulte-hagen', '02000000', ['Urbane Daten', 'Datenplattform', 'Open Data', 'Datensouveränität'], 'Datenarchitektin, lehrt an der HafenCity Universität Hamburg; urbane Datenplattformen, offene Daten und Datensouveränität der Kommunen.', 15),
  r('Tobias Ehlers', 'tobias.ehlers', '04011000', ['Digitale Verwaltung', 'Onlinezugangsgesetz', 'Verwaltungsmodernisierung'], 'Berater für Verwaltungsdigitalisierung; Umsetzung des Onlinezugangsgesetzes in Kommunen, Prozessdesign, E-Akte.'),
  r('Prof. Dr. Henrike Vogt', 'henrike.vogt', '03101000', ['Digitaler Zwilling', 'Geodaten', 'Simulation', '3D-Stadtmodell'], 'Professorin für Geoinformatik an der TU Braunschweig; digitale Zwillinge, 3D-Stadtmodelle und Simulationen für die Planung.'),
  r('Dr. Lars Brinkmann', 'lars.brinkmann', '03241001', ['Beteiligung', 'Bürgerbeteiligung', 'Partizipation'], 'Politikwissenschaftler an der Leibniz Universität Hannover; Bürgerbeteiligung, deliberative Verfahren und digitale Partizipation.'),
  r('Anke Möller', 'anke.moeller', '03159016', ['Ländlicher Raum', 'Dorfentwicklung', 'Daseinsvorsorge'], 'Regionalentwicklerin; Daseinsvorsorge und Dorfentwicklung im ländlichen Raum, LEADER-Regionen, Ehrenamt.'),
  r('Prof. Dr. Stefan Kowalski', 'stefan.kowalski', '05913000', ['Stadtentwicklung', 'Strategie', 'Smart City', 'Governance'], 'Professor für Raumplanung an der TU Dortmund; integrierte Stadtentwicklung, Smart-City-Strategien und kommunale Governance.', -15),
  r('Dr. Aylin Demir', 'aylin.demir', '05111000', ['Bildung', 'Digitale Bildung', 'Schule', 'Medienkompetenz'], 'Bildungsforscherin an der Heinrich-Heine-Universität Düsseldorf; digitale Bildung, Schulen und außerschulische Lernorte.'),
  r('Markus Hoffmann', 'markus.hoffmann', '05113000', ['Klimaanpassung', 'Starkregen', 'Hitze', 'Stadtgrün'], 'Ingenieur für Siedlungswasserwirtschaft; Klimaanpassung, Starkregenvorsorge und blau-grüne Infrastruktur.'),
  r('Dr. Julia Krämer', 'julia.kraemer', '05314000', ['Gesundheit', 'Pflege', 'Telemedizin'], 'Gesundheitswissenschaftlerin an der Universität Bonn; Versorgung im Quartier, Pflege und Telemedizin.'),
  r('Prof. Dr. Thomas Richter', 'thomas.richter', '05515000', ['Open Source', 'Offene Standards', 'IT-Architektur'], 'Professor für Wirtschaftsinformatik an der Universität Münster; Open Source in der öffentlichen Verwaltung, offene Standards, IT-Architektur.'),
  r('Sabine Wagner', 'sabine.wagner', '05711000', ['Lebendige Zentren', 'Innenstadt', 'Einzelhandel'], 'Stadtmarketing und Innenstadtentwicklung; lebendige Zentren, Leerstandsmanagement und lokaler Handel.'),
  r('Dr. Oliver Neumann', 'oliver.neumann', '05124000', ['Mobilität', 'ÖPNV', 'Verkehrsdaten'], 'Verkehrsökonom an der Bergischen Universität Wuppertal; öffentlicher Nahverkehr, Verkehrsdaten und Mobilitätsplattformen.'),
  r('Claudia Becker', 'claudia.becker', '06414000', ['Digitale Verwaltung', 'Bürgerservice', 'Nutzerzentrierung'], 'Designerin für digitale Verwaltungsleistungen; nutzerzentrierte Bürgerservices und Barrierefreiheit.'),
  r('Prof. Dr. Martin Schäfer', 'martin.schaefer', '06411000', ['Urbane Daten', 'Sensorik', 'Internet der Dinge', 'LoRaWAN'], 'Professor für Informatik an der Hochschule Darmstadt; Sensornetze, Internet der Dinge und urbane Datenplattformen.'),
  r('Dr. Eva Lindner', 'eva.lindner', '06611000', ['Tourismus', 'Kultur', 'Besucherlenkung'], 'Tourismusforscherin an der Universität Kassel; nachhaltiger Tourismus, Besucherlenkung und digitale Kulturangebote.'),
  r('Frank Weber', 'frank.weber', '07315000', ['Energie', 'Erneuerbare Energien', 'Netze'], 'Ingenieur bei einem kommunalen Versorger; erneuerbare Energien, intelligente Netze und Sektorkopplung.'),
  r('Dr. Nina Hartmann', 'nina.hartmann', '07312000', ['Ländlicher Raum', 'Mobilität', 'Nahversorgung'], 'Geographin an der Rheinland-Pfälzischen Technischen Universität Kaiserslautern-Landau; ländliche Mobilität und Nahversorgung.'),
  r('Prof. Dr. Andreas Keller', 'andreas.keller', '08111000', ['Stadtentwicklung', 'Nachhaltigkeit', 'Quartier'], 'Professor für Städtebau an der Universität Stuttgart; nachhaltige Quartiersentwicklung und integrierte Stadtentwicklung.'),
  r('Dr. Simone Bauer', 'simone.bauer', '08212000', ['Datensouveränität', 'Datenschutz', 'Ethik'], 'Juristin am Karlsruher Institut für Technologie; Datenschutz, Datensouveränität und Ethik datengetriebener Stadtentwicklung.'),
  r('Michael Braun', 'michael.braun', '08221000', ['Klimaschutz', 'Klimaanpassung', 'Monitoring'], 'Umweltplaner; kommunaler Klimaschutz, Klimaanpassung und Monitoring mit offenen Daten.'),
  r('Prof. Dr. Laura Fischer', 'laura.fischer', '08311000', ['Beteiligung', 'Jugend', 'Inklusion'], 'Professorin für Soziale Arbeit an der Evangelischen Hochschule Freiburg; Beteiligung von Jugendlichen, Inklusion und Gemeinwesenarbeit.'),
  r('Dr. Benedikt Huber', 'benedikt.huber', '09162000', ['Mobilität', 'Verkehrswende', 'Radverkehr'], 'Verkehrsplaner an der Technischen Universität München; Verkehrswende, Radverkehr und Mobilitätsstationen.'),
  r('Christine Maier', 'christine.maier', '09564000', ['Digitale Verwaltung', 'Change Management', 'Organisation'], 'Organisationsberaterin für Kommunen; Veränderungsmanagement, Digitalisierungsstrategien und Qualifizierung der Verwaltung.'),
  r('Prof. Dr. Georg Schmid', 'georg.schmid', '09562000', ['Gesundheit', 'Pflege', 'Assistenzsysteme'], 'Professor für Medizininformatik an der Friedrich-Alexander-Universität Erlangen-Nürnberg; Assistenzsysteme und digitale Pflege.'),
  r('Dr. Veronika Wolf', 'veronika.wolf', '09462000', ['Bildung', 'Bibliotheken', 'Lernorte'], 'Bildungswissenschaftlerin an der Universität Bayreuth; Bibliotheken als Lernorte, Makerspaces und digitale Teilhabe.'),
  r('Johannes Lehmann', 'johannes.lehmann', '10041100', ['Energie', 'Gebäude', 'Wärmewende'], 'Energieingenieur; energetische Quartierssanierung, Wärmewende und Gebäudedaten.'),
  r('Dr. Katharina Roth', 'katharina.roth', '11000000', ['Smart City', 'Strategie', 'Wirkungsmessung'], 'Sozialwissenschaftlerin; Smart-City-Strategien, Wirkungsmessung und Evaluation kommunaler Förderprojekte.'),
  r('Prof. Dr. Felix Wendt', 'felix.wendt', '11000000', ['Open Source', 'Software', 'Plattformen', 'Interoperabilität'], 'Professor für Software Engineering an der Technischen Universität Berlin; offene Plattformen, Interoperabilität und Open-Source-Communities.'),
  r('Dr. Paulina Nowak', 'paulina.nowak', '12054000', ['Beteiligung', 'Stadtentwicklung', 'Mittelstadt'], 'Stadtsoziologin an der Universität Potsdam; Beteiligung und Entwicklung von Klein- und Mittelstädten.'),
  r('Uwe Krüger', 'uwe.krueger', '12052000', ['Ländlicher Raum', 'Strukturwandel', 'Breitband'], 'Wirtschaftsförderer; Strukturwandel in der Lausitz, Breitbandausbau und digitale Angebote im ländlichen Raum.'),
  r('Dr. Franziska Schwarz', 'franziska.schwarz', '13003000', ['Tourismus', 'Klimaanpassung', 'Küste'], 'Geographin an der Universität Rostock; Küstenorte, nachhaltiger Tourismus und Klimaanpassung.'),
  r('Prof. Dr. Matthias Jung', 'matthias.jung', '14612000', ['Urbane Daten', 'Künstliche Intelligenz', 'Datenanalyse'], 'Professor für Datenwissenschaft an der Technischen Universität Dresden; Datenanalyse und verantwortliche KI in Kommunen.'),
  r('Dr. Sandra Winkler', 'sandra.winkler', '14713000', ['Lebendige Zentren', 'Stadtentwicklung', 'Kultur'], 'Stadtgeographin an der Universität Leipzig; Zentrenentwicklung, Zwischennutzung und Kultur in der Stadt.'),
  r('Ralf Zimmermann', 'ralf.zimmermann', '14511000', ['Digitale Verwaltung', 'IT-Sicherheit', 'Infrastruktur'], 'IT-Leiter einer Stadtverwaltung a. D.; IT-Sicherheit, kommunale Rechenzentren und Infrastruktur.'),
  r('Dr. Heike Sommer', 'heike.sommer', '15003000', ['Gesundheit', 'Demografie', 'Daseinsvorsorge'], 'Demografin an der Otto-von-Guericke-Universität Magdeburg; demografischer Wandel, Gesundheit und Daseinsvorsorge.'),
  r('Prof. Dr. Kai Hartung', 'kai.hartung', '15002000', ['Digitaler Zwilling', 'Planung', 'Visualisierung'], 'Professor für Stadtplanung an der Martin-Luther-Universität Halle-Wittenberg; Visualisierung und digitale Planungswerkzeuge.'),
  r('Dr. Lena Böhm', 'lena.boehm', '16053000', ['Bildung', 'Beteiligung', 'Wissenstransfer'], 'Wissenschaftsmanagerin an der Friedrich-Schiller-Universität Jena; Wissenstransfer, Bildung und Beteiligung.'),
  r('Peter Schneider', 'peter.schneider', '16051000', ['Mobilität', 'Logistik', 'Ländlicher Raum'], 'Logistikberater; Lieferverkehre, Mobilität und Versorgung im ländlichen Raum.'),
];

// ── How the reviews come out ──────────────────────────────────────────────────────────

/** Applications (display names) whose two reviewers see them very differently: a third review is due. */
export const disputedApplications = ['Landkreis Hof', 'Wuppertal', 'Bielefeld'];

function normal(rng: () => number): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/**
 * An application's merit on 0 … 1: the funded ones higher on average, with spread, so the
 * reviews rank most but not all of them on top (the jury, not the reviews, decided).
 */
export function meritOf(displayName: string, funded: boolean): number {
  const rng = seededRandom(`merit:${displayName}`);
  return Math.min(0.95, Math.max(0.1, (funded ? 0.7 : 0.47) + normal(rng) * (funded ? 0.07 : 0.09)));
}

export interface DemoScores {
  scores: Record<string, number>;
  recommendation: Recommendation;
  assessment: string;
  feedback: string;
}

/**
 * One reviewer's scores for one application: its merit, the reviewer's leniency, noise per
 * criterion; the second reviewer of a disputed application sees it 30 points apart.
 */
export function scoresFor(input: {
  application: string;
  funded: boolean;
  reviewerEmail: string;
  leniency: number;
  /** 0 for the first reviewer of the application (by email), 1 for the second. */
  position: number;
  criteria: Array<{ id: string; scaleMin: number; scaleMax: number }>;
}): DemoScores {
  const rng = seededRandom(`review:${input.application}:${input.reviewerEmail}`);
  const disputed = disputedApplications.includes(input.application) && input.position === 1;
  const merit = meritOf(input.application, input.funded);
  const seen = merit + input.leniency / 100 + (disputed ? (merit > 0.55 ? -0.3 : 0.3) : 0) + normal(rng) * 0.03;
  const scores: Record<string, number> = {};
  for (const c of input.criteria) {
    const value = c.scaleMin + (seen + normal(rng) * 0.12) * (c.scaleMax - c.scaleMin);
    scores[c.id] = Math.min(c.scaleMax, Math.max(c.scaleMin, Math.round(value)));
  }
  const recommendation: Recommendation = seen >= 0.64 ? 'fund' : seen >= 0.52 ? 'fund_with_conditions' : 'do_not_fund';
  return { scores, recommendation, ...textsFor(recommendation, rng) };
}

const assessments: Record<Recommendation, string[]> = {
  fund: [
    'Der Antrag überzeugt mit einer klaren Strategie, die aus der Ausgangslage folgt. Beteiligung und Verankerung in der Verwaltung sind glaubwürdig beschrieben, die Maßnahmen sind übertragbar.',
    'Ein modellhaftes Vorhaben mit realistischem Budget. Die Kommune bindet lokale Akteure früh ein und setzt konsequent auf offene Standards.',
  ],
  fund_with_conditions: [
    'Das Vorhaben ist im Ansatz überzeugend, die Strategiephase bleibt aber vage. Die Förderung sollte an einen konkreteren Arbeitsplan für Phase A geknüpft werden.',
    'Gute Ideen, doch Datensouveränität und Betrieb nach der Förderung sind offen. Mit Auflagen zur Verstetigung förderwürdig.',
  ],
  do_not_fund: [
    'Der Antrag beschreibt vor allem Technikbeschaffung; ein strategischer Rahmen und eine Beteiligung der Stadtgesellschaft fehlen weitgehend.',
    'Die Ziele sind nachvollziehbar, aber die Maßnahmen sind wenig modellhaft und kaum übertragbar; das Budget ist im Verhältnis zum Nutzen hoch.',
  ],
};

const feedbacks: Record<Recommendation, string[]> = {
  fund: ['Bitte legen Sie früh fest, wie Sie Ihre Ergebnisse mit anderen Kommunen teilen.', 'Prüfen Sie, welche Komponenten Sie als Open Source veröffentlichen können.'],
  fund_with_conditions: ['Konkretisieren Sie die Meilensteine der Strategiephase.', 'Beschreiben Sie den Betrieb der Lösungen über die Förderung hinaus.'],
  do_not_fund: ['Entwickeln Sie zunächst eine Strategie mit der Stadtgesellschaft, bevor Sie Technik beschaffen.', 'Zeigen Sie, was andere Kommunen von Ihrem Vorhaben lernen können.'],
};

function textsFor(recommendation: Recommendation, rng: () => number): { assessment: string; feedback: string } {
  const pick = (list: string[]) => list[Math.floor(rng() * list.length)]!;
  return { assessment: pick(assessments[recommendation]), feedback: pick(feedbacks[recommendation]) };
}

// ── When it happened (Europe/Berlin, summer time) ─────────────────────────────────────

export const REVIEW_TIMELINE = {
  settingsAt: new Date('2020-05-13T10:00:00+02:00'),
  invitedAt: new Date('2020-05-14T09:30:00+02:00'),
  profilesFrom: new Date('2020-05-15T08:00:00+02:00'),
  assignedAt: new Date('2020-05-25T11:00:00+02:00'),
  reviewsFrom: new Date('2020-05-27T08:00:00+02:00'),
  deadline: new Date('2020-06-30T23:59:00+02:00'),
  juryAt: new Date('2020-07-03T09:00:00+02:00'),
} as const;

/** When a reviewer wrote and submitted a review: spread over the review weeks, per reviewer and application. */
export function reviewTimeOf(reviewerEmail: string, application: string): { savedAt: Date; submittedAt: Date } {
  const rng = seededRandom(`time:${reviewerEmail}:${application}`);
  const day = Math.floor(rng() * 30);
  const savedAt = new Date(REVIEW_TIMELINE.reviewsFrom.getTime() + day * 86_400_000 + Math.floor(rng() * 10 * 3_600_000));
  return { savedAt, submittedAt: new Date(savedAt.getTime() + Math.floor((0.5 + rng() * 20) * 3_600_000)) };
}
