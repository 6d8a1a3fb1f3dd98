import { actorUserId, hasRole, isAdmin, type Actor, type Decision, type Policy } from '../../lib/access';

const staff = ['programme_admin', 'case_officer'] as const;

/** The programme office of a programme (all its rounds) or of the grant's round, and site administrators. */
export function isFundingStaff(actor: Actor, s: { programmeId: string; roundId?: string | null }): boolean {
  return isAdmin(actor) || hasRole(actor, staff, { programmeId: s.programmeId, roundId: s.roundId ?? null });
}

/** A grant as the policy sees it, with the caller's relation to it. */
export interface GrantScope {
  programmeId: string;
  roundId: string;
  projectLeadId: string | null;
  /** The caller's role in the grant's organisation, or null. */
  memberRole: 'admin' | 'member' | null;
}

function isLead(actor: Actor, s: GrantScope): boolean {
  const userId = actorUserId(actor);
  return userId !== null && userId === s.projectLeadId;
}

function canSee(actor: Actor, s: GrantScope): boolean {
  return isFundingStaff(actor, s) || isLead(actor, s) || s.memberRole !== null;
}

/** Anonymous callers are told to log in; anyone else who cannot see the grant does not learn it exists. */
function refuse(actor: Actor, s: GrantScope): Decision {
  if (actor.kind === 'anonymous') return false;
  return canSee(actor, s) ? false : 'hide';
}

const staffOnly = (actor: Actor, s: GrantScope): Decision => isFundingStaff(actor, s) || refuse(actor, s);
/** The project acts through its lead or an administrator of its organisation. */
const projectActs = (actor: Actor, s: GrantScope): Decision => isLead(actor, s) || s.memberRole === 'admin' || refuse(actor, s);

export const grantPolicy: Policy<GrantScope> = {
  'funding.read': (actor, s) => canSee(actor, s) || refuse(actor, s),
  'funding.edit': staffOnly,
  'funding.request_disbursement': projectActs,
  'funding.decide_disbursement': staffOnly,
  'funding.submit_report': projectActs,
  'funding.schedule_report': staffOnly,
  'funding.review_report': staffOnly,
};

/** Programme-wide things of the office: making grants, the disbursement queue, the budget. */
export interface ProgrammeScope {
  programmeId: string;
  roundId?: string | null;
}

const officeOnly = (actor: Actor, s: ProgrammeScope): Decision => isFundingStaff(actor, s) || (actor.kind === 'anonymous' ? false : 'hide');

export const programmePolicy: Policy<ProgrammeScope> = {
  'funding.create_grant': officeOnly,
  // The queue and the budget are the office's working tools; their existence is no secret (403).
  'funding.list_disbursements': (actor, s) => isFundingStaff(actor, s),
  'funding.budget': (actor, s) => isFundingStaff(actor, s),
};
