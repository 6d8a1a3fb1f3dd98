import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, openTestDatabase, testDatabaseKinds, type Database } from '../../db/connection';
import { verifyChain } from '../audit/audit.service';
import type { Receipt } from './applications.schemas';
import { checkStored, prepareRush, type Applicant } from '../../../bench/support/rush-data';
import { ApplicantClient, freePort, receiptOf, startServer, type ServerProcess } from '../../../bench/support/rush-server';

/**
 * The promise of a receipt: once the server has acknowledged a submission, no crash may lose it or
 * leave it half-written. The real server runs as a child process, is killed with SIGKILL while
 * submits are in flight, and is started again on the same database.
 */
const APPLICANTS = 60;
/**
 * The server dies this long after this many submissions were acknowledged: late enough that the
 * server may have committed a few more whose acknowledgement never arrives (those must come back
 * with their receipt on a retry), early enough that most submits are still in flight.
 */
const KILL_AFTER = 5;
const KILL_DELAY_MS = 25;

/**
 * The cluster state PostgreSQL keeps in global/pg_control (ControlFileData.state, after the 8-byte
 * system identifier and two 4-byte version numbers): 1 shut down cleanly, 6 in production, i.e.
 * the next start has to run crash recovery from the WAL.
 */
function clusterState(dataDir: string): number {
  return readFileSync(path.join(dataDir, 'global', 'pg_control')).readUInt32LE(16);
}
const DB_SHUTDOWNED = 1;
const DB_IN_PRODUCTION = 6;

describe.each(testDatabaseKinds())('submissions survive SIGKILL of the server on %s', (kind) => {
  const sessionSecret = randomBytes(32).toString('hex');
  let dataDir: string | undefined;
  /** PostgreSQL: open the whole time (the server has its own pool). PGlite: opened only while no server runs. */
  let pgDatabase: Database | undefined;
  let applicants: Applicant[] = [];
  let server: ServerProcess | undefined;
  const acknowledged = new Map<string, Receipt>();
  const killed = { inFlight: 0, networkErrors: 0, otherStatuses: [] as string[] };

  const target = (): { url: string } | { dataDir: string } => (kind === 'postgres' ? { url: pgDatabase!.url! } : { dataDir: dataDir! });

  /** Runs checks on the database; PGlite's data dir must never be open in two processes at once. */
  async function withDatabase<T>(work: (db: Database['db']) => Promise<T>): Promise<T> {
    if (kind === 'postgres') return work(pgDatabase!.db);
    const database = await openDatabase({ kind: 'pglite', dataDir: dataDir! });
    try {
      return await work(database.db);
    } finally {
      await database.close();
    }
  }

  async function clientsFor(s: ServerProcess): Promise<{ clients: ApplicantClient[]; agent: http.Agent }> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: APPLICANTS });
    const clients = applicants.map((a) => new ApplicantClient(s.url, agent, a.sessionToken));
    for (const c of clients) await c.open();
    return { clients, agent };
  }

  beforeAll(async () => {
    if (kind === 'postgres') {
      pgDatabase = await openTestDatabase('postgres');
      applicants = (await prepareRush(pgDatabase.db, { count: APPLICANTS, concurrency: 4 })).applicants;
    } else {
      dataDir = mkdtempSync(path.join(tmpdir(), 'stadtnetz-crash-'));
      // Prepared in this process, then closed before any server opens the same directory.
      applicants = await withDatabase(async (db) => (await prepareRush(db, { count: APPLICANTS })).applicants);
    }
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    await server?.exited;
    await pgDatabase?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('acknowledges some submits and dies by SIGKILL with the others in flight', async () => {
    server = await startServer({ port: await freePort(), database: target(), sessionSecret });
    const { clients, agent } = await clientsFor(server);
    const victim = server;
    let pending = applicants.length;
    const outcomes = await Promise.allSettled(
      applicants.map(async (a, i) => {
        try {
          const response = await clients[i]!.submit(a.applicationId, a.version);
          if (response.status === 200) {
            acknowledged.set(a.applicationId, receiptOf(response));
            if (acknowledged.size === KILL_AFTER) {
              setTimeout(() => {
                killed.inFlight = pending;
                victim.child.kill('SIGKILL');
              }, KILL_DELAY_MS);
            }
          } else killed.otherStatuses.push(`${response.status} ${response.body.slice(0, 200)}`);
        } finally {
          pending -= 1;
        }
      }),
    );
    killed.networkErrors = outcomes.filter((o) => o.status === 'rejected').length;
    const exit = await victim.exited;
    agent.destroy();
    console.log(`[${kind}] killed ${KILL_DELAY_MS} ms after the ${KILL_AFTER}th acknowledgement with ${killed.inFlight} submits in flight; acknowledged in all ${acknowledged.size}, cut off ${killed.networkErrors}`);
    expect(exit.signal).toBe('SIGKILL');
    expect(killed.otherStatuses).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
    // The test means something only if the kill hit submits in flight.
    expect(killed.networkErrors).toBeGreaterThan(0);
    // PGlite was not shut down: the restart must recover from its write-ahead log.
    if (dataDir) expect(clusterState(dataDir)).toBe(DB_IN_PRODUCTION);
  }, 90_000);

  it('restarts on the same database with every acknowledged submission whole and nothing half-written', async () => {
    server = await startServer({ port: await freePort(), database: target(), sessionSecret });
    if (kind === 'postgres') {
      const check = await checkStored(pgDatabase!.db, applicants.map((a) => a.applicationId), acknowledged);
      console.log(`[${kind}] after restart: ${check.submitted} submitted (${check.committedUnacknowledged} committed but never acknowledged), ${check.submissionRows} submission rows, ${check.submitEvents} submit events`);
      expect(check.problems).toEqual([]);
    }
    // As the applicants see it: their application and its receipt, through the restarted server.
    const { clients, agent } = await clientsFor(server);
    const seen: string[] = [];
    let committedUnacknowledged = 0;
    for (const [i, a] of applicants.entries()) {
      const application = await clients[i]!.request('GET', `/api/applications/${a.applicationId}`);
      expect(application.status, application.body).toBe(200);
      const { status, receiptHash, version } = JSON.parse(application.body) as { status: string; receiptHash: string | null; version: number };
      seen.push(status);
      expect(version).toBe(a.version);
      const ack = acknowledged.get(a.applicationId);
      if (ack) expect({ status, receiptHash }).toEqual({ status: 'submitted', receiptHash: ack.contentHash });
      else if (status === 'submitted') committedUnacknowledged += 1;
      if (status === 'submitted') {
        const receipt = await clients[i]!.request('GET', `/api/applications/${a.applicationId}/receipt`);
        expect(receipt.status, receipt.body).toBe(200);
        const stored = receiptOf(receipt);
        expect(stored.contentHash).toBe(receiptHash);
        if (ack) expect(stored).toEqual(ack);
      } else expect(status).toBe('draft');
    }
    agent.destroy();
    console.log(
      `[${kind}] through the API after restart: ${seen.filter((s) => s === 'submitted').length} submitted (${committedUnacknowledged} of them committed but never acknowledged), ${seen.filter((s) => s === 'draft').length} still drafts`,
    );
  }, 90_000);

  it('answers a re-submit of an acknowledged one with the same receipt and accepts the unacknowledged ones', async () => {
    const { clients, agent } = await clientsFor(server!);
    const responses = await Promise.all(applicants.map((a, i) => clients[i]!.submit(a.applicationId, a.version)));
    agent.destroy();
    for (const [i, a] of applicants.entries()) {
      const response = responses[i]!;
      expect(response.status, response.body).toBe(200);
      const receipt = receiptOf(response);
      const ack = acknowledged.get(a.applicationId);
      if (ack) expect(receipt).toEqual(ack);
      else acknowledged.set(a.applicationId, receipt);
    }
    expect(acknowledged.size).toBe(APPLICANTS);
  }, 90_000);

  it('stores each submission exactly once with its audit event, and the audit chain verifies', async () => {
    await server!.stop();
    const exit = await server!.exited;
    expect(exit.code, server!.output()).toBe(0);
    if (dataDir) expect(clusterState(dataDir)).toBe(DB_SHUTDOWNED);
    const { check, chain } = await withDatabase(async (db) => ({
      check: await checkStored(db, applicants.map((a) => a.applicationId), acknowledged),
      chain: await verifyChain(db),
    }));
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ acknowledged: APPLICANTS, submitted: APPLICANTS, submissionRows: APPLICANTS, submitEvents: APPLICANTS });
    expect(chain.firstBreak).toBeNull();
    expect(chain.ok).toBe(true);
  }, 90_000);
});
