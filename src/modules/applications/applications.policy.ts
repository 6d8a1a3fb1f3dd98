import { hasRole, isAdmin, type Policy } from '../../lib/access';

const staff = ['programme_admin', 'case_officer'] as const;

/** What the service knows about the actor and the application before asking. */
export interface ApplicationSubject {
  programmeId: string;
  roundId: string;
  isMember: boolean;
}

function isStaff(actor: Parameters<typeof isAdmin>[0], s: { programmeId: string; roundId: string }): boolean {
  return isAdmin(actor) || hasRole(actor, staff, { programmeId: s.programmeId, roundId: s.roundId });
}

export const applicationPolicy: Policy<ApplicationSubject> = {
  // Other applicants must not even learn that an application exists.
  'application.read': (actor, s) => s.isMember || isStaff(actor, s) || 'hide',
  'application.edit': (actor, s) => s.isMember || isStaff(actor, s),
  'application.submit': (actor, s) => s.isMember || isStaff(actor, s),
  'application.withdraw': (actor, s) => s.isMember || isStaff(actor, s),
  'application.check': (actor, s) => isStaff(actor, s),
};

/** Staff change applications after the deadline too; everything they do is audited. */
export function actsAsStaff(actor: Parameters<typeof isAdmin>[0], s: { programmeId: string; roundId: string }): boolean {
  return isStaff(actor, s);
}

export const roundApplicationsPolicy: Policy<{ programmeId: string; roundId: string }> = {
  'applications.list': (actor, s) => isStaff(actor, s),
  'applications.export': (actor, s) => isStaff(actor, s),
};
