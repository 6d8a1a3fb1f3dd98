import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/connection';
import { assignmentRuns } from '../../db/schema';
import { systemActor } from '../../lib/access';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { awaitRun, resetRoundReview, runToEnd } from '../../../test/support/review';
import { recoverInterruptedRuns, STALE_RUN_MS } from './assignment.service';
import * as q from './review.queries';

describe.each(testDatabaseKinds())('assignment runs on %s', (kind) => {
  let t: TestApp;
  let roundId: string;
  let manager: TestClient;
  let reviewer: TestClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.as('programm@stadtnetz.example');
    const admin = await t.as('admin@stadtnetz.example');
    roundId = (await manager.get('/api/programmes/mps/rounds')).json().find((r: { slug: string }) => r.slug === '2020').id;
    await resetRoundReview(t.database, roundId);
    for (const name of ['Lena Lauf', 'Lars Lauf', 'Lotte Lauf']) {
      const email = `${name.split(' ')[0]!.toLowerCase()}@lauf.example`;
      const created = await admin.post('/api/users', { email, displayName: name, password: 'sicheres-passwort' });
      expect(created.statusCode, created.body).toBe(201);
      expect((await manager.post(`/api/rounds/${roundId}/reviewers`, { userId: created.json().id, maxLoad: 60 })).statusCode).toBe(201);
    }
    reviewer = await t.as('lena@lauf.example', 'sicheres-passwort');
  }, 300_000);
  afterAll(async () => t?.close());

  const runsOfRound = () => t.database.db.select().from(assignmentRuns).where(eq(assignmentRuns.roundId, roundId));

  it('answers 202 with the running run, refuses a second one while it works, and reports the end', async () => {
    const started = await manager.post(`/api/rounds/${roundId}/assignment-runs`, {});
    expect(started.statusCode, started.body).toBe(202);
    const run = started.json();
    expect(run).toMatchObject({ status: 'running', progress: { phase: 'loading', percent: 0 }, objective: 0, reason: null, finishedAt: null });
    // The row is there before the work is done, so another server process sees it too.
    expect((await q.findRun(t.database.db, run.id))?.status).toBe('running');

    const second = await manager.post(`/api/rounds/${roundId}/assignment-runs`, { k: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({ code: 'ASSIGNMENT_RUNNING', runId: run.id });

    const done = await awaitRun(manager, run.id);
    expect(done).toMatchObject({ status: 'optimal', progress: { phase: 'done', percent: 100 }, startedAt: run.startedAt, finishedAt: t.clock.now.toISOString() });
    expect(done.params).toMatchObject({ k: 2, reviewers: 3, applications: 83 });
    // Without profiles no texts match: every pair has affinity 0, and so has the optimum.
    expect(done.objective).toBe(0);
    expect(done.seconds).toBeGreaterThanOrEqual(0);
    const listed = (await manager.get(`/api/rounds/${roundId}/assignment-runs`)).json();
    expect(listed[0]).toEqual(done);
    expect((await t.events('review.assign')).at(-1)!.payload).toMatchObject({ runId: run.id, status: 'optimal', added: 166 });
    // Finished, the round takes the next run.
    expect((await runToEnd(manager, roundId, { k: 1 })).status).toBe('optimal');
  });

  it('shows a run to the office only', async () => {
    const [run] = await runsOfRound();
    const url = `/api/assignment-runs/${run!.id}`;
    expect((await (await t.client()).get(url)).statusCode).toBe(401);
    expect((await reviewer.get(url)).statusCode).toBe(403);
    expect((await (await t.as('kommune@stadtnetz.example')).get(url)).statusCode).toBe(403);
    expect((await (await t.as('referat@stadtnetz.example')).get(url)).statusCode).toBe(200);
    expect((await manager.get('/api/assignment-runs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await manager.get('/api/assignment-runs/not-a-uuid')).statusCode).toBe(400);
  });

  it('fails a run cut off by a crash: all at a PGlite start, only stale ones otherwise', async () => {
    const now = t.clock.now;
    const ctx = { db: t.database.db, actor: systemActor('startup'), now: () => now };
    const cutOff = await q.insertRun(t.database.db, {
      roundId,
      params: { k: 2, distinctStates: false, applications: 0, reviewers: 0, conflicts: 0, candidatePairs: 0, kept: 0 },
      solver: 'mincost-flow',
      status: 'running',
      objective: 0,
      seconds: 0,
      progress: { phase: 'solving', percent: 50 },
      createdAt: now,
      startedAt: now,
      heartbeatAt: new Date(now.getTime() - 60_000),
    });
    // A minute-old heartbeat may belong to another live server process.
    expect(await recoverInterruptedRuns(ctx, { onlyStale: true })).toBe(0);
    expect((await manager.post(`/api/rounds/${roundId}/assignment-runs`, {})).json().code).toBe('ASSIGNMENT_RUNNING');
    expect(await recoverInterruptedRuns(ctx, { onlyStale: false })).toBe(1);
    const failed = await awaitRun(manager, cutOff.id);
    expect(failed).toMatchObject({ status: 'failed', finishedAt: now.toISOString() });
    expect(failed.reason).toContain('cut off');
    expect((await t.events('review.assign')).at(-1)).toMatchObject({ actorLabel: 'system:startup', payload: { runId: cutOff.id, status: 'failed' } });

    // A run whose heartbeat is older than the limit no longer blocks the round.
    const stale = await q.insertRun(t.database.db, { ...cutOff, id: undefined, status: 'running', reason: null, finishedAt: null, heartbeatAt: new Date(now.getTime() - STALE_RUN_MS - 1000) });
    const next = await runToEnd(manager, roundId);
    expect(next.status).toBe('optimal');
    expect((await q.findRun(t.database.db, stale.id))?.status).toBe('failed');
  });
});
