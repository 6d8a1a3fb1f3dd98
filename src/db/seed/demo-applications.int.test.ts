import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds, type Database } from '../connection';
import { systemActor } from '../../lib/access';
import type { ServiceContext } from '../../modules/context';
import * as accounts from '../../modules/accounts/accounts.service';
import { findUserByEmail } from '../../modules/accounts/accounts.queries';
import * as applications from '../../modules/applications/applications.service';
import * as office from '../../modules/applications/office.service';
import { verifyChain } from '../../modules/audit/audit.service';
import * as programmes from '../../modules/programmes/programmes.service';
import { roundInput } from '../../modules/programmes/programmes.schemas';
import { roundLifecycle } from '../../modules/programmes/programmes.rules';
import { seedDemo } from './demo';
import { demoBudgetHistory, demoProgramme, demoRounds } from './demo-programme';
import { seedDemoRegions } from './demo-regions';
import { CALL_CLOSES, demoApplicants2020 } from './demo-applications.data';
import { DEMO_2020_APPLICANT_EMAIL, seedDemoApplications, seedDemoFormalChecks } from './demo-applications';
import { DEMO_APPLICANT_EMAIL } from './demo-organisations';

// createApplication accepts applications only while the call is open, so the test builds what
// seedDemo builds up to round 2020 being open, seeds the applications, walks the round to
// "published", and then lets seedDemo add the rest of the demo on top.
describe.each(testDatabaseKinds())('demo applications of round 2020 on %s', (kind) => {
  let database: Database;
  let ctx: ServiceContext;
  let roundId: string;
  let firstRun: { created: number; ms: number };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ctx = { db: database.db, actor: systemActor('seed'), now: () => new Date() };
    await seedDemoRegions(ctx);
    const [first, ...rest] = demoBudgetHistory;
    const programme = await programmes.createProgramme(ctx, { ...demoProgramme, initialBudget: first! });
    for (const change of rest) await programmes.addBudgetChange(ctx, programme.id, change);
    const { finalStatus: _final, ...input } = demoRounds.find((r) => r.slug === '2020')!;
    const round = await programmes.createRound(ctx, programme.id, roundInput.parse(input));
    await programmes.transitionRound(ctx, round.id, 'open', round.version);
    roundId = round.id;
    const started = Date.now();
    const created = await seedDemoApplications(ctx);
    firstRun = { created, ms: Date.now() - started };
    console.log(`seedDemoApplications on ${kind}: ${created} applications in ${firstRun.ms} ms`);
  }, 180_000);
  afterAll(async () => database?.close());

  it('creates the 86 applications, all submitted before the deadline, in reasonable time', async () => {
    expect(firstRun.created).toBe(86);
    expect(firstRun.ms).toBeLessThan(60_000);
    const rows = await office.listRoundApplications(ctx, roundId, {});
    expect(rows).toHaveLength(86);
    for (const row of rows) {
      expect(row.status).toBe('submitted');
      expect(row.formalCheck).toBe('pending');
      const submittedAt = new Date(row.submittedAt!).getTime();
      expect(submittedAt).toBeGreaterThanOrEqual(new Date('2020-04-01T00:00:00+02:00').getTime());
      expect(submittedAt).toBeLessThan(CALL_CLOSES.getTime());
    }
    const byName = new Map(rows.map((r) => [r.organisation, r]));
    for (const a of demoApplicants2020) {
      expect(byName.get(a.displayName)?.requestedCents, a.displayName).toBe(a.requestedEuros * 100);
    }
    expect(byName.get('Berlin')).toMatchObject({ title: 'Berlin lebenswert smart', kind: 'municipality', leadAgs: '11000000', requestedCents: 17_500_000_00 });
    expect(byName.get('Gemeinde Fuchstal mit den Gemeinden Apfeldorn und Unterdießen')).toMatchObject({ sortName: 'Fuchstal', requestedCents: 6_296_940_00 });
    expect(byName.get('Wuppertal')).toMatchObject({ rateBp: 9000 });
    const fundedCents = demoApplicants2020.filter((a) => a.funded).reduce((sum, a) => sum + byName.get(a.displayName)!.requestedCents, 0);
    expect(fundedCents).toBeGreaterThan(350_000_000_00);
  });

  it('keeps a receipt for every submission, and an intact audit chain', async () => {
    const rows = await office.listRoundApplications(ctx, roundId, { kind: 'cooperation' });
    const osnabrueck = rows.find((r) => r.organisation.startsWith('Osnabrück mit'))!;
    const { receipt } = await applications.getReceipt(ctx, osnabrueck.id);
    expect(receipt).toMatchObject({ title: 'Smart Region Osnabrück', round: 'Staffel 2020', contentHash: osnabrueck.receiptHash });
    const full = await applications.getApplication(ctx, osnabrueck.id);
    expect(full.content.partners).toEqual(['Hagen am Teutoburger Wald', 'Bissendorf', 'Samtgemeinde Fürstenau', 'Samtgemeinde Artland', 'Samtgemeinde Neuenkirchen']);
    expect(Object.keys(full.content.sections).sort()).toEqual(['ausgangslage', 'beteiligung', 'massnahmen', 'organisation', 'transfer']);
    expect((await verifyChain(database.db)).ok).toBe(true);
  });

  it('creates nothing the second time, also once the round is published and the rest of the demo is there', async () => {
    expect(await seedDemoApplications(ctx)).toBe(0);
    let round = await programmes.getRound(ctx, roundId);
    for (const status of roundLifecycle.slice(roundLifecycle.indexOf('open') + 1)) {
      round = await programmes.transitionRound(ctx, roundId, status, round.version);
    }
    await seedDemo(database.db);
    expect(await seedDemoApplications(ctx)).toBe(0);
    expect(await office.listRoundApplications(ctx, roundId, {})).toHaveLength(86);

    // The demo applicant administers Barleben, so sees its 2020 application; the stand-in account sees all 86.
    const anna = await accounts.actorForUser(database.db, (await findUserByEmail(database.db, DEMO_APPLICANT_EMAIL))!);
    const annas = await applications.listMyApplications({ ...ctx, actor: anna });
    expect(annas.map((a) => [a.organisation.displayName, a.title])).toContainEqual(['Gemeinde Barleben', 'Smarte Gemeinde Barleben']);
    const standIn = await accounts.actorForUser(database.db, (await findUserByEmail(database.db, DEMO_2020_APPLICANT_EMAIL))!);
    expect(await applications.listMyApplications({ ...ctx, actor: standIn })).toHaveLength(86);
  });

  it('records the optional formal check once', async () => {
    expect(await seedDemoFormalChecks(ctx)).toBe(86);
    expect(await seedDemoFormalChecks(ctx)).toBe(0);
    const rows = await office.listRoundApplications(ctx, roundId, {});
    const ineligible = rows.filter((r) => r.formalCheck === 'ineligible');
    expect(ineligible.map((r) => r.organisation).sort()).toEqual(demoApplicants2020.filter((a) => a.ineligibleReason).map((a) => a.displayName).sort());
    expect(rows.filter((r) => r.formalCheck === 'eligible')).toHaveLength(86 - ineligible.length);
    expect(ineligible.every((r) => (r.formalCheckReason ?? '').length > 20)).toBe(true);
  });
});
