import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type Database } from '../../src/db/connection';
import { openDemoDatabase } from './templates';
import { auditEvents } from '../../src/db/schema';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users';
import { buildApp } from '../../src/server/app';
import type { ServerConfig } from '../../src/server/config';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** The server's clock; tests move it to cross deadlines. */
  clock: { now: Date };
  /** A browser-like client: keeps cookies and sends the CSRF token on changes. */
  client(): Promise<TestClient>;
  as(email: string, password?: string): Promise<TestClient>;
  /** The audit events with the given action, oldest first. */
  events(action: string): Promise<Array<typeof auditEvents.$inferSelect>>;
  close(): Promise<void>;
}

export interface TestClient {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

function makeClient(app: FastifyInstance, now: () => Date): TestClient & { cookies: Map<string, string>; csrf: string } {
  const client = {
    cookies: new Map<string, string>(),
    csrf: '',
    async request(options: InjectOptions): Promise<LightMyRequestResponse> {
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const headers = { ...(options.headers ?? {}), ...(cookie ? { cookie } : {}), ...(client.csrf ? { 'x-csrf-token': client.csrf } : {}) };
      const response = await app.inject({ ...options, headers });
      for (const c of response.cookies) {
        // Expiry is judged by the server's (test) clock, as a browser would judge it against its own.
        if (c.maxAge === 0 || (c.expires && new Date(c.expires).getTime() < now().getTime())) client.cookies.delete(c.name);
        else client.cookies.set(c.name, c.value);
      }
      const body = String(response.headers['content-type'] ?? '').includes('json') ? (response.json() as { csrfToken?: string }) : undefined;
      if (body && typeof body === 'object' && typeof body.csrfToken === 'string') client.csrf = body.csrfToken;
      return response;
    },
    get: (url: string) => client.request({ method: 'GET', url }),
    post: (url: string, payload?: unknown) => client.request({ method: 'POST', url, payload: payload as never }),
    patch: (url: string, payload?: unknown) => client.request({ method: 'PATCH', url, payload: payload as never }),
    put: (url: string, payload?: unknown) => client.request({ method: 'PUT', url, payload: payload as never }),
  };
  return client;
}

export async function createTestApp(kind: 'pglite' | 'postgres', options: { demo?: boolean; config?: Partial<ServerConfig> } = {}): Promise<TestApp> {
  const database = options.demo === false ? await openTestDatabase(kind) : await openDemoDatabase(kind);
  const clock = { now: new Date('2026-11-26T12:00:00Z') };
  const app = await buildApp({ db: database.db, config: { port: 0, host: '127.0.0.1', sessionSecret: 'test-secret-test-secret-test-secret', secureCookies: false, webDir: 'dist/none', logLevel: 'error', ...options.config }, clock: () => clock.now });
  const client = async () => {
    const c = makeClient(app, () => clock.now);
    await c.get('/api/auth/session');
    return c;
  };
  return {
    app,
    database,
    clock,
    client,
    async as(email: string, password = DEMO_PASSWORD) {
      const c = await client();
      const response = await c.post('/api/auth/login', { email, password });
      if (response.statusCode !== 200) throw new Error(`login of ${email} failed: ${response.statusCode} ${response.body}`);
      return c;
    },
    events: (action: string) => database.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(auditEvents.seq),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
