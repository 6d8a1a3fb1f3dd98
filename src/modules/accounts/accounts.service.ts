import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../db/connection';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../lib/errors';
import { requireAccess, type Actor, type Grant } from '../../lib/access';
import { applyChange, type ServiceContext } from '../context';
import * as q from './accounts.queries';
import { accountsPolicy, grantPolicy } from './accounts.policy';
import { isLocked, lockAfterFailure, passwordProblems, SESSION_HOURS } from './accounts.rules';
import type { GrantInput, LoginInput, UserInput } from './accounts.schemas';

// Argon2id with the OWASP minimum (19 MiB, 2 passes), so a login stays well under 100 ms here.
const argonOptions = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
// Verified against for unknown emails, so a missing account takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

function rejectWeakPassword(password: string, email: string, path: string): void {
  const problems = passwordProblems(password, email);
  if (problems.length > 0) {
    throw new AppError('PASSWORD_TOO_WEAK', problems.join(' '), { fields: problems.map((message) => ({ path, message })) });
  }
}

export async function createUser(ctx: ServiceContext, input: UserInput): Promise<q.UserRow> {
  requireAccess(ctx.actor, accountsPolicy, 'user.create', null);
  rejectWeakPassword(input.password, input.email, 'password');
  const passwordHash = await hashPassword(input.password);
  try {
    return await applyChange(ctx, async (tx) => {
      const user = await q.insertUser(tx, { email: input.email, displayName: input.displayName, passwordHash, isAdmin: input.isAdmin });
      return {
        result: user,
        event: { action: 'accounts.create', subjectType: 'user', subjectId: user.id, payload: { email: input.email, displayName: input.displayName, isAdmin: input.isAdmin } },
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('EMAIL_TAKEN', undefined, { fields: [{ path: 'email', message: 'This email is taken.' }] });
    throw error;
  }
}

/** For other modules that link accounts (e.g. memberships) and must not reach into these tables. */
export async function accountExists(ctx: ServiceContext, userId: string): Promise<boolean> {
  return (await q.findUser(ctx.db, userId)) !== undefined;
}

/** Finds one account by its exact address, for staff who invite reviewers or seat jury members. */
export async function lookupUser(ctx: ServiceContext, email: string) {
  requireAccess(ctx.actor, accountsPolicy, 'user.lookup', null);
  const user = await q.findUserByEmail(ctx.db, email);
  if (!user) throw new AppError('NOT_FOUND', 'There is no account with this address.', { fields: [{ path: 'email', message: 'Unknown address.' }] });
  return { id: user.id, email: user.email, displayName: user.displayName, isAdmin: user.isAdmin };
}

export async function listUsers(ctx: ServiceContext) {
  requireAccess(ctx.actor, accountsPolicy, 'user.list', null);
  const grants = await q.grantsWithNames(ctx.db);
  return (await q.listUsers(ctx.db)).map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    isAdmin: u.isAdmin,
    grants: grants.filter((g) => g.userId === u.id).map(({ userId: _userId, ...g }) => g),
  }));
}

/** Takes a role away again; the same people who may grant it may revoke it, audited. */
export async function revokeRole(ctx: ServiceContext, userId: string, grantId: string): Promise<void> {
  const grant = await q.findGrant(ctx.db, userId, grantId);
  if (!grant) throw new AppError('NOT_FOUND', 'This person does not hold this role.');
  requireAccess(ctx.actor, grantPolicy, 'role.grant', grant);
  if (grant.role === 'programme_admin' && !(ctx.actor.kind === 'system' || (ctx.actor.kind === 'user' && ctx.actor.isAdmin))) {
    throw new AppError('FORBIDDEN', 'Only system administrators remove programme administrators.');
  }
  await applyChange(ctx, async (tx) => {
    await q.deleteGrant(tx, grantId);
    return { result: undefined, event: { action: 'accounts.revoke', subjectType: 'user', subjectId: userId, payload: { grantId, role: grant.role, programmeId: grant.programmeId, roundId: grant.roundId } } };
  });
}

export async function grantRole(ctx: ServiceContext, userId: string, input: GrantInput): Promise<void> {
  requireAccess(ctx.actor, grantPolicy, 'role.grant', input);
  if (input.role === 'programme_admin' && !(ctx.actor.kind === 'system' || (ctx.actor.kind === 'user' && ctx.actor.isAdmin))) {
    throw new AppError('FORBIDDEN', 'Only system administrators appoint programme administrators.');
  }
  const user = await q.findUser(ctx.db, userId);
  if (!user) throw new AppError('NOT_FOUND', 'There is no such user.');
  await applyChange(ctx, async (tx) => {
    const row = await q.insertGrant(tx, { userId, ...input });
    return { result: row, event: { action: 'accounts.grant', subjectType: 'user', subjectId: userId, payload: input } };
  });
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: q.UserRow;
}

export async function login(db: Db, now: Date, input: LoginInput): Promise<LoginResult> {
  const user = await q.findUserByEmail(db, input.email);
  if (!user || !user.passwordHash) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummyHash, input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (isLocked(user.lockedUntil, now)) {
    throw new AppError('LOGIN_THROTTLED', 'Too many failed logins for this account; try again in a few minutes.', {
      details: { retryAfter: user.lockedUntil!.toISOString() },
    });
  }
  if (!(await verify(user.passwordHash, input.password))) {
    await q.recordFailedLogin(db, user.id, lockAfterFailure(user.failedLogins, now));
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.failedLogins > 0) await q.resetFailedLogins(db, user.id);
  return startSession(db, user, now);
}

/** The one way a session begins, after a password or a single sign-on provider proved who this is. */
export async function startSession(db: Db, user: q.UserRow, now: Date): Promise<LoginResult> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await q.insertSession(db, { tokenHash: hashToken(token), userId: user.id, expiresAt, createdAt: now });
  return { token, expiresAt, user };
}

export async function logout(db: Db, token: string): Promise<void> {
  await q.deleteSession(db, hashToken(token));
}

/** The actor behind a session cookie, with the roles they hold; anonymous when it is not valid. */
export async function actorFromSession(db: Db, token: string | undefined, now: Date): Promise<Actor> {
  if (!token) return { kind: 'anonymous' };
  const session = await q.findLiveSession(db, hashToken(token), now);
  if (!session) return { kind: 'anonymous' };
  return actorForUser(db, session.user);
}

export async function actorForUser(db: Db, user: q.UserRow): Promise<Actor> {
  const grants: Grant[] = (await q.grantsOf(db, user.id)).map((g) => ({ role: g.role, programmeId: g.programmeId, roundId: g.roundId }));
  return { kind: 'user', userId: user.id, email: user.email, displayName: user.displayName, isAdmin: user.isAdmin, grants };
}

export async function describeMe(ctx: ServiceContext) {
  if (ctx.actor.kind !== 'user') return null;
  const user = await q.findUser(ctx.db, ctx.actor.userId);
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isAdmin: user.isAdmin,
    locale: user.locale,
    grants: (await q.grantsWithNames(ctx.db, user.id)).map(({ userId: _userId, ...g }) => g),
  };
}

export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
  currentToken: string | null,
): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const user = await q.findUser(ctx.db, ctx.actor.userId);
  if (!user?.passwordHash || !(await verify(user.passwordHash, input.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong.', { fields: [{ path: 'currentPassword', message: 'Wrong password.' }] });
  }
  rejectWeakPassword(input.newPassword, user.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await applyChange(ctx, async (tx) => {
    await q.setPassword(tx, user.id, passwordHash);
    // Other devices may hold a stolen session; a password change ends them.
    await q.deleteOtherSessions(tx, user.id, currentToken ? hashToken(currentToken) : null);
    return { result: undefined, event: { action: 'accounts.password', subjectType: 'user', subjectId: user.id, payload: {} } };
  });
}
