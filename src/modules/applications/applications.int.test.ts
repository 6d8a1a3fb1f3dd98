import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/connection';
import { attachments, submissions } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { makePdf } from '../../../test/support/pdf';

const closesAt = '2026-12-15T23:59:59+01:00';

const callInput = {
  slug: 'antrag-test',
  name: 'Testaufruf',
  year: 2027,
  opensAt: '2026-11-01T00:00:00+01:00',
  closesAt,
  envelopeCents: 100_000_000_00,
  eligibleKinds: ['municipality', 'cooperation'],
  maxRequestCents: 17_500_000_00,
  criteria: [{ name: 'Gesamteindruck', weight: 100 }],
  formSections: [
    { key: 'ziele', title: 'Ziele', maxLength: 500, required: true },
    { key: 'extras', title: 'Extras', maxLength: 500, required: false },
  ],
  costCategories: ['Personal', 'Investitionen'],
};

const complete = {
  title: 'Smarte Gemeinde Barleben',
  acronym: 'SGB',
  summary: 'Eine integrierte Smart-City-Strategie für die Daseinsvorsorge im Umland von Magdeburg.',
  sections: { ziele: 'Gemeinwohl, Teilhabe und offene Daten.' },
  partners: ['Hochschule Magdeburg-Stendal'],
  budget: [
    { year: 2027, category: 'Personal', amountCents: 1_000_000_01 },
    { year: 2028, category: 'Investitionen', amountCents: 500_000_00 },
  ],
  budgetEmergency: false,
};

describe.each(testDatabaseKinds())('applications on %s', (kind) => {
  let t: TestApp;
  let roundId: string;
  let anna: TestClient;
  let bert: TestClient;
  let officer: TestClient;
  let annaOrg: string;

  async function applicant(email: string, lead: string, name: string): Promise<{ client: TestClient; organisationId: string }> {
    const admin = await t.as('admin@stadtnetz.example');
    expect((await admin.post('/api/users', { email, displayName: name, password: 'sicheres-passwort' })).statusCode).toBe(201);
    const client = await t.as(email, 'sicheres-passwort');
    const org = await client.post('/api/organisations', { kind: 'municipality', displayName: name, leadRegion: lead, partnerRegions: [], budgetEmergency: false });
    expect(org.statusCode, org.body).toBe(201);
    return { client, organisationId: org.json().id };
  }

  async function startDraft(client: TestClient, organisationId: string) {
    const response = await client.post('/api/applications', { roundId, organisationId });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const manager = await t.as('programm@stadtnetz.example');
    const round = (await manager.post('/api/programmes/mps/rounds', callInput)).json();
    roundId = round.id;
    expect((await manager.post(`/api/rounds/${roundId}/transition`, { to: 'open', version: round.version })).statusCode).toBe(200);
    ({ client: anna, organisationId: annaOrg } = await applicant('anna@siegburg.example', '05382060', 'Stadt Siegburg'));
    ({ client: bert } = await applicant('bert@detmold.example', '05766020', 'Stadt Detmold'));
    officer = await t.as('referat@stadtnetz.example');
  });
  afterAll(async () => t?.close());

  it('saves drafts as versions, computes the money in cents, and refuses a stale second tab', async () => {
    const draft = await startDraft(anna, annaOrg);
    expect(draft).toMatchObject({ status: 'draft', version: 1, rateBp: 6500 });
    const saved = await anna.request({ method: 'PUT', url: `/api/applications/${draft.id}/content`, payload: { version: 1, content: complete } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, eligibleCostsCents: 1_500_000_01, requestedCents: 975_000_00, ownContributionCents: 525_000_01 });
    const stale = await anna.request({ method: 'PUT', url: `/api/applications/${draft.id}/content`, payload: { version: 1, content: { ...complete, title: 'Alter Tab' } } });
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
    expect((await anna.get(`/api/applications/${draft.id}`)).json().content.title).toBe(complete.title);
    const versions = (await anna.get(`/api/applications/${draft.id}/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await anna.get(`/api/applications/${draft.id}/versions/1`)).json().title).toBe('');

    const emergency = await anna.request({ method: 'PUT', url: `/api/applications/${draft.id}/content`, payload: { version: 2, content: { ...complete, budgetEmergency: true } } });
    expect(emergency.json()).toMatchObject({ rateBp: 9000, requestedCents: 1_350_000_00 });
    const back = await anna.request({ method: 'PUT', url: `/api/applications/${draft.id}/content`, payload: { version: 3, content: complete } });
    expect(back.json().rateBp).toBe(6500);
    expect((await t.events('applications.save')).filter((e) => e.subjectId === draft.id)).toHaveLength(3);
    const second = await anna.post('/api/applications', { roundId, organisationId: annaOrg });
    expect(second.json().code).toBe('APPLICATION_EXISTS');
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    const [mine] = (await anna.get('/api/applications')).json();
    const current = (await anna.get(`/api/applications/${mine.id}`)).json();
    const put = (content: unknown) => anna.request({ method: 'PUT', url: `/api/applications/${mine.id}/content`, payload: { version: current.version, content } });
    const paths = async (content: unknown) => (await put(content)).json().errors.map((e: { path: string }) => e.path);
    expect(await paths({ ...complete, title: 'x'.repeat(201) })).toEqual(['content.title']);
    expect(await paths({ ...complete, budget: [{ year: 2027, category: 'Personal', amountCents: 10.5 }] })).toEqual(['content.budget.0.amountCents']);
    expect(await paths({ ...complete, budget: [{ year: 2027, category: 'Personal', amountCents: -100 }] })).toEqual(['content.budget.0.amountCents']);
    expect(await paths({ ...complete, budget: [{ year: 2027, category: 'Reisekosten', amountCents: 100 }] })).toEqual(['budget.0.category']);
    expect(await paths({ ...complete, sections: { ziele: 'x'.repeat(501) } })).toEqual(['sections.ziele']);
    const after = (await anna.get(`/api/applications/${mine.id}`)).json();
    expect(after.version).toBe(current.version);
    expect(after.content).toEqual(current.content);
  });

  it('accepts real PDFs only, judged by their bytes', async () => {
    const [mine] = (await anna.get('/api/applications')).json();
    const pdf = await makePdf('Kostenplan');
    const upload = (body: Buffer, filename: string, type = 'application/pdf') =>
      anna.request({ method: 'POST', url: `/api/applications/${mine.id}/attachments?filename=${encodeURIComponent(filename)}`, payload: body, headers: { 'content-type': type } });
    const ok = await upload(pdf, 'Kostenplan.pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const fake = await upload(Buffer.from('%PDX not really a pdf, just text pretending'), 'Fälschung.pdf');
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: 'ATTACHMENT_NOT_PDF', errors: [{ path: 'file' }] });
    const png = await upload(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'bild.pdf');
    expect(png.json().code).toBe('ATTACHMENT_NOT_PDF');
    const huge = await upload(Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), 'riesig.pdf');
    expect(huge.statusCode).toBe(413);
    const stored = await t.database.db.select({ filename: attachments.filename }).from(attachments).where(eq(attachments.applicationId, mine.id));
    expect(stored.map((s) => s.filename)).toEqual(['Kostenplan.pdf']);
    const download = await anna.get(`/api/applications/${mine.id}/attachments/${ok.json().id}`);
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
  });

  it('names what stands in the way of submission, then submits once and idempotently', async () => {
    const [mine] = (await anna.get('/api/applications')).json();
    let current = (await anna.get(`/api/applications/${mine.id}`)).json();
    const incomplete = await anna.request({ method: 'PUT', url: `/api/applications/${mine.id}/content`, payload: { version: current.version, content: { ...complete, summary: 'kurz', sections: {} } } });
    current = incomplete.json();
    const problems = (await anna.get(`/api/applications/${mine.id}/eligibility`)).json();
    expect(problems.eligible).toBe(false);
    expect(problems.problems.map((p: { path: string }) => p.path)).toEqual(['summary', 'sections.ziele']);
    const refused = await anna.post(`/api/applications/${mine.id}/submit`, { version: current.version });
    expect(refused.json()).toMatchObject({ code: 'APPLICATION_NOT_ELIGIBLE', status: 422 });
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['summary', 'sections.ziele']);

    current = (await anna.request({ method: 'PUT', url: `/api/applications/${mine.id}/content`, payload: { version: current.version, content: complete } })).json();
    const attempts = await Promise.all(Array.from({ length: 4 }, () => anna.post(`/api/applications/${mine.id}/submit`, { version: current.version })));
    for (const a of attempts) expect(a.statusCode, a.body).toBe(200);
    const receipts = attempts.map((a) => a.json());
    expect(new Set(receipts.map((r) => r.contentHash)).size).toBe(1);
    expect(new Set(receipts.map((r) => r.submittedAt)).size).toBe(1);
    expect(receipts[0].submittedAt).toBe(t.clock.now.toISOString());
    const rows = await t.database.db.select().from(submissions).where(eq(submissions.applicationId, mine.id));
    expect(rows).toHaveLength(1);
    expect(createHash('sha256').update(canonicalize(rows[0]!.snapshot) as string).digest('hex')).toBe(receipts[0].contentHash);
    expect((rows[0]!.snapshot as { attachments: unknown[] }).attachments).toHaveLength(1);
    expect((await t.events('applications.submit')).filter((e) => e.subjectId === mine.id)).toHaveLength(1);

    const pdf = await anna.get(`/api/applications/${mine.id}/receipt.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await anna.get(`/api/applications/${mine.id}`)).json().status).toBe('submitted');
  });

  it('lets the applicant withdraw and reopen before the deadline, and nothing after it but the office', async () => {
    const [mine] = (await anna.get('/api/applications')).json();
    let current = (await anna.get(`/api/applications/${mine.id}`)).json();
    current = (await anna.post(`/api/applications/${mine.id}/withdraw`, { version: current.version })).json();
    expect(current.status).toBe('withdrawn');
    current = (await anna.post(`/api/applications/${mine.id}/reopen`, { version: current.version })).json();
    expect(current.status).toBe('draft');
    const receipt = (await anna.post(`/api/applications/${mine.id}/submit`, { version: current.version })).json();
    expect(receipt.version).toBe(current.version);

    // Bert prepares a complete draft in time, and presses submit one second too late.
    const bertOrg = (await bert.get('/api/organisations')).json()[0].id;
    const bertDraft = await startDraft(bert, bertOrg);
    const bertReady = (await bert.request({ method: 'PUT', url: `/api/applications/${bertDraft.id}/content`, payload: { version: bertDraft.version, content: complete } })).json();
    expect((await bert.get(`/api/applications/${bertDraft.id}/eligibility`)).json().eligible).toBe(true);

    const saved = t.clock.now;
    try {
      t.clock.now = new Date(new Date(closesAt).getTime() + 1000);
      // Sessions last hours, not weeks: everyone logs in again after the jump in time.
      const anna = await t.as('anna@siegburg.example', 'sicheres-passwort');
      const bert = await t.as('bert@detmold.example', 'sicheres-passwort');
      const officer = await t.as('referat@stadtnetz.example');
      current = (await anna.get(`/api/applications/${mine.id}`)).json();
      const late = await anna.post(`/api/applications/${mine.id}/withdraw`, { version: current.version });
      expect(late.json().code).toBe('DEADLINE_PASSED');
      expect((await anna.get(`/api/applications/${mine.id}`)).json().status).toBe('submitted');
      const tooLate = await bert.post(`/api/applications/${bertDraft.id}/submit`, { version: bertReady.version });
      expect(tooLate.statusCode).toBe(409);
      expect(tooLate.json()).toMatchObject({ code: 'DEADLINE_PASSED', errors: [{ path: 'round' }] });
      expect((await bert.get(`/api/applications/${bertDraft.id}`)).json()).toMatchObject({ status: 'draft', version: bertReady.version, submittedAt: null });
      expect((await t.database.db.select().from(submissions).where(eq(submissions.applicationId, bertDraft.id)))).toEqual([]);
      const lateEdit = await bert.request({ method: 'PUT', url: `/api/applications/${bertDraft.id}/content`, payload: { version: bertReady.version, content: { ...complete, title: 'Zu spät' } } });
      expect(lateEdit.json().code).toBe('DEADLINE_PASSED');
      const byOfficer = await officer.post(`/api/applications/${mine.id}/withdraw`, { version: current.version });
      expect(byOfficer.statusCode, byOfficer.body).toBe(200);
      const event = (await t.events('applications.withdraw')).at(-1)!;
      expect(event.actorLabel).toBe('referat@stadtnetz.example');
      const reopen = await officer.post(`/api/applications/${mine.id}/reopen`, { version: byOfficer.json().version });
      const resubmit = await officer.post(`/api/applications/${mine.id}/submit`, { version: reopen.json().version });
      expect(resubmit.statusCode, resubmit.body).toBe(200);
      expect((await t.events('applications.submit')).at(-1)!.payload).toMatchObject({ late: true });
    } finally {
      t.clock.now = saved;
    }
  });

  it('keeps each organisation to its own applications, by API and by URL', async () => {
    const [mine] = (await anna.get('/api/applications')).json();
    const annaView = (await anna.get(`/api/applications/${mine.id}`)).json();
    expect((await bert.get('/api/applications')).json().map((a: { id: string }) => a.id)).not.toContain(mine.id);
    expect((await bert.get(`/api/applications/${mine.id}`)).statusCode).toBe(404);
    expect((await bert.request({ method: 'PUT', url: `/api/applications/${mine.id}/content`, payload: { version: annaView.version, content: complete } })).statusCode).toBe(404);
    expect((await bert.post(`/api/applications/${mine.id}/withdraw`, { version: annaView.version })).statusCode).toBe(404);
    expect((await bert.get(`/api/applications/${mine.id}/attachments/${annaView.attachments[0].id}`)).statusCode).toBe(404);
    expect((await bert.get(`/api/applications/${mine.id}/receipt.pdf`)).statusCode).toBe(404);
    expect((await bert.get(`/api/applications/${mine.id}/versions/1`)).statusCode).toBe(404);
    expect((await bert.get(`/api/rounds/${roundId}/applications`)).statusCode).toBe(403);
    expect((await bert.post('/api/applications', { roundId, organisationId: annaView.organisation.id })).statusCode).toBe(403);
    const anonymous = await t.client();
    expect((await anonymous.get(`/api/applications/${mine.id}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/rounds/${roundId}/applications`)).statusCode).toBe(401);
  });

  it('gives the office a filterable list, the formal check and exports', async () => {
    const all = (await officer.get(`/api/rounds/${roundId}/applications`)).json().filter((r: { organisation: string }) => r.organisation === 'Stadt Siegburg');
    expect(all.length).toBeGreaterThanOrEqual(1);
    expect(all[0]).toMatchObject({ organisation: 'Stadt Siegburg', land: '05', landName: 'Nordrhein-Westfalen', leadAgs: '05382060' });
    expect((await officer.get(`/api/rounds/${roundId}/applications?land=13`)).json()).toEqual([]);
    expect((await officer.get(`/api/rounds/${roundId}/applications?status=submitted&kind=municipality&minRequestedCents=97500000`)).json()).toHaveLength(1);
    expect((await officer.get(`/api/rounds/${roundId}/applications?maxRequestedCents=100`)).json()).toEqual([]);
    expect((await officer.get(`/api/rounds/${roundId}/applications?land=17`)).json().errors[0].path).toBe('land');

    const id = all[0].id;
    const noReason = await officer.post(`/api/applications/${id}/formal-check`, { result: 'ineligible' });
    expect(noReason.json().errors[0].path).toBe('reason');
    const checked = await officer.post(`/api/applications/${id}/formal-check`, { result: 'eligible', reason: '' });
    expect(checked.json().formalCheck).toBe('eligible');
    expect((await t.events('applications.check')).at(-1)!.actorLabel).toBe('referat@stadtnetz.example');
    expect((await anna.post(`/api/applications/${id}/formal-check`, { result: 'eligible' })).statusCode).toBe(403);

    const csv = await officer.get(`/api/rounds/${roundId}/applications/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Stadt Siegburg');
    expect(csv.body).toContain('975000.00');
    const xlsx = await officer.get(`/api/rounds/${roundId}/applications/export?format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Anträge')!;
    const everything = (await officer.get(`/api/rounds/${roundId}/applications`)).json();
    expect(sheet.rowCount).toBe(everything.length + 1);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(everything.map((r: { organisation: string }) => r.organisation));
    const siegburg = rows.find((r) => r.getCell(2).value === 'Stadt Siegburg')!;
    expect(siegburg.getCell(12).value).toBe(975000);
  });
});
