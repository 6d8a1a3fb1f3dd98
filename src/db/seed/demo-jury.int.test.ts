import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../connection';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { systemActor } from '../../lib/access';
import * as programmes from '../../modules/programmes/programmes.service';
import { listDecisions } from '../../modules/jury/sessions.service';
import { listMembers } from '../../modules/jury/members.service';
import * as office from '../../modules/applications/office.service';
import { seedDemoJury } from './demo-jury';

/** Transcribed from the BMI press release of 8 September 2020, in its order. */
const pressReleaseMunicipalities = [
  'Bamberg',
  'Berlin',
  'Darmstadt',
  'Freiburg i. Breisgau',
  'Gelsenkirchen',
  'Gemeinde Barleben',
  'Gemeinde Eichenzell',
  'Gütersloh',
  'Hagenow',
  'Iserlohn',
  'Jena',
  'Kassel',
  'Kirchheim b. München',
  'Köln',
  'Lohmar',
  'Lübeck',
  'Mannheim',
  'Mönchengladbach',
  'Paderborn',
  'Rostock',
];
const pressReleaseCooperationsAndDistricts = [
  'Aalen und Heidenheim',
  'Bad Belzig und Gemeinde Wiesenburg/Mark',
  'Dortmund und Schwerte',
  'Eifelkreis Bitburg-Prüm',
  'Gemeinde Fuchstal mit den Gemeinden Apfeldorn und Unterdießen',
  'Hamburg mit Leipzig und München',
  'Landkreis Hof',
  'Kiel mit Kommunen aus den Kreisen Rendsburg-Eckernförde und Plön',
  'Landkreis Mayen-Koblenz',
  'Landkreis St. Wendel',
  'Lemgo und Gemeinde Kalletal',
  'Osnabrück mit den Gemeinden Hagen am Teutoburger Wald, Bissendorf sowie Samtgemeinden Fürstenau, Artland und Neuenkirchen',
];

describe.each(testDatabaseKinds())('the demo round 2020, decided and published, on %s', (kind) => {
  let t: TestApp;
  let roundId: string;
  const ctx = () => ({ db: t.database.db, actor: systemActor('test'), now: () => t.clock.now });

  // When the code changed since the global setup, the demo template is seeded again here: allow for it.
  beforeAll(async () => {
    t = await createTestApp(kind);
    roundId = (await programmes.getRoundBySlug(ctx(), 'mps', '2020')).id;
  }, 900_000);
  afterAll(async () => t?.close());

  it("publishes exactly the press release's 20 municipalities and 12 cooperations and districts, each in German alphabetical order", async () => {
    const client = await t.client();
    const response = await client.get(`/api/public/rounds/${roundId}/results`);
    expect(response.statusCode).toBe(200);
    const results = response.json();
    expect(results.round).toBe('2020');
    expect(results.count).toBe(32);
    expect(results.groups.map((g: { title: string }) => g.title)).toEqual(['Kommunen', 'Interkommunale Kooperationen und Landkreise']);
    expect(results.groups[0].entries.map((e: { name: string }) => e.name)).toEqual(pressReleaseMunicipalities);
    expect(results.groups[1].entries.map((e: { name: string }) => e.name)).toEqual(pressReleaseCooperationsAndDistricts);
    expect(results.groups.map((g: { count: number }) => g.count)).toEqual([20, 12]);
    // The order is the collation's, not the transcription's: sorting the sort names gives the same list.
    const collator = new Intl.Collator('de');
    for (const group of results.groups) {
      const sortNames = group.entries.map((e: { sortName: string }) => e.sortName);
      expect([...sortNames].sort(collator.compare)).toEqual(sortNames);
    }
  });

  it('funds more than 350 M EUR within the envelope, with the known amounts', async () => {
    const results = (await (await t.client()).get(`/api/public/rounds/${roundId}/results`)).json();
    const round = await programmes.getRound(ctx(), roundId);
    expect(results.totalFundingCents).toBeGreaterThan(350_000_000_00);
    expect(results.totalFundingCents).toBeLessThanOrEqual(round.envelopeCents);
    const funding = new Map(results.groups.flatMap((g: { entries: Array<{ name: string; fundingCents: number }> }) => g.entries.map((e) => [e.name, e.fundingCents])));
    expect(funding.get('Berlin')).toBe(17_500_000_00);
    expect(funding.get('Gemeinde Fuchstal mit den Gemeinden Apfeldorn und Unterdießen')).toBe(6_296_940_00);
    expect(funding.get('Kiel mit Kommunen aus den Kreisen Rendsburg-Eckernförde und Plön')).toBe(15_750_000_00);
    expect(funding.get('Hamburg mit Leipzig und München')).toBe(32_000_000_00);
  });

  it('decided the other 54 as rejected or waitlisted, the three formally ineligible ones rejected as such, by an 11-member jury', async () => {
    const decisions = await listDecisions(ctx(), roundId);
    expect(decisions).toHaveLength(86);
    const counts = decisions.reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.outcome]: (acc[d.outcome] ?? 0) + 1 }), {});
    expect(counts.selected).toBe(32);
    expect((counts.rejected ?? 0) + (counts.waitlisted ?? 0)).toBe(54);
    expect(counts.waitlisted).toBeGreaterThan(0);
    const ineligible = (await office.listRoundApplications(ctx(), roundId, { formalCheck: 'ineligible' })).map((a) => a.id);
    expect(ineligible).toHaveLength(3);
    for (const id of ineligible) {
      const decision = decisions.find((d) => d.applicationId === id)!;
      expect(decision.outcome).toBe('rejected');
      expect(decision.rationale).toContain('Formal nicht förderfähig');
    }
    const members = await listMembers(ctx(), roundId);
    expect(members).toHaveLength(11);
    expect(members.filter((m) => m.role === 'chair').map((m) => m.email)).toEqual(['jury-vorsitz@stadtnetz.example']);
    expect(new Set(members.map((m) => m.affiliation))).toEqual(new Set(['science', 'politics', 'municipal_association']));
    expect((await programmes.getRound(ctx(), roundId)).status).toBe('published');
  });

  it('changes nothing when run again', async () => {
    expect(await seedDemoJury(ctx())).toEqual([]);
  });
});
