import type { RoleName, SessionUser } from '../api/types';

/** The areas of the app, one per kind of work; a person may hold several. */
export type Area = 'admin' | 'office' | 'review' | 'jury' | 'apply' | 'projects';

export const areaPaths: Record<Area, string> = {
  admin: '/admin',
  office: '/office',
  review: '/review',
  jury: '/jury',
  apply: '/apply',
  projects: '/projects',
};

const areaOfRole: Record<RoleName, Area> = {
  programme_admin: 'office',
  case_officer: 'office',
  reviewer: 'review',
  jury_member: 'jury',
  jury_chair: 'jury',
  applicant: 'apply',
  project_lead: 'projects',
};

const order: Area[] = ['admin', 'office', 'review', 'jury', 'apply', 'projects'];

/** The areas a person may enter, most responsible first. */
export function areasOf(user: SessionUser | null): Area[] {
  if (!user) return [];
  const held = new Set<Area>(user.grants.map((g) => areaOfRole[g.role]));
  if (user.isAdmin) held.add('admin');
  // Anyone with an account may register their municipality and apply, without a grant first.
  if (held.size === 0) held.add('apply');
  return order.filter((a) => held.has(a));
}

/** Where a person lands after login: their most responsible area. */
export function startPageOf(user: SessionUser | null): string {
  const first = areasOf(user)[0];
  return first ? areaPaths[first] : '/';
}

/** Only paths inside the app may be a redirect target, never another site. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/api/')) return null;
  return next;
}

export function rolesForArea(area: Area): RoleName[] {
  return (Object.keys(areaOfRole) as RoleName[]).filter((r) => areaOfRole[r] === area);
}
