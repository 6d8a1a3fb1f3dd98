import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/connection';
import { assignmentRuns } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { awaitRun, resetRoundReview, runToEnd } from '../../../test/support/review';

interface Pair {
  id: string;
  applicationId: string;
  reviewerId: string;
  overridden: boolean;
}

/** Six reviewers: some live where applicants are (Köln, Jena, Siegburg's Kreis), some not. */
const pool = [
  { email: 'r1@gutachten.example', name: 'Ruth Eins', home: '05315000', keywords: ['Beteiligung', 'Bürgerbeteiligung', 'Verwaltung'], expertise: 'Digitale Beteiligung und Verwaltungsmodernisierung in Großstädten.' },
  { email: 'r2@gutachten.example', name: 'Rolf Zwei', home: '16053000', keywords: ['Daten', 'Datenplattform', 'Open Data'], expertise: 'Urbane Datenplattformen, offene Daten und Datensouveränität.' },
  { email: 'r3@gutachten.example', name: 'Rita Drei', home: '05382028', keywords: ['Mobilität', 'Verkehr'], expertise: 'Nachhaltige Mobilität im ländlichen Raum.' },
  { email: 'r4@gutachten.example', name: 'Reto Vier', home: '13003000', keywords: ['Klima', 'Energie', 'Klimaschutz'], expertise: 'Klimaschutz, Energiewende und Klimaanpassung in Kommunen.' },
  { email: 'r5@gutachten.example', name: 'Rosa Fünf', home: '08222000', keywords: ['Gesundheit', 'Pflege', 'Bildung'], expertise: 'Gesundheitsversorgung und Bildung in Kleinstädten.' },
  { email: 'r6@gutachten.example', name: 'Ralf Sechs', home: '11000000', keywords: ['Stadtentwicklung', 'Smart City', 'Strategie'], expertise: 'Integrierte Stadtentwicklung und Smart-City-Strategien.' },
];

describe.each(testDatabaseKinds())('review on %s', (kind) => {
  let t: TestApp;
  let roundId: string;
  let manager: TestClient;
  let officer: TestClient;
  const reviewers: Array<{ id: string; client: TestClient; email: string }> = [];
  let invitesBefore = 0;

  const assignments = async (): Promise<Pair[]> => {
    const response = await manager.get(`/api/rounds/${roundId}/assignments`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const put = (client: TestClient, url: string, payload: unknown) => client.request({ method: 'PUT', url, payload: payload as never });

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.as('programm@stadtnetz.example');
    officer = await t.as('referat@stadtnetz.example');
    const admin = await t.as('admin@stadtnetz.example');
    const rounds = (await manager.get('/api/programmes/mps/rounds')).json();
    roundId = rounds.find((r: { slug: string }) => r.slug === '2020').id;
    await resetRoundReview(t.database, roundId);
    invitesBefore = (await t.events('review.invite')).length;
    for (const [i, r] of pool.entries()) {
      const created = await admin.post('/api/users', { email: r.email, displayName: r.name, password: 'sicheres-passwort' });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      // The case officer staffs the round too; the grant is made on their behalf.
      const inviter = i === 5 ? officer : manager;
      const invited = await inviter.post(`/api/rounds/${roundId}/reviewers`, { userId: id, minLoad: 0, maxLoad: 40 });
      expect(invited.statusCode, invited.body).toBe(201);
      const client = await t.as(r.email, 'sicheres-passwort');
      const saved = await put(client, '/api/reviewers/me/profile', { keywords: r.keywords, expertise: r.expertise, homeRegion: r.home });
      expect(saved.statusCode, saved.body).toBe(200);
      reviewers.push({ id, client, email: r.email });
    }
  }, 300_000);
  afterAll(async () => t?.close());

  it('keeps a reviewer profile with its home region from the register', async () => {
    const me = (await reviewers[0]!.client.get('/api/reviewers/me/profile')).json();
    expect(me).toMatchObject({ keywords: pool[0]!.keywords, homeRegion: { ags: '05315000', name: 'Köln' } });
    const bad = await put(reviewers[0]!.client, '/api/reviewers/me/profile', { homeRegion: '99999999', keywords: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['homeRegion']);
    const tooMany = await put(reviewers[0]!.client, '/api/reviewers/me/profile', { keywords: Array.from({ length: 31 }, (_, i) => `Wort${i}`) });
    expect(tooMany.json().code).toBe('VALIDATION_FAILED');
    expect((await reviewers[0]!.client.get('/api/reviewers/me/profile')).json().homeRegion.ags).toBe('05315000');
    const pool_ = (await manager.get(`/api/rounds/${roundId}/reviewers`)).json();
    expect(pool_.map((r: { email: string }) => r.email)).toEqual(expect.arrayContaining(pool.map((p) => p.email)));
    // Inviting again (the role is held already) only updates the load.
    const again = await manager.post(`/api/rounds/${roundId}/reviewers`, { userId: reviewers[0]!.id, maxLoad: 40 });
    expect(again.statusCode, again.body).toBe(201);
    expect((await t.events('review.invite')).at(-1)!.payload).toMatchObject({ userId: reviewers[0]!.id, again: true });
    expect((await t.events('review.invite')).length - invitesBefore).toBe(7);
  });

  it('answers 401 and 403 on the office routes to anonymous callers, applicants and reviewers', async () => {
    const anonymous = await t.client();
    const applicant = await t.as('kommune@stadtnetz.example');
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/rounds/${roundId}/reviewers`],
      ['POST', `/api/rounds/${roundId}/reviewers`, { userId: reviewers[0]!.id, maxLoad: 5 }],
      ['GET', `/api/rounds/${roundId}/conflicts`],
      ['POST', `/api/rounds/${roundId}/assignment-runs`, {}],
      ['GET', `/api/rounds/${roundId}/assignment-runs`],
      ['GET', `/api/rounds/${roundId}/assignments`],
    ];
    for (const [method, url, payload] of routes) {
      const ask = (c: TestClient) => c.request({ method: method as 'GET', url, ...(payload ? { payload: payload as never } : {}) });
      expect((await ask(anonymous)).statusCode, `${method} ${url}`).toBe(401);
      expect((await ask(applicant)).statusCode, `${method} ${url}`).toBe(403);
      expect((await ask(reviewers[0]!.client)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect((await anonymous.get('/api/reviews/assignments')).statusCode).toBe(401);
  });

  it('lists derived and declared conflicts with their reasons', async () => {
    const apps = (await manager.get(`/api/rounds/${roundId}/applications?status=submitted`)).json();
    const koeln = apps.find((a: { organisation: string }) => a.organisation === 'Köln');
    const declared = await reviewers[3]!.client.post(`/api/rounds/${roundId}/conflicts`, { applicationId: koeln.id, reason: 'Ehemalige Kollegin im Projektteam' });
    expect(declared.statusCode, declared.body).toBe(201);
    expect((await reviewers[3]!.client.post(`/api/rounds/${roundId}/conflicts`, { reason: 'ohne Ziel' })).json().code).toBe('VALIDATION_FAILED');
    const conflicts = (await manager.get(`/api/rounds/${roundId}/conflicts`)).json();
    const koelnConflicts = conflicts.filter((c: { applicationId: string }) => c.applicationId === koeln.id);
    const byReviewer = new Map(koelnConflicts.map((c: { reviewerId: string; conflicts: unknown[] }) => [c.reviewerId, c.conflicts]));
    expect(byReviewer.get(reviewers[0]!.id)).toEqual([expect.objectContaining({ reason: 'home-region', rule: 'same-municipality' })]);
    expect(byReviewer.get(reviewers[3]!.id)).toEqual([expect.objectContaining({ reason: 'declared', detail: expect.stringContaining('Ehemalige Kollegin') })]);
  });

  it('assigns exactly k conflict-free reviewers per application, optimally, and stores the run', async () => {
    const started = await manager.post(`/api/rounds/${roundId}/assignment-runs`, {});
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', progress: { phase: 'loading', percent: 0 }, startedAt: t.clock.now.toISOString(), finishedAt: null });
    const run = await awaitRun(manager, started.json().id);
    expect(run).toMatchObject({ progress: { phase: 'done', percent: 100 }, finishedAt: t.clock.now.toISOString() });
    expect(run).toMatchObject({ status: 'optimal', solver: 'mincost-flow', reason: null, params: { k: 2, distinctStates: false, reviewers: 6 } });
    expect(run.objective).toBeGreaterThan(0);
    expect(run.seconds).toBeGreaterThanOrEqual(0);
    const pairs = await assignments();
    const perApplication = new Map<string, number>();
    for (const p of pairs) perApplication.set(p.applicationId, (perApplication.get(p.applicationId) ?? 0) + 1);
    expect(perApplication.size).toBe(run.params.applications);
    expect([...perApplication.values()].every((n) => n === 2)).toBe(true);
    const perReviewer = new Map<string, number>();
    for (const p of pairs) perReviewer.set(p.reviewerId, (perReviewer.get(p.reviewerId) ?? 0) + 1);
    expect(Math.max(...perReviewer.values())).toBeLessThanOrEqual(40);
    const conflicts = (await manager.get(`/api/rounds/${roundId}/conflicts`)).json();
    const conflicted = new Set(conflicts.map((c: { applicationId: string; reviewerId: string }) => `${c.applicationId}|${c.reviewerId}`));
    expect(pairs.filter((p) => conflicted.has(`${p.applicationId}|${p.reviewerId}`))).toEqual([]);
    expect(pairs.some((p: Pair & { explanation?: { terms: unknown[] } }) => (p.explanation?.terms.length ?? 0) > 0)).toBe(true);
    const stored = await t.database.db.select().from(assignmentRuns).where(eq(assignmentRuns.id, run.id));
    expect(stored[0]).toMatchObject({ status: 'optimal', objective: run.objective });
    expect((await t.events('review.assign')).at(-1)!.payload).toMatchObject({ runId: run.id, status: 'optimal', added: pairs.length });
  });

  it('stores an infeasible run with its reason and keeps the assignments', async () => {
    const before = await assignments();
    const run = await runToEnd(officer, roundId, { k: 10 });
    expect(run).toMatchObject({ status: 'infeasible', params: { k: 10 } });
    expect(run.reason).toEqual(expect.any(String));
    expect((run.reason as string).length).toBeGreaterThan(10);
    expect(await assignments()).toEqual(before);
    const runs = (await manager.get(`/api/rounds/${roundId}/assignment-runs`)).json();
    expect(runs.map((r: { status: string }) => r.status).sort()).toEqual(['infeasible', 'optimal']);
    expect(runs.find((r: { status: string }) => r.status === 'infeasible')).toMatchObject({ reason: run.reason, createdBy: expect.any(String) });
  });

  it('refuses an override to a conflicted reviewer, audits a valid one, and keeps it in later runs', async () => {
    const pairs = await assignments();
    const conflicts = (await manager.get(`/api/rounds/${roundId}/conflicts`)).json() as Array<{ applicationId: string; reviewerId: string; conflicts: Array<{ detail: string }> }>;
    const target = pairs.find((p) => conflicts.some((c) => c.applicationId === p.applicationId && !pairs.some((q) => q.applicationId === p.applicationId && q.reviewerId === c.reviewerId)))!;
    const conflict = conflicts.find((c) => c.applicationId === target.applicationId && !pairs.some((q) => q.applicationId === target.applicationId && q.reviewerId === c.reviewerId))!;
    const refused = await put(manager, `/api/rounds/${roundId}/assignments/${target.id}`, { reviewerId: conflict.reviewerId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('REVIEWER_CONFLICTED');
    expect(refused.json().detail).toContain(conflict.conflicts[0]!.detail);
    expect((await assignments()).find((p) => p.id === target.id)!.reviewerId).toBe(target.reviewerId);

    const free = reviewers.find((r) => !pairs.some((p) => p.applicationId === target.applicationId && p.reviewerId === r.id) && !conflicts.some((c) => c.applicationId === target.applicationId && c.reviewerId === r.id))!;
    const ok = await put(manager, `/api/rounds/${roundId}/assignments/${target.id}`, { reviewerId: free.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ reviewerId: free.id, overridden: true, explanation: { previousReviewerId: target.reviewerId } });
    const event = (await t.events('review.override')).at(-1)!;
    expect(event.actorLabel).toBe('programm@stadtnetz.example');
    expect(event.payload).toMatchObject({ assignmentId: target.id, from: target.reviewerId, to: free.id });

    expect((await runToEnd(manager, roundId)).status).toBe('optimal');
    const after = await assignments();
    expect(after.find((p) => p.id === target.id)).toMatchObject({ reviewerId: free.id, overridden: true });
    expect(after.filter((p) => p.applicationId === target.applicationId)).toHaveLength(2);
  });

  it('shows each reviewer only their own assignments, and hides everything else by 404', async () => {
    const pairs = await assignments();
    const [first, second] = reviewers;
    const mine = (await first!.client.get('/api/reviews/assignments')).json();
    expect(mine.map((a: { id: string }) => a.id).sort()).toEqual(pairs.filter((p) => p.reviewerId === first!.id).map((p) => p.id).sort());
    const opened = await first!.client.get(`/api/reviews/assignments/${mine[0].id}`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().application.content.title).toEqual(expect.any(String));
    expect(opened.json().criteria).toHaveLength(12);
    expect(opened.body).not.toContain('receiptHash');
    const theirs = pairs.find((p) => p.reviewerId === second!.id)!;
    expect((await first!.client.get(`/api/reviews/assignments/${theirs.id}`)).statusCode).toBe(404);
    expect((await first!.client.get(`/api/reviews/assignments/${theirs.id}/other-review`)).statusCode).toBe(404);
    expect((await put(first!.client, `/api/reviews/assignments/${theirs.id}/review`, { version: 0, scores: {} })).statusCode).toBe(404);
    // Assigned or not, a reviewer reads an application only through the assignment.
    expect((await first!.client.get(`/api/applications/${mine[0].applicationId}`)).statusCode).toBe(404);

    const demo = await t.as('gutachterin@stadtnetz.example');
    expect((await demo.get('/api/reviews/assignments')).json()).toEqual([]);
    expect((await demo.get(`/api/reviews/assignments/${theirs.id}`)).statusCode).toBe(404);
    expect((await demo.get(`/api/applications/${theirs.applicationId}`)).statusCode).toBe(404);
  });

  it('hides an assignment once its reviewer declares a conflict with it', async () => {
    const pairs = await assignments();
    const reviewer = reviewers[4]!;
    const [mine] = (await reviewer.client.get('/api/reviews/assignments')).json();
    const declared = await reviewer.client.post(`/api/rounds/${roundId}/conflicts`, { applicationId: mine.applicationId, reason: 'Berate die Stadt' });
    expect(declared.statusCode).toBe(201);
    expect((await reviewer.client.get(`/api/reviews/assignments/${mine.id}`)).statusCode).toBe(404);
    expect((await reviewer.client.get('/api/reviews/assignments')).json().map((a: { id: string }) => a.id)).not.toContain(mine.id);
    expect(pairs.some((p) => p.id === mine.id)).toBe(true);
    // Every way into it is closed: the review, saving, submitting, the other review.
    const url = `/api/reviews/assignments/${mine.id}`;
    expect((await reviewer.client.get(`${url}/review`)).statusCode).toBe(404);
    expect((await put(reviewer.client, `${url}/review`, { version: 0, scores: {} })).statusCode).toBe(404);
    expect((await reviewer.client.post(`${url}/review/submit`, { version: 1 })).statusCode).toBe(404);
    expect((await reviewer.client.get(`${url}/other-review`)).statusCode).toBe(404);
    expect((await reviewer.client.get(`/api/applications/${mine.applicationId}`)).statusCode).toBe(404);
  });

  it('hides an assignment once the reviewer moves into the applicant’s municipality', async () => {
    const reviewer = reviewers[5]!;
    const mine = (await reviewer.client.get('/api/reviews/assignments')).json() as Array<{ id: string; applicationId: string }>;
    const apps = (await manager.get(`/api/rounds/${roundId}/applications?status=submitted`)).json() as Array<{ id: string; leadAgs: string; kind: string }>;
    const target = mine.find((m) => apps.find((a) => a.id === m.applicationId)?.kind === 'municipality')!;
    const home = apps.find((a) => a.id === target.applicationId)!.leadAgs;
    expect((await reviewer.client.get(`/api/reviews/assignments/${target.id}`)).statusCode).toBe(200);
    const moved = await put(reviewer.client, '/api/reviewers/me/profile', { keywords: pool[5]!.keywords, expertise: pool[5]!.expertise, homeRegion: home });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await reviewer.client.get(`/api/reviews/assignments/${target.id}`)).statusCode).toBe(404);
    expect((await put(reviewer.client, `/api/reviews/assignments/${target.id}/review`, { version: 0, scores: {} })).statusCode).toBe(404);
    expect((await reviewer.client.get('/api/reviews/assignments')).json().map((a: { id: string }) => a.id)).not.toContain(target.id);
    // The office sees the new conflict with its reason, to move the assignment.
    const conflicts = (await manager.get(`/api/rounds/${roundId}/conflicts`)).json() as Array<{ applicationId: string; reviewerId: string; conflicts: Array<{ reason: string }> }>;
    expect(conflicts.find((c) => c.applicationId === target.applicationId && c.reviewerId === reviewer.id)?.conflicts).toEqual([expect.objectContaining({ reason: 'home-region' })]);
  });

  it('saves review drafts, submits once with every criterion, and shows the other review only afterwards', async () => {
    const pairs = await assignments();
    const submitsBefore = (await t.events('review.submit')).length;
    const byApplication = new Map<string, Pair[]>();
    for (const p of pairs) byApplication.set(p.applicationId, [...(byApplication.get(p.applicationId) ?? []), p]);
    const ids = new Set(reviewers.slice(0, 4).map((r) => r.id));
    const [a, b] = [...byApplication.values()].find((two) => two.length === 2 && two.every((p) => ids.has(p.reviewerId)))!;
    const clientOf = (p: Pair) => reviewers.find((r) => r.id === p.reviewerId)!.client;
    const view = (await clientOf(a!).get(`/api/reviews/assignments/${a!.id}`)).json();
    const criteria = view.criteria as Array<{ id: string; name: string; scaleMax: number }>;

    const draft = await put(clientOf(a!), `/api/reviews/assignments/${a!.id}/review`, { version: 0, scores: { [criteria[0]!.id]: 3 }, assessment: 'Überzeugend.' });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ version: 1, submittedAt: null, weightedScore: null });
    const outOfScale = await put(clientOf(a!), `/api/reviews/assignments/${a!.id}/review`, { version: 1, scores: { [criteria[0]!.id]: 99 } });
    expect(outOfScale.json().errors.map((e: { path: string }) => e.path)).toEqual([`scores.${criteria[0]!.id}`]);
    const stale = await put(clientOf(a!), `/api/reviews/assignments/${a!.id}/review`, { version: 0, scores: {} });
    expect(stale.json().code).toBe('STALE_VERSION');

    const early = await clientOf(a!).post(`/api/reviews/assignments/${a!.id}/review/submit`, { version: 1 });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('REVIEW_INCOMPLETE');
    expect(early.json().errors.map((e: { path: string }) => e.path)).toEqual([...criteria.slice(1).map((c) => `scores.${c.id}`), 'recommendation']);
    expect(early.json().detail).toContain(criteria[1]!.name);

    const hidden = await clientOf(a!).get(`/api/reviews/assignments/${a!.id}/other-review`);
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().detail).toContain('once you have submitted your own');

    const full = Object.fromEntries(criteria.map((c) => [c.id, c.scaleMax]));
    const complete = await put(clientOf(a!), `/api/reviews/assignments/${a!.id}/review`, { version: 1, scores: full, assessment: 'Überzeugend.', recommendation: 'fund' });
    expect(complete.json()).toMatchObject({ version: 2, weightedScore: 100 });
    const submitted = await clientOf(a!).post(`/api/reviews/assignments/${a!.id}/review/submit`, { version: 2 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().submittedAt).toBe(t.clock.now.toISOString());
    expect((await clientOf(a!).post(`/api/reviews/assignments/${a!.id}/review/submit`, { version: 2 })).json().code).toBe('REVIEW_SUBMITTED');
    expect((await put(clientOf(a!), `/api/reviews/assignments/${a!.id}/review`, { version: 2, scores: full })).json().code).toBe('REVIEW_SUBMITTED');
    expect((await clientOf(a!).get(`/api/reviews/assignments/${a!.id}/other-review`)).json()).toEqual([]);

    const other = clientOf(b!);
    const low = Object.fromEntries(criteria.map((c) => [c.id, 0]));
    await put(other, `/api/reviews/assignments/${b!.id}/review`, { version: 0, scores: low, assessment: 'Schwach.', recommendation: 'do_not_fund' });
    expect((await other.post(`/api/reviews/assignments/${b!.id}/review/submit`, { version: 1 })).statusCode).toBe(200);
    const seen = (await clientOf(a!).get(`/api/reviews/assignments/${a!.id}/other-review`)).json();
    expect(seen).toEqual([expect.objectContaining({ assignmentId: b!.id, weightedScore: 0, recommendation: 'do_not_fund' })]);
    expect((await t.events('review.submit')).length - submitsBefore).toBe(2);

    // A started review keeps its assignment through later runs.
    expect((await runToEnd(manager, roundId)).status).toBe('optimal');
    const after = await assignments();
    expect(after.map((p) => p.id)).toEqual(expect.arrayContaining([a!.id, b!.id]));
  });
});
