import type { Actor } from '../../lib/access';
import type { ServiceContext } from '../../modules/context';
import * as accounts from '../../modules/accounts/accounts.service';
import { findUserByEmail } from '../../modules/accounts/accounts.queries';
import * as office from '../../modules/applications/office.service';
import * as programmes from '../../modules/programmes/programmes.service';
import * as assignments from '../../modules/review/assignment.service';
import * as reviewers from '../../modules/review/reviewers.service';
import * as reviews from '../../modules/review/reviews.service';
import * as settings from '../../modules/review/settings.service';
import { DEMO_2020, demoApplicants2020 } from './demo-applications.data';
import { DEMO_REVIEWER_EMAIL, REVIEW_TIMELINE, demoReviewerProfile, demoReviewers, reviewTimeOf, scoresFor, type DemoReviewer } from './demo-reviews.data';
import { DEMO_PASSWORD, demoUsers } from './demo-users';

const OFFICE_EMAIL = 'programm@stadtnetz.example';

function at(ctx: ServiceContext, actor: Actor, time: Date): ServiceContext {
  return { db: ctx.db, actor, now: () => time };
}

async function actorOf(ctx: ServiceContext, email: string): Promise<Actor> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) throw new Error(`The demo account ${email} is missing; seed the demo users first.`);
  return accounts.actorForUser(ctx.db, user);
}

/** The demo reviewer of demo-users.ts joins the forty experts, with her own profile. */
function pool(): DemoReviewer[] {
  const demo = demoUsers.find((u) => u.email === DEMO_REVIEWER_EMAIL)!;
  return [{ email: demo.email, displayName: demo.displayName, ...demoReviewerProfile }, ...demoReviewers];
}

/**
 * The expert review of round 2020, as it happened in May and June 2020 through the real use
 * cases, so the audit chain tells it: the office sets the deadline and invites 41 reviewers;
 * each saves a profile; the office runs the assignment (two per eligible application); every
 * reviewer writes and submits their reviews; the office moves the round on to the jury.
 * Each step looks first, so a second run (or one after an interruption) adds only what is missing.
 */
export async function seedDemoReviews(ctx: ServiceContext): Promise<string[]> {
  let round = await programmes.getRoundBySlug(ctx, DEMO_2020.programmeSlug, DEMO_2020.roundSlug);
  if (round.status !== 'review') return [];
  const notes: string[] = [];
  const officeActor = await actorOf(ctx, OFFICE_EMAIL);
  const asOffice = (time: Date) => at(ctx, officeActor, time);

  if ((await settings.getReviewSettings(asOffice(REVIEW_TIMELINE.settingsAt), round.id)).version === 0) {
    await settings.saveReviewSettings(asOffice(REVIEW_TIMELINE.settingsAt), round.id, {
      version: 0,
      reviewDeadline: REVIEW_TIMELINE.deadline.toISOString(),
      reminderDays: [7, 1],
      disagreementThreshold: 20,
    });
  }

  const experts = pool();
  // Password hashing dominates; two at a time use both cores.
  const missing = [];
  for (const e of experts) if (!(await findUserByEmail(ctx.db, e.email))) missing.push(e);
  for (let i = 0; i < missing.length; i += 2) {
    await Promise.all(missing.slice(i, i + 2).map((e) => accounts.createUser(ctx, { email: e.email, displayName: e.displayName, password: DEMO_PASSWORD, isAdmin: false })));
  }
  if (missing.length > 0) notes.push(`${missing.length} reviewer accounts`);

  const inPool = new Set((await reviewers.listRoundReviewers(asOffice(REVIEW_TIMELINE.invitedAt), round.id)).map((r) => r.email));
  for (const e of experts) {
    if (inPool.has(e.email)) continue;
    const user = (await findUserByEmail(ctx.db, e.email))!;
    await reviewers.inviteReviewer(asOffice(REVIEW_TIMELINE.invitedAt), round.id, { userId: user.id, minLoad: e.minLoad, maxLoad: e.maxLoad });
  }

  const actors = new Map<string, Actor>();
  for (const [i, e] of experts.entries()) {
    const actor = await actorOf(ctx, e.email);
    actors.set(e.email, actor);
    const when = new Date(REVIEW_TIMELINE.profilesFrom.getTime() + i * 3 * 3_600_000);
    if ((await reviewers.getMyProfile(at(ctx, actor, when))).updatedAt !== null) continue;
    await reviewers.saveMyProfile(at(ctx, actor, when), { keywords: e.keywords, expertise: e.expertise, homeRegion: e.home, employerOrganisationId: null, employerRegion: null, capacity: e.maxLoad });
  }

  let pairs = await assignments.listAssignments(asOffice(REVIEW_TIMELINE.assignedAt), round.id);
  if (pairs.length === 0) {
    const run = await assignments.runAssignmentToEnd(asOffice(REVIEW_TIMELINE.assignedAt), round.id, { distinctStates: false });
    if (run.status !== 'optimal') throw new Error(`The demo's assignment run ended ${run.status}: ${run.reason}`);
    pairs = await assignments.listAssignments(asOffice(REVIEW_TIMELINE.assignedAt), round.id);
    notes.push(`assignment of ${pairs.length} reviews in round 2020`);
  }

  const applications = new Map((await office.listRoundApplications(asOffice(REVIEW_TIMELINE.assignedAt), round.id, {})).map((a) => [a.id, a.organisation]));
  const funded = new Map(demoApplicants2020.map((a) => [a.displayName, a.funded]));
  const expertByUser = new Map<string, DemoReviewer>();
  for (const e of experts) {
    const actor = actors.get(e.email)!;
    if (actor.kind === 'user') expertByUser.set(actor.userId, e);
  }
  const criteria = round.criteria.map((c) => ({ id: c.id, scaleMin: c.scaleMin, scaleMax: c.scaleMax }));
  const byApplication = new Map<string, typeof pairs>();
  for (const p of pairs) byApplication.set(p.applicationId, [...(byApplication.get(p.applicationId) ?? []), p]);
  let written = 0;
  for (const [applicationId, two] of byApplication) {
    const name = applications.get(applicationId)!;
    const ordered = two.map((p) => ({ p, e: expertByUser.get(p.reviewerId)! })).sort((a, b) => (a.e.email < b.e.email ? -1 : 1));
    for (const [position, { p, e }] of ordered.entries()) {
      if (p.reviewStatus === 'submitted') continue;
      const actor = actors.get(e.email)!;
      const time = reviewTimeOf(e.email, name);
      const review = scoresFor({ application: name, funded: funded.get(name) ?? false, reviewerEmail: e.email, leniency: e.leniency, position, criteria });
      // A draft left by an interrupted run is continued at its version.
      const version = p.reviewStatus === 'draft' ? ((await reviews.getMyReview(at(ctx, actor, time.savedAt), p.id))?.version ?? 0) : 0;
      const saved = await reviews.saveReview(at(ctx, actor, time.savedAt), p.id, { version, ...review });
      await reviews.submitReview(at(ctx, actor, time.submittedAt), p.id, saved.version);
      written += 1;
    }
  }
  if (written > 0) notes.push(`${written} submitted reviews in round 2020`);

  round = await programmes.getRound(asOffice(REVIEW_TIMELINE.juryAt), round.id);
  await programmes.transitionRound(asOffice(REVIEW_TIMELINE.juryAt), round.id, 'jury', round.version);
  notes.push('round 2020 moved on to the jury');
  return notes;
}
