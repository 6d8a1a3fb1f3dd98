import { hasRole, isAdmin, type Actor, type Policy } from '../../lib/access';
import { isStaff } from '../organisations/organisations.policy';

/** A solution or organisation as the policy sees it: is the acting user a member of the organisation concerned? */
export interface MembershipSubject {
  isMember: boolean;
}

export const solutionPolicy: Policy<MembershipSubject> = {
  // The catalogue is public: that is its purpose.
  'solution.read': () => true,
  // The organisation that built it describes it; the programme office may help.
  'solution.create': (actor, s) => (actor.kind === 'user' && s.isMember) || isStaff(actor),
  'solution.update': (actor, s) => (actor.kind === 'user' && s.isMember) || isStaff(actor),
};

export const adoptionPolicy: Policy<MembershipSubject> = {
  // Only an organisation's own people say that it reuses something; the system (seed, CLI) may too.
  'solution.adopt': (actor, s) => (actor.kind === 'user' && s.isMember) || isAdmin(actor),
};

export const knowledgePolicy: Policy<MembershipSubject & { kind: 'article' | 'event' }> = {
  'knowledge.read': () => true,
  // Lessons learned come from the projects; the exchange's events from the programme office.
  'knowledge.create': (actor, k) => (k.kind === 'article' && actor.kind === 'user' && k.isMember) || isStaff(actor),
  'knowledge.attendance': (actor, k) => k.kind === 'event' && isStaff(actor),
};

export const cataloguePolicy: Policy<null> = {
  // Reuse first is offered to anyone drafting, so any account.
  'catalogue.similar': (actor) => actor.kind === 'user' || isAdmin(actor),
};

/** Obligations are the programme office's view of its funded projects. */
export const obligationsPolicy: Policy<{ programmeId: string }> = {
  'obligations.read': (actor: Actor, p) => isAdmin(actor) || hasRole(actor, ['programme_admin', 'case_officer'], { programmeId: p.programmeId }),
};
