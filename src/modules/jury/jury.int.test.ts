import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/connection';
import { auditEvents, decisions, juryVotes } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { buildJuryRound, ENVELOPE_CENTS, juryPeople, JURY_PASSWORD, REQUESTED_CENTS, type Api, type ApiAnswer, type JuryScenario } from '../../../test/support/jury-scenario';

function apiOf(client: TestClient): Api {
  const wrap = async (p: ReturnType<TestClient['get']>): Promise<ApiAnswer> => {
    const r = await p;
    const json = String(r.headers['content-type'] ?? '').includes('json');
    return { status: r.statusCode, body: json ? r.json() : undefined, text: r.body };
  };
  return {
    get: (url) => wrap(client.get(url)),
    post: (url, payload) => wrap(client.post(url, payload ?? {})),
    put: (url, payload) => wrap(client.request({ method: 'PUT', url, payload: payload as never })),
  };
}

describe.each(testDatabaseKinds())('jury on %s', (kind) => {
  let t: TestApp;
  let s: JuryScenario;
  let office: Api;
  const people = juryPeople('int');
  const as = new Map<string, Api>();
  const login = async (email: string, password?: string) => apiOf(await t.as(email, password));
  const member = (i: number) => ({ ...s.members.get(people[i]!.email)!, api: as.get(people[i]!.email)! });
  let sessionId: string;

  const vote = (i: number, applicationId: string, choice: 'yes' | 'no' | 'abstain') =>
    member(i).api.put(`/api/jury/sessions/${sessionId}/applications/${applicationId}/vote`, { choice });
  const decide = (api: Api, applicationId: string, body: unknown) => api.post(`/api/jury/sessions/${sessionId}/applications/${applicationId}/decision`, body);
  const room = async (api: Api) => {
    const r = await api.get(`/api/jury/sessions/${sessionId}/room`);
    expect(r.status, r.text).toBe(200);
    return r.body;
  };
  /** Votes of members i (by index) with the given choices, each as themselves. */
  const votes = async (applicationId: string, choices: Array<[number, 'yes' | 'no' | 'abstain']>) => {
    for (const [i, c] of choices) {
      const r = await vote(i, applicationId, c);
      expect(r.status, `${people[i]!.email}: ${r.text}`).toBe(200);
    }
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    // Sessions in the test client expire by the server's clock; the round opens by it too.
    t.clock.now = new Date();
    s = await buildJuryRound({ login, now: t.clock.now, tag: 'int', people, addMembers: 10 });
    office = await login('programm@stadtnetz.example');
  }, 600_000);
  afterAll(async () => t?.close());

  it('staffs the jury up to the round’s size with exactly one chair, granting the jury role', async () => {
    const last = people[10]!;
    const asChair = await office.post(`/api/jury/rounds/${s.roundId}/members`, { userId: s.userIds.get(last.email), role: 'chair', affiliation: 'science' });
    expect(asChair.status).toBe(409);
    expect(asChair.body.code).toBe('JURY_CHAIR_EXISTS');
    const bad = await office.post(`/api/jury/rounds/${s.roundId}/members`, { userId: s.userIds.get(last.email), affiliation: 'science', homeArs: '99999999' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['homeArs']);
    const officer = await login('referat@stadtnetz.example');
    const added = await officer.post(`/api/jury/rounds/${s.roundId}/members`, { userId: s.userIds.get(last.email), affiliation: last.affiliation, homeArs: last.homeArs });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ role: 'member', homeArs: expect.stringMatching(/^\d{12}$/), displayName: last.name });
    s.members.set(last.email, { memberId: added.body.id, userId: added.body.userId });

    const extra = await (await login('admin@stadtnetz.example')).post('/api/users', { email: 'zwoelf@jury.example', displayName: 'Zwölf', password: JURY_PASSWORD });
    const full = await office.post(`/api/jury/rounds/${s.roundId}/members`, { userId: extra.body.id, affiliation: 'politics' });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('JURY_FULL');
    expect((await office.post(`/api/jury/rounds/${s.roundId}/members`, { userId: s.userIds.get(people[1]!.email), affiliation: 'politics' })).body.code).toBe('CONFLICT');

    const listed = (await office.get(`/api/jury/rounds/${s.roundId}/members`)).body;
    expect(listed).toHaveLength(11);
    expect(listed.filter((m: { role: string }) => m.role === 'chair').map((m: { email: string }) => m.email)).toEqual([people[0]!.email]);
    for (const p of people) as.set(p.email, await login(p.email, JURY_PASSWORD));
    const chairSession = (await as.get(people[0]!.email)!.get('/api/auth/session')).body;
    expect(chairSession.user.grants).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'jury_chair', roundId: s.roundId })]));
    const memberSession = (await as.get(last.email)!.get('/api/auth/session')).body;
    expect(memberSession.user.grants).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'jury_member', roundId: s.roundId })]));
    expect((await t.events('jury.member.add')).filter((e) => (e.payload as { roundId: string }).roundId === s.roundId)).toHaveLength(11);

    // Only the programme office staffs the jury.
    const applicant = await login('kommune@stadtnetz.example');
    expect((await applicant.post(`/api/jury/rounds/${s.roundId}/members`, { userId: extra.body.id, affiliation: 'politics' })).status).toBe(403);
    expect((await member(2).api.post(`/api/jury/rounds/${s.roundId}/members`, { userId: extra.body.id, affiliation: 'politics' })).status).toBe(403);
    expect((await apiOf(await t.client()).get(`/api/jury/rounds/${s.roundId}/members`)).status).toBe(401);
  });

  it('derives recusals by the reviewers’ rules and takes declared ones, each with its reason', async () => {
    const declared = await member(3).api.post(`/api/jury/rounds/${s.roundId}/recusals`, { memberId: member(3).memberId, applicationId: s.applications.krefeld, reason: 'Berate die Stadt Krefeld' });
    expect(declared.status, declared.text).toBe(201);
    // A member declares only for themselves; the office for anyone.
    expect((await member(4).api.post(`/api/jury/rounds/${s.roundId}/recusals`, { memberId: member(3).memberId, applicationId: s.applications.fulda, reason: 'Nicht meins' })).status).toBe(403);
    const all = (await office.get(`/api/jury/rounds/${s.roundId}/recusals`)).body;
    expect(all).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: member(10).memberId, applicationId: s.applications.bonn, source: 'derived', rule: 'same-municipality' }),
        expect.objectContaining({ memberId: member(3).memberId, applicationId: s.applications.krefeld, source: 'declared', reason: expect.stringContaining('Berate die Stadt Krefeld') }),
      ]),
    );
    expect(all).toHaveLength(2);
    const own = (await member(10).api.get(`/api/jury/rounds/${s.roundId}/recusals`)).body;
    expect(own.map((r: { memberId: string }) => r.memberId)).toEqual([member(10).memberId]);
    const event = (await t.events('jury.recuse')).at(-1)!;
    expect(event.payload).toMatchObject({ memberId: member(3).memberId, applicationId: s.applications.krefeld, reason: 'Berate die Stadt Krefeld', id: expect.any(String), createdAt: expect.any(String) });
  });

  it('plans a session, opens it, and refuses votes without quorum or by absent members', async () => {
    const created = await office.post(`/api/jury/rounds/${s.roundId}/sessions`, { title: 'Jurysitzung 1', startsAt: '2026-12-01T09:00:00+01:00' });
    expect(created.status, created.text).toBe(201);
    sessionId = created.body.id;
    expect(created.body).toMatchObject({ status: 'planned', memberCount: 11, quorumNeeded: 8, quorate: false });
    expect((await member(1).api.post(`/api/jury/rounds/${s.roundId}/sessions`, { title: 'x', startsAt: '2026-12-01T09:00:00+01:00' })).status).toBe(403);

    expect((await vote(1, s.applications.wolfsburg, 'yes')).body.code).toBe('SESSION_NOT_OPEN');
    expect((await office.post(`/api/jury/sessions/${sessionId}/open`)).status).toBe(200);
    const seven = people.map((p, i) => ({ memberId: member(i).memberId, present: i < 7 }));
    const recorded = await office.put(`/api/jury/sessions/${sessionId}/attendance`, seven);
    expect(recorded.body).toMatchObject({ presentCount: 7, quorate: false });
    const noQuorum = await vote(1, s.applications.wolfsburg, 'yes');
    expect(noQuorum.status).toBe(409);
    expect(noQuorum.body).toMatchObject({ code: 'QUORUM_NOT_MET' });
    expect(noQuorum.body.detail).toContain('7 of 11');

    // Everyone but member 9 is there.
    const ten = people.map((p, i) => ({ memberId: member(i).memberId, present: i !== 9 }));
    expect((await office.put(`/api/jury/sessions/${sessionId}/attendance`, ten)).body).toMatchObject({ presentCount: 10, quorate: true });
    const absent = await vote(9, s.applications.wolfsburg, 'yes');
    expect(absent.status).toBe(403);
    expect(absent.body.code).toBe('MEMBER_NOT_PRESENT');
    const unknown = await office.put(`/api/jury/sessions/${sessionId}/attendance`, [{ memberId: s.userIds.get(people[0]!.email), present: true }]);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['0.memberId']);
  });

  it('hides an application from a member recused from it: not listed, 404 by address, no vote', async () => {
    const recusedRoom = await room(member(10).api);
    expect(recusedRoom.applications.map((a: { applicationId: string }) => a.applicationId)).not.toContain(s.applications.bonn);
    expect(recusedRoom.applications).toHaveLength(4);
    expect((await member(10).api.get(`/api/jury/rounds/${s.roundId}/applications/${s.applications.bonn}`)).status).toBe(404);
    expect((await vote(10, s.applications.bonn, 'yes')).status).toBe(404);
    expect((await member(3).api.get(`/api/jury/rounds/${s.roundId}/applications/${s.applications.krefeld}`)).status).toBe(404);
    expect((await vote(3, s.applications.krefeld, 'no')).status).toBe(404);
    // Everyone else sees them.
    expect((await member(2).api.get(`/api/jury/rounds/${s.roundId}/applications/${s.applications.bonn}`)).status).toBe(200);
    expect((await room(member(2).api)).applications).toHaveLength(5);
    expect((await member(10).api.get(`/api/jury/rounds/${s.roundId}/applications/${s.applications.wolfsburg}`)).status).toBe(200);
  });

  it('keeps one vote per member, changeable, audited with the whole row, and secret to applicants', async () => {
    await votes(s.applications.wolfsburg, [[1, 'yes']]);
    await votes(s.applications.wolfsburg, [[1, 'no']]);
    const rows = await t.database.db.select().from(juryVotes).where(eq(juryVotes.applicationId, s.applications.wolfsburg));
    expect(rows.map((r) => r.choice)).toEqual(['no']);
    const events = (await t.events('jury.vote')).filter((e) => e.subjectId === s.applications.wolfsburg);
    expect(events.map((e) => (e.payload as { choice: string }).choice)).toEqual(['yes', 'no']);
    expect(events.at(-1)!.payload).toMatchObject({ ...rows[0], castAt: rows[0]!.castAt.toISOString() });

    const seen = (await room(member(5).api)).applications.find((a: { applicationId: string }) => a.applicationId === s.applications.wolfsburg);
    expect(seen.votes).toEqual([expect.objectContaining({ memberId: member(1).memberId, choice: 'no', displayName: people[1]!.name })]);
    expect((await room(office)).applications.find((a: { applicationId: string }) => a.applicationId === s.applications.wolfsburg).tally).toMatchObject({ no: 1 });

    const applicant = await login(`wolfsburg-int@antrag.example`, JURY_PASSWORD);
    for (const url of [`/api/jury/sessions/${sessionId}/room`, `/api/jury/rounds/${s.roundId}`, `/api/jury/rounds/${s.roundId}/decisions`, `/api/jury/rounds/${s.roundId}/applications/${s.applications.wolfsburg}`]) {
      expect((await applicant.get(url)).status, url).toBe(403);
    }
    const own = await applicant.get(`/api/applications/${s.applications.wolfsburg}`);
    expect(own.status).toBe(200);
    expect(own.text).not.toMatch(/"votes"|"choice"|"tally"|"decision"|"myVote"/);
    expect((await applicant.put(`/api/jury/sessions/${sessionId}/applications/${s.applications.wolfsburg}/vote`, { choice: 'yes' })).status).toBe(403);
  });

  it('decides by majority with the chair breaking a tie, and records the decision’s audit event', async () => {
    // 5 : 5 among the ten present; the chair is on the yes side.
    await votes(s.applications.wolfsburg, [[0, 'yes'], [1, 'yes'], [2, 'yes'], [3, 'yes'], [4, 'yes'], [5, 'no'], [6, 'no'], [7, 'no'], [8, 'no'], [10, 'no']]);
    const notChair = await decide(member(1).api, s.applications.wolfsburg, { outcome: 'selected', fundingCents: REQUESTED_CENTS, rationale: 'Überzeugt.' });
    expect(notChair.status).toBe(403);
    const against = await decide(member(0).api, s.applications.wolfsburg, { outcome: 'rejected', rationale: 'Nein.' });
    expect(against.body).toMatchObject({ code: 'DECISION_AGAINST_VOTE', tally: { yes: 5, no: 5, majority: 'yes', tieBrokenByChair: true } });
    const tooMuch = await decide(member(0).api, s.applications.wolfsburg, { outcome: 'selected', fundingCents: REQUESTED_CENTS + 1, rationale: 'Überzeugt.' });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ code: 'DECISION_FUNDING_INVALID', errors: [{ path: 'fundingCents' }] });
    const zero = await decide(member(0).api, s.applications.wolfsburg, { outcome: 'selected', fundingCents: 0, rationale: 'Überzeugt.' });
    expect(zero.body.code).toBe('DECISION_FUNDING_INVALID');

    const decided = await decide(member(0).api, s.applications.wolfsburg, { outcome: 'selected', fundingCents: REQUESTED_CENTS, rationale: 'Überzeugendes, übertragbares Konzept.' });
    expect(decided.status, decided.text).toBe(201);
    expect(decided.body).toMatchObject({ outcome: 'selected', fundingCents: REQUESTED_CENTS, sessionId, auditSeq: expect.any(Number) });
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.seq, decided.body.auditSeq));
    expect(event).toMatchObject({ action: 'jury.decide', subjectId: s.applications.wolfsburg, actorLabel: people[0]!.email });
    const [row] = await t.database.db.select().from(decisions).where(eq(decisions.id, decided.body.id));
    const { auditSeq: _seq, ...content } = row!;
    expect(event!.payload).toMatchObject({ ...content, decidedAt: row!.decidedAt.toISOString(), tally: { yes: 5, no: 5, abstain: 0, majority: 'yes', tieBrokenByChair: true } });

    expect((await vote(5, s.applications.wolfsburg, 'yes')).body.code).toBe('DECISION_TAKEN');
    expect((await decide(office, s.applications.wolfsburg, { outcome: 'waitlisted', rationale: 'Doch nicht.' })).body.code).toBe('DECISION_TAKEN');
    const after = await room(member(5).api);
    expect(after.money).toMatchObject({ envelopeCents: ENVELOPE_CENTS, selectedCents: REQUESTED_CENTS, envelopeLeftCents: ENVELOPE_CENTS - REQUESTED_CENTS });
  });

  it('finds no majority when the chair abstains on a tie', async () => {
    await votes(s.applications.bonn, [[0, 'abstain'], [1, 'yes'], [2, 'yes'], [3, 'no'], [4, 'no'], [5, 'abstain']]);
    const none = await decide(member(0).api, s.applications.bonn, { outcome: 'rejected', rationale: 'Patt.' });
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ code: 'DECISION_NO_MAJORITY', tally: { yes: 2, no: 2, abstain: 2, majority: null } });
    await votes(s.applications.bonn, [[0, 'no']]);
    const rejected = await decide(member(0).api, s.applications.bonn, { outcome: 'rejected', rationale: 'Zu wenig übertragbar.' });
    expect(rejected.status, rejected.text).toBe(201);
    expect(rejected.body.fundingCents).toBe(0);
  });

  it('refuses a selection beyond the programme’s budget, then beyond the envelope, naming the amounts', async () => {
    await votes(s.applications.krefeld, [[0, 'yes'], [1, 'yes'], [2, 'no']]);
    // Cut the programme's budget so that only 1,000,000.00 € are left for selections.
    const left = (await room(office)).money.budgetLeftCents;
    const cut = await office.post('/api/programmes/mps/budget-changes', { effectiveOn: '2026-11-26', amountCents: -(left - 1_000_000_00), reason: 'Haushaltssperre (Test)' });
    expect(cut.status, cut.text).toBe(201);
    const overBudget = await decide(office, s.applications.krefeld, { outcome: 'selected', fundingCents: REQUESTED_CENTS, rationale: 'Gut.' });
    expect(overBudget.status).toBe(409);
    expect(overBudget.body).toMatchObject({ code: 'DECISION_EXCEEDS_BUDGET', leftCents: 1_000_000_00, requestedFundingCents: REQUESTED_CENTS });
    expect(overBudget.body.detail).toContain('1.000.000,00 €');
    await office.post('/api/programmes/mps/budget-changes', { effectiveOn: '2026-11-26', amountCents: left - 1_000_000_00, reason: 'Sperre aufgehoben (Test)' });
    expect((await decide(office, s.applications.krefeld, { outcome: 'selected', fundingCents: REQUESTED_CENTS, rationale: 'Gut.' })).status).toBe(201);

    await votes(s.applications.fulda, [[0, 'yes'], [1, 'yes']]);
    const overEnvelope = await decide(office, s.applications.fulda, { outcome: 'selected', fundingCents: REQUESTED_CENTS, rationale: 'Gut.' });
    expect(overEnvelope.status).toBe(409);
    expect(overEnvelope.body).toMatchObject({ code: 'DECISION_EXCEEDS_ENVELOPE', envelopeCents: ENVELOPE_CENTS, selectedCents: 2 * REQUESTED_CENTS, leftCents: ENVELOPE_CENTS - 2 * REQUESTED_CENTS });
    expect(overEnvelope.body.detail).toContain('10.000.000,00 €');
    expect((await room(office)).money.selectedCents).toBe(2 * REQUESTED_CENTS);
  });

  it('lets only one of two concurrent selections through when both together would pass the envelope', async () => {
    await votes(s.applications.solingen, [[0, 'yes'], [1, 'yes']]);
    // 2,200,000.00 € are left; each asks for 2,000,000.00 €.
    const [a, b] = await Promise.all([
      decide(office, s.applications.fulda, { outcome: 'selected', fundingCents: 2_000_000_00, rationale: 'Gekürzt.' }),
      decide(member(0).api, s.applications.solingen, { outcome: 'selected', fundingCents: 2_000_000_00, rationale: 'Gekürzt.' }),
    ]);
    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
    expect([a!.body.code, b!.body.code]).toContain('DECISION_EXCEEDS_ENVELOPE');
    const all = (await office.get(`/api/jury/rounds/${s.roundId}/decisions`)).body as Array<{ outcome: string; fundingCents: number }>;
    const selected = all.filter((d) => d.outcome === 'selected').reduce((sum, d) => sum + d.fundingCents, 0);
    expect(selected).toBe(2 * REQUESTED_CENTS + 2_000_000_00);
    expect(selected).toBeLessThanOrEqual(ENVELOPE_CENTS);
    const loser = a!.status === 409 ? s.applications.fulda : s.applications.solingen;
    expect((await decide(office, loser, { outcome: 'waitlisted', rationale: 'Nachrücker.' })).status).toBe(201);
  });

  it('takes votes and decisions only while the round is in its jury phase and the session open', async () => {
    const round = (await office.get(`/api/rounds/${s.roundId}`)).body;
    const back = await office.post(`/api/rounds/${s.roundId}/transition`, { to: 'review', version: round.version });
    expect(back.status, back.text).toBe(200);
    const created = await office.post(`/api/jury/rounds/${s.roundId}/sessions`, { title: 'Nachsitzung', startsAt: '2026-12-02T09:00:00+01:00' });
    const second = created.body.id;
    await office.post(`/api/jury/sessions/${second}/open`);
    await office.put(`/api/jury/sessions/${second}/attendance`, people.map((p, i) => ({ memberId: member(i).memberId, present: true })));
    const wrongPhase = await member(1).api.put(`/api/jury/sessions/${second}/applications/${s.applications.bonn}/vote`, { choice: 'yes' });
    expect(wrongPhase.body.code).toBe('ROUND_NOT_IN_JURY');
    expect((await office.post(`/api/rounds/${s.roundId}/transition`, { to: 'jury', version: back.body.version })).status).toBe(200);

    expect((await office.post(`/api/jury/sessions/${sessionId}/close`)).status).toBe(200);
    expect((await vote(1, s.applications.bonn, 'yes')).body.code).toBe('SESSION_NOT_OPEN');
    expect((await office.post(`/api/jury/sessions/${sessionId}/close`)).body.code).toBe('SESSION_NOT_OPEN');
  });
});
