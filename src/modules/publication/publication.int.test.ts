import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseKinds } from '../../db/connection';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { pdfText } from '../../../test/support/pdf';
import { systemActor } from '../../lib/access';
import * as programmes from '../programmes/programmes.service';
import * as office from '../applications/office.service';

describe.each(testDatabaseKinds())('publication on %s', (kind) => {
  let t: TestApp;
  let roundId: string;
  let barleben: string;
  let anonymous: TestClient;
  const ctx = () => ({ db: t.database.db, actor: systemActor('test'), now: () => t.clock.now });

  // When the code changed since the global setup, the demo template is seeded again here: allow for it.
  beforeAll(async () => {
    t = await createTestApp(kind);
    roundId = (await programmes.getRoundBySlug(ctx(), 'mps', '2020')).id;
    barleben = (await office.listRoundApplications(ctx(), roundId, {})).find((a) => a.organisation === 'Gemeinde Barleben')!.id;
    // The demo publishes round 2020; take it back to "decided" to publish it here again.
    await t.database.db.execute(sql`delete from round_publications where round_id = ${roundId}`);
    await t.database.db.execute(sql`delete from published_results where round_id = ${roundId}`);
    await t.database.db.execute(sql`update rounds set status = 'decided' where id = ${roundId}`);
    anonymous = await t.client();
  }, 900_000);
  afterAll(async () => t?.close());

  it('shows nothing of the results before publication, and letters only to the office', async () => {
    expect((await anonymous.get(`/api/public/rounds/${roundId}/results`)).statusCode).toBe(404);
    const anna = await t.as('kommune@stadtnetz.example');
    expect((await anna.get(`/api/applications/${barleben}/decision-letter.pdf`)).statusCode).toBe(404);
    const referat = await t.as('referat@stadtnetz.example');
    const letter = await referat.get(`/api/applications/${barleben}/decision-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(letter.rawPayload);
    expect(text).toContain('Förderentscheidung');
    expect(text).toContain('Gemeinde Barleben');
    expect(text).toContain('Ihr Projekt wurde von der Jury zur Förderung ausgewählt.');
    expect(text).toContain('6.150.000,00\u00a0€');
  });

  it('lets neither applicants nor the jury publish', async () => {
    const version = (await programmes.getRound(ctx(), roundId)).version;
    expect((await (await t.as('kommune@stadtnetz.example')).post(`/api/rounds/${roundId}/publication`, { version })).statusCode).toBe(403);
    expect((await (await t.as('jury-vorsitz@stadtnetz.example')).post(`/api/rounds/${roundId}/publication`, { version })).statusCode).toBe(403);
    expect((await anonymous.post(`/api/rounds/${roundId}/publication`, { version })).statusCode).toBeGreaterThanOrEqual(401);
  });

  it('publishes: the list, each entry with a receipt that checks against the pinned chain head, and a letter per applicant member', async () => {
    const programm = await t.as('programm@stadtnetz.example');
    const version = (await programmes.getRound(ctx(), roundId)).version;
    const bad = await programm.post(`/api/rounds/${roundId}/publication`, { version, sortNames: { [roundId]: 'X' } });
    expect(bad.statusCode).toBe(400);
    const published = await programm.post(`/api/rounds/${roundId}/publication`, { version });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ count: 32 });
    expect((await programmes.getRound(ctx(), roundId)).status).toBe('published');

    const results = (await anonymous.get(`/api/public/rounds/${roundId}/results`)).json();
    expect(results.count).toBe(32);
    expect(results.chainHead.hash).toMatch(/^[0-9a-f]{64}$/);
    // Without a sort name given, "Landkreis Hof" is filed as written, under L.
    const names = results.groups[1].entries.map((e: { name: string }) => e.name);
    expect(names.indexOf('Landkreis Hof')).toBeGreaterThan(names.indexOf('Kiel mit Kommunen aus den Kreisen Rendsburg-Eckernförde und Plön'));

    const entry = results.groups[0].entries.find((e: { name: string }) => e.name === 'Gemeinde Barleben');
    const check = (await anonymous.get(`/api/public/receipts/${entry.receipt}`)).json();
    expect(check).toMatchObject({ inChainBeforeHead: true, entry: { name: 'Gemeinde Barleben' }, event: { action: 'jury.decide', subjectId: barleben } });
    const unknown = (await anonymous.get(`/api/public/receipts/${'0'.repeat(64)}`)).json();
    expect(unknown).toMatchObject({ inChainBeforeHead: false, event: null });
    expect((await anonymous.get('/api/public/receipts/not-a-hash')).statusCode).toBe(400);

    const anna = await t.as('kommune@stadtnetz.example');
    const letter = await anna.get(`/api/applications/${barleben}/decision-letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(pdfText(letter.rawPayload)).toContain(entry.receipt);
    // Another applicant's letter does not exist for her.
    const other = results.groups[0].entries.find((e: { name: string }) => e.name === 'Berlin');
    expect((await anna.get(`/api/applications/${other.applicationId}/decision-letter.pdf`)).statusCode).toBe(404);

    const outbox = await t.database.db.execute(sql`select recipient, subject from outbox where kind = 'publication.letter'`);
    const rows = (outbox as unknown as { rows: Array<{ recipient: string }> }).rows;
    expect(rows.map((r) => r.recipient)).toContain('kommune@stadtnetz.example');
    expect((await t.events('publication.publish')).at(-1)?.payload).toMatchObject({ count: 32, chainHead: results.chainHead });
  });

  it('refuses to publish twice', async () => {
    const programm = await t.as('programm@stadtnetz.example');
    const version = (await programmes.getRound(ctx(), roundId)).version;
    const again = await programm.post(`/api/rounds/${roundId}/publication`, { version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ROUND_NOT_DECIDED');
  });

  it('shows the office and the jury the best selection within the envelope beside the jury’s, and hides it from applicants', async () => {
    const jury = await t.as('jury@stadtnetz.example');
    const response = await jury.get(`/api/rounds/${roundId}/decision-support`);
    expect(response.statusCode, response.body).toBe(200);
    const support = response.json();
    expect(support.status).toBe('optimal');
    expect(support.optimal.totalCents).toBeLessThanOrEqual(support.envelopeCents);
    expect(support.jury.count).toBe(32);
    // Nobody can beat the optimum's score within the envelope: the jury's own selection included.
    if (support.jury.totalCents <= support.envelopeCents) expect(support.optimal.totalScore).toBeGreaterThanOrEqual(support.jury.totalScore - 1e-6);
    const inOptimal = support.applications.filter((a: { inOptimal: boolean }) => a.inOptimal).map((a: { applicationId: string }) => a.applicationId);
    const jurySelected = support.applications.filter((a: { juryOutcome: string }) => a.juryOutcome === 'selected').map((a: { applicationId: string }) => a.applicationId);
    expect(support.differences.onlyOptimal.sort()).toEqual(inOptimal.filter((id: string) => !jurySelected.includes(id)).sort());
    expect(support.marginal.lastIn.length).toBeGreaterThan(0);
    expect(support.marginal.firstOut.length).toBeGreaterThan(0);
    expect((await (await t.as('referat@stadtnetz.example')).get(`/api/rounds/${roundId}/decision-support?rules=none`)).statusCode).toBe(200);
    expect((await (await t.as('kommune@stadtnetz.example')).get(`/api/rounds/${roundId}/decision-support`)).statusCode).toBe(403);
  });

  it('keeps the balance rules the office sets on the jury settings, and says when none can be met', async () => {
    const officer = await t.as('referat@stadtnetz.example');
    const url = `/api/jury/rounds/${roundId}/settings`;
    const before = (await officer.get(url)).json();
    const wantCooperations = { kind: 'minApplicantKind', applicantKind: 'cooperation', count: 3 };
    const saved = await officer.put(url, { quorumBasisPoints: before.quorumBasisPoints, balanceRules: [wantCooperations, { kind: 'maxLandShare', basisPoints: 3000 }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().balanceRules).toEqual([wantCooperations, { kind: 'maxLandShare', basisPoints: 3000 }]);
    const support = (await officer.get(`/api/rounds/${roundId}/decision-support`)).json();
    expect(support.rules).toHaveLength(2);
    expect(support.status, support.message).toBe('optimal');
    const chosen = support.applications.filter((a: { inOptimal: boolean }) => a.inOptimal) as { kind: string; land: string; requestedCents: number }[];
    expect(chosen.filter((a) => a.kind === 'cooperation').length).toBeGreaterThanOrEqual(3);
    const byLand = new Map<string, number>();
    for (const a of chosen) byLand.set(a.land, (byLand.get(a.land) ?? 0) + a.requestedCents);
    for (const cents of byLand.values()) expect(cents * 10_000).toBeLessThanOrEqual(support.optimal.totalCents * 3000);
    const impossible = await officer.put(url, { quorumBasisPoints: before.quorumBasisPoints, balanceRules: [{ kind: 'minApplicantKind', applicantKind: 'district', count: 500 }] });
    expect(impossible.statusCode).toBe(200);
    expect((await officer.get(`/api/rounds/${roundId}/decision-support`)).json()).toMatchObject({ status: 'infeasible' });
    const bad = await officer.put(url, { quorumBasisPoints: before.quorumBasisPoints, balanceRules: [{ kind: 'maxLandShare', basisPoints: 0 }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('balanceRules');
    // Quorum-only saves keep the rules; an empty list clears them.
    expect((await officer.put(url, { quorumBasisPoints: before.quorumBasisPoints })).json().balanceRules).toHaveLength(1);
    expect((await officer.put(url, { quorumBasisPoints: before.quorumBasisPoints, balanceRules: [] })).json().balanceRules).toEqual([]);
    expect((await (await t.as('jury@stadtnetz.example')).put(url, { quorumBasisPoints: 5000, balanceRules: [] })).statusCode).toBe(403);
  });

  it('keeps an application nameless in the decision support for a member recused from it', async () => {
    const bundestag = await t.as('jury-bundestag@stadtnetz.example');
    const support = (await bundestag.get(`/api/rounds/${roundId}/decision-support`)).json();
    const names = support.applications.map((a: { organisation: string | null }) => a.organisation);
    expect(names).not.toContain('Hamburg mit Leipzig und München');
    expect(support.applications.some((a: { recused: boolean; organisation: string | null }) => a.recused && a.organisation === null)).toBe(true);
  });
});
