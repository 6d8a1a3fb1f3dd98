import { hasRole, isAdmin, type Policy } from '../../lib/access';
import type { RoundStatus } from '../../db/schema/programmes';

const managers = ['programme_admin'] as const;
const staff = ['programme_admin', 'case_officer'] as const;

export const programmePolicy: Policy<{ id: string }> = {
  'programme.read': () => true,
  'programme.update': (actor, p) => isAdmin(actor) || hasRole(actor, managers, { programmeId: p.id }),
  'programme.budget': (actor, p) => isAdmin(actor) || hasRole(actor, managers, { programmeId: p.id }),
  'round.create': (actor, p) => isAdmin(actor) || hasRole(actor, managers, { programmeId: p.id }),
};

export const programmeCreatePolicy: Policy<null> = {
  'programme.create': (actor) => isAdmin(actor),
};

export interface RoundSubject {
  id: string;
  programmeId: string;
  status: RoundStatus;
}

export const roundPolicy: Policy<RoundSubject> = {
  // A draft is the office's working copy: to everyone else it does not exist yet.
  'round.read': (actor, r) =>
    r.status !== 'draft' || isAdmin(actor) || hasRole(actor, staff, { programmeId: r.programmeId, roundId: r.id }) || 'hide',
  'round.update': (actor, r) => isAdmin(actor) || hasRole(actor, managers, { programmeId: r.programmeId, roundId: r.id }),
  // The call's structure (dates, money, form, criteria) is fixed once it opens; the UI asks this.
  'round.updateStructure': (actor, r) => r.status === 'draft' && (isAdmin(actor) || hasRole(actor, managers, { programmeId: r.programmeId, roundId: r.id })),
  'round.transition': (actor, r) => isAdmin(actor) || hasRole(actor, staff, { programmeId: r.programmeId, roundId: r.id }),
};
