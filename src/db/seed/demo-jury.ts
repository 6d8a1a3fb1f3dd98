import type { ServiceContext } from '../../modules/context';
import * as accounts from '../../modules/accounts/accounts.service';
import { findUserByEmail } from '../../modules/accounts/accounts.queries';
import * as office from '../../modules/applications/office.service';
import { membersService, sessionsService } from '../../modules/jury';
import * as programmes from '../../modules/programmes/programmes.service';
import { publicationService } from '../../modules/publication';
import { DEMO_2020 } from './demo-applications.data';
import { DEMO_SESSION, demoApplicantsInOrder, demoJury, outcomeOf, publishedSortNames, voteOf } from './demo-jury.data';
import { DEMO_PASSWORD } from './demo-users';

/** When things happened (demo assumptions around the real announcement of 8 Sept 2020). */
const SESSION_AT = new Date('2020-08-27T10:00:00+02:00');
const DECIDED_AT = new Date('2020-08-27T16:00:00+02:00');
const PUBLISHED_AT = new Date('2020-09-08T10:00:00+02:00');

function at(ctx: ServiceContext, time: Date): ServiceContext {
  return { ...ctx, now: () => time };
}

/**
 * Round 2020 decided and published, through the jury's and publication's own services: the
 * eleven members, one session with attendance, every present member's vote, a decision per
 * application (the press release's 32 selected), then decided → published. Each step looks
 * first for what it would create, so a second run changes nothing.
 */
export async function seedDemoJury(ctx: ServiceContext): Promise<string[]> {
  const notes: string[] = [];
  const programme = await programmes.getProgramme(ctx, DEMO_2020.programmeSlug);
  let round = await programmes.getRoundBySlug(ctx, DEMO_2020.programmeSlug, DEMO_2020.roundSlug);
  if (round.status === 'published') return notes;
  if (round.status === 'review') {
    round = await programmes.transitionRound(ctx, round.id, 'jury', round.version);
    notes.push('round 2020 moved to its jury phase');
  }

  // Members
  const existing = new Map((await membersService.listMembers(ctx, round.id)).map((m) => [m.email, m]));
  const members = [];
  for (const juror of demoJury) {
    let user = await findUserByEmail(ctx.db, juror.email);
    if (!user) user = await accounts.createUser(ctx, { email: juror.email, displayName: juror.displayName, password: DEMO_PASSWORD, isAdmin: false });
    let member = existing.get(juror.email);
    if (!member) {
      member = await membersService.addMember(ctx, round.id, { userId: user.id, role: juror.role, affiliation: juror.affiliation });
      notes.push(`jury member ${juror.email}`);
    }
    members.push({ juror, member, actor: await accounts.actorForUser(ctx.db, user) });
  }

  const applications = await office.listRoundApplications(ctx, round.id, { status: 'submitted' });
  const byName = new Map(applications.map((a) => [a.organisation, a]));
  const recusals = new Set((await membersService.listRecusals(ctx, round.id)).map((r) => `${r.memberId}|${r.applicationId}`));
  for (const { juror, member } of members) {
    if (!juror.recusedFrom) continue;
    const application = byName.get(juror.recusedFrom);
    if (!application || recusals.has(`${member.id}|${application.id}`)) continue;
    await membersService.declareRecusal(ctx, round.id, { memberId: member.id, applicationId: application.id, reason: 'Berät die federführende Stadt in einem Beirat zur Digitalisierung.' });
    notes.push(`recusal of ${juror.email}`);
  }

  // The session
  if (round.status === 'jury') {
    let session = (await sessionsService.listSessions(ctx, round.id)).find((s) => s.title === DEMO_SESSION.title);
    if (!session) {
      session = await sessionsService.createSession(at(ctx, SESSION_AT), round.id, { ...DEMO_SESSION });
      notes.push(`jury session "${DEMO_SESSION.title}"`);
    }
    if (session.status === 'planned') {
      await sessionsService.recordAttendance(at(ctx, SESSION_AT), session.id, members.map(({ juror, member }) => ({ memberId: member.id, present: juror.present })));
      session = await sessionsService.openSession(at(ctx, SESSION_AT), session.id);
    }
    const decided = new Set((await sessionsService.listDecisions(ctx, round.id)).map((d) => d.applicationId));
    const recused = new Set((await membersService.listRecusals(ctx, round.id)).map((r) => `${r.memberId}|${r.applicationId}`));
    let count = 0;
    for (const [index, applicant] of demoApplicantsInOrder.entries()) {
      const application = byName.get(applicant.displayName);
      if (!application || decided.has(application.id)) continue;
      const outcome = outcomeOf(applicant);
      for (const [memberIndex, { juror, member, actor }] of members.entries()) {
        if (!juror.present || recused.has(`${member.id}|${application.id}`)) continue;
        await sessionsService.castVote({ ...at(ctx, SESSION_AT), actor }, session.id, application.id, { choice: voteOf(outcome.outcome, index, memberIndex) });
      }
      await sessionsService.decide(at(ctx, DECIDED_AT), session.id, application.id, outcome);
      count++;
    }
    if (count > 0) notes.push(`${count} jury decisions of round 2020`);
    if (session.status === 'open') await sessionsService.closeSession(at(ctx, DECIDED_AT), session.id);
    round = await programmes.transitionRound(at(ctx, DECIDED_AT), round.id, 'decided', round.version);
    notes.push('round 2020 decided');
  }

  if (round.status === 'decided') {
    const sortNames: Record<string, string> = {};
    for (const [name, sortName] of Object.entries(publishedSortNames)) {
      const application = byName.get(name);
      if (application) sortNames[application.id] = sortName;
    }
    await publicationService.publishRound(at(ctx, PUBLISHED_AT), round.id, { version: round.version, sortNames });
    notes.push(`round 2020 of ${programme.name} published`);
  }
  return notes;
}
