import { AppError, type FieldProblem } from '../../lib/errors';
import { actorUserId, hasRole, isAdmin, requireAccess, systemActor } from '../../lib/access';
import { isUniqueViolation } from '../../db/errors';
import { applyChange, type ServiceContext } from '../context';
import * as accounts from '../accounts/accounts.service';
import * as applications from '../applications/applications.service';
import * as office from '../applications/office.service';
import * as organisations from '../organisations/organisations.service';
import * as programmes from '../programmes/programmes.service';
import type { Round } from '../programmes/programmes.schemas';
import * as regions from '../regions/regions.service';
import type { Region } from '../regions/regions.schemas';
import * as q from './review.queries';
import { profilePolicy, roundReviewPolicy, type RoundScope } from './review.policy';
import { deriveConflicts, type ApplicationParties, type Conflict, type Person } from './review.rules';
import type { ConflictEntry, ConflictInput, DeclaredConflict, InviteInput, Profile, ProfileInput, RoundReviewer } from './review.schemas';
import { applicationText } from '../../lib/text/affinity';
import type { ApplicationContent } from '../../db/schema/applications';

/** Reads other modules need to answer whatever the caller may see; the caller's rights are checked here. */
export function asSystem(ctx: ServiceContext): ServiceContext {
  return { ...ctx, actor: systemActor('review') };
}

export function scopeOf(round: Round): RoundScope {
  return { programmeId: round.programmeId, roundId: round.id };
}

/** The round as the office's review pages need it; unknown and hidden rounds answer 404. */
export async function loadRound(ctx: ServiceContext, roundId: string): Promise<Round> {
  return programmes.getRound(ctx, roundId);
}

// ── Facts for conflicts and affinity ────────────────────────────────────────────────────

export interface ApplicationFacts {
  id: string;
  reference: string;
  roundId: string;
  organisationId: string;
  organisationName: string;
  /** The lead region's Land, "01" … "16". */
  land: string;
  content: ApplicationContent;
  text: string;
  parties: ApplicationParties;
}

export interface ReviewerFacts {
  id: string;
  displayName: string;
  email: string;
  minLoad: number;
  maxLoad: number;
  /** The home region's Land, when the profile names a home. */
  land: string | undefined;
  keywords: string[];
  expertise: string;
  person: Person;
}

/** Applications by id with their organisation's regions (read as the system: callers check rights first). */
export async function applicationFacts(ctx: ServiceContext, ids: string[]): Promise<ApplicationFacts[]> {
  const sys = asSystem(ctx);
  const loaded = [];
  for (const id of ids) loaded.push(await applications.getApplication(sys, id));
  const summaries = new Map((await organisations.organisationSummaries(sys, loaded.map((a) => a.organisation.id))).map((s) => [s.id, s]));
  return loaded.map((a) => {
    const summary = summaries.get(a.organisation.id)!;
    return {
      id: a.id,
      reference: a.reference,
      roundId: a.roundId,
      organisationId: a.organisation.id,
      organisationName: a.organisation.displayName,
      land: summary.leadRegion.ars.slice(0, 2),
      content: a.content,
      text: applicationText(a.content),
      parties: {
        applicationId: a.id,
        organisationId: a.organisation.id,
        regions: [
          { ars: summary.leadRegion.ars, ags: summary.leadRegion.ags, role: 'lead' as const },
          ...summary.partnerRegions.map((r) => ({ ars: r.ars, ags: r.ags, role: 'partner' as const })),
        ],
      },
    };
  });
}

/** The round's applications that go to review: submitted, and not found ineligible by the formal check. */
export async function reviewableApplications(ctx: ServiceContext, roundId: string): Promise<ApplicationFacts[]> {
  const rows = await office.listRoundApplications(asSystem(ctx), roundId, { status: 'submitted' });
  return applicationFacts(ctx, rows.filter((r) => r.formalCheck !== 'ineligible').map((r) => r.id));
}

function personOf(profile: q.ProfileRow | null, homeRegion: Region | undefined, declared: q.DeclaredConflictRow[]): Person {
  const employer =
    profile?.employerOrganisationId || profile?.employerArs
      ? { ...(profile.employerOrganisationId ? { organisationId: profile.employerOrganisationId } : {}), ...(profile.employerArs ? { regionArs: profile.employerArs } : {}) }
      : null;
  return {
    homeRegion: homeRegion ? { ars: homeRegion.ars, ags: homeRegion.ags } : null,
    employer,
    declared: declared.map((d) => ({
      ...(d.applicationId ? { applicationId: d.applicationId } : {}),
      ...(d.organisationId ? { organisationId: d.organisationId } : {}),
      reason: d.reason,
    })),
  };
}

/** The round's reviewers with what conflicts and affinity are computed from. */
export async function reviewerFacts(ctx: ServiceContext, roundId: string): Promise<ReviewerFacts[]> {
  const rows = await q.roundReviewersOf(ctx.db, roundId);
  const homes = new Map(
    (await regions.findRegions(ctx, [...new Set(rows.map((r) => r.profile?.homeArs).filter((a): a is string => !!a))])).map((r) => [r.ars, r]),
  );
  const declared = await q.declaredConflictsOf(ctx.db, rows.map((r) => r.member.userId));
  return rows.map((r) => {
    const home = r.profile?.homeArs ? homes.get(r.profile.homeArs) : undefined;
    return {
      id: r.member.userId,
      displayName: r.displayName,
      email: r.email,
      minLoad: r.member.minLoad,
      maxLoad: r.member.maxLoad,
      land: home?.ars.slice(0, 2),
      keywords: r.profile?.keywords ?? [],
      expertise: r.profile?.expertise ?? '',
      person: personOf(r.profile, home, declared.filter((d) => d.userId === r.member.userId)),
    };
  });
}

/** One person's facts, whether or not they are in a round's pool (for the reviewer's own view). */
export async function personFacts(ctx: ServiceContext, userId: string): Promise<Person> {
  const profile = (await q.findProfile(ctx.db, userId)) ?? null;
  const [home] = profile?.homeArs ? await regions.findRegions(ctx, [profile.homeArs]) : [];
  return personOf(profile, home, await q.declaredConflictsOf(ctx.db, [userId]));
}

export function conflictsOf(person: Person, application: ApplicationFacts): Conflict[] {
  return deriveConflicts(person, application.parties);
}

// ── Profiles ────────────────────────────────────────────────────────────────────────────

const keyLengths = new Set([2, 3, 5, 8, 9, 12]);

/** Looks a region up by AGS or ARS through the regions service; problems name the input field. */
async function resolveRegion(ctx: ServiceContext, path: string, code: string): Promise<Region> {
  const refuse = (message: string, code_: 'REGION_CODE_INVALID' | 'VALIDATION_FAILED') => new AppError(code_, `${path}: ${message}`, { fields: [{ path, message }] });
  if (!keyLengths.has(code.length)) throw refuse(`"${code}" is neither an AGS (8 digits) nor an ARS (2, 3, 5, 9 or 12 digits).`, 'REGION_CODE_INVALID');
  try {
    return await regions.getRegion(ctx, code);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'REGION_CODE_INVALID') throw refuse(error.message, 'REGION_CODE_INVALID');
    if (error.code === 'NOT_FOUND') throw refuse(`The register has no region with the key ${code}.`, 'VALIDATION_FAILED');
    throw error;
  }
}

async function presentProfile(ctx: ServiceContext, userId: string, row: q.ProfileRow | undefined): Promise<Profile> {
  const keys = [row?.homeArs, row?.employerArs].filter((a): a is string => !!a);
  const found = new Map((await regions.findRegions(ctx, keys)).map((r) => [r.ars, r]));
  const employer = row?.employerOrganisationId ? await organisations.organisationSummary(asSystem(ctx), row.employerOrganisationId) : null;
  return {
    userId,
    keywords: row?.keywords ?? [],
    expertise: row?.expertise ?? '',
    homeRegion: (row?.homeArs && found.get(row.homeArs)) || null,
    employerOrganisation: employer ? { id: employer.id, displayName: employer.displayName } : null,
    employerRegion: (row?.employerArs && found.get(row.employerArs)) || null,
    capacity: row?.capacity ?? 10,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

function requireUser(ctx: ServiceContext): string {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new AppError('UNAUTHENTICATED');
  return userId;
}

export async function getMyProfile(ctx: ServiceContext): Promise<Profile> {
  const userId = requireUser(ctx);
  requireAccess(ctx.actor, profilePolicy, 'review.profile.edit', null);
  return presentProfile(ctx, userId, await q.findProfile(ctx.db, userId));
}

/** The reviewer's own expertise, home and employer; conflicts and affinity follow from them. */
export async function saveMyProfile(ctx: ServiceContext, input: ProfileInput): Promise<Profile> {
  const userId = requireUser(ctx);
  requireAccess(ctx.actor, profilePolicy, 'review.profile.edit', null);
  const home = input.homeRegion ? await resolveRegion(ctx, 'homeRegion', input.homeRegion) : null;
  const employerRegion = input.employerRegion ? await resolveRegion(ctx, 'employerRegion', input.employerRegion) : null;
  if (input.employerOrganisationId) {
    try {
      await organisations.organisationSummary(asSystem(ctx), input.employerOrganisationId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        throw new AppError('VALIDATION_FAILED', 'There is no such organisation.', { fields: [{ path: 'employerOrganisationId', message: 'Unknown organisation.' }] });
      }
      throw error;
    }
  }
  const keywords = [...new Map(input.keywords.map((k) => [k.toLowerCase(), k])).values()];
  const row = await applyChange(ctx, async (tx) => {
    const saved = await q.upsertProfile(tx, {
      userId,
      keywords,
      expertise: input.expertise,
      homeArs: home?.ars ?? null,
      employerOrganisationId: input.employerOrganisationId,
      employerArs: employerRegion?.ars ?? null,
      capacity: input.capacity,
      updatedAt: ctx.now(),
    });
    return {
      result: saved,
      event: {
        action: 'review.profile',
        subjectType: 'user',
        subjectId: userId,
        payload: { keywords, homeArs: saved.homeArs, employerOrganisationId: saved.employerOrganisationId, employerArs: saved.employerArs, capacity: saved.capacity },
      },
    };
  });
  return presentProfile(ctx, userId, row);
}

// ── The round's pool ────────────────────────────────────────────────────────────────────

export async function listRoundReviewers(ctx: ServiceContext, roundId: string): Promise<RoundReviewer[]> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.reviewers.list', scopeOf(round));
  const rows = await q.roundReviewersOf(ctx.db, round.id);
  return rows.map((r) => ({
    userId: r.member.userId,
    displayName: r.displayName,
    email: r.email,
    minLoad: r.member.minLoad,
    maxLoad: r.member.maxLoad,
    invitedAt: r.member.invitedAt.toISOString(),
    hasProfile: r.profile !== null,
    homeRegion: r.profile?.homeArs ?? null,
    keywords: r.profile?.keywords ?? [],
  }));
}

/**
 * Adds a person to the round's pool: grants them the reviewer role for the round (through the
 * accounts service, in the same transaction) and records their load. Inviting again updates the load.
 */
export async function inviteReviewer(ctx: ServiceContext, roundId: string, input: InviteInput): Promise<RoundReviewer> {
  const round = await loadRound(ctx, roundId);
  const scope = scopeOf(round);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.reviewers.invite', scope);
  if (!(await accounts.accountExists(ctx, input.userId))) {
    throw new AppError('NOT_FOUND', 'There is no such account.', { fields: [{ path: 'userId', message: 'Unknown account.' }] });
  }
  const profile = await q.findProfile(ctx.db, input.userId);
  const maxLoad = input.maxLoad ?? profile?.capacity ?? 10;
  if (input.minLoad > maxLoad) {
    throw new AppError('VALIDATION_FAILED', `minLoad ${input.minLoad} exceeds the maximum load ${maxLoad}.`, { fields: [{ path: 'minLoad', message: 'Larger than the maximum load.' }] });
  }
  // Case officers staff a round's review too; the grant is theirs to ask for, recorded as the review module's.
  const granter = isAdmin(ctx.actor) || hasRole(ctx.actor, ['programme_admin'], { programmeId: round.programmeId }) ? ctx.actor : systemActor('review.invite');
  await applyChange(ctx, async (tx) => {
    const existing = await q.findRoundReviewer(tx, round.id, input.userId);
    try {
      await accounts.grantRole({ ...ctx, db: tx, actor: granter }, input.userId, { role: 'reviewer', programmeId: round.programmeId, roundId: round.id });
    } catch (error) {
      // Holding the role already is fine (the savepoint of the grant was rolled back).
      if (!isUniqueViolation(error)) throw error;
    }
    const row = await q.upsertRoundReviewer(tx, { roundId: round.id, userId: input.userId, minLoad: input.minLoad, maxLoad, invitedAt: existing?.invitedAt ?? ctx.now() });
    return {
      result: row,
      event: {
        action: 'review.invite',
        subjectType: 'round',
        subjectId: round.id,
        payload: { userId: input.userId, minLoad: row.minLoad, maxLoad: row.maxLoad, again: existing !== undefined },
      },
    };
  });
  return (await listRoundReviewers(ctx, round.id)).find((r) => r.userId === input.userId)!;
}

// ── Conflicts ───────────────────────────────────────────────────────────────────────────

/** A reviewer of the round declares a conflict with an application of the round or with an organisation. */
export async function declareConflict(ctx: ServiceContext, roundId: string, input: ConflictInput): Promise<DeclaredConflict> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.conflict.declare', scopeOf(round));
  const userId = requireUser(ctx);
  const problems: FieldProblem[] = [];
  if (input.applicationId) {
    const found = await applications.getApplication(asSystem(ctx), input.applicationId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!found || found.roundId !== round.id) problems.push({ path: 'applicationId', message: 'The round has no such application.' });
  }
  if (input.organisationId) {
    const found = await organisations.organisationSummaries(asSystem(ctx), [input.organisationId]);
    if (found.length === 0) problems.push({ path: 'organisationId', message: 'There is no such organisation.' });
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems.map((p) => p.message).join(' '), { fields: problems });
  const row = await applyChange(ctx, async (tx) => {
    const inserted = await q.insertDeclaredConflict(tx, {
      userId,
      applicationId: input.applicationId ?? null,
      organisationId: input.organisationId ?? null,
      reason: input.reason,
      createdAt: ctx.now(),
    });
    return {
      result: inserted,
      event: { action: 'review.declare', subjectType: 'round', subjectId: round.id, payload: { conflictId: inserted.id, userId, applicationId: inserted.applicationId, organisationId: inserted.organisationId, reason: input.reason } },
    };
  });
  return {
    id: row.id,
    userId: row.userId,
    applicationId: row.applicationId,
    organisationId: row.organisationId,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every conflicted pair of the round's reviewers and reviewable applications, each with its reasons. */
export async function listConflicts(ctx: ServiceContext, roundId: string): Promise<ConflictEntry[]> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.conflicts.list', scopeOf(round));
  const apps = await reviewableApplications(ctx, round.id);
  const reviewers = await reviewerFacts(ctx, round.id);
  const result: ConflictEntry[] = [];
  for (const a of apps) {
    for (const r of reviewers) {
      const conflicts = conflictsOf(r.person, a);
      if (conflicts.length === 0) continue;
      result.push({
        applicationId: a.id,
        reference: a.reference,
        organisation: a.organisationName,
        reviewerId: r.id,
        reviewerName: r.displayName,
        conflicts: conflicts.map((c) => ({ reason: c.reason, rule: c.rule, detail: c.detail })),
      });
    }
  }
  return result;
}
