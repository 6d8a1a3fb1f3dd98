import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { testDatabaseKinds, type Database } from '../db/connection';
import { runCli } from '../../test/support/cli';
import { demoPgliteDump, openDemoDatabase } from '../../test/support/templates';

/** Each CLI run starts Node and opens the database: seconds apiece on a loaded machine, several per test. */
const CLI_TEST_TIMEOUT = 600_000;

describe.each(testDatabaseKinds())('results, receipts and row tampering by the command line on %s', (kind) => {
  let dataDir: string;
  let server: Database | undefined;
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]) => runCli(env, ...args);

  /** Runs SQL behind the application's back, as an attacker with database access would. */
  async function query<R>(statement: string): Promise<R[]> {
    if (kind === 'pglite') {
      const db = new PGlite(dataDir);
      const result = await db.query<R>(statement);
      await db.close();
      return result.rows;
    }
    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    const result = await client.query(statement);
    await client.end();
    return result.rows as R[];
  }

  // When the code changed since the global setup, the demo template is seeded again here: allow for it.
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'stadtnetz-results-'));
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    env = { ...rest, STADTNETZ_DATA_DIR: dataDir, NO_COLOR: '1' };
    if (kind === 'postgres') {
      server = await openDemoDatabase('postgres');
      env.DATABASE_URL = server.url;
    } else {
      const onDisk = new PGlite(dataDir, { loadDataDir: await demoPgliteDump() });
      await onDisk.close();
    }
  }, 900_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }, CLI_TEST_TIMEOUT);

  it('prints the published results of round 2020 as JSON in the documented shape', async () => {
    const out = await cli('results', '--round', '2020', '--format', 'json');
    expect(out.code, out.stderr).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(Object.keys(doc)).toEqual(['round', 'count', 'totalFundingCents', 'groups']);
    expect(doc).toMatchObject({ round: '2020', count: 32 });
    expect(doc.totalFundingCents).toBeGreaterThan(350_000_000_00);
    expect(doc.groups.map((g: { title: string }) => g.title)).toEqual(['Kommunen', 'Interkommunale Kooperationen und Landkreise']);
    expect(doc.groups[0].entries[0]).toEqual({ name: 'Bamberg', sortName: 'Bamberg', fundingCents: expect.any(Number) });
    expect(doc.groups[0].entries).toHaveLength(20);
    expect(doc.groups[1].entries).toHaveLength(12);
  }, CLI_TEST_TIMEOUT);

  it('prints them as Markdown', async () => {
    const out = await cli('results', '--round', '2020', '--format', 'markdown');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('## Kommunen (20)');
    expect(out.stdout).toContain('## Interkommunale Kooperationen und Landkreise (12)');
    // German currency format puts a no-break space before the euro sign.
    expect(out.stdout).toContain('- Berlin — 17.500.000,00\u00a0€');
  }, CLI_TEST_TIMEOUT);

  it('fails clearly for an unknown round, one without published results, and an unknown format', async () => {
    const unknown = await cli('results', '--round', '1999');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('There is no round "1999"');
    const unpublished = await cli('results', '--round', '2021', '--format', 'json');
    expect(unpublished.code).not.toBe(0);
    expect(unpublished.stderr).toContain('no published results');
    const format = await cli('results', '--round', '2020', '--format', 'xml');
    expect(format.code).not.toBe(0);
    expect(format.stderr).toContain('unknown format');
  }, CLI_TEST_TIMEOUT);

  it('checks a published receipt against the chain head', async () => {
    const [entry] = await query<{ receipt_hash: string }>("select receipt_hash from published_results where name = 'Berlin'");
    const valid = await cli('audit', 'receipt', entry!.receipt_hash);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toContain('jury.decide');
    expect(valid.stdout).toContain('VALID: Event');
    const unknown = await cli('audit', 'receipt', 'f'.repeat(64));
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('NOT VALID');
  }, CLI_TEST_TIMEOUT);

  it('names a vote row changed directly in the database, with its table, row and event', async () => {
    expect((await cli('audit', 'verify')).code).toBe(0);
    const [vote] = await query<{ id: string; choice: string }>("select id, choice from jury_votes where choice = 'no' order by id limit 1");
    await query(`update jury_votes set choice = 'yes' where id = '${vote!.id}'`);
    const out = await cli('audit', 'verify');
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(new RegExp(`table jury_votes, row ${vote!.id}, event \\d+`));
    const json = JSON.parse((await cli('audit', 'verify', '--json')).stdout);
    expect(json.ok).toBe(false);
    expect(json.firstBreak).toBeNull();
    expect(json.rowProblems).toEqual([expect.objectContaining({ table: 'jury_votes', rowId: vote!.id, problem: 'row-changed' })]);
    // Putting it back makes the chain whole again.
    await query(`update jury_votes set choice = 'no' where id = '${vote!.id}'`);
    expect((await cli('audit', 'verify')).code).toBe(0);
  }, CLI_TEST_TIMEOUT);

  it('names a forged decision row and a deleted review', async () => {
    await query("update decisions set funding_cents = funding_cents + 100 where outcome = 'selected' and id = (select id from decisions where outcome = 'selected' order by id limit 1)");
    const [review] = await query<{ id: string }>('select id from reviews order by id limit 1');
    if (review) await query(`delete from reviews where id = '${review.id}'`);
    const json = JSON.parse((await cli('audit', 'verify', '--json')).stdout);
    expect(json.ok).toBe(false);
    expect(json.rowProblems.map((p: { table: string; problem: string }) => `${p.table}:${p.problem}`)).toEqual(
      expect.arrayContaining(['decisions:row-changed', ...(review ? ['reviews:row-removed'] : [])]),
    );
  }, CLI_TEST_TIMEOUT);
});
