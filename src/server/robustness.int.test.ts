import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../db/connection';
import { createTestApp, type TestApp, type TestClient } from '../../test/support/app';

interface Operation {
  method: string;
  path: string;
}

/** Every operation in the generated OpenAPI document, with ids filled in so routes are reached. */
async function operations(t: TestApp): Promise<Operation[]> {
  const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const method of Object.keys(methods)) {
      if (['get', 'post', 'patch', 'put', 'delete'].includes(method)) ops.push({ method: method.toUpperCase(), path });
    }
  }
  return ops;
}

const oddValues = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('x'.repeat(100_000)),
  fc.integer(),
  fc.double(),
  fc.constant(-1),
  fc.constant(1e308),
  fc.string(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 }),
  fc.constant('2020-02-30T25:61:00Z'),
  fc.constant('../../etc/passwd'),
  fc.constant("'; drop table users; --"),
);

describe.each(testDatabaseKinds())('no 500 for anything a client can send, on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  let ops: Operation[];
  let roundId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.as('admin@stadtnetz.example');
    ops = await operations(t);
    roundId = (await admin.get('/api/programmes/mps/rounds')).json()[0].id;
  });
  afterAll(async () => t?.close());

  function fill(path: string, value: string): string {
    return path.replace(/\{roundId\}|\{id\}/g, value).replace(/\{programme\}/g, value).replace(/\{code\}/g, value);
  }

  it('covers the API', () => {
    expect(ops.length).toBeGreaterThanOrEqual(15);
  });

  it('answers odd bodies, ids and content types with a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ops),
        fc.oneof(fc.constant(''), fc.constant('mps'), fc.constant('00000000-0000-0000-0000-000000000000'), fc.string({ maxLength: 40 })),
        fc.dictionary(fc.constantFrom('slug', 'name', 'version', 'to', 'email', 'password', 'criteria', 'envelopeCents', 'opensAt', 'amountCents', 'q'), oddValues),
        async (op, id, body) => {
          const idValue = id === '' ? '%20' : encodeURIComponent(id);
          const url = fill(op.path, id === 'mps' && op.path.includes('roundId') ? roundId : idValue);
          const response = await admin.request({
            method: op.method as 'GET',
            url: op.method === 'GET' ? `${url}?q=${encodeURIComponent(JSON.stringify(body.q ?? ''))}&limit=${encodeURIComponent(JSON.stringify(body.version ?? ''))}` : url,
            ...(op.method === 'GET' ? {} : { payload: body as never }),
          });
          expect(response.statusCode, `${op.method} ${url} -> ${response.body.slice(0, 300)}`).toBeLessThan(500);
          if (response.statusCode >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
        },
      ),
      { numRuns: 250 },
    );
  });

  it('answers non-JSON bodies with a 4xx problem', async () => {
    for (const op of ops.filter((o) => o.method !== 'GET')) {
      for (const [type, payload] of [
        ['application/json', '{"broken":'],
        ['text/plain', 'hello'],
        ['application/json', '[]'],
        ['application/json', 'null'],
      ] as const) {
        const response = await admin.request({ method: op.method as 'POST', url: fill(op.path, roundId), payload, headers: { 'content-type': type } });
        const what = `${op.method} ${op.path} ${type} ${payload} -> ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, what).toBeLessThan(500);
        if (response.statusCode >= 400) expect(response.headers['content-type'], what).toContain('application/problem+json');
      }
    }
  });
});
