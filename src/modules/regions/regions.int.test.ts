import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/connection';
import { systemActor } from '../../lib/access';
import { decodeGv100, parseGv100 } from '../../lib/gv100ad';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { importRegions, valuesFromRecord } from './regions.service';

const fixture = readFileSync(new URL('../../lib/gv100ad/fixtures/GV100AD_sample_utf8.txt', import.meta.url));

describe.each(testDatabaseKinds())('regions register on %s', (kind) => {
  let t: TestApp;
  const run = () => {
    const { records, errors } = parseGv100(decodeGv100(fixture).text);
    expect(errors).toEqual([]);
    return importRegions({ db: t.database.db, actor: systemActor('test'), now: () => t.clock.now }, records.map(valuesFromRecord), {
      name: 'GV100AD_sample_utf8.txt',
      sha256: 'fixture',
    });
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { demo: false });
  });
  afterAll(async () => t?.close());

  it('imports the register once, and a second import changes nothing', async () => {
    const first = await run();
    expect(first.inserted).toBe(first.total);
    expect(first.total).toBe(33);
    expect(await t.events('regions.import')).toHaveLength(1);
    const second = await run();
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 33 });
    expect(await t.events('regions.import')).toHaveLength(1);
  });

  it('finds places German-aware: umlauts, ae/oe/ue spellings, case and key prefixes', async () => {
    const client = await t.client();
    const names = async (q: string) => (await client.get(`/api/regions?q=${encodeURIComponent(q)}`)).json().map((r: { name: string }) => r.name);
    expect(await names('Plön')).toContain('Plön');
    expect(await names('ploen')).toContain('Plön');
    expect(await names('PLON')).toContain('Plön');
    expect(await names('münchen')).toEqual(expect.arrayContaining(['München']));
    expect(await names('Muenchen')).toEqual(expect.arrayContaining(['München']));
    const byKey = (await client.get('/api/regions?q=09162')).json();
    expect(byKey.map((r: { ags: string }) => r.ags)).toContain('09162000');
    const gemeinde = (await client.get('/api/regions?q=kiel&level=gemeinde')).json();
    expect(gemeinde[0]).toMatchObject({ ags: '01002000', level: 'gemeinde', landName: 'Schleswig-Holstein' });
  });

  it('answers a region by AGS or ARS and refuses malformed keys with the reason', async () => {
    const client = await t.client();
    expect((await client.get('/api/regions/09461000')).json()).toMatchObject({ name: 'Bamberg', level: 'gemeinde' });
    const badLand = await client.get('/api/regions/17000000');
    expect(badLand.statusCode).toBe(400);
    expect(badLand.json()).toMatchObject({ code: 'REGION_CODE_INVALID', errors: [{ path: 'code' }] });
    const letters = await client.get('/api/regions/0900x000');
    expect(letters.statusCode).toBe(400);
    expect(letters.json().errors[0].path).toBe('code');
    expect((await client.get('/api/regions/09999000')).statusCode).toBe(404);
    expect((await client.get('/api/regions?q=')).json().errors[0].path).toBe('q');
  });
});
