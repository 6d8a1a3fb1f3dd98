import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/connection';
import { createTestApp, type TestApp } from '../../../test/support/app';

const validRound = {
  slug: 'test-2027',
  name: 'Staffel 2027',
  year: 2027,
  motto: 'Daseinsvorsorge digital',
  callText: 'Aufruf',
  opensAt: '2027-02-01T00:00:00+01:00',
  closesAt: '2027-04-30T23:59:00+02:00',
  envelopeCents: 30_000_000_000,
  eligibleKinds: ['municipality', 'cooperation'],
  reviewersPerApplication: 2,
  jurySize: 11,
  criteria: [
    { groupName: 'Gemeinwohl', name: 'Nachhaltigkeit', weight: 60, scaleMin: 0, scaleMax: 5 },
    { groupName: 'Stadtnetzwerk', name: 'Übertragbarkeit', weight: 40, scaleMin: 0, scaleMax: 5 },
  ],
};

describe.each(testDatabaseKinds())('programmes and rounds on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('shows the demo programme with its budget as the sum of its dated changes', async () => {
    const anonymous = await t.client();
    const response = await anonymous.get('/api/programmes/mps');
    expect(response.statusCode).toBe(200);
    const programme = response.json();
    expect(programme.budgetCents).toBe(820_000_000_00);
    expect(programme.budgetHistory.map((h: { amountCents: number }) => h.amountCents)).toEqual([320_000_000_00, 500_000_000_00]);
    expect(programme.abilities).toEqual(['programme.read']);
  });

  it('lets a programme admin create a round as draft, hidden from the public, with an audit event', async () => {
    const admin = await t.as('programm@stadtnetz.example');
    const created = await admin.post('/api/programmes/mps/rounds', validRound);
    expect(created.statusCode).toBe(201);
    const round = created.json();
    expect(round.status).toBe('draft');
    expect(round.criteria.map((c: { weight: number }) => c.weight)).toEqual([60, 40]);
    expect(round.abilities).toContain('round.update');
    const events = await t.events('programmes.round.create');
    expect(events.at(-1)?.subjectId).toBe(round.id);

    const anonymous = await t.client();
    expect((await anonymous.get(`/api/rounds/${round.id}`)).statusCode).toBe(404);
    const publicList = (await anonymous.get('/api/programmes/mps/rounds')).json();
    expect(publicList.map((r: { slug: string }) => r.slug)).not.toContain('test-2027');
    const staffList = (await admin.get('/api/programmes/mps/rounds')).json();
    expect(staffList.map((r: { slug: string }) => r.slug)).toContain('test-2027');
  });

  it('refuses rounds whose weights, schedule or amounts are wrong, naming the field and creating nothing', async () => {
    const admin = await t.as('programm@stadtnetz.example');
    const before = (await admin.get('/api/programmes/mps/rounds')).json().length;
    const weights = await admin.post('/api/programmes/mps/rounds', {
      ...validRound,
      slug: 'bad-weights',
      criteria: [{ ...validRound.criteria[0], weight: 50 }, validRound.criteria[1]],
    });
    expect(weights.statusCode).toBe(422);
    expect(weights.headers['content-type']).toContain('application/problem+json');
    expect(weights.json()).toMatchObject({ code: 'CRITERIA_WEIGHTS_INVALID', errors: [{ path: 'criteria' }] });

    const schedule = await admin.post('/api/programmes/mps/rounds', { ...validRound, slug: 'bad-schedule', closesAt: '2027-01-01T00:00:00Z' });
    expect(schedule.json()).toMatchObject({ code: 'ROUND_INVALID_SCHEDULE', errors: [{ path: 'closesAt' }] });

    const fractional = await admin.post('/api/programmes/mps/rounds', { ...validRound, slug: 'bad-money', envelopeCents: 10.5 });
    expect(fractional.statusCode).toBe(400);
    expect(fractional.json().errors.map((e: { path: string }) => e.path)).toContain('envelopeCents');

    const negative = await admin.post('/api/programmes/mps/rounds', { ...validRound, slug: 'bad-money', envelopeCents: -1 });
    expect(negative.json().errors.map((e: { path: string }) => e.path)).toContain('envelopeCents');

    const long = await admin.post('/api/programmes/mps/rounds', { ...validRound, slug: 'bad-name', name: 'x'.repeat(201) });
    expect(long.json().errors.map((e: { path: string }) => e.path)).toContain('name');

    const missing = await admin.post('/api/programmes/mps/rounds', { slug: 'incomplete' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['name', 'opensAt', 'envelopeCents']));

    const duplicate = await admin.post('/api/programmes/mps/rounds', { ...validRound, slug: '2020' });
    expect(duplicate.json()).toMatchObject({ code: 'CONFLICT', errors: [{ path: 'slug' }] });

    const garbage = await admin.request({ method: 'POST', url: '/api/programmes/mps/rounds', payload: '{"slug":', headers: { 'content-type': 'application/json' } });
    expect(garbage.statusCode).toBe(400);

    expect((await admin.get('/api/programmes/mps/rounds')).json().length).toBe(before);
  });

  it('walks the state machine and refuses an illegal transition with the allowed ones named', async () => {
    const admin = await t.as('programm@stadtnetz.example');
    let round = (await admin.post('/api/programmes/mps/rounds', { ...validRound, slug: 'lifecycle' })).json();
    const illegal = await admin.post(`/api/rounds/${round.id}/transition`, { to: 'published', version: round.version });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'ROUND_TRANSITION_NOT_ALLOWED', from: 'draft', allowed: ['open'] });

    for (const to of ['open', 'closed', 'review', 'jury', 'decided', 'published']) {
      const response = await admin.post(`/api/rounds/${round.id}/transition`, { to, version: round.version });
      expect(response.statusCode, response.body).toBe(200);
      round = response.json();
      expect(round.status).toBe(to);
    }
    expect(round.nextStatuses).toEqual([]);
    const transitions = (await t.events('programmes.round.transition')).filter((e) => e.subjectId === round.id);
    expect(transitions.map((e) => (e.payload as { to: string }).to)).toEqual(['open', 'closed', 'review', 'jury', 'decided', 'published']);
  });

  it('refuses a stale version (a second tab) and structural edits after opening', async () => {
    const admin = await t.as('programm@stadtnetz.example');
    const round = (await admin.post('/api/programmes/mps/rounds', { ...validRound, slug: 'editing' })).json();
    const first = await admin.patch(`/api/rounds/${round.id}`, { version: round.version, motto: 'Neu' });
    expect(first.statusCode).toBe(200);
    const stale = await admin.patch(`/api/rounds/${round.id}`, { version: round.version, motto: 'Alt' });
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', status: 409 });
    expect((await admin.get(`/api/rounds/${round.id}`)).json().motto).toBe('Neu');

    const opened = (await admin.post(`/api/rounds/${round.id}/transition`, { to: 'open', version: first.json().version })).json();
    const structural = await admin.patch(`/api/rounds/${round.id}`, { version: opened.version, envelopeCents: 1 });
    expect(structural.json()).toMatchObject({ code: 'CONFLICT', errors: [{ path: 'envelopeCents' }] });
    const text = await admin.patch(`/api/rounds/${round.id}`, { version: opened.version, callText: 'Korrigiert' });
    expect(text.statusCode).toBe(200);
  });

  it('lets only the right roles change programmes and rounds', async () => {
    const anonymous = await t.client();
    expect((await anonymous.post('/api/programmes/mps/rounds', validRound)).statusCode).toBe(401);
    const applicant = await t.as('kommune@stadtnetz.example');
    expect((await applicant.post('/api/programmes/mps/rounds', { ...validRound, slug: 'by-applicant' })).json().code).toBe('FORBIDDEN');
    const reviewer = await t.as('gutachterin@stadtnetz.example');
    expect((await reviewer.post('/api/programmes', { slug: 'x-prog', name: 'Programm X', defaultRateBp: 6500, raisedRateBp: 9000 })).statusCode).toBe(403);

    const admin = await t.as('programm@stadtnetz.example');
    const round = (await admin.post('/api/programmes/mps/rounds', { ...validRound, slug: 'roles' })).json();
    // Drafts stay hidden from everyone outside the office, even logged in.
    expect((await applicant.get(`/api/rounds/${round.id}`)).statusCode).toBe(404);
    const officer = await t.as('referat@stadtnetz.example');
    expect((await officer.get(`/api/rounds/${round.id}`)).statusCode).toBe(200);
    expect((await officer.patch(`/api/rounds/${round.id}`, { version: round.version, motto: 'x' })).statusCode).toBe(403);
    expect((await officer.post(`/api/rounds/${round.id}/transition`, { to: 'open', version: round.version })).statusCode).toBe(200);
  });

  it('records budget changes with date and reason and refuses to go below zero', async () => {
    const sysadmin = await t.as('admin@stadtnetz.example');
    const created = await sysadmin.post('/api/programmes', {
      slug: 'land-programm',
      name: 'Smarte Region Land',
      defaultRateBp: 6500,
      raisedRateBp: 9000,
      initialBudget: { effectiveOn: '2026-01-01', amountCents: 1_000_000_00, reason: 'Haushalt 2026' },
    });
    expect(created.statusCode).toBe(201);
    const cut = await sysadmin.post('/api/programmes/land-programm/budget-changes', { effectiveOn: '2026-06-01', amountCents: -2_000_000_00, reason: 'Kürzung' });
    expect(cut.json()).toMatchObject({ code: 'BUDGET_NEGATIVE', errors: [{ path: 'amountCents' }] });
    const raise = await sysadmin.post('/api/programmes/land-programm/budget-changes', { effectiveOn: '2026-06-01', amountCents: 500_000_00, reason: 'Nachtragshaushalt' });
    expect(raise.json().budgetCents).toBe(1_500_000_00);
    expect((await t.events('programmes.budget')).at(-1)?.payload).toMatchObject({ reason: 'Nachtragshaushalt' });
  });
});
