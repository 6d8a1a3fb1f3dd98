import { hasRole, isAdmin, type Actor, type Policy } from '../../lib/access';
import type { JuryRole } from '../../db/schema/jury';

const staff = ['programme_admin', 'case_officer'] as const;

/** A round's jury as the policy sees it, with the caller's own membership when they have one. */
export interface JuryScope {
  programmeId: string;
  roundId: string;
  /** The caller's membership in this round's jury; null for everyone else. */
  member: { id: string; role: JuryRole } | null;
}

export function isOffice(actor: Actor, s: { programmeId: string; roundId: string }): boolean {
  return isAdmin(actor) || hasRole(actor, staff, { programmeId: s.programmeId, roundId: s.roundId });
}

export const juryPolicy: Policy<JuryScope> = {
  // The programme office staffs the jury and runs its sessions.
  'jury.members.manage': (actor, s) => isOffice(actor, s),
  'jury.sessions.manage': (actor, s) => isOffice(actor, s),
  'jury.settings.edit': (actor, s) => isOffice(actor, s),
  // The jury and the office see the room: members, sessions, rankings and votes. Never applicants.
  'jury.read': (actor, s) => isOffice(actor, s) || s.member !== null,
  'jury.recusals.list': (actor, s) => isOffice(actor, s) || s.member !== null,
  // Only members vote, each as themselves; presence and recusal are checked by the service.
  'jury.vote': (actor, s) => s.member !== null,
  // The decision is recorded by the office or by the chair.
  'jury.decide': (actor, s) => isOffice(actor, s) || s.member?.role === 'chair',
};

/** One application in the jury room: a recused member does not learn it is there. */
export interface JuryApplicationScope extends JuryScope {
  recused: boolean;
}

export const juryApplicationPolicy: Policy<JuryApplicationScope> = {
  'jury.application.read': (actor, s) => isOffice(actor, s) || (s.member !== null && !s.recused) || (s.member !== null ? 'hide' : false),
  'jury.application.vote': (actor, s) => (s.member !== null && !s.recused) || (s.member !== null ? 'hide' : false),
};

/** A recusal is declared by the office, or by the member for themselves. */
export const recusalPolicy: Policy<JuryScope & { forMemberId: string }> = {
  'jury.recusal.declare': (actor, s) => isOffice(actor, s) || s.member?.id === s.forMemberId,
};
