import { hasRole, isAdmin, type Actor, type Policy } from '../../lib/access';

const staff = ['programme_admin', 'case_officer'] as const;
const jury = ['jury_member', 'jury_chair'] as const;

export interface RoundScope {
  programmeId: string;
  roundId: string;
  published: boolean;
}

export function isOffice(actor: Actor, s: { programmeId: string; roundId: string }): boolean {
  return isAdmin(actor) || hasRole(actor, staff, { programmeId: s.programmeId, roundId: s.roundId });
}

export const publicationPolicy: Policy<RoundScope> = {
  'publication.publish': (actor, s) => isOffice(actor, s),
  // Until the round is published its results do not exist for the public.
  'publication.results.read': (_actor, s) => s.published || 'hide',
  // The office prepares the decision, the jury weighs it; applicants never see it.
  'publication.support.read': (actor, s) => isOffice(actor, s) || hasRole(actor, jury, { programmeId: s.programmeId, roundId: s.roundId }),
};

export interface LetterScope extends RoundScope {
  /** The caller belongs to the applicant organisation. */
  member: boolean;
  decided: boolean;
}

export const letterPolicy: Policy<LetterScope> = {
  // The office has the letter as soon as there is a decision; the applicant once the round is published.
  'publication.letter.read': (actor, s) => (s.decided && (isOffice(actor, s) || (s.member && s.published))) || 'hide',
};
