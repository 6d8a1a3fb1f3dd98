import { isAdmin, hasAnyRole, hasRole, type Policy } from '../../lib/access';

export const accountsPolicy: Policy<null> = {
  'user.create': (actor) => isAdmin(actor),
  'user.list': (actor) => isAdmin(actor),
  // Staff add known people to pools and juries by address; the answer names one account, not the list.
  'user.lookup': (actor) => isAdmin(actor) || hasAnyRole(actor, ['programme_admin', 'case_officer']),
};

export const grantPolicy: Policy<{ programmeId: string }> = {
  // Programme admins staff their own programme; only system admins create programme admins.
  'role.grant': (actor, s) => isAdmin(actor) || hasRole(actor, ['programme_admin'], { programmeId: s.programmeId }),
};
