import { isAdmin, hasRole, type Policy } from '../../lib/access';

export const accountsPolicy: Policy<null> = {
  'user.create': (actor) => isAdmin(actor),
  'user.list': (actor) => isAdmin(actor),
};

export const grantPolicy: Policy<{ programmeId: string }> = {
  // Programme admins staff their own programme; only system admins create programme admins.
  'role.grant': (actor, s) => isAdmin(actor) || hasRole(actor, ['programme_admin'], { programmeId: s.programmeId }),
};
