import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../modules/context';
import * as applications from '../../modules/applications/applications.service';
import * as office from '../../modules/applications/office.service';
import * as organisations from '../../modules/organisations/organisations.service';
import * as programmes from '../../modules/programmes/programmes.service';
import type { Round } from '../../modules/programmes/programmes.schemas';
import { DEMO_2020, contentOf, demoApplicants2020, sortNameOf, timelineOf, type DemoApplicant } from './demo-applications.data';
import { demoRegions } from './demo-regions.data';

/** When the office's formal check of the 2020 round took place (demo assumption). */
const FORMAL_CHECK_AT = new Date('2020-05-12T09:00:00+02:00');

const agsByArs = new Map(demoRegions.map((r) => [r.ars, r.ags]));

/**
 * How an application of the round is recognised again: a municipality or district applies once
 * per call, so kind and lead identify it; a cooperation also by its name.
 */
function keyOf(kind: DemoApplicant['kind'], leadAgs: string, displayName: string): string {
  return kind === 'cooperation' ? `${kind}|${leadAgs}|${displayName}` : `${kind}|${leadAgs}`;
}

function keyOfApplicant(a: DemoApplicant): string {
  return keyOf(a.kind, agsByArs.get(a.lead) ?? a.lead, a.displayName);
}

function at(ctx: ServiceContext, time: Date): ServiceContext {
  return { db: ctx.db, actor: ctx.actor, now: () => time };
}

async function existingApplications(ctx: ServiceContext, round: Round): Promise<Map<string, office.OfficeRow>> {
  const rows = await office.listRoundApplications(ctx, round.id, {});
  return new Map(rows.map((r) => [keyOf(r.kind, r.leadAgs, r.organisation), r]));
}

/** The organisation as registered before, or registered now (by the system: it becomes no member). */
async function ensureOrganisation(ctx: ServiceContext, a: DemoApplicant): Promise<string> {
  if (a.kind === 'cooperation') {
    // Several cooperations may share a lead, so the register does not refuse a second one: look by name.
    const found = await organisations.listOrganisations(ctx, { q: a.displayName.slice(0, 100), limit: 500 });
    const same = found.find((o) => o.kind === 'cooperation' && o.displayName === a.displayName && o.regions.some((r) => r.role === 'lead' && r.ars === a.lead));
    if (same) return same.id;
  }
  try {
    const made = await organisations.createOrganisation(ctx, {
      kind: a.kind,
      displayName: a.displayName,
      sortName: sortNameOf(a.displayName, a.kind),
      leadRegion: a.lead,
      partnerRegions: a.partners,
      budgetEmergency: a.budgetEmergency ?? false,
    });
    return made.id;
  } catch (error) {
    // A municipality or district is registered once (e.g. Barleben by demo-organisations.ts): use that one.
    const existing = error instanceof AppError && error.code === 'CONFLICT' ? error.details?.organisationId : undefined;
    if (typeof existing !== 'string') throw error;
    return existing;
  }
}

/** Completes a draft left by an interrupted run; staff may save and submit after the deadline. */
async function completeDraft(ctx: ServiceContext, a: DemoApplicant, id: string): Promise<void> {
  const time = timelineOf(a);
  const current = await applications.getApplication(ctx, id);
  const saved = await applications.saveDraft(at(ctx, time.savedAt), id, { version: current.version, content: contentOf(a) });
  await applications.submitApplication(at(ctx, time.submittedAt), id, { version: saved.version });
}

/**
 * The 86 applications to round "2020" of programme "mps", as the applicants made them in
 * February to April 2020: registered, started, saved and submitted before the deadline, with
 * the times of the timeline in the data. Returns how many it created; a second run creates none.
 *
 * The seed acts as the programme office entering them on the applicants' behalf (the system
 * actor is staff), so it runs whatever the round's status is now.
 */
export async function seedDemoApplications(ctx: ServiceContext): Promise<number> {
  const round = await programmes.getRoundBySlug(ctx, DEMO_2020.programmeSlug, DEMO_2020.roundSlug);
  const existing = await existingApplications(ctx, round);
  let created = 0;
  const missing: DemoApplicant[] = [];
  for (const a of demoApplicants2020) {
    const row = existing.get(keyOfApplicant(a));
    if (!row) missing.push(a);
    else if (row.status === 'draft') {
      await completeDraft(ctx, a, row.id);
      created += 1;
    }
  }
  for (const a of missing) {
    const time = timelineOf(a);
    const organisationId = await ensureOrganisation(at(ctx, time.registeredAt), a);
    const member = (when: Date) => at(ctx, when);
    let draft;
    try {
      draft = await applications.createApplication(member(time.startedAt), { roundId: round.id, organisationId });
    } catch (error) {
      // Made by a run that ran alongside this one: leave it to that run.
      if (error instanceof AppError && error.code === 'APPLICATION_EXISTS') continue;
      throw error;
    }
    const saved = await applications.saveDraft(member(time.savedAt), draft.id, { version: draft.version, content: contentOf(a) });
    await applications.submitApplication(member(time.submittedAt), draft.id, { version: saved.version });
    created += 1;
  }
  return created;
}

/**
 * Optional next step: the office's formal check of the round, done in May 2020. Every
 * submitted application that is still pending becomes eligible, except the few the data gives
 * a reason for. Returns how many it checked; a second run checks none.
 */
export async function seedDemoFormalChecks(ctx: ServiceContext): Promise<number> {
  const round = await programmes.getRoundBySlug(ctx, DEMO_2020.programmeSlug, DEMO_2020.roundSlug);
  const existing = await existingApplications(ctx, round);
  let checked = 0;
  for (const a of demoApplicants2020) {
    const row = existing.get(keyOfApplicant(a));
    if (!row || row.status !== 'submitted' || row.formalCheck !== 'pending') continue;
    const input = a.ineligibleReason ? { result: 'ineligible' as const, reason: a.ineligibleReason } : { result: 'eligible' as const, reason: '' };
    await office.recordFormalCheck(at(ctx, FORMAL_CHECK_AT), row.id, input);
    checked += 1;
  }
  return checked;
}
