import { hasAnyRole, isAdmin, type Actor, type Policy } from '../../lib/access';

/** Staff of any programme see every applicant: applications reach them from all organisations. */
export function isStaff(actor: Actor): boolean {
  return isAdmin(actor) || hasAnyRole(actor, ['programme_admin', 'case_officer']);
}

export const organisationsPolicy: Policy<null> = {
  // Self-service registration, as funding portals do it: any account may register its applicant.
  'organisation.create': (actor) => actor.kind === 'user' || isAdmin(actor),
  'organisation.list': (actor) => actor.kind === 'user' || isAdmin(actor),
  'organisation.list.all': (actor) => isStaff(actor),
  // Adding an account without an invitation: the CLI, the demo and system administrators.
  'organisation.members.add': (actor) => isAdmin(actor),
  // Accepting needs an account whose email the invitation names.
  'invitation.accept': (actor) => actor.kind === 'user',
};

/** An organisation as the policy sees it: with the acting user's membership, if any. */
export interface OrganisationSubject {
  id: string;
  memberRole: 'admin' | 'member' | null;
}

export const organisationPolicy: Policy<OrganisationSubject> = {
  // That an organisation applies is no secret: everyone sees its name, kind and regions.
  'organisation.read': () => true,
  // Its people are: only members and the programme office see them.
  'organisation.members': (actor, o) => o.memberRole !== null || isStaff(actor),
  'organisation.update': (actor, o) => o.memberRole === 'admin' || isAdmin(actor),
  'organisation.invite': (actor, o) => o.memberRole === 'admin' || isAdmin(actor),
};
