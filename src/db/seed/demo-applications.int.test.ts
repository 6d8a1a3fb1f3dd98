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
import { seedDemo } from './demo';
import { CALL_CLOSES, demoApplicants2020 } from './demo-applications.data';
import { seedDemoApplications, seedDemoFormalChecks } from './demo-applications';
import { DEMO_APPLICANT_EMAIL } from './demo-organisations';

// Seeds from scratch (not from the cached demo template), to measure and check the seed itself.
describe.each(testDatabaseKinds())('demo applications of round 2020 on %s', (kind) => {
  let database: Database;
  let ctx: ServiceContext;
  let roundId: string;
  let seconds: number;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ctx = { db: database.db, actor: systemActor('seed'), now: () => new Date() };
    const started = Date.now();
    await seedDemo(database.db);
    seconds = (Date.now() - started) / 1000;
    console.log(`the whole demo seed on ${kind}: ${seconds.toFixed(1)} s`);
    roundId = (await programmes.getRoundBySlug(ctx, 'mps', '2020')).id;
  }, 240_000);
  afterAll(async () => database?.close());

  it('holds the 86 applications of round 2020, all submitted before the deadline', async () => {
    expect((await programmes.getRound(ctx, roundId)).status).toBe('published');
    const rows = await office.listRoundApplications(ctx, roundId, {});
    expect(rows).toHaveLength(86);
    for (const row of rows) {
      expect(row.status).toBe('submitted');
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

  it('records the formal check, a few ineligible with their reason', async () => {
    const rows = await office.listRoundApplications(ctx, roundId, {});
    const ineligible = rows.filter((r) => r.formalCheck === 'ineligible');
    expect(ineligible.map((r) => r.organisation).sort()).toEqual(demoApplicants2020.filter((a) => a.ineligibleReason).map((a) => a.displayName).sort());
    expect(rows.filter((r) => r.formalCheck === 'eligible')).toHaveLength(86 - ineligible.length);
    expect(ineligible.every((r) => (r.formalCheckReason ?? '').length > 20)).toBe(true);
  });

  it('creates nothing the second time, and shows the demo applicant its own application only', async () => {
    expect(await seedDemoApplications(ctx)).toBe(0);
    expect(await seedDemoFormalChecks(ctx)).toBe(0);
    expect((await seedDemo(database.db)).created).toEqual([]);
    expect(await office.listRoundApplications(ctx, roundId, {})).toHaveLength(86);
    const anna = await accounts.actorForUser(database.db, (await findUserByEmail(database.db, DEMO_APPLICANT_EMAIL))!);
    const annas = await applications.listMyApplications({ ...ctx, actor: anna });
    expect(annas.map((a) => [a.organisation.displayName, a.title])).toEqual([['Gemeinde Barleben', 'Smarte Gemeinde Barleben']]);
  });
});
