import ExcelJS from 'exceljs';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/connection';
import { decisions, disbursements, grantPhases, grantReports, grants, outbox, users } from '../../db/schema';
import { systemActor } from '../../lib/access';
import { seedDemo } from '../../db/seed/demo';
import { DEMO_LED_ORGANISATION, seedDemoFunding } from '../../db/seed/demo-funding';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { sendReportReminders } from './reports.service';
import type { Budget, Disbursement, GrantDetail, GrantSummary, Report } from './funding.schemas';

describe.each(testDatabaseKinds())('funding on %s', (kind) => {
  let t: TestApp;
  let officer: TestClient; // referat@, case officer
  let admin: TestClient; // programm@, programme admin
  let lead: TestClient; // projekt@, lead of Smart Region AUF
  let applicant: TestClient; // kommune@, admin of another organisation
  let reviewer: TestClient; // gutachterin@
  let anonymous: TestClient;
  let led: GrantSummary;
  let other: GrantSummary;
  let programmeId: string;

  const detail = async (client: TestClient, id: string): Promise<GrantDetail> => {
    const r = await client.get(`/api/grants/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const userId = async (email: string) => (await t.database.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
  const rowsOf = async (grantId: string) => ({
    disbursements: await t.database.db.select().from(disbursements).where(eq(disbursements.grantId, grantId)).orderBy(disbursements.id),
    reports: await t.database.db.select().from(grantReports).where(eq(grantReports.grantId, grantId)).orderBy(grantReports.id),
  });
  const budget = async (): Promise<Budget> => {
    const r = await officer.get(`/api/programmes/${programmeId}/budget`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    [officer, admin, lead, applicant, reviewer, anonymous] = await Promise.all([
      t.as('referat@stadtnetz.example'),
      t.as('programm@stadtnetz.example'),
      t.as('projekt@stadtnetz.example'),
      t.as('kommune@stadtnetz.example'),
      t.as('gutachterin@stadtnetz.example'),
      t.client(),
    ]);
    const mine = (await lead.get('/api/grants')).json().items as GrantSummary[];
    led = mine[0]!;
    const all = (await officer.get('/api/grants')).json().items as GrantSummary[];
    other = all.find((g) => g.id !== led.id)!;
    programmeId = (await detail(officer, led.id)).programmeId;
  }, 600_000);
  afterAll(async () => t?.close());

  it('the demo has a grant per selected 2020 decision; each sees only the grants they may', async () => {
    const all = await officer.get('/api/grants');
    expect(all.statusCode).toBe(200);
    const items = all.json().items as GrantSummary[];
    const [{ n }] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(decisions).where(eq(decisions.outcome, 'selected'));
    expect(items).toHaveLength(Number(n));
    expect(items).toHaveLength(32);
    const mine = (await lead.get('/api/grants')).json().items as GrantSummary[];
    expect(mine.map((g) => g.organisation.name)).toEqual([DEMO_LED_ORGANISATION]);
    expect(led).toMatchObject({ title: expect.stringContaining('AUF'), round: { year: 2020 }, status: 'active', currentPhase: 'implementation', overdueReports: 1, pendingDisbursements: 1 });
    expect(led.disbursedCents).toBeGreaterThan(0);
    expect((await applicant.get('/api/grants')).json().items.map((g: GrantSummary) => g.id)).not.toContain(led.id);
    expect((await reviewer.get('/api/grants')).json().items).toEqual([]);
    expect((await anonymous.get('/api/grants')).statusCode).toBe(401);

    const d = await detail(lead, led.id);
    expect(d).toMatchObject({ startsOn: '2021-01-01', projectLead: { displayName: 'Peter Projektleitung' }, caseOfficer: { displayName: 'Carlos Sachbearbeitung' } });
    expect(d.phases.map((p) => p.kind)).toEqual(['strategy', 'implementation']);
    expect(d.phases.reduce((s, p) => s + p.approvedCents, 0)).toBe(d.approvedCents);
    expect(d.abilities).toEqual(expect.arrayContaining(['funding.read', 'funding.request_disbursement', 'funding.submit_report']));
    expect(d.abilities).not.toContain('funding.decide_disbursement');
    expect((await detail(officer, led.id)).abilities).toEqual(expect.arrayContaining(['funding.decide_disbursement', 'funding.edit', 'funding.schedule_report']));
    // Every past disbursement was decided by someone other than its requester, and phases were never passed.
    const rows = await t.database.db.select().from(disbursements);
    expect(rows.filter((r) => r.status === 'requested')).toHaveLength(1);
    expect(rows.filter((r) => r.decidedBy !== null && r.decidedBy === r.requestedBy)).toEqual([]);
    for (const p of d.phases) expect(p.availableCents).toBeGreaterThanOrEqual(0);
    expect(d.obligations.openSource.solutions.map((s) => s.name)).toContain('Smart Region AUF Dorf-App');
  });

  it('hides a grant from the wrong people: 401 anonymous, 404 another organisation and a reviewer', async () => {
    expect((await anonymous.get(`/api/grants/${led.id}`)).statusCode).toBe(401);
    expect((await applicant.get(`/api/grants/${led.id}`)).statusCode).toBe(404);
    expect((await reviewer.get(`/api/grants/${led.id}`)).statusCode).toBe(404);
    expect((await lead.get(`/api/grants/${other.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/grants/${other.id}`)).statusCode).toBe(200);
  });

  it('makes a grant from a selected decision once, with phases that add up, and refuses other decisions', async () => {
    const [row] = await t.database.db.select().from(grants).where(eq(grants.id, other.id));
    await t.database.db.delete(grants).where(eq(grants.id, other.id));
    const url = `/api/decisions/${row!.decisionId}/grant`;
    expect((await anonymous.post(url, {})).statusCode).toBe(401);
    expect((await lead.post(url, {})).statusCode).toBe(404);
    expect((await reviewer.post(url, {})).statusCode).toBe(404);

    const before = (await t.events('funding.create_grant')).length;
    const wrongSum = await officer.post(url, {
      phases: [
        { kind: 'strategy', startsOn: '2021-01-01', endsOn: '2022-12-31', approvedCents: 100 },
        { kind: 'implementation', startsOn: '2023-01-01', endsOn: '2027-12-31', approvedCents: 100 },
      ],
    });
    expect(wrongSum.statusCode).toBe(422);
    expect(wrongSum.json()).toMatchObject({ code: 'GRANT_PHASES_INVALID', errors: [{ path: 'phases' }] });

    const made = await officer.post(url, { caseOfficerId: await userId('referat@stadtnetz.example') });
    expect(made.statusCode, made.body).toBe(201);
    const grant = made.json() as GrantDetail;
    expect(grant).toMatchObject({ approvedCents: row!.approvedCents, fundingRateBp: row!.fundingRateBp, startsOn: '2021-01-01', endsOn: '2027-12-31', status: 'active', version: 1 });
    expect(grant.phases.map((p) => [p.kind, p.startsOn, p.endsOn])).toEqual([
      ['strategy', '2021-01-01', '2022-12-31'],
      ['implementation', '2023-01-01', '2027-12-31'],
    ]);
    expect(grant.phases[0]!.approvedCents).toBe(Math.min(2_500_000_00, Math.floor(row!.approvedCents / 7)));
    expect(grant.phases[0]!.approvedCents + grant.phases[1]!.approvedCents).toBe(row!.approvedCents);
    expect(grant.ownShareCents + grant.approvedCents).toBe(grant.eligibleCostsCents);
    const events = await t.events('funding.create_grant');
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)).toMatchObject({ subjectType: 'grant', subjectId: grant.id });
    other = { ...other, id: grant.id };

    const again = await officer.post(url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');

    const [rejected] = await t.database.db.select().from(decisions).where(ne(decisions.outcome, 'selected')).limit(1);
    const notSelected = await officer.post(`/api/decisions/${rejected!.id}/grant`, {});
    expect(notSelected.statusCode).toBe(422);
    expect(notSelected.json()).toMatchObject({ code: 'DECISION_NOT_SELECTED', outcome: rejected!.outcome });
    expect((await t.events('funding.create_grant')).length).toBe(before + 1);
  });

  it('refuses a request above what the phase has left, naming amountCents, and changes nothing', async () => {
    const d = await detail(lead, led.id);
    const phase = d.phases[1]!;
    expect(phase.pendingCents).toBeGreaterThan(0);
    const rowsBefore = await rowsOf(led.id);
    const eventsBefore = (await t.events('funding.request_disbursement')).length;
    const r = await lead.post(`/api/grants/${led.id}/disbursements`, { phaseId: phase.id, amountCents: phase.availableCents + 1, purpose: 'Zu viel' });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'DISBURSEMENT_EXCEEDS_PHASE', errors: [{ path: 'amountCents' }], availableCents: phase.availableCents });
    expect(await rowsOf(led.id)).toEqual(rowsBefore);
    expect((await t.events('funding.request_disbursement')).length).toBe(eventsBefore);
    expect((await detail(lead, led.id)).phases).toEqual(d.phases);

    const foreignPhase = (await detail(officer, other.id)).phases[0]!;
    const wrongPhase = await lead.post(`/api/grants/${led.id}/disbursements`, { phaseId: foreignPhase.id, amountCents: 1, purpose: 'Falsche Phase' });
    expect(wrongPhase.statusCode).toBe(422);
    expect(wrongPhase.json()).toMatchObject({ code: 'PHASE_NOT_OF_GRANT', errors: [{ path: 'phaseId' }] });
    expect((await lead.post(`/api/grants/${led.id}/disbursements`, { phaseId: phase.id, amountCents: 0, purpose: 'Nichts' })).statusCode).toBe(400);
    expect((await applicant.post(`/api/grants/${led.id}/disbursements`, { phaseId: phase.id, amountCents: 1, purpose: 'Fremd' })).statusCode).toBe(404);
    expect((await anonymous.post(`/api/grants/${led.id}/disbursements`, { phaseId: phase.id, amountCents: 1, purpose: 'Anonym' })).statusCode).toBe(401);
    expect(await rowsOf(led.id)).toEqual(rowsBefore);
  });

  it('counts pending requests against the phase, so two cannot together pass it, even at once', async () => {
    const phase = (await detail(lead, led.id)).phases[1]!;
    // Each alone fits; the two together pass the phase by at least a cent.
    const amountCents = Math.floor(phase.availableCents / 2) + 1;
    expect(phase.availableCents).toBeGreaterThan(2);
    const both = await Promise.all([
      lead.post(`/api/grants/${led.id}/disbursements`, { phaseId: phase.id, amountCents, purpose: 'Erster gleichzeitiger Abruf' }),
      lead.post(`/api/grants/${led.id}/disbursements`, { phaseId: phase.id, amountCents, purpose: 'Zweiter gleichzeitiger Abruf' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    const after = (await detail(lead, led.id)).phases[1]!;
    expect(after.availableCents).toBeGreaterThanOrEqual(0);
    const refused = await lead.post(`/api/grants/${led.id}/disbursements`, { phaseId: phase.id, amountCents: after.availableCents + 1, purpose: 'Einer zu viel' });
    expect(refused.json().code).toBe('DISBURSEMENT_EXCEEDS_PHASE');
  });

  it('lets a case officer approve or reject, never the requester, never a non-staff user; approval moves the budget', async () => {
    const d = await detail(officer, led.id);
    const pending = d.disbursements.filter((x) => x.status === 'requested');
    expect(pending.length).toBeGreaterThanOrEqual(2);
    const [first, second] = pending as [Disbursement, Disbursement];
    expect((await lead.post(`/api/disbursements/${first.id}/approve`, { version: first.version })).statusCode).toBe(403);
    expect((await applicant.post(`/api/disbursements/${first.id}/approve`, { version: first.version })).statusCode).toBe(404);
    expect((await reviewer.post(`/api/disbursements/${first.id}/approve`, { version: first.version })).statusCode).toBe(404);
    expect((await anonymous.post(`/api/disbursements/${first.id}/approve`, { version: first.version })).statusCode).toBe(401);

    const queue = await officer.get(`/api/disbursements?programmeId=${programmeId}&status=requested`);
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((x: Disbursement) => x.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(queue.json().items[0].grant).toMatchObject({ reference: expect.any(String), organisationName: expect.any(String) });
    expect((await lead.get('/api/disbursements')).statusCode).toBe(403);
    expect((await anonymous.get('/api/disbursements')).statusCode).toBe(401);

    const budgetBefore = await budget();
    const stale = await officer.post(`/api/disbursements/${first.id}/approve`, { version: first.version + 5 });
    expect(stale.json().code).toBe('STALE_VERSION');
    const approved = await officer.post(`/api/disbursements/${first.id}/approve`, { version: first.version, note: 'Belege geprüft.' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { displayName: 'Carlos Sachbearbeitung' }, decisionNote: 'Belege geprüft.', version: first.version + 1 });
    expect((await t.events('funding.approve_disbursement')).at(-1)).toMatchObject({ subjectId: first.id });
    const budgetAfter = await budget();
    const round = (b: Budget) => b.rounds.find((r) => r.roundId === led.round.id)!;
    expect(round(budgetAfter).disbursedCents).toBe(round(budgetBefore).disbursedCents + first.amountCents);
    expect(round(budgetAfter).pendingCents).toBe(round(budgetBefore).pendingCents - first.amountCents);
    expect(budgetAfter.totals.disbursedCents).toBe(budgetBefore.totals.disbursedCents + first.amountCents);
    expect(budgetAfter.years.find((y) => y.year === 2026)!.disbursedCents).toBe(budgetBefore.years.find((y) => y.year === 2026)!.disbursedCents + first.amountCents);
    const phaseAfter = (await detail(officer, led.id)).phases.find((p) => p.id === first.phaseId)!;
    const phaseBefore = d.phases.find((p) => p.id === first.phaseId)!;
    expect(phaseAfter.disbursedCents).toBe(phaseBefore.disbursedCents + first.amountCents);
    expect(phaseAfter.availableCents).toBe(phaseBefore.availableCents);

    const again = await officer.post(`/api/disbursements/${first.id}/approve`, { version: first.version + 1 });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DISBURSEMENT_NOT_PENDING', disbursementStatus: 'approved' });

    expect((await officer.post(`/api/disbursements/${second.id}/reject`, { version: second.version, note: '  ' })).statusCode).toBe(400);
    const rejected = await officer.post(`/api/disbursements/${second.id}/reject`, { version: second.version, note: 'Belege fehlen.' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: 'Belege fehlen.' });
    expect((await t.events('funding.reject_disbursement')).at(-1)).toMatchObject({ subjectId: second.id });
    const freed = (await detail(officer, led.id)).phases.find((p) => p.id === second.phaseId)!;
    expect(freed.availableCents).toBe(phaseAfter.availableCents + second.amountCents);
  });

  it('keeps four eyes: staff who requested a disbursement cannot decide it, a colleague can', async () => {
    const d = await detail(admin, led.id);
    const referat = await userId('referat@stadtnetz.example');
    const patched = await admin.patch(`/api/grants/${led.id}`, { version: d.version, projectLeadId: referat });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await t.events('funding.update_grant')).at(-1)).toMatchObject({ subjectId: led.id });
    expect((await admin.patch(`/api/grants/${led.id}`, { version: d.version, projectLeadId: referat })).json().code).toBe('STALE_VERSION');
    expect((await lead.patch(`/api/grants/${led.id}`, { version: d.version + 1, projectLeadId: null })).statusCode).toBe(404);

    const phase = d.phases[1]!;
    const own = await officer.post(`/api/grants/${led.id}/disbursements`, { phaseId: phase.id, amountCents: 100, purpose: 'Eigener Abruf' });
    expect(own.statusCode, own.body).toBe(201);
    const mine = own.json() as Disbursement;
    const refused = await officer.post(`/api/disbursements/${mine.id}/approve`, { version: mine.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('DISBURSEMENT_OWN_REQUEST');
    expect((await admin.post(`/api/disbursements/${mine.id}/approve`, { version: mine.version })).statusCode).toBe(200);

    const back = await admin.patch(`/api/grants/${led.id}`, { version: d.version + 1, projectLeadId: await userId('projekt@stadtnetz.example') });
    expect(back.statusCode).toBe(200);
  });

  it('reminds the project lead of reports due soon and overdue, once', async () => {
    const ctx = { db: t.database.db, actor: systemActor('test'), now: () => t.clock.now };
    const first = await sendReportReminders(ctx);
    expect(first).toBe(2);
    const mails = await t.database.db.select().from(outbox).where(and(eq(outbox.recipient, 'projekt@stadtnetz.example'), inArray(outbox.kind, ['funding.report.overdue', 'funding.report.upcoming'])));
    expect(mails.map((m) => m.kind).sort()).toEqual(['funding.report.overdue', 'funding.report.upcoming']);
    expect(mails.find((m) => m.kind === 'funding.report.overdue')!.subject).toContain('Jahresbericht 2025');
    expect(await sendReportReminders(ctx)).toBe(0);
    const again = await t.database.db.select().from(outbox).where(eq(outbox.recipient, 'projekt@stadtnetz.example'));
    expect(again.filter((m) => m.kind.startsWith('funding.report'))).toHaveLength(2);
  });

  it('schedules reports; only the project of that grant submits them; overdue follows the clock on Berlin days', async () => {
    const url = `/api/grants/${led.id}/reports`;
    expect((await lead.post(url, { kind: 'milestone', title: 'Selbst gesetzt', dueOn: '2026-12-31' })).statusCode).toBe(403);
    expect((await applicant.post(url, { kind: 'milestone', title: 'Fremd', dueOn: '2026-12-31' })).statusCode).toBe(404);
    const made = await officer.post(url, { kind: 'milestone', title: 'Datenplattform in Betrieb', dueOn: '2026-11-26' });
    expect(made.statusCode, made.body).toBe(201);
    const report = made.json() as Report;
    expect(report).toMatchObject({ status: 'due', overdue: false });
    expect((await t.events('funding.schedule_report')).at(-1)).toMatchObject({ subjectId: report.id });

    const saved = t.clock.now;
    try {
      // 23:30 UTC on the 26th is already the 27th in Berlin: the report due on the 26th is overdue.
      t.clock.now = new Date('2026-11-26T23:30:00Z');
      expect((await detail(lead, led.id)).reports.find((r) => r.id === report.id)!.overdue).toBe(true);
      t.clock.now = new Date('2026-11-26T22:30:00Z');
      expect((await detail(lead, led.id)).reports.find((r) => r.id === report.id)!.overdue).toBe(false);
    } finally {
      t.clock.now = saved;
    }

    const submit = `/api/reports/${report.id}/submit`;
    const body = { version: report.version, body: 'Die Plattform läuft seit Oktober.' };
    expect((await anonymous.post(submit, body)).statusCode).toBe(401);
    expect((await applicant.post(submit, body)).statusCode).toBe(404);
    expect((await reviewer.post(submit, body)).statusCode).toBe(404);
    expect((await officer.post(submit, body)).statusCode).toBe(403);
    const foreign = (await detail(officer, other.id)).reports;
    const foreignReport = await officer.post(`/api/grants/${other.id}/reports`, { kind: 'annual', title: 'Fremder Bericht', dueOn: '2027-03-31' });
    expect(foreignReport.statusCode).toBe(201);
    expect(foreign.length + 1).toBe((await detail(officer, other.id)).reports.length);
    const refused = await lead.post(`/api/reports/${foreignReport.json().id}/submit`, { version: 1, body: 'Nicht meiner' });
    expect(refused.statusCode).toBe(404);
    expect((await t.database.db.select().from(grantReports).where(eq(grantReports.id, foreignReport.json().id)))[0]).toMatchObject({ status: 'due', body: '' });
    expect((await lead.post(submit, { version: report.version, body: '   ' })).statusCode).toBe(400);

    const submitted = await lead.post(submit, body);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', body: body.body, overdue: false });
    expect((await t.events('funding.submit_report')).at(-1)).toMatchObject({ subjectId: report.id });
    expect((await lead.post(submit, { version: report.version + 1, body: 'Noch einmal' })).json().code).toBe('REPORT_NOT_OPEN');
    expect((await lead.post(`/api/reports/${report.id}/accept`, { version: report.version + 1 })).statusCode).toBe(403);
    const accepted = await officer.post(`/api/reports/${report.id}/accept`, { version: report.version + 1, note: 'Danke.' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewNote: 'Danke.' });
    expect((await officer.post(`/api/reports/${report.id}/return`, { version: report.version + 2, note: 'Zu spät' })).json().code).toBe('REPORT_NOT_OPEN');
  });

  it('gives the budget per round and year to the office only, and as a real workbook', async () => {
    const b = await budget();
    const r2020 = b.rounds.find((r) => r.year === 2020)!;
    const selected = await t.database.db.select().from(decisions).where(and(eq(decisions.roundId, r2020.roundId), eq(decisions.outcome, 'selected')));
    expect(r2020.committedCents).toBe(selected.reduce((s, d) => s + d.fundingCents, 0));
    expect(r2020.uncommittedCents).toBe(r2020.envelopeCents - r2020.committedCents);
    expect(b.totals.remainingCents).toBe(b.totals.committedCents - b.totals.disbursedCents);
    expect(b.totals.uncommittedCents).toBe(b.totals.budgetCents - b.totals.committedCents);
    expect(b.years.find((y) => y.year === 2020)!.committedCents).toBe(r2020.committedCents);
    expect(b.years.reduce((s, y) => s + y.disbursedCents, 0)).toBe(b.totals.disbursedCents);

    for (const client of [lead, applicant, reviewer]) expect((await client.get(`/api/programmes/${programmeId}/budget`)).statusCode).toBe(403);
    expect((await anonymous.get(`/api/programmes/${programmeId}/budget`)).statusCode).toBe(401);
    expect((await anonymous.get(`/api/programmes/${programmeId}/budget.xlsx`)).statusCode).toBe(401);

    const file = await officer.get(`/api/programmes/${programmeId}/budget.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Staffeln', 'Jahre', 'Summen']);
    const rounds = workbook.getWorksheet('Staffeln')!;
    expect(rounds.getRow(1).values).toEqual([undefined, 'Staffel', 'Jahr', 'Rahmen', 'Gebunden', 'Ausgezahlt', 'Beantragt', 'Nicht gebunden']);
    const row = rounds.getRows(2, rounds.rowCount - 1)!.find((x) => x.getCell(2).value === 2020)!;
    expect(row.getCell(4).value).toBe(r2020.committedCents / 100);
    expect(row.getCell(5).value).toBe(r2020.disbursedCents / 100);
    const years = workbook.getWorksheet('Jahre')!;
    expect(years.rowCount).toBe(b.years.length + 1);
  });

  it('seeds the demo funding once: a second run adds nothing, a fresh one is quick', async () => {
    const count = async () => ({
      grants: (await t.database.db.select({ id: grants.id }).from(grants)).length,
      phases: (await t.database.db.select({ id: grantPhases.id }).from(grantPhases)).length,
      disbursements: (await t.database.db.select({ id: disbursements.id }).from(disbursements)).length,
      reports: (await t.database.db.select({ id: grantReports.id }).from(grantReports)).length,
    });
    const before = await count();
    const report = await seedDemo(t.database.db);
    expect(report.created).toEqual([]);
    expect(await count()).toEqual(before);

    await t.database.db.delete(grants);
    const eventsBefore = (await t.events('funding.create_grant')).length;
    const started = Date.now();
    const ctx = { db: t.database.db, actor: systemActor('seed'), now: () => new Date() };
    expect(await seedDemoFunding(ctx)).toEqual([expect.stringMatching(/^32 grants of round 2020 with \d+ disbursements and reports$/)]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await t.events('funding.create_grant')).length).toBe(eventsBefore + 32);
    expect((await t.events('funding.import_history')).length).toBeGreaterThanOrEqual(32);
    expect(await seedDemoFunding(ctx)).toEqual([]);
  }, 120_000);
});
