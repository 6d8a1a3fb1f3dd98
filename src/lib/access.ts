import { AppError } from './errors';

export type Role =
  | 'programme_admin'
  | 'case_officer'
  | 'reviewer'
  | 'jury_member'
  | 'jury_chair'
  | 'applicant'
  | 'project_lead';

/** A role held for a whole programme (roundId null) or for one of its rounds. */
export interface Grant {
  role: Role;
  programmeId: string;
  roundId: string | null;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; email: string; displayName: string; isAdmin: boolean; grants: Grant[] }
  /** The CLI and background jobs act as the system; their changes are audited as such. */
  | { kind: 'system'; label: string };

export const anonymous: Actor = { kind: 'anonymous' };

export function systemActor(label: string): Actor {
  return { kind: 'system', label };
}

/** 'hide' answers as if the subject did not exist, for things whose existence is private. */
export type Decision = boolean | 'hide';
export type Rule<S> = (actor: Actor, subject: S) => Decision;
export type Policy<S> = Record<string, Rule<S>>;

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.isAdmin);
}

export interface Scope {
  programmeId: string;
  roundId?: string | null;
}

/** A programme-wide grant covers every round of the programme; a round grant only its round. */
export function hasRole(actor: Actor, roles: readonly Role[], scope: Scope): boolean {
  if (actor.kind !== 'user') return false;
  return actor.grants.some(
    (g) =>
      roles.includes(g.role) &&
      g.programmeId === scope.programmeId &&
      (g.roundId === null || (scope.roundId != null && g.roundId === scope.roundId)),
  );
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.kind === 'user' && actor.grants.some((g) => roles.includes(g.role));
}

/** The single gate every use case passes: throws 401, 403 or 404 as the policy answers. */
export function requireAccess<S>(actor: Actor, policy: Policy<S>, ability: string, subject: S): void {
  const rule = policy[ability];
  if (!rule) throw new Error(`Unknown ability ${ability}`);
  const decision = rule(actor, subject);
  if (decision === true) return;
  if (decision === 'hide') throw new AppError('NOT_FOUND');
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  throw new AppError('FORBIDDEN', `You may not ${ability.replace(/\./g, ' ')}.`, { details: { ability } });
}

/** The abilities the actor holds on a subject, sent along so the UI shows only what is allowed. */
export function abilitiesOf<S>(actor: Actor, policy: Policy<S>, subject: S): string[] {
  return Object.entries(policy)
    .filter(([, rule]) => rule(actor, subject) === true)
    .map(([name]) => name);
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return `system:${actor.label}`;
  return 'anonymous';
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}
