/**
 * The real server as a child process (`node bin/stadtnetz.js start --no-demo`), and a small HTTP
 * client that behaves like one applicant's browser: session cookie, CSRF cookie and header.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Receipt } from '../../src/modules/applications/applications.schemas';

const bin = fileURLToPath(new URL('../../bin/stadtnetz.js', import.meta.url));

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** The last 64 kB the server wrote (stdout and stderr), for error messages. */
  output(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM: the server closes the app and the database, then exits. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  port: number;
  /** DATABASE_URL for PostgreSQL, or STADTNETZ_DATA_DIR for PGlite. */
  database: { url: string } | { dataDir: string };
  /** Fixed, so the signed CSRF cookies stay valid across a restart. */
  sessionSecret: string;
  logLevel?: string;
}

/**
 * Starts `node bin/stadtnetz.js start --no-demo --port N` and waits until /api/health answers.
 * The child runs in an empty working directory: the API does not need the web app, and a start
 * from the checkout would rebuild it with vite whenever web/ is newer than dist/web.
 */
export async function startServer(options: ServerOptions, timeoutMs = 90_000, extraEnv: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const { DATABASE_URL: _url, STADTNETZ_DATA_DIR: _dir, ...rest } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...rest,
    SESSION_SECRET: options.sessionSecret,
    LOG_LEVEL: options.logLevel ?? 'warn',
    NO_COLOR: '1',
    ...('url' in options.database ? { DATABASE_URL: options.database.url } : { STADTNETZ_DATA_DIR: options.database.dataDir }),
    ...extraEnv,
  };
  const cwd = mkdtempSync(path.join(tmpdir(), 'stadtnetz-server-'));
  const child = spawn(process.execPath, [bin, 'start', '--no-demo', '--port', String(options.port), '--host', '127.0.0.1'], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-65_536);
  };
  // Always drained: a full pipe would block the server's logging and so the server.
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    rmSync(cwd, { recursive: true, force: true });
  });
  const url = `http://127.0.0.1:${options.port}`;
  const server: ServerProcess = {
    url,
    port: options.port,
    child,
    output: () => tail,
    exited,
    async stop() {
      if (!hasExited) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + timeoutMs;
  const agent = new http.Agent({ keepAlive: false });
  for (;;) {
    if (hasExited) throw new Error(`the server exited before it was ready:\n${tail}`);
    try {
      const health = await httpRequest(agent, url, { method: 'GET', path: '/api/health', timeoutMs: 2_000 });
      if (health.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready after ${timeoutMs / 1000} s:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  agent.destroy();
  return server;
}

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function httpRequest(
  agent: http.Agent,
  base: string,
  request: { method: string; path: string; headers?: Record<string, string>; body?: string; timeoutMs?: number },
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const target = new URL(request.path, base);
    const req = http.request(
      {
        agent,
        method: request.method,
        hostname: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        headers: { ...(request.headers ?? {}), ...(request.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(request.body)) } : {}) },
        timeout: request.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

/** One applicant's browser: keeps its cookies and sends the CSRF token with every change. */
export class ApplicantClient {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(
    public base: string,
    public agent: http.Agent,
    sessionToken: string,
  ) {
    this.cookies.set('sn_session', sessionToken);
  }

  async request(method: string, urlPath: string, body?: unknown): Promise<HttpResult> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (method !== 'GET' && this.csrf) headers['x-csrf-token'] = this.csrf;
    const result = await httpRequest(this.agent, this.base, { method, path: urlPath, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = result.headers['set-cookie'] ?? [];
    for (const line of setCookie) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      if (at > 0) this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
    return result;
  }

  /** Fetches the session, which hands out the CSRF token (and sets its cookie). */
  async open(): Promise<void> {
    const session = await this.request('GET', '/api/auth/session');
    const json = JSON.parse(session.body) as { user: { email: string } | null; csrfToken: string };
    if (session.status !== 200 || !json.user) throw new Error(`the session is not valid: ${session.status} ${session.body}`);
    this.csrf = json.csrfToken;
  }

  submit(applicationId: string, version: number): Promise<HttpResult> {
    return this.request('POST', `/api/applications/${applicationId}/submit`, { version });
  }
}

export function receiptOf(result: HttpResult): Receipt {
  return JSON.parse(result.body) as Receipt;
}

/** Nearest-rank percentile of ascending numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(latenciesMs: readonly number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}
