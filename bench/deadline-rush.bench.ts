/**
 * Deadline-rush benchmark: 1,000 applicants submit their applications within a minute, through
 * the real server over real HTTP, against PostgreSQL; then the check that every acknowledged
 * submission is stored exactly once, and a bare-insert baseline on the same server.
 *
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/deadline-rush.bench.ts
 *        [--count 1000] [--window 60] [--concurrency 50] [--modes spread,burst] [--log-level info] [--keep]
 *
 * The URL names a PostgreSQL server (TEST_DATABASE_URL, else DATABASE_URL); the benchmark creates a
 * fresh database there and drops it at the end (--keep keeps it). Modes, each with its own
 * `count` applicants:
 *   spread  arrivals at random moments spread over --window seconds (open loop: latency is
 *           measured from the planned arrival, so a slow server cannot hide its queue);
 *   burst   as fast as possible with --concurrency requests in flight.
 * Every applicant retries once on a network error (the submit is idempotent). Exits non-zero when
 * an acknowledged submission is not stored exactly once or anything is half-written.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import pg from 'pg';
import { openDatabase } from '../src/db/connection';
import { verifyChain } from '../src/modules/audit/audit.service';
import type { Receipt } from '../src/modules/applications/applications.schemas';
import { checkStored, prepareRush, snapshotLike, type Applicant } from './support/rush-data';
import { ApplicantClient, freePort, receiptOf, startServer, summarise, type LatencySummary } from './support/rush-server';

interface Args {
  count: number;
  windowSeconds: number;
  concurrency: number;
  modes: Array<'spread' | 'burst'>;
  logLevel: string;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { count: 1000, windowSeconds: 60, concurrency: 50, modes: ['spread', 'burst'], logLevel: 'info', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--count') args.count = Number(value());
    else if (flag === '--window') args.windowSeconds = Number(value());
    else if (flag === '--concurrency') args.concurrency = Number(value());
    else if (flag === '--modes') args.modes = value().split(',') as Args['modes'];
    else if (flag === '--log-level') args.logLevel = value();
    else if (flag === '--keep') args.keep = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!(args.count > 0) || !(args.windowSeconds > 0) || !(args.concurrency > 0)) throw new Error('--count, --window and --concurrency must be positive');
  for (const mode of args.modes) if (mode !== 'spread' && mode !== 'burst') throw new Error(`unknown mode ${mode}`);
  return args;
}

interface RunResult {
  label: string;
  wallSeconds: number;
  requests: number;
  /** Milliseconds per answered request (network errors have none). */
  times: number[];
  latency: LatencySummary;
  byStatus: Map<string, number>;
  retries: number;
  acknowledged: Map<string, Receipt>;
  /** CPU seconds the server process used during the run. */
  serverCpuSeconds?: number;
}

/** A seeded generator (mulberry32), so the arrival pattern is the same in every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** User + system CPU seconds a process has used so far (Linux /proc; undefined elsewhere). */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of the file (utime, stime), counted after the command name; 100 ticks/s on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1) : '–');

async function submitOnce(client: ApplicantClient, applicant: Applicant, result: RunResult, plannedAt?: number): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    // Open loop: from the planned arrival; closed loop: from the moment the request is sent.
    const started = attempt === 0 && plannedAt !== undefined ? plannedAt : performance.now();
    try {
      const response = await client.submit(applicant.applicationId, applicant.version);
      result.times.push(performance.now() - started);
      result.requests += 1;
      result.byStatus.set(String(response.status), (result.byStatus.get(String(response.status)) ?? 0) + 1);
      if (response.status === 200) result.acknowledged.set(applicant.applicationId, receiptOf(response));
      return;
    } catch (error) {
      result.requests += 1;
      const key = `network error (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      result.byStatus.set(key, (result.byStatus.get(key) ?? 0) + 1);
      if (attempt === 0) result.retries += 1;
    }
  }
}

function newResult(label: string): RunResult {
  return { label, wallSeconds: 0, requests: 0, times: [], latency: summarise([]), byStatus: new Map(), retries: 0, acknowledged: new Map() };
}

async function runSpread(clients: ApplicantClient[], applicants: Applicant[], windowSeconds: number): Promise<RunResult> {
  const result = newResult(`spread over ${windowSeconds} s`);
  const next = random(2027);
  const offsets = applicants.map(() => next() * windowSeconds * 1000).sort((a, b) => a - b);
  const start = performance.now();
  await Promise.all(
    applicants.map(
      (applicant, i) =>
        new Promise<void>((resolve) => {
          const plannedAt = start + offsets[i]!;
          setTimeout(() => void submitOnce(clients[i]!, applicant, result, plannedAt).then(resolve), Math.max(0, plannedAt - performance.now()));
        }),
    ),
  );
  result.wallSeconds = (performance.now() - start) / 1000;
  result.latency = summarise(result.times);
  return result;
}

async function runBurst(clients: ApplicantClient[], applicants: Applicant[], concurrency: number): Promise<RunResult> {
  const result = newResult(`burst, ${concurrency} in flight`);
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < applicants.length; i = next++) await submitOnce(clients[i]!, applicants[i]!, result);
    }),
  );
  result.wallSeconds = (performance.now() - start) / 1000;
  result.latency = summarise(result.times);
  return result;
}

interface BaselineResult {
  label: string;
  wallSeconds: number;
  latency: LatencySummary;
}

/** The same number of single-row INSERTs of a comparable jsonb row, through a pg Pool. */
async function baseline(url: string, rows: Array<Record<string, unknown>>, concurrency: number, variant: 'insert' | 'insert+lock'): Promise<BaselineResult> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  const table = `bench_scratch_${variant === 'insert' ? 'plain' : 'locked'}`;
  await pool.query(`create table ${table} (id bigserial primary key, application_id uuid not null, submitted_at timestamptz not null, content_hash text not null, snapshot jsonb not null)`);
  // Open every connection before the clock starts, as the server's pool is warm too.
  await Promise.all(Array.from({ length: concurrency }, () => pool.query('select 1')));
  const times: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < rows.length; i = next++) {
        const row = rows[i]!;
        const t0 = performance.now();
        const values = [row.applicationId, new Date(), randomBytes(32).toString('hex'), JSON.stringify(row)];
        const insert = `insert into ${table} (application_id, submitted_at, content_hash, snapshot) values ($1, $2, $3, $4)`;
        if (variant === 'insert') {
          await pool.query(insert, values);
        } else {
          // What the audit chain adds: a transaction that queues on one advisory lock.
          const client = await pool.connect();
          try {
            await client.query('begin');
            await client.query('select pg_advisory_xact_lock(727071)');
            await client.query(insert, values);
            await client.query('commit');
          } finally {
            client.release();
          }
        }
        times.push(performance.now() - t0);
      }
    }),
  );
  const wallSeconds = (performance.now() - start) / 1000;
  await pool.end();
  return {
    label: variant === 'insert' ? `bare INSERT, pool ${concurrency}` : `INSERT under one advisory lock in a transaction, pool ${concurrency}`,
    wallSeconds,
    latency: summarise(times),
  };
}

async function machine(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const settings: string[] = [];
  for (const name of ['server_version', 'fsync', 'synchronous_commit', 'shared_buffers', 'max_connections']) {
    const { rows } = await client.query<Record<string, string>>(`show ${name}`);
    settings.push(`${name}=${Object.values(rows[0]!)[0]}`);
  }
  await client.end();
  return [
    `machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${process.platform}`,
    `PostgreSQL: ${settings.join(', ')}`,
    `load average at start: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`,
  ];
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error('The deadline-rush benchmark runs against PostgreSQL: set TEST_DATABASE_URL (or DATABASE_URL) to a server where it may create a database,');
    console.error('e.g. TEST_DATABASE_URL=postgres://stadtnetz@127.0.0.1:55432/postgres npx tsx bench/deadline-rush.bench.ts');
    return 2;
  }
  for (const line of await machine(serverUrl)) console.log(line);
  console.log(`run: ${args.count} applicants per mode, modes ${args.modes.join(', ')}, window ${args.windowSeconds} s, concurrency ${args.concurrency}, server log level ${args.logLevel}\n`);

  const name = `sn_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${name}`;
  const url = dbUrl.toString();
  const failures: string[] = [];
  const runs: RunResult[] = [];
  const baselines: BaselineResult[] = [];
  let serverStopped = true;
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const setupStart = performance.now();
    const total = args.count * args.modes.length;
    const rush = await prepareRush(database.db, {
      count: total,
      concurrency: 8,
      onProgress: (done) => {
        if (done % 500 === 0 || done === total) process.stdout.write(`${process.stdout.isTTY ? '\r' : '\n'}setup: ${done}/${total} applicants with sessions and complete drafts`);
      },
    });
    console.log(` (${((performance.now() - setupStart) / 1000).toFixed(1)} s, not timed)`);

    server = await startServer({ port: await freePort(), database: { url }, sessionSecret: randomBytes(32).toString('hex'), logLevel: args.logLevel });
    serverStopped = false;
    console.log(`server: ${server.url} (node bin/stadtnetz.js start --no-demo, pid ${server.child.pid}, pool of 10 connections)`);
    // A browser keeps its connection; the agent holds at most as many as the test has in flight.
    const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(args.concurrency, 256) });
    const clients = rush.applicants.map((a) => new ApplicantClient(server!.url, agent, a.sessionToken));
    let opened = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = opened++; i < clients.length; i = opened++) await clients[i]!.open();
      }),
    );
    // Warm-up, not timed: every applicant reads its application once (JIT, connection pool, caches).
    let warmed = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = warmed++; i < Math.min(200, clients.length); i = warmed++) await clients[i]!.request('GET', `/api/applications/${rush.applicants[i]!.applicationId}`);
      }),
    );

    for (const [m, mode] of args.modes.entries()) {
      const applicants = rush.applicants.slice(m * args.count, (m + 1) * args.count);
      const modeClients = clients.slice(m * args.count, (m + 1) * args.count);
      console.log(`\n${mode}: ${applicants.length} submits …`);
      const cpuBefore = cpuSeconds(server.child.pid);
      const result = mode === 'spread' ? await runSpread(modeClients, applicants, args.windowSeconds) : await runBurst(modeClients, applicants, args.concurrency);
      const cpuAfter = cpuSeconds(server.child.pid);
      if (cpuBefore !== undefined && cpuAfter !== undefined) result.serverCpuSeconds = cpuAfter - cpuBefore;
      runs.push(result);
      const check = await checkStored(database.db, applicants.map((a) => a.applicationId), result.acknowledged);
      console.log(
        `  ${result.requests} requests in ${result.wallSeconds.toFixed(1)} s = ${(result.requests / result.wallSeconds).toFixed(1)} req/s; ` +
          `p50 ${fmt(result.latency.p50)} ms, p95 ${fmt(result.latency.p95)} ms, p99 ${fmt(result.latency.p99)} ms, max ${fmt(result.latency.max)} ms`,
      );
      console.log(`  by status: ${[...result.byStatus].map(([k, v]) => `${k}: ${v}`).join(', ')}; retries after a network error: ${result.retries}`);
      if (result.serverCpuSeconds !== undefined) {
        console.log(`  server process CPU: ${result.serverCpuSeconds.toFixed(1)} s = ${((result.serverCpuSeconds / result.requests) * 1000).toFixed(1)} ms per request`);
      }
      console.log(
        `  check: ${check.acknowledged} acknowledged, ${check.submitted} submitted, ${check.submissionRows} submission rows, ${check.submitEvents} submit events, ` +
          `${check.committedUnacknowledged} committed without acknowledgement → ${check.problems.length === 0 ? 'every acknowledged submission stored exactly once, nothing half-written' : `${check.problems.length} PROBLEMS`}`,
      );
      for (const p of check.problems.slice(0, 20)) console.log(`    ${p}`);
      failures.push(...check.problems.map((p) => `${mode}: ${p}`));
      if (check.acknowledged !== applicants.length) failures.push(`${mode}: only ${check.acknowledged} of ${applicants.length} submissions were acknowledged`);
    }
    agent.destroy();
    await server.stop();
    serverStopped = true;

    const chain = await verifyChain(database.db);
    console.log(`\naudit chain: ${chain.ok ? `intact, ${chain.events} events` : `BROKEN at ${chain.firstBreak?.seq}: ${chain.firstBreak?.message}`}`);
    if (!chain.ok) failures.push(`audit chain broken: ${chain.firstBreak?.message}`);

    console.log('\nbaseline (server stopped, same database server, same number of rows):');
    const rows = rush.applicants.slice(0, args.count).map((a) => snapshotLike(a, rush.roundId));
    console.log(`  row: ${JSON.stringify(rows[0]).length} bytes of JSON, as the submission snapshot`);
    for (const variant of ['insert', 'insert+lock'] as const) {
      const b = await baseline(url, rows, args.concurrency, variant);
      baselines.push(b);
      console.log(`  ${b.label}: ${(rows.length / b.wallSeconds).toFixed(0)} rows/s; p50 ${fmt(b.latency.p50)} ms, p95 ${fmt(b.latency.p95)} ms, p99 ${fmt(b.latency.p99)} ms, max ${fmt(b.latency.max)} ms`);
    }
  } finally {
    if (!serverStopped) await server?.stop();
    await database.close();
    if (!args.keep) {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    } else console.log(`\nkept database ${name}`);
  }

  console.log('\n| run | requests | wall s | req/s | p50 ms | p95 ms | p99 ms | max ms | status |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of runs) {
    const statuses = [...r.byStatus].map(([k, v]) => `${k}: ${v}`).join(', ');
    console.log(`| submit, ${r.label} | ${r.requests} | ${r.wallSeconds.toFixed(1)} | ${(r.requests / r.wallSeconds).toFixed(1)} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p95)} | ${fmt(r.latency.p99)} | ${fmt(r.latency.max)} | ${statuses} |`);
  }
  for (const b of baselines) {
    console.log(`| ${b.label} | ${b.latency.count} | ${b.wallSeconds.toFixed(1)} | ${(b.latency.count / b.wallSeconds).toFixed(0)} | ${fmt(b.latency.p50)} | ${fmt(b.latency.p95)} | ${fmt(b.latency.p99)} | ${fmt(b.latency.max)} | – |`);
  }
  console.log(`\nload average at end: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
  if (failures.length > 0) {
    console.log(`\nFAILED:\n  ${failures.slice(0, 50).join('\n  ')}`);
    return 1;
  }
  console.log('\nall checks passed');
  return 0;
}

process.exitCode = await main();
