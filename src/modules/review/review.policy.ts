import { hasAnyRole, hasRole, isAdmin, type Actor, type Policy } from '../../lib/access';

const staff = ['programme_admin', 'case_officer'] as const;

/** A round as the policy sees it. */
export interface RoundScope {
  programmeId: string;
  roundId: string;
}

function isStaff(actor: Actor, s: RoundScope): boolean {
  return isAdmin(actor) || hasRole(actor, staff, { programmeId: s.programmeId, roundId: s.roundId });
}

/** What the programme office does with a round's review: pool, conflicts, assignment. */
export const roundReviewPolicy: Policy<RoundScope> = {
  'review.reviewers.list': (actor, s) => isStaff(actor, s),
  'review.reviewers.invite': (actor, s) => isStaff(actor, s),
  'review.conflicts.list': (actor, s) => isStaff(actor, s),
  'review.assign': (actor, s) => isStaff(actor, s),
  'review.assignments.list': (actor, s) => isStaff(actor, s),
  'review.override': (actor, s) => isStaff(actor, s),
  'review.settings.edit': (actor, s) => isStaff(actor, s),
  // The round's reviewers see their deadline too.
  'review.settings.read': (actor, s) => isStaff(actor, s) || hasRole(actor, ['reviewer'], { programmeId: s.programmeId, roundId: s.roundId }),
  // A reviewer of the round tells the office of a conflict themselves.
  'review.conflict.declare': (actor, s) => actor.kind === 'user' && hasRole(actor, ['reviewer'], { programmeId: s.programmeId, roundId: s.roundId }),
  // The office prepares the results; the jury reads them in the jury room, which leaves out what a member is recused from.
  'review.results.read': (actor, s) => isStaff(actor, s),
};

/** A reviewer's own profile: any account holding the reviewer role somewhere keeps one. */
export const profilePolicy: Policy<null> = {
  'review.profile.edit': (actor) => actor.kind === 'user' && hasAnyRole(actor, ['reviewer']),
};

/** One assignment as the reviewer's side sees it. */
export interface AssignmentSubject {
  reviewerId: string;
  /** True when the reviewer has a conflict with the application (derived or declared). */
  conflicted: boolean;
}

export const assignmentPolicy: Policy<AssignmentSubject> = {
  // Another reviewer's assignment, or one the reviewer is conflicted with, does not exist for them.
  'review.assignment.read': (actor, s) => (actor.kind === 'user' && actor.userId === s.reviewerId && !s.conflicted) || 'hide',
};
