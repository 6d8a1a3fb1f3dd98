import { eq, inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Database } from '../../src/db/connection';
import { assignmentRuns, declaredConflicts, reviewAssignments, reviewSettings, roundReviewers, rounds } from '../../src/db/schema';
import type { TestClient } from './app';

interface RunBody {
  id: string;
  status: string;
  progress: { phase: string; percent: number };
  params: Record<string, number | boolean>;
  objective: number;
  seconds: number;
  reason: string | null;
  [key: string]: unknown;
}

/** Polls the run, as the web app does, until it is no longer running; returns the finished run. */
export async function awaitRun(client: TestClient, runId: string, timeoutMs = 60_000): Promise<RunBody> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const response = await client.get(`/api/assignment-runs/${runId}`);
    expect(response.statusCode, response.body).toBe(200);
    const run = response.json() as RunBody;
    if (run.status !== 'running') return run;
    if (Date.now() > until) throw new Error(`assignment run ${runId} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts a run (202) and waits for its end. */
export async function runToEnd(client: TestClient, roundId: string, body: Record<string, unknown> = {}): Promise<RunBody> {
  const started = await client.post(`/api/rounds/${roundId}/assignment-runs`, body);
  expect(started.statusCode, started.body).toBe(202);
  return awaitRun(client, started.json().id);
}

/**
 * The demo's round 2020 comes reviewed (pool, assignments, submitted reviews, status jury).
 * Tests of the review itself start it over: no pool, no runs, no assignments or reviews, no
 * settings, status "review". The audit events of the demo's review stay.
 */
export async function resetRoundReview(database: Database, roundId: string): Promise<void> {
  const db = database.db;
  const pool = await db.select({ userId: roundReviewers.userId }).from(roundReviewers).where(eq(roundReviewers.roundId, roundId));
  await db.transaction(async (tx) => {
    // Reviews go with their assignments (on delete cascade).
    await tx.delete(reviewAssignments).where(eq(reviewAssignments.roundId, roundId));
    await tx.delete(assignmentRuns).where(eq(assignmentRuns.roundId, roundId));
    await tx.delete(roundReviewers).where(eq(roundReviewers.roundId, roundId));
    await tx.delete(reviewSettings).where(eq(reviewSettings.roundId, roundId));
    if (pool.length > 0) await tx.delete(declaredConflicts).where(inArray(declaredConflicts.userId, pool.map((p) => p.userId)));
    await tx.update(rounds).set({ status: 'review' }).where(eq(rounds.id, roundId));
  });
}
