import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { AppError } from '../../lib/errors';
import { abilitiesOf, actorUserId, requireAccess } from '../../lib/access';
import { isUniqueViolation } from '../../db/errors';
import type { ApplicationContent, ApplicationStatus } from '../../db/schema/applications';
import { applyChange, type ServiceContext } from '../context';
import * as programmes from '../programmes/programmes.service';
import type { Round } from '../programmes/programmes.schemas';
import * as organisations from '../organisations/organisations.service';
import * as q from './applications.queries';
import { actsAsStaff, applicationPolicy, type ApplicationSubject } from './applications.policy';
import { callState, canMove, draftProblems, eligibilityProblems, emptyContent, financials, rateFor, type Problem, type RoundRules } from './applications.rules';
import type { Application, ApplicationSummary, Receipt } from './applications.schemas';

export interface Loaded {
  row: q.ApplicationRow;
  round: Round;
  subject: ApplicationSubject;
  organisation: { id: string; kind: 'municipality' | 'district' | 'cooperation'; displayName: string };
}

export function referenceOf(row: { id: string }, round: { slug: string }): string {
  return `${round.slug}-${row.id.slice(0, 8).toUpperCase()}`;
}

function rulesOf(round: Round): RoundRules {
  return {
    status: round.status,
    opensAt: new Date(round.opensAt),
    closesAt: new Date(round.closesAt),
    year: round.year,
    eligibleKinds: round.eligibleKinds,
    formSections: round.formSections,
    costCategories: round.costCategories,
    maxRequestCents: round.maxRequestCents,
    envelopeCents: round.envelopeCents,
  };
}

/** Loads an application with what authorization needs; unknown and hidden look the same. */
export async function loadApplication(ctx: ServiceContext, id: string, ability = 'application.read'): Promise<Loaded> {
  const row = await q.findApplication(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such application.');
  const isMember = await organisations.isMember(ctx, row.organisationId);
  const round = await programmes.getRound({ ...ctx, actor: { kind: 'system', label: 'applications' } }, row.roundId);
  const subject = { programmeId: round.programmeId, roundId: round.id, isMember };
  requireAccess(ctx.actor, applicationPolicy, 'application.read', subject);
  if (ability !== 'application.read') requireAccess(ctx.actor, applicationPolicy, ability, subject);
  const summary = await organisations.organisationSummary({ ...ctx, actor: { kind: 'system', label: 'applications' } }, row.organisationId);
  return { row, round, subject, organisation: { id: summary.id, kind: summary.kind, displayName: summary.displayName } };
}

async function present(ctx: ServiceContext, loaded: Loaded): Promise<Application> {
  const { row, round, organisation } = loaded;
  const attachments = await q.attachmentsOf(ctx.db, row.id);
  return {
    id: row.id,
    reference: referenceOf(row, round),
    roundId: row.roundId,
    roundName: round.name,
    programmeId: round.programmeId,
    organisation,
    status: row.status,
    content: row.content,
    eligibleCostsCents: row.eligibleCostsCents,
    rateBp: row.rateBp,
    requestedCents: row.requestedCents,
    ownContributionCents: row.eligibleCostsCents - row.requestedCents,
    version: row.version,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    receiptHash: row.receiptHash,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    formalCheck: row.formalCheck,
    formalCheckReason: row.formalCheckReason,
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, sizeBytes: a.sizeBytes, sha256: a.sha256, uploadedAt: a.uploadedAt.toISOString() })),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesOf(ctx.actor, applicationPolicy, loaded.subject),
  };
}

export async function getApplication(ctx: ServiceContext, id: string): Promise<Application> {
  return present(ctx, await loadApplication(ctx, id));
}

/** Applicants change their application only while the call is open; staff also after it, audited. */
function requireChangeWindow(ctx: ServiceContext, loaded: Loaded): void {
  if (actsAsStaff(ctx.actor, loaded.subject)) return;
  const state = callState(rulesOf(loaded.round), ctx.now());
  if (state === 'closed') throw new AppError('DEADLINE_PASSED', `The deadline was ${loaded.round.closesAt}; only the programme office can change applications now.`);
  if (state === 'not-open') throw new AppError('CALL_NOT_OPEN', 'The call is not open.');
}

export async function createApplication(ctx: ServiceContext, input: { roundId: string; organisationId: string }): Promise<Application> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const round = await programmes.getRound(ctx, input.roundId);
  // The office enters applications on an applicant's behalf too (a paper application, a proven outage).
  const onBehalf = actsAsStaff(ctx.actor, { programmeId: round.programmeId, roundId: round.id }) && !(await organisations.isMember(ctx, input.organisationId));
  if (!onBehalf && !(await organisations.isMember(ctx, input.organisationId))) {
    throw new AppError('FORBIDDEN', 'Only members of the applicant can start its application.', { fields: [{ path: 'organisationId', message: 'You are not a member.' }] });
  }
  if (!actsAsStaff(ctx.actor, { programmeId: round.programmeId, roundId: round.id }) && callState(rulesOf(round), ctx.now()) !== 'open') {
    throw new AppError('CALL_NOT_OPEN', 'Applications can be started only while the call is open.', { fields: [{ path: 'roundId', message: 'The call is not open.' }] });
  }
  const organisation = await organisations.organisationSummary({ ...ctx, actor: { kind: 'system', label: 'applications' } }, input.organisationId);
  const programme = await programmes.getProgramme(ctx, round.programmeId);
  const content = emptyContent(organisation.budgetEmergency);
  try {
    const id = await applyChange(ctx, async (tx) => {
      const row = await q.insertApplication(tx, {
        roundId: round.id,
        organisationId: organisation.id,
        content,
        rateBp: rateFor(programme, content.budgetEmergency),
      });
      await q.insertVersion(tx, { applicationId: row.id, version: 1, content, savedAt: ctx.now(), savedBy: actorUserId(ctx.actor) });
      return { result: row.id, event: { action: 'applications.create', subjectType: 'application', subjectId: row.id, payload: { ...input, onBehalf } } };
    });
    return getApplication(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const existing = await q.findByRoundAndOrganisation(ctx.db, round.id, organisation.id);
      throw new AppError('APPLICATION_EXISTS', undefined, { details: { applicationId: existing?.id } });
    }
    throw error;
  }
}

export async function listMyApplications(ctx: ServiceContext): Promise<ApplicationSummary[]> {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const mine = await organisations.organisationsOfActor(ctx);
  const rows = await q.listForOrganisations(ctx.db, mine.map((o) => o.id));
  const result: ApplicationSummary[] = [];
  for (const row of rows) {
    const loaded = await loadApplication(ctx, row.id);
    result.push(summaryOf(loaded));
  }
  return result;
}

export function summaryOf({ row, round, organisation }: Pick<Loaded, 'row' | 'round' | 'organisation'>): ApplicationSummary {
  return {
    id: row.id,
    reference: referenceOf(row, round),
    roundId: row.roundId,
    roundName: round.name,
    organisation,
    status: row.status,
    title: row.content.title,
    requestedCents: row.requestedCents,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    formalCheck: row.formalCheck,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function rejectProblems(problems: Problem[], code: 'VALIDATION_FAILED' | 'APPLICATION_NOT_ELIGIBLE', message: string): void {
  if (problems.length > 0) throw new AppError(code, `${message} ${problems.map((p) => p.message).join(' ')}`, { fields: problems });
}

/** Saves a draft as a new version; a stale version (a second tab) is refused, nothing is lost. */
export async function saveDraft(ctx: ServiceContext, id: string, input: { version: number; content: ApplicationContent }): Promise<Application> {
  const loaded = await loadApplication(ctx, id, 'application.edit');
  requireChangeWindow(ctx, loaded);
  if (loaded.row.status !== 'draft') {
    throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', `A ${loaded.row.status} application cannot be edited; withdraw or reopen it first.`);
  }
  rejectProblems(draftProblems(input.content, rulesOf(loaded.round)), 'VALIDATION_FAILED', 'The draft was not saved.');
  const programme = await programmes.getProgramme(ctx, loaded.round.programmeId);
  const money = financials(input.content.budget, rateFor(programme, input.content.budgetEmergency));
  await applyChange(ctx, async (tx) => {
    const next = input.version + 1;
    const updated = await q.updateApplication(tx, id, input.version, {
      content: input.content,
      version: next,
      eligibleCostsCents: money.eligibleCostsCents,
      rateBp: money.rateBp,
      requestedCents: money.requestedCents,
    });
    if (!updated) {
      throw new AppError('STALE_VERSION', 'This application was saved elsewhere (another tab or person) in the meantime. Reload to see the newest version; your text is still in this window.', {
        details: { currentVersion: (await q.findApplication(tx, id))?.version },
      });
    }
    await q.insertVersion(tx, { applicationId: id, version: next, content: input.content, savedAt: ctx.now(), savedBy: actorUserId(ctx.actor) });
    return { result: updated, event: { action: 'applications.save', subjectType: 'application', subjectId: id, payload: { version: next } } };
  });
  return getApplication(ctx, id);
}

export async function listVersions(ctx: ServiceContext, id: string) {
  await loadApplication(ctx, id);
  return (await q.listVersions(ctx.db, id)).map((v) => ({ version: v.version, savedAt: v.savedAt.toISOString(), savedBy: v.savedBy }));
}

export async function getVersion(ctx: ServiceContext, id: string, version: number): Promise<ApplicationContent> {
  await loadApplication(ctx, id);
  const content = await q.findVersion(ctx.db, id, version);
  if (!content) throw new AppError('NOT_FOUND', `There is no version ${version}.`);
  return content;
}

export async function checkEligibility(ctx: ServiceContext, id: string): Promise<Problem[]> {
  const loaded = await loadApplication(ctx, id);
  return eligibilityProblems(
    { content: loaded.row.content, organisationKind: loaded.organisation.kind, requestedCents: loaded.row.requestedCents },
    rulesOf(loaded.round),
    ctx.now(),
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function receiptOf(loaded: Loaded, submission: q.SubmissionRow): Receipt {
  return {
    applicationId: loaded.row.id,
    reference: referenceOf(loaded.row, loaded.round),
    version: submission.version,
    submittedAt: submission.submittedAt.toISOString(),
    contentHash: submission.contentHash,
    organisation: loaded.organisation.displayName,
    round: loaded.round.name,
    title: (submission.snapshot as { content: ApplicationContent }).content.title,
  };
}

/**
 * Submits all or nothing. The row is locked, so concurrent retries queue; a retry of the
 * version that was submitted gets the same receipt back instead of an error.
 */
export async function submitApplication(ctx: ServiceContext, id: string, input: { version: number }): Promise<Receipt> {
  const loaded = await loadApplication(ctx, id, 'application.submit');
  const staff = actsAsStaff(ctx.actor, loaded.subject);
  return applyChange(ctx, async (tx) => {
    const row = (await q.lockApplication(tx, id))!;
    if (row.status === 'submitted') {
      const existing = await q.findSubmission(tx, id, row.version);
      if (existing && row.version === input.version) return { result: receiptOf(loaded, existing), event: null };
    }
    if (row.version !== input.version) {
      throw new AppError('STALE_VERSION', 'The application changed since you looked at it; review the newest version and submit again.', { details: { currentVersion: row.version } });
    }
    if (!canMove(row.status, 'submitted')) {
      throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', `A ${row.status} application cannot be submitted; reopen it first.`);
    }
    const now = ctx.now();
    const problems = eligibilityProblems({ content: row.content, organisationKind: loaded.organisation.kind, requestedCents: row.requestedCents }, rulesOf(loaded.round), now)
      // The office may accept a late submission (e.g. after a proven outage); everything else still holds.
      .filter((p) => !(staff && p.path === 'round'));
    if (problems.some((p) => p.path === 'round')) {
      throw new AppError(callState(rulesOf(loaded.round), now) === 'closed' ? 'DEADLINE_PASSED' : 'CALL_NOT_OPEN', problems.find((p) => p.path === 'round')!.message, { fields: problems });
    }
    rejectProblems(problems, 'APPLICATION_NOT_ELIGIBLE', 'The application cannot be submitted yet.');
    const files = await q.attachmentsOf(tx, id);
    const snapshot = {
      applicationId: id,
      roundId: row.roundId,
      organisationId: row.organisationId,
      version: row.version,
      content: row.content,
      financials: financials(row.content.budget, row.rateBp),
      attachments: files.map((f) => ({ filename: f.filename, sizeBytes: f.sizeBytes, sha256: f.sha256 })),
    };
    const contentHash = sha256(canonicalize(snapshot) as string);
    const submission = await q.insertSubmission(tx, { applicationId: id, version: row.version, submittedAt: now, contentHash, snapshot, submittedBy: actorUserId(ctx.actor) });
    await q.updateApplication(tx, id, row.version, { status: 'submitted', submittedAt: now, receiptHash: contentHash, withdrawnAt: null });
    return {
      result: receiptOf(loaded, submission),
      event: { action: 'applications.submit', subjectType: 'application', subjectId: id, payload: { version: row.version, contentHash, late: staff && callState(rulesOf(loaded.round), now) === 'closed' } },
    };
  });
}

export async function getReceipt(ctx: ServiceContext, id: string): Promise<{ receipt: Receipt; snapshot: unknown }> {
  const loaded = await loadApplication(ctx, id);
  const submission = await q.latestSubmission(ctx.db, id);
  if (!submission) throw new AppError('NOT_FOUND', 'The application has not been submitted.');
  return { receipt: receiptOf(loaded, submission), snapshot: submission.snapshot };
}

async function move(ctx: ServiceContext, id: string, to: ApplicationStatus, version: number, ability: string, action: string): Promise<Application> {
  const loaded = await loadApplication(ctx, id, ability);
  requireChangeWindow(ctx, loaded);
  await applyChange(ctx, async (tx) => {
    const row = (await q.lockApplication(tx, id))!;
    if (row.version !== version) throw new AppError('STALE_VERSION', 'The application changed since you looked at it; reload and try again.');
    if (!canMove(row.status, to)) {
      throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', `A ${row.status} application cannot become ${to}.`, { details: { from: row.status, to } });
    }
    // Reopening starts a new version, so the withdrawn submission stays what it was.
    const values = to === 'withdrawn' ? { status: to, withdrawnAt: ctx.now() } : { status: to, version: row.version + 1 };
    const updated = await q.updateApplication(tx, id, row.version, values);
    if (to === 'draft') await q.insertVersion(tx, { applicationId: id, version: row.version + 1, content: row.content, savedAt: ctx.now(), savedBy: actorUserId(ctx.actor) });
    return { result: updated, event: { action, subjectType: 'application', subjectId: id, payload: { from: row.status, to } } };
  });
  return getApplication(ctx, id);
}

export async function withdrawApplication(ctx: ServiceContext, id: string, version: number): Promise<Application> {
  return move(ctx, id, 'withdrawn', version, 'application.withdraw', 'applications.withdraw');
}

export async function reopenApplication(ctx: ServiceContext, id: string, version: number): Promise<Application> {
  return move(ctx, id, 'draft', version, 'application.edit', 'applications.reopen');
}

export { requireChangeWindow };
