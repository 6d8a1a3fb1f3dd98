import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from './client';

interface Call {
  method: string;
  url: string;
  csrf: string | null;
  body: unknown;
}

/** A fake server: answers from a script, records what the client sent. */
function fakeServer(script: ((call: Call, n: number) => Response)[]) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call = { method: init?.method ?? 'GET', url: String(input), csrf: headers['x-csrf-token'] ?? null, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const answer = script[calls.length - 1];
    if (!answer) throw new Error(`unexpected call ${call.method} ${call.url}`);
    return answer(call, calls.length);
  }) as typeof fetch;
  return { calls, client: new ApiClient('/api', { fetch: fetchImpl, origin: () => 'http://app.test' }) };
}

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, code: string, extra: object = {}) =>
  json({ type: `urn:stadtnetz:problem:${code}`, title: code, status, code, detail: `detail of ${code}`, ...extra }, status, 'application/problem+json');
const session = (token: string, user: unknown = null) => json({ user, csrfToken: token });

describe('ApiClient', () => {
  it('fetches the CSRF token once and sends it with every change', async () => {
    const { calls, client } = fakeServer([() => session('t1'), () => json({ ok: true }), () => json({ ok: true })]);
    await client.post('/a', { x: 1 });
    await client.patch('/b', { y: 2 });
    expect(calls.map((c) => [c.method, c.url, c.csrf])).toEqual([
      ['GET', 'http://app.test/api/auth/session', null],
      ['POST', 'http://app.test/api/a', 't1'],
      ['PATCH', 'http://app.test/api/b', 't1'],
    ]);
  });

  it('takes the new token a login hands out', async () => {
    const { calls, client } = fakeServer([() => session('t1'), () => session('t2', { id: 'u' }), () => json({ ok: true })]);
    await client.session();
    await client.login('a@b.example', 'pw');
    await client.post('/c', {});
    expect(calls.map((c) => c.csrf)).toEqual([null, 't1', 't2']);
  });

  it('fetches a fresh token and retries once when the token has expired', async () => {
    const { calls, client } = fakeServer([() => session('old'), () => problem(403, 'CSRF_TOKEN_INVALID'), () => session('new'), () => json({ done: 1 })]);
    await expect(client.post('/d', { z: 3 })).resolves.toEqual({ done: 1 });
    expect(calls.map((c) => `${c.method} ${c.url.replace('http://app.test', '')} ${c.csrf}`)).toEqual([
      'GET /api/auth/session null',
      'POST /api/d old',
      'GET /api/auth/session null',
      'POST /api/d new',
    ]);
    expect(calls[3]!.body).toEqual({ z: 3 });
  });

  it('does not retry other failures and hands over the problem with its field paths', async () => {
    const { calls, client } = fakeServer([
      () => session('t'),
      () => problem(422, 'CRITERIA_WEIGHTS_INVALID', { errors: [{ path: 'criteria', message: 'adds up to 90' }] }),
    ]);
    const error = await client.post('/e', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('CRITERIA_WEIGHTS_INVALID');
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).message).toBe('detail of CRITERIA_WEIGHTS_INVALID');
    expect((error as ApiError).fieldErrors).toEqual({ criteria: 'adds up to 90' });
    expect(calls).toHaveLength(2);
  });

  it('puts query parameters into the URL and skips empty ones', async () => {
    const { calls, client } = fakeServer([() => json([])]);
    await client.get('/regions', { query: { q: 'St. Wendel', level: undefined, limit: 10 } });
    expect(calls[0]!.url).toBe('http://app.test/api/regions?q=St.+Wendel&limit=10');
  });

  it('turns an unreachable server and a non-problem answer into ApiErrors', async () => {
    const down = new ApiClient('/api', {
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
      origin: () => 'http://app.test',
    });
    await expect(down.get('/x')).rejects.toMatchObject({ code: 'NETWORK', status: 0 });
    const { client } = fakeServer([() => new Response('<html>Bad gateway</html>', { status: 502 })]);
    await expect(client.get('/y')).rejects.toMatchObject({ code: 'HTTP_502', status: 502 });
  });
});
