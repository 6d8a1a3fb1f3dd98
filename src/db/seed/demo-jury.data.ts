// Demo data: the jury of round 2020 and how it decided.
//
// What is real (the BMI press release of 8 Sept 2020): an eleven-member jury chaired by the
// state secretary for building, with members from science, politics and the municipal
// associations; the 32 selected projects. Everything else here — the members' names, who voted
// how, the waitlist, the rationales — is invented. The amounts are the requested ones, which for
// Berlin (17.5 M), Smart Region AUF (6,296,940 EUR) and the Smarte KielRegion (15.75 M) are the
// real ones and for Connected Urban Twins the reported "about 32 M EUR".
import type { JuryAffiliation } from '../schema/jury';
import { funded2020, notFunded2020, type DemoApplicant } from './demo-applications.data';

export interface DemoJuror {
  email: string;
  displayName: string;
  role: 'member' | 'chair';
  affiliation: JuryAffiliation;
  /** Present in the session of 27 August 2020. */
  present: boolean;
  /** An application (by published name) the member declares a conflict with. */
  recusedFrom?: string;
}

/** The chair and the demo member exist already (demo-users.ts); nine more join them. */
export const demoJury: DemoJuror[] = [
  { email: 'jury-vorsitz@stadtnetz.example', displayName: 'Johanna Juryvorsitz', role: 'chair', affiliation: 'politics', present: true },
  { email: 'jury@stadtnetz.example', displayName: 'Prof. Jan Jurymitglied', role: 'member', affiliation: 'science', present: true },
  { email: 'jury-stadtforschung@stadtnetz.example', displayName: 'Prof. Dr. Sabine Stadtforschung', role: 'member', affiliation: 'science', present: true },
  { email: 'jury-informatik@stadtnetz.example', displayName: 'Prof. Dr. Malte Informatik', role: 'member', affiliation: 'science', present: true },
  { email: 'jury-raumplanung@stadtnetz.example', displayName: 'Dr. Ayşe Raumplanung', role: 'member', affiliation: 'science', present: true },
  { email: 'jury-bundestag@stadtnetz.example', displayName: 'Thomas Bundestag', role: 'member', affiliation: 'politics', present: true, recusedFrom: 'Hamburg mit Leipzig und München' },
  { email: 'jury-land@stadtnetz.example', displayName: 'Dr. Claudia Landesministerium', role: 'member', affiliation: 'politics', present: true },
  { email: 'jury-staedtetag@stadtnetz.example', displayName: 'Helmut Städtetag', role: 'member', affiliation: 'municipal_association', present: true },
  { email: 'jury-landkreistag@stadtnetz.example', displayName: 'Dr. Kerstin Landkreistag', role: 'member', affiliation: 'municipal_association', present: true },
  { email: 'jury-gemeindebund@stadtnetz.example', displayName: 'Bernd Gemeindebund', role: 'member', affiliation: 'municipal_association', present: true },
  { email: 'jury-kommunalpolitik@stadtnetz.example', displayName: 'Miriam Kommunalpolitik', role: 'member', affiliation: 'politics', present: false },
];

export const DEMO_SESSION = { title: 'Jurysitzung Staffel 2020', startsAt: '2020-08-27T10:00:00+02:00' } as const;

/** Not selected, but next in line should money become free (invented). */
export const waitlisted2020 = ['Münster', 'Bielefeld', 'Städteregion Aachen mit der Stadt Aachen', 'Landkreis Göttingen', 'Erfurt und Weimar'];

/**
 * Where the press release files a name elsewhere than as written: "Landkreis Hof" stands between
 * "Hamburg …" and "Kiel …", i.e. under H, while "Landkreis Mayen-Koblenz" and "Landkreis St.
 * Wendel" stand under L.
 */
export const publishedSortNames: Record<string, string> = { 'Landkreis Hof': 'Hof, Landkreis' };

export type DemoOutcome = { outcome: 'selected'; fundingCents: number; rationale: string } | { outcome: 'waitlisted' | 'rejected'; fundingCents: 0; rationale: string };

export function outcomeOf(applicant: DemoApplicant): DemoOutcome {
  if (applicant.funded) {
    return {
      outcome: 'selected',
      fundingCents: applicant.requestedEuros * 100,
      rationale: 'Die Jury wählt das Projekt aus: überzeugende Strategie für das Gemeinwohl, übertragbare Lösungen und eine tragfähige Umsetzung.',
    };
  }
  if (applicant.ineligibleReason) {
    return { outcome: 'rejected', fundingCents: 0, rationale: `Formal nicht förderfähig: ${applicant.ineligibleReason}` };
  }
  if (waitlisted2020.includes(applicant.displayName)) {
    return { outcome: 'waitlisted', fundingCents: 0, rationale: 'Gut bewertet, im Rahmen des Fördervolumens aber nicht ausgewählt; das Projekt rückt nach, wenn Mittel frei werden.' };
  }
  return { outcome: 'rejected', fundingCents: 0, rationale: 'Im Vergleich der Bewerbungen nicht ausgewählt; die Rückmeldungen aus der Begutachtung nennen die Gründe.' };
}

/**
 * How each present member votes, deterministically varied: a selection or waitlisting gets a
 * clear majority of yes, a rejection a clear majority of no, with some dissent and abstentions.
 */
export function voteOf(outcome: DemoOutcome['outcome'], applicationIndex: number, memberIndex: number): 'yes' | 'no' | 'abstain' {
  const spin = (applicationIndex * 7 + memberIndex * 3) % 11;
  const majority = outcome === 'rejected' ? 'no' : 'yes';
  const dissent = outcome === 'rejected' ? 'yes' : 'no';
  if (spin === 0) return 'abstain';
  if (spin === 1 || spin === 2) return dissent;
  return majority;
}

export const demoApplicantsInOrder: DemoApplicant[] = [...funded2020, ...notFunded2020];
