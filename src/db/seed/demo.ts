import type { Db } from '../connection';
import { systemActor } from '../../lib/access';
import type { ServiceContext } from '../../modules/context';
import * as accounts from '../../modules/accounts/accounts.service';
import { findUserByEmail } from '../../modules/accounts/accounts.queries';
import * as programmes from '../../modules/programmes/programmes.service';
import { findProgrammeBySlug, findRoundBySlug } from '../../modules/programmes/programmes.queries';
import { roundInput } from '../../modules/programmes/programmes.schemas';
import { roundLifecycle } from '../../modules/programmes/programmes.rules';
import { seedDemoApplications, seedDemoFormalChecks } from './demo-applications';
import { seedPracticeCall } from './demo-call';
import { seedDemoCatalogue } from './demo-catalogue';
import { seedDemoFunding } from './demo-funding';
import { seedDemoJury } from './demo-jury';
import { seedDemoOrganisations } from './demo-organisations';
import { seedDemoReviews } from './demo-reviews';
import { seedDemoRegions } from './demo-regions';
import { demoBudgetHistory, demoProgramme, demoRounds } from './demo-programme';
import { DEMO_PASSWORD, demoUsers } from './demo-users';

export interface SeedReport {
  created: string[];
}

/**
 * Builds the demo on top of whatever is there: every step first looks for what it would create,
 * so running it twice changes nothing the second time.
 */
export async function seedDemo(db: Db, log: (line: string) => void = () => {}): Promise<SeedReport> {
  const ctx: ServiceContext = { db, actor: systemActor('seed'), now: () => new Date() };
  const created: string[] = [];
  const note = (what: string) => {
    created.push(what);
    log(what);
  };

  const regionCount = await seedDemoRegions(ctx);
  if (regionCount > 0) note(`${regionCount} regions`);

  let programme = await findProgrammeBySlug(db, demoProgramme.slug);
  if (!programme) {
    const [first, ...rest] = demoBudgetHistory;
    const made = await programmes.createProgramme(ctx, { ...demoProgramme, initialBudget: first });
    for (const change of rest) await programmes.addBudgetChange(ctx, made.id, change);
    programme = (await findProgrammeBySlug(db, demoProgramme.slug))!;
    note(`programme ${programme.name}`);
  }

  for (const { finalStatus, ...input } of demoRounds) {
    if (await findRoundBySlug(db, programme.id, input.slug)) continue;
    let round = await programmes.createRound(ctx, programme.id, roundInput.parse(input));
    // Walk the real life cycle, so the audit chain tells the round's history.
    for (const status of roundLifecycle.slice(roundLifecycle.indexOf(round.status) + 1, roundLifecycle.indexOf(finalStatus) + 1)) {
      round = await programmes.transitionRound(ctx, round.id, status, round.version);
    }
    note(`round ${input.name} (${finalStatus})`);
  }

  for (const demo of demoUsers) {
    let user = await findUserByEmail(db, demo.email);
    if (!user) {
      user = await accounts.createUser(ctx, { email: demo.email, displayName: demo.displayName, password: DEMO_PASSWORD, isAdmin: demo.isAdmin });
      note(`account ${demo.email}`);
    }
    if (demo.role) {
      const round = demo.round ? await findRoundBySlug(db, programme.id, demo.round) : undefined;
      const actor = await accounts.actorForUser(db, user);
      const has = actor.kind === 'user' && actor.grants.some((g) => g.role === demo.role && g.roundId === (round?.id ?? null));
      if (!has) await accounts.grantRole(ctx, user.id, { role: demo.role, programmeId: programme.id, roundId: round?.id ?? null });
    }
  }
  for (const line of await seedPracticeCall(ctx)) note(line);
  for (const line of await seedDemoOrganisations(ctx)) note(line);
  const applications = await seedDemoApplications(ctx);
  if (applications > 0) note(`${applications} applications to round 2020`);
  const checked = await seedDemoFormalChecks(ctx);
  if (checked > 0) note(`${checked} formal checks of round 2020`);
  for (const line of await seedDemoReviews(ctx)) note(line);
  for (const line of await seedDemoJury(ctx)) note(line);
  for (const line of await seedDemoCatalogue(ctx)) note(line);
  for (const line of await seedDemoFunding(ctx)) note(line);
  return { created };
}
