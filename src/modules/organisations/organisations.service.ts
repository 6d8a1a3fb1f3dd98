import { createHash, randomBytes } from 'node:crypto';
import { AppError, type FieldProblem } from '../../lib/errors';
import { abilitiesOf, actorUserId, requireAccess } from '../../lib/access';
import type { OrganisationKind } from '../../db/schema/organisations';
import { applyChange, type ServiceContext } from '../context';
import * as regionsService from '../regions/regions.service';
import type { Region } from '../regions/regions.schemas';
import * as q from './organisations.queries';
import { accountExists } from '../accounts/accounts.service';
import { organisationPolicy, organisationsPolicy, type OrganisationSubject } from './organisations.policy';
import { defaultSortName, invitationExpiry, invitationProblem, normaliseEmail, regionProblems, strongerRole } from './organisations.rules';
import type {
  InvitationCreated,
  InvitationInput,
  Member,
  Organisation,
  OrganisationInput,
  OrganisationListItem,
  OrganisationListQuery,
  OrganisationRegion,
  OrganisationUpdate,
} from './organisations.schemas';

/** What other modules (applications, decisions) need to know about an applicant. */
export interface OrganisationSummary {
  id: string;
  kind: OrganisationKind;
  displayName: string;
  sortName: string;
  budgetEmergency: boolean;
  leadRegion: Region;
  partnerRegions: Region[];
}

function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function loadOrganisation(ctx: ServiceContext, id: string): Promise<q.OrganisationRow> {
  const row = await q.findOrganisation(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such organisation.');
  return row;
}

async function subjectOf(ctx: ServiceContext, row: q.OrganisationRow): Promise<OrganisationSubject> {
  const userId = actorUserId(ctx.actor);
  const membership = userId ? await q.membershipOf(ctx.db, row.id, userId) : undefined;
  return { id: row.id, memberRole: membership?.role ?? null };
}

/** The regions of each organisation, lead first and partners in their order, as the register has them. */
async function regionsByOrganisation(ctx: ServiceContext, organisationIds: string[]): Promise<Map<string, OrganisationRegion[]>> {
  const rows = await q.regionsOf(ctx.db, organisationIds);
  const regions = await regionsService.findRegions(ctx, [...new Set(rows.map((r) => r.ars))]);
  const byArs = new Map(regions.map((r) => [r.ars, r]));
  const result = new Map<string, OrganisationRegion[]>(organisationIds.map((id) => [id, []]));
  for (const row of [...rows].sort((a, b) => a.position - b.position)) {
    const region = byArs.get(row.ars);
    if (region) result.get(row.organisationId)?.push({ ...region, role: row.role });
  }
  return result;
}

async function membersOf(ctx: ServiceContext, organisationId: string): Promise<Member[]> {
  return (await q.membersWithNames(ctx.db, organisationId)).map((m) => ({
    userId: m.userId,
    displayName: m.displayName,
    email: m.email,
    role: m.role,
    joinedAt: m.joinedAt.toISOString(),
  }));
}

async function present(ctx: ServiceContext, row: q.OrganisationRow, subject: OrganisationSubject): Promise<Organisation> {
  const regions = (await regionsByOrganisation(ctx, [row.id])).get(row.id) ?? [];
  const base = {
    id: row.id,
    kind: row.kind,
    displayName: row.displayName,
    sortName: row.sortName,
    regions,
    myRole: subject.memberRole,
    abilities: abilitiesOf(ctx.actor, organisationPolicy, subject),
  };
  // Members and the programme office see the whole record; everyone else its public part.
  if (organisationPolicy['organisation.members']!(ctx.actor, subject) !== true) return { ...base, view: 'public' };
  return {
    ...base,
    view: 'full',
    budgetEmergency: row.budgetEmergency,
    createdAt: row.createdAt.toISOString(),
    members: await membersOf(ctx, row.id),
  };
}

async function listItems(ctx: ServiceContext, rows: q.OrganisationRow[]): Promise<OrganisationListItem[]> {
  const regions = await regionsByOrganisation(ctx, rows.map((r) => r.id));
  const userId = actorUserId(ctx.actor);
  const memberships = userId ? await q.membershipsOfUser(ctx.db, userId) : [];
  const roles = new Map(memberships.map((m) => [m.organisationId, m.role]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    displayName: r.displayName,
    sortName: r.sortName,
    regions: regions.get(r.id) ?? [],
    myRole: roles.get(r.id) ?? null,
  }));
}

/** One organisation as the actor may see it: the whole record for members and staff, else its public part. */
export async function getOrganisationForActor(ctx: ServiceContext, id: string): Promise<Organisation> {
  const row = await loadOrganisation(ctx, id);
  const subject = await subjectOf(ctx, row);
  requireAccess(ctx.actor, organisationPolicy, 'organisation.read', subject);
  return present(ctx, row, subject);
}

/** True when the acting user belongs to the organisation (as admin or member). */
export async function isMember(ctx: ServiceContext, organisationId: string): Promise<boolean> {
  const userId = actorUserId(ctx.actor);
  if (!userId) return false;
  return (await q.membershipOf(ctx.db, organisationId, userId)) !== undefined;
}

/** The organisations the acting user belongs to, with their role in each. */
export async function organisationsOfActor(ctx: ServiceContext): Promise<OrganisationListItem[]> {
  const userId = actorUserId(ctx.actor);
  if (!userId) return [];
  const ids = (await q.membershipsOfUser(ctx.db, userId)).map((m) => m.organisationId);
  return listItems(ctx, await q.listOrganisations(ctx.db, { ids, limit: 1000 }));
}

/**
 * An organisation's facts for other modules. Name, kind and regions are public; the budget
 * emergency flag decides the funding rate, so callers show it only where their own rules allow.
 */
export async function organisationSummary(ctx: ServiceContext, id: string): Promise<OrganisationSummary> {
  const [summary] = await organisationSummaries(ctx, [id]);
  if (!summary) throw new AppError('NOT_FOUND', 'There is no such organisation.');
  return summary;
}

/** Summaries of several organisations at once, in the order asked; unknown ids are left out. */
export async function organisationSummaries(ctx: ServiceContext, ids: string[]): Promise<OrganisationSummary[]> {
  const unique = [...new Set(ids)];
  const rows = await q.findOrganisations(ctx.db, unique);
  const regions = await regionsByOrganisation(ctx, rows.map((r) => r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const result: OrganisationSummary[] = [];
  for (const id of unique) {
    const row = byId.get(id);
    if (!row) continue;
    requireAccess(ctx.actor, organisationPolicy, 'organisation.read', { id, memberRole: null });
    const own = regions.get(id) ?? [];
    const strip = ({ role: _role, ...region }: OrganisationRegion): Region => region;
    const lead = own.find((r) => r.role === 'lead');
    if (!lead) throw new Error(`Organisation ${id} has no lead region`);
    result.push({
      id: row.id,
      kind: row.kind,
      displayName: row.displayName,
      sortName: row.sortName,
      budgetEmergency: row.budgetEmergency,
      leadRegion: strip(lead),
      partnerRegions: own.filter((r) => r.role === 'partner').map(strip),
    });
  }
  return result;
}

/** Applicants see their own organisations; the programme office sees all of them. */
export async function listOrganisations(ctx: ServiceContext, query: OrganisationListQuery): Promise<OrganisationListItem[]> {
  requireAccess(ctx.actor, organisationsPolicy, 'organisation.list', null);
  const q_ = query.q?.trim() || undefined;
  if (organisationsPolicy['organisation.list.all']!(ctx.actor, null) === true) {
    return listItems(ctx, await q.listOrganisations(ctx.db, { q: q_, limit: query.limit }));
  }
  const userId = actorUserId(ctx.actor);
  const ids = userId ? (await q.membershipsOfUser(ctx.db, userId)).map((m) => m.organisationId) : [];
  return listItems(ctx, await q.listOrganisations(ctx.db, { ids, q: q_, limit: query.limit }));
}

const keyLengths = new Set([2, 3, 5, 8, 9, 12]);

/**
 * Looks every code up in the register through the regions service. Malformed keys answer
 * REGION_CODE_INVALID, keys the register does not have ORGANISATION_REGIONS_INVALID; either way
 * each problem names its input ("leadRegion", "partnerRegions.2").
 */
async function resolveRegions(ctx: ServiceContext, input: OrganisationInput): Promise<{ lead: Region; partners: Region[] }> {
  const codes = [
    { path: 'leadRegion', code: input.leadRegion },
    ...input.partnerRegions.map((code, i) => ({ path: `partnerRegions.${i}`, code })),
  ];
  const malformed: FieldProblem[] = [];
  const unknown: FieldProblem[] = [];
  const found: Region[] = [];
  for (const { path, code } of codes) {
    if (!keyLengths.has(code.length)) {
      malformed.push({ path, message: `"${code}" is neither an AGS (8 digits) nor an ARS (2, 3, 5, 9 or 12 digits).` });
      continue;
    }
    try {
      found.push(await regionsService.getRegion(ctx, code));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'REGION_CODE_INVALID') malformed.push({ path, message: error.message });
      else if (error.code === 'NOT_FOUND') unknown.push({ path, message: `The register has no region with the key ${code}.` });
      else throw error;
    }
  }
  if (malformed.length > 0) {
    throw new AppError('REGION_CODE_INVALID', malformed.map((p) => `${p.path}: ${p.message}`).join(' '), { fields: malformed });
  }
  if (unknown.length > 0) {
    throw new AppError('ORGANISATION_REGIONS_INVALID', unknown.map((p) => `${p.path}: ${p.message}`).join(' '), { fields: unknown });
  }
  const [lead, ...partners] = found;
  return { lead: lead!, partners };
}

/**
 * Registers an applicant. A user who registers it becomes its administrator; a municipality or
 * district can be registered only once (one applicant, one application per call).
 */
export async function createOrganisation(ctx: ServiceContext, input: OrganisationInput): Promise<Organisation> {
  requireAccess(ctx.actor, organisationsPolicy, 'organisation.create', null);
  const { lead, partners } = await resolveRegions(ctx, input);
  const problems = regionProblems(input.kind, lead, partners);
  if (problems.length > 0) {
    throw new AppError('ORGANISATION_REGIONS_INVALID', problems.map((p) => p.message).join(' '), { fields: problems });
  }
  const sortName = input.sortName ?? defaultSortName(lead.name);
  const userId = actorUserId(ctx.actor);
  const now = ctx.now();
  const id = await applyChange(ctx, async (tx) => {
    if (input.kind !== 'cooperation') {
      await q.lockLeadRegion(tx, lead.ars);
      const existing = await q.findByLead(tx, input.kind, lead.ars);
      if (existing) {
        throw new AppError('CONFLICT', `${lead.name} is registered as an applicant already ("${existing.displayName}"); ask its administrators for an invitation.`, {
          fields: [{ path: 'leadRegion', message: 'Registered already.' }],
          details: { organisationId: existing.id },
        });
      }
    }
    const row = await q.insertOrganisation(tx, {
      kind: input.kind,
      displayName: input.displayName,
      sortName,
      budgetEmergency: input.budgetEmergency,
      createdAt: now,
    });
    await q.insertRegions(tx, [
      { organisationId: row.id, ars: lead.ars, role: 'lead', position: 0 },
      ...partners.map((p, i) => ({ organisationId: row.id, ars: p.ars, role: 'partner' as const, position: i + 1 })),
    ]);
    if (userId) await q.insertMember(tx, { organisationId: row.id, userId, role: 'admin', joinedAt: now });
    return {
      result: row.id,
      event: {
        action: 'organisations.create',
        subjectType: 'organisation',
        subjectId: row.id,
        payload: {
          kind: input.kind,
          displayName: input.displayName,
          sortName,
          budgetEmergency: input.budgetEmergency,
          leadRegion: lead.ars,
          partnerRegions: partners.map((p) => p.ars),
          admin: userId,
        },
      },
    };
  });
  return getOrganisationForActor(ctx, id);
}

/** Names and the budget emergency flag; the regions are fixed once registered. Last write wins. */
export async function updateOrganisation(ctx: ServiceContext, id: string, update: OrganisationUpdate): Promise<Organisation> {
  const row = await loadOrganisation(ctx, id);
  const subject = await subjectOf(ctx, row);
  requireAccess(ctx.actor, organisationPolicy, 'organisation.update', subject);
  const changes: Partial<Pick<q.OrganisationRow, 'displayName' | 'sortName' | 'budgetEmergency'>> = {};
  if (update.displayName !== undefined && update.displayName !== row.displayName) changes.displayName = update.displayName;
  if (update.sortName !== undefined && update.sortName !== row.sortName) changes.sortName = update.sortName;
  if (update.budgetEmergency !== undefined && update.budgetEmergency !== row.budgetEmergency) changes.budgetEmergency = update.budgetEmergency;
  if (Object.keys(changes).length > 0) {
    await applyChange(ctx, async (tx) => {
      const updated = await q.updateOrganisation(tx, row.id, changes);
      if (!updated) throw new AppError('NOT_FOUND', 'There is no such organisation.');
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof changes]]));
      return { result: updated, event: { action: 'organisations.update', subjectType: 'organisation', subjectId: row.id, payload: { changes, before } } };
    });
  }
  return getOrganisationForActor(ctx, row.id);
}

export async function listMembers(ctx: ServiceContext, id: string): Promise<Member[]> {
  const row = await loadOrganisation(ctx, id);
  const subject = await subjectOf(ctx, row);
  requireAccess(ctx.actor, organisationPolicy, 'organisation.members', subject);
  return membersOf(ctx, row.id);
}

/**
 * Invites a person by email. The token goes back once, for the link the administrator sends;
 * the database keeps only its SHA-256, so a leaked database opens no organisation.
 */
export async function inviteMember(ctx: ServiceContext, id: string, input: InvitationInput): Promise<InvitationCreated> {
  const row = await loadOrganisation(ctx, id);
  const subject = await subjectOf(ctx, row);
  requireAccess(ctx.actor, organisationPolicy, 'organisation.invite', subject);
  const email = normaliseEmail(input.email);
  if (await q.memberByEmail(ctx.db, row.id, email)) {
    throw new AppError('CONFLICT', `${email} belongs to ${row.displayName} already.`, { fields: [{ path: 'email', message: 'A member already.' }] });
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expiresAt = invitationExpiry(now);
  const invitation = await applyChange(ctx, async (tx) => {
    const inserted = await q.insertInvitation(tx, {
      organisationId: row.id,
      email,
      role: input.role,
      tokenHash: hashInvitationToken(token),
      invitedBy: actorUserId(ctx.actor),
      expiresAt,
      createdAt: now,
    });
    return {
      result: inserted,
      event: {
        action: 'organisations.invite',
        subjectType: 'organisation',
        subjectId: row.id,
        payload: { invitationId: inserted.id, email, role: input.role, expiresAt: expiresAt.toISOString() },
      },
    };
  });
  return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString(), token };
}

/**
 * The logged-in user joins with a valid, unused, unexpired invitation sent to their email. A user
 * who is a member already keeps their membership (an admin invitation raises it to admin).
 */
export async function acceptInvitation(ctx: ServiceContext, token: string): Promise<Organisation> {
  requireAccess(ctx.actor, organisationsPolicy, 'invitation.accept', null);
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  const { userId, email } = ctx.actor;
  const invalid = (message: string) => new AppError('INVITATION_INVALID', message, { fields: [{ path: 'token', message }] });
  const invitation = await q.findInvitationByHash(ctx.db, hashInvitationToken(token.trim()));
  if (!invitation) throw invalid('This invitation link is not valid.');
  const now = ctx.now();
  const problem = invitationProblem(invitation, email, now);
  if (problem) throw invalid(problem);
  await applyChange(ctx, async (tx) => {
    // Only the first of two simultaneous acceptances finds the invitation unused.
    const consumed = await q.consumeInvitation(tx, invitation.id, now);
    if (!consumed) throw invalid('This invitation has been used already.');
    const existing = await q.membershipOf(tx, invitation.organisationId, userId);
    let role = invitation.role;
    if (existing) {
      role = strongerRole(existing.role, invitation.role);
      if (role !== existing.role) await q.setMemberRole(tx, invitation.organisationId, userId, role);
    } else {
      await q.insertMember(tx, { organisationId: invitation.organisationId, userId, role, joinedAt: now });
    }
    return {
      result: role,
      event: {
        action: 'organisations.join',
        subjectType: 'organisation',
        subjectId: invitation.organisationId,
        payload: { invitationId: invitation.id, userId, role, wasMember: existing !== undefined },
      },
    };
  });
  return getOrganisationForActor(ctx, invitation.organisationId);
}

/** Adds an account directly, without an invitation: for system administrators, the CLI and the demo. */
export async function addMember(ctx: ServiceContext, id: string, userId: string, role: q.MemberRole): Promise<void> {
  const row = await loadOrganisation(ctx, id);
  requireAccess(ctx.actor, organisationsPolicy, 'organisation.members.add', null);
  if (!(await accountExists(ctx, userId))) throw new AppError('NOT_FOUND', 'There is no such account.', { fields: [{ path: 'userId', message: 'Unknown account.' }] });
  await applyChange(ctx, async (tx) => {
    const existing = await q.membershipOf(tx, row.id, userId);
    if (existing?.role === role) return { result: undefined, event: null };
    if (existing) await q.setMemberRole(tx, row.id, userId, role);
    else await q.insertMember(tx, { organisationId: row.id, userId, role, joinedAt: ctx.now() });
    return {
      result: undefined,
      event: { action: 'organisations.join', subjectType: 'organisation', subjectId: row.id, payload: { userId, role, wasMember: existing !== undefined, direct: true } },
    };
  });
}
