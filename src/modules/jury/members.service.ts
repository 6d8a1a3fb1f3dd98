import { AppError } from '../../lib/errors';
import { actorUserId, hasRole, isAdmin, requireAccess, systemActor } from '../../lib/access';
import { isUniqueViolation } from '../../db/errors';
import { applyChange, type ServiceContext } from '../context';
import * as accounts from '../accounts/accounts.service';
import * as applications from '../applications/applications.service';
import * as organisations from '../organisations/organisations.service';
import * as programmes from '../programmes/programmes.service';
import type { Round } from '../programmes/programmes.schemas';
import * as regions from '../regions/regions.service';
import * as reviewers from '../review/reviewers.service';
import { deriveConflicts, type Conflict, type Person } from '../review/review.rules';
import * as q from './jury.queries';
import { juryPolicy, recusalPolicy, type JuryScope } from './jury.policy';
import { DEFAULT_QUORUM_BASIS_POINTS, quorumNeeded } from './jury.rules';
import type { Member, MemberInput, Recusal, RecusalInput, Settings, SettingsInput } from './jury.schemas';

// ── Shared helpers of the jury's services ─────────────────────────────────────────────

/** Reads of other modules the jury needs whatever the caller may see there; the jury's policy decides first. */
export function asSystem(ctx: ServiceContext): ServiceContext {
  return { ...ctx, actor: systemActor('jury') };
}

/** The round, read as the system: jury members need not see the round's page; unknown rounds answer 404. */
export async function loadRound(ctx: ServiceContext, roundId: string): Promise<Round> {
  return programmes.getRound(asSystem(ctx), roundId);
}

/** The policy's view of a round, with the caller's own membership. */
export async function scopeOf(ctx: ServiceContext, round: Round): Promise<JuryScope & { memberRow: q.MemberRow | null }> {
  const userId = actorUserId(ctx.actor);
  const row = userId ? ((await q.findMemberByUser(ctx.db, round.id, userId)) ?? null) : null;
  return { programmeId: round.programmeId, roundId: round.id, member: row ? { id: row.id, role: row.role } : null, memberRow: row };
}

function toMember(row: { member: q.MemberRow; displayName: string; email: string }): Member {
  const m = row.member;
  return {
    id: m.id,
    userId: m.userId,
    displayName: row.displayName,
    email: row.email,
    role: m.role,
    affiliation: m.affiliation,
    employerOrganisationId: m.employerOrganisationId,
    homeArs: m.homeArs,
  };
}

// ── Settings ──────────────────────────────────────────────────────────────────────────

export async function quorumBasisPoints(ctx: ServiceContext, roundId: string): Promise<number> {
  return (await q.findSettings(ctx.db, roundId))?.quorumBasisPoints ?? DEFAULT_QUORUM_BASIS_POINTS;
}

export async function getSettings(ctx: ServiceContext, roundId: string): Promise<Settings> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, juryPolicy, 'jury.read', await scopeOf(ctx, round));
  return settingsOf(ctx, round.id);
}

export async function settingsOf(ctx: ServiceContext, roundId: string): Promise<Settings> {
  const stored = await q.findSettings(ctx.db, roundId);
  const basis = stored?.quorumBasisPoints ?? DEFAULT_QUORUM_BASIS_POINTS;
  const members = await q.memberCount(ctx.db, roundId);
  return { roundId, quorumBasisPoints: basis, memberCount: members, quorumNeeded: quorumNeeded(members, basis), balanceRules: stored?.balanceRules ?? [] };
}

export async function updateSettings(ctx: ServiceContext, roundId: string, input: SettingsInput): Promise<Settings> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, juryPolicy, 'jury.settings.edit', await scopeOf(ctx, round));
  await applyChange(ctx, async (tx) => {
    const row = await q.upsertSettings(tx, {
      roundId: round.id,
      quorumBasisPoints: input.quorumBasisPoints,
      ...(input.balanceRules ? { balanceRules: input.balanceRules } : {}),
      updatedAt: ctx.now(),
    });
    return {
      result: row,
      event: { action: 'jury.settings', subjectType: 'round', subjectId: round.id, payload: { quorumBasisPoints: row.quorumBasisPoints, balanceRules: row.balanceRules } },
    };
  });
  return settingsOf(ctx, round.id);
}

// ── Members ───────────────────────────────────────────────────────────────────────────

export async function listMembers(ctx: ServiceContext, roundId: string): Promise<Member[]> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, juryPolicy, 'jury.read', await scopeOf(ctx, round));
  return (await q.membersOf(ctx.db, round.id)).map(toMember);
}

/** The register's ARS for an AGS or ARS the office typed; problems name the field. */
async function resolveHome(ctx: ServiceContext, code: string): Promise<string> {
  try {
    return (await regions.getRegion(asSystem(ctx), code)).ars;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'REGION_CODE_INVALID')) {
      throw new AppError('VALIDATION_FAILED', `homeArs: the register has no region with the key ${code}.`, { fields: [{ path: 'homeArs', message: error.message }] });
    }
    throw error;
  }
}

/**
 * Adds a person to the round's jury and grants them the jury role for the round (jury_chair
 * for the chair), in one transaction. The jury has at most the round's jury size and exactly
 * one chair; both are checked under the round's lock, so concurrent additions cannot overshoot.
 */
export async function addMember(ctx: ServiceContext, roundId: string, input: MemberInput): Promise<Member> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, juryPolicy, 'jury.members.manage', await scopeOf(ctx, round));
  if (!(await accounts.accountExists(ctx, input.userId))) {
    throw new AppError('NOT_FOUND', 'There is no such account.', { fields: [{ path: 'userId', message: 'Unknown account.' }] });
  }
  const homeArs = input.homeArs ? await resolveHome(ctx, input.homeArs) : null;
  if (input.employerOrganisationId) {
    const found = await organisations.organisationSummaries(asSystem(ctx), [input.employerOrganisationId]);
    if (found.length === 0) {
      throw new AppError('VALIDATION_FAILED', 'There is no such organisation.', { fields: [{ path: 'employerOrganisationId', message: 'Unknown organisation.' }] });
    }
  }
  const role = input.role ?? 'member';
  // Case officers staff the jury too; the grant is theirs to ask for, recorded as the jury module's.
  const granter = isAdmin(ctx.actor) || hasRole(ctx.actor, ['programme_admin'], { programmeId: round.programmeId }) ? ctx.actor : systemActor('jury.member');
  const row = await applyChange(ctx, async (tx) => {
    const locked = await q.lockRoundForMoney(tx, round.id);
    if (!locked) throw new AppError('NOT_FOUND', 'There is no such round.');
    if (await q.findMemberByUser(tx, round.id, input.userId)) {
      throw new AppError('CONFLICT', 'This person is a member of the jury already.', { fields: [{ path: 'userId', message: 'A member already.' }] });
    }
    const members = await q.membersOf(tx, round.id);
    if (members.length >= locked.jurySize) {
      throw new AppError('JURY_FULL', `The jury of this round has ${locked.jurySize} members, as many as the round allows.`, { details: { jurySize: locked.jurySize } });
    }
    if (role === 'chair' && members.some((m) => m.member.role === 'chair')) {
      throw new AppError('JURY_CHAIR_EXISTS', 'The jury has a chair already; a jury has exactly one.', { fields: [{ path: 'role', message: 'The jury has a chair already.' }] });
    }
    try {
      await accounts.grantRole({ ...ctx, db: tx, actor: granter }, input.userId, { role: role === 'chair' ? 'jury_chair' : 'jury_member', programmeId: round.programmeId, roundId: round.id });
    } catch (error) {
      // Holding the role already is fine (the savepoint of the grant was rolled back).
      if (!isUniqueViolation(error)) throw error;
    }
    const inserted = await q.insertMember(tx, {
      roundId: round.id,
      userId: input.userId,
      role,
      affiliation: input.affiliation,
      employerOrganisationId: input.employerOrganisationId ?? null,
      homeArs,
      createdAt: ctx.now(),
    });
    return {
      result: inserted,
      event: {
        action: 'jury.member.add',
        subjectType: 'round',
        subjectId: round.id,
        payload: { ...inserted, createdAt: inserted.createdAt.toISOString() },
      },
    };
  });
  return (await listMembers(asSystem(ctx), round.id)).find((m) => m.id === row.id)!;
}

// ── Recusals ──────────────────────────────────────────────────────────────────────────

/** What recusals of one member are derived from: home and employer, plus their declared recusals. */
export async function personOf(ctx: ServiceContext, member: q.MemberRow, declared: q.RecusalRow[]): Promise<Person> {
  const [home] = member.homeArs ? await regions.findRegions(ctx, [member.homeArs]) : [];
  return {
    homeRegion: home ? { ars: home.ars, ags: home.ags } : null,
    employer: member.employerOrganisationId ? { organisationId: member.employerOrganisationId } : null,
    declared: declared.filter((d) => d.memberId === member.id).map((d) => ({ applicationId: d.applicationId, reason: d.reason })),
  };
}

/** Every recusal of one member among the given applications, by application id. */
export async function recusalsFor(ctx: ServiceContext, member: q.MemberRow, facts: reviewers.ApplicationFacts[]): Promise<Map<string, Conflict[]>> {
  const person = await personOf(ctx, member, await q.recusalsOfMember(ctx.db, member.id));
  const result = new Map<string, Conflict[]>();
  for (const a of facts) {
    const conflicts = deriveConflicts(person, a.parties);
    if (conflicts.length > 0) result.set(a.id, conflicts);
  }
  return result;
}

/** True when the member is recused from the application (derived or declared). */
export async function isRecused(ctx: ServiceContext, member: q.MemberRow, facts: reviewers.ApplicationFacts): Promise<boolean> {
  return (await recusalsFor(ctx, member, [facts])).has(facts.id);
}

/** The application's facts when it belongs to the round; NOT_FOUND otherwise. */
export async function roundApplication(ctx: ServiceContext, roundId: string, applicationId: string): Promise<reviewers.ApplicationFacts> {
  try {
    const [facts] = await reviewers.applicationFacts(ctx, [applicationId]);
    if (facts && facts.roundId === roundId) return facts;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
  }
  throw new AppError('NOT_FOUND', 'The round has no such application.');
}

/**
 * The round's recusals, derived and declared, each with its reason. The office sees all of
 * them; a member sees their own.
 */
export async function listRecusals(ctx: ServiceContext, roundId: string): Promise<Recusal[]> {
  const round = await loadRound(ctx, roundId);
  const scope = await scopeOf(ctx, round);
  requireAccess(ctx.actor, juryPolicy, 'jury.recusals.list', scope);
  const members = (await q.membersOf(ctx.db, round.id)).map((m) => m.member).filter((m) => scope.member === null || m.id === scope.member.id);
  const facts = await reviewers.reviewableApplications(asSystem(ctx), round.id);
  const result: Recusal[] = [];
  for (const member of members) {
    for (const [applicationId, conflicts] of await recusalsFor(ctx, member, facts)) {
      for (const c of conflicts) {
        result.push({ memberId: member.id, applicationId, source: c.reason === 'declared' ? 'declared' : 'derived', rule: c.rule, reason: c.detail });
      }
    }
  }
  return result;
}

/** The office, or the member for themselves, declares that a member is recused from an application, with the reason. */
export async function declareRecusal(ctx: ServiceContext, roundId: string, input: RecusalInput): Promise<Recusal> {
  const round = await loadRound(ctx, roundId);
  const scope = await scopeOf(ctx, round);
  const member = await q.findMember(ctx.db, input.memberId);
  if (!member || member.roundId !== round.id) {
    throw new AppError('NOT_FOUND', 'The jury has no such member.', { fields: [{ path: 'memberId', message: 'Unknown member.' }] });
  }
  requireAccess(ctx.actor, recusalPolicy, 'jury.recusal.declare', { ...scope, forMemberId: member.id });
  try {
    await roundApplication(asSystem(ctx), round.id, input.applicationId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('VALIDATION_FAILED', 'The round has no such application.', { fields: [{ path: 'applicationId', message: 'Unknown application.' }] });
    }
    throw error;
  }
  const reason = input.reason.trim();
  await applyChange(ctx, async (tx) => {
    const row = await q.insertRecusal(tx, { memberId: member.id, applicationId: input.applicationId, reason, createdAt: ctx.now() });
    // Declaring the same recusal again changes nothing and records nothing.
    if (!row) return { result: null, event: null };
    return {
      result: row,
      event: { action: 'jury.recuse', subjectType: 'application', subjectId: row.applicationId, payload: { ...row, createdAt: row.createdAt.toISOString() } },
    };
  });
  return { memberId: member.id, applicationId: input.applicationId, source: 'declared', rule: 'declared-application', reason: `Selbst angezeigter Interessenkonflikt mit diesem Antrag: ${reason}` };
}

/** The caller's application, read as the system, for services that checked the caller's rights already. */
export async function applicationOf(ctx: ServiceContext, applicationId: string) {
  return applications.getApplication(asSystem(ctx), applicationId);
}
