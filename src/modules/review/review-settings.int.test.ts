import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/connection';
import { outbox } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { resetRoundReview, runToEnd } from '../../../test/support/review';
import { scanReviewReminders } from './reminders.service';

const DAY = 86_400_000;

describe.each(testDatabaseKinds())('review deadline, reminders and threshold on %s', (kind) => {
  let t: TestApp;
  let roundId: string;
  let manager: TestClient;
  let busy: { id: string; email: string; client: TestClient };
  let done: { id: string; email: string; client: TestClient };
  const put = (client: TestClient, payload: unknown) => client.request({ method: 'PUT', url: `/api/rounds/${roundId}/review-settings`, payload: payload as never });
  const reminders = () => t.database.db.select().from(outbox).where(eq(outbox.kind, 'review.reminder')).orderBy(outbox.createdAt, outbox.recipient);

  beforeAll(async () => {
    t = await createTestApp(kind);
    manager = await t.as('programm@stadtnetz.example');
    const admin = await t.as('admin@stadtnetz.example');
    roundId = (await manager.get('/api/programmes/mps/rounds')).json().find((r: { slug: string }) => r.slug === '2020').id;
    await resetRoundReview(t.database, roundId);
    const make = async (email: string, name: string, load: { minLoad: number; maxLoad: number }) => {
      const created = await admin.post('/api/users', { email, displayName: name, password: 'sicheres-passwort' });
      expect(created.statusCode, created.body).toBe(201);
      expect((await manager.post(`/api/rounds/${roundId}/reviewers`, { userId: created.json().id, ...load })).statusCode).toBe(201);
      return { id: created.json().id as string, email, client: await t.as(email, 'sicheres-passwort') };
    };
    busy = await make('viel@frist.example', 'Vera Viel', { minLoad: 0, maxLoad: 90 });
    done = await make('fertig@frist.example', 'Fritz Fertig', { minLoad: 2, maxLoad: 2 });
    expect((await runToEnd(manager, roundId, { k: 1 })).status).toBe('optimal');
    // Fritz submits both of his reviews; Vera has all of hers still to do.
    for (const a of (await done.client.get('/api/reviews/assignments')).json() as Array<{ id: string }>) {
      const criteria = (await done.client.get(`/api/reviews/assignments/${a.id}`)).json().criteria as Array<{ id: string }>;
      const saved = await done.client.request({
        method: 'PUT',
        url: `/api/reviews/assignments/${a.id}/review`,
        payload: { version: 0, scores: Object.fromEntries(criteria.map((c) => [c.id, 3])), assessment: 'Solide.', recommendation: 'fund' },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect((await done.client.post(`/api/reviews/assignments/${a.id}/review/submit`, { version: 1 })).statusCode).toBe(200);
    }
  }, 300_000);
  afterAll(async () => t?.close());

  it('starts from the defaults, saves with versions and names bad fields', async () => {
    const initial = await manager.get(`/api/rounds/${roundId}/review-settings`);
    expect(initial.statusCode, initial.body).toBe(200);
    expect(initial.json()).toEqual({ roundId, reviewDeadline: null, reminderDays: [7, 1], disagreementThreshold: 20, version: 0, updatedAt: null });

    const bad = await put(manager, { version: 0, reviewDeadline: '30.06.2020', reminderDays: [1, 1], disagreementThreshold: 120 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['disagreementThreshold', 'reminderDays', 'reviewDeadline']);

    const deadline = new Date(t.clock.now.getTime() + 10 * DAY).toISOString();
    const saved = await put(manager, { version: 0, reviewDeadline: deadline, reminderDays: [1, 7], disagreementThreshold: 15 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ reviewDeadline: deadline, reminderDays: [7, 1], disagreementThreshold: 15, version: 1 });
    expect((await put(manager, { version: 0, reviewDeadline: null })).json().code).toBe('STALE_VERSION');
    expect((await t.events('review.settings')).at(-1)).toMatchObject({ actorLabel: 'programm@stadtnetz.example', payload: { disagreementThreshold: 15, version: 1 } });
  });

  it('lets the office change the settings, the round’s reviewers read them, and nobody else', async () => {
    expect((await busy.client.get(`/api/rounds/${roundId}/review-settings`)).json()).toMatchObject({ disagreementThreshold: 15 });
    expect((await put(busy.client, { version: 1, reviewDeadline: null })).statusCode).toBe(403);
    expect((await (await t.as('kommune@stadtnetz.example')).get(`/api/rounds/${roundId}/review-settings`)).statusCode).toBe(403);
    expect((await (await t.client()).get(`/api/rounds/${roundId}/review-settings`)).statusCode).toBe(401);
  });

  it('judges disagreement by the round’s threshold unless the query names one', async () => {
    const results = (await manager.get(`/api/rounds/${roundId}/review-results`)).json();
    expect(results.threshold).toBe(15);
    expect((await manager.get(`/api/rounds/${roundId}/review-results?threshold=30`)).json().threshold).toBe(30);
  });

  it('reminds each reviewer with open reviews once per reminder day, from the day it is reached until the deadline', async () => {
    const now = t.clock.now.getTime();
    expect(await scanReviewReminders(t.database.db, new Date(now))).toBe(0);
    expect(await scanReviewReminders(t.database.db, new Date(now + 3 * DAY - 60_000))).toBe(0);

    // Seven days before the deadline: Vera, not Fritz, who has submitted everything.
    expect(await scanReviewReminders(t.database.db, new Date(now + 3 * DAY))).toBe(1);
    expect(await scanReviewReminders(t.database.db, new Date(now + 3 * DAY + 60_000))).toBe(0);
    expect(await scanReviewReminders(t.database.db, new Date(now + 8 * DAY))).toBe(0);
    let rows = await reminders();
    expect(rows).toHaveLength(1);
    const vera = (await busy.client.get('/api/reviews/assignments')).json() as Array<{ reference: string }>;
    expect(rows[0]).toMatchObject({ recipient: busy.email, sentAt: null, attempts: 0, createdAt: new Date(now + 3 * DAY), sendAfter: new Date(now + 3 * DAY) });
    expect(rows[0]!.subject).toContain('Erinnerung: Gutachten für „Staffel 2020“');
    expect(rows[0]!.body).toContain(`noch ${vera.length} Gutachten offen`);
    expect(rows[0]!.body).toContain(vera[0]!.reference);

    // One day before: the second reminder; after the deadline none.
    expect(await scanReviewReminders(t.database.db, new Date(now + 9 * DAY + 1000))).toBe(1);
    expect(await scanReviewReminders(t.database.db, new Date(now + 9 * DAY + 2000))).toBe(0);
    expect(await scanReviewReminders(t.database.db, new Date(now + 10 * DAY))).toBe(0);
    rows = await reminders();
    expect(rows.map((r) => r.dedupeKey)).toEqual([`review.reminder:${roundId}:${busy.id}:7`, `review.reminder:${roundId}:${busy.id}:1`]);
  });

  it('sends only the latest reminder day reached when the scan first runs late', async () => {
    const now = t.clock.now.getTime();
    const settings = (await manager.get(`/api/rounds/${roundId}/review-settings`)).json();
    const deadline = new Date(now + 20 * DAY);
    expect((await put(manager, { version: settings.version, reviewDeadline: deadline.toISOString(), reminderDays: [14, 7, 2] })).statusCode).toBe(200);
    expect(await scanReviewReminders(t.database.db, new Date(now + 19 * DAY))).toBe(1);
    expect((await reminders()).at(-1)!.dedupeKey).toBe(`review.reminder:${roundId}:${busy.id}:2`);
    expect(await scanReviewReminders(t.database.db, new Date(now + 19 * DAY + 1000))).toBe(0);
  });
});
