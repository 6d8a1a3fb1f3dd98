import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabaseKinds } from '../../db/connection';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { verifyChain } from './audit.service';

describe.each(testDatabaseKinds())('audit chain on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  /** Tampers inside a transaction that is rolled back, so each test sees the untouched chain. */
  async function tamper(...statements: Array<ReturnType<typeof sql>>) {
    let result: Awaited<ReturnType<typeof verifyChain>> | undefined;
    await t.database.db
      .transaction(async (tx) => {
        for (const statement of statements) await tx.execute(statement);
        result = await verifyChain(tx as never);
        tx.rollback();
      })
      .catch((error: Error) => {
        if (error.constructor.name !== 'TransactionRollbackError') throw error;
      });
    return result!;
  }

  it('records the demo as an intact chain', async () => {
    const result = await verifyChain(t.database.db);
    expect(result.ok).toBe(true);
    expect(result.events).toBeGreaterThan(20);
    expect(result.head?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names a changed payload', async () => {
    const result = await tamper(sql`update audit_events set payload = jsonb_set(payload, '{name}', '"Gefälscht"') where seq = 5`);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ seq: 5, problem: 'payload-changed' });
  });

  it('names a changed field', async () => {
    const result = await tamper(sql`update audit_events set actor_label = 'someone-else' where seq = 7`);
    expect(result.firstBreak).toMatchObject({ seq: 7, problem: 'event-changed' });
  });

  it('names a removed event', async () => {
    const result = await tamper(sql`delete from audit_events where seq = 4`);
    expect(result.firstBreak).toMatchObject({ seq: 5, problem: 'event-missing' });
    expect(result.firstBreak?.message).toContain('event 4 was removed');
  });

  it('names reordered events', async () => {
    const result = await tamper(
      sql`update audit_events set seq = -1 where seq = 3`,
      sql`update audit_events set seq = 3 where seq = 6`,
      sql`update audit_events set seq = 6 where seq = -1`,
    );
    expect(result.firstBreak).toMatchObject({ seq: 3, problem: 'link-broken' });
  });

  it('keeps the chain intact under concurrent changes', async () => {
    const admin = await t.as('programm@stadtnetz.example');
    const programme = (await admin.get('/api/programmes/mps')).json();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        admin.post('/api/programmes/mps/budget-changes', { effectiveOn: '2026-01-01', amountCents: 100 + i, reason: `Parallel ${i}` }),
      ),
    );
    expect(programme.id).toBeTruthy();
    const result = await verifyChain(t.database.db);
    expect(result.ok).toBe(true);
    expect((await t.events('programmes.budget')).length).toBe(9);
  });
});
