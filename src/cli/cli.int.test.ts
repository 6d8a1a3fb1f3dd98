import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { testDatabaseKinds, type Database } from '../db/connection';
import { runCli } from '../../test/support/cli';
import { demoPgliteDump, openDemoDatabase } from '../../test/support/templates';

const fixtures = path.resolve('src/lib/gv100ad/fixtures');

describe.each(testDatabaseKinds())('the stadtnetz command on %s', (kind) => {
  let dataDir: string;
  let server: Database | undefined;
  let env: NodeJS.ProcessEnv;

  const cli = (...args: string[]) => runCli(env, ...args);

  /** Changes the stored chain behind the application's back, as an attacker with database access would. */
  async function tamper(statement: string): Promise<void> {
    if (kind === 'pglite') {
      const db = new PGlite(dataDir);
      await db.exec(statement);
      await db.close();
    } else {
      const client = new pg.Client({ connectionString: server!.url });
      await client.connect();
      await client.query(statement);
      await client.end();
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'stadtnetz-cli-'));
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    env = { ...rest, STADTNETZ_DATA_DIR: dataDir, NO_COLOR: '1' };
    // Start from the seeded demo (seeding itself is tested in demo-applications.int.test.ts).
    if (kind === 'postgres') {
      server = await openDemoDatabase('postgres');
      env.DATABASE_URL = server.url;
    } else {
      const onDisk = new PGlite(dataDir, { loadDataDir: await demoPgliteDump() });
      await onDisk.close();
    }
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('explains every command with --help', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    for (const command of ['start', 'seed', 'user', 'regions', 'audit', 'assign', 'publiccode']) expect(top.stdout).toContain(command);
    for (const args of [['seed', '--help'], ['user', 'create', '--help'], ['regions', 'import', '--help'], ['audit', 'verify', '--help']]) {
      const help = await cli(...args);
      expect(help.code, args.join(' ')).toBe(0);
      expect(help.stdout).toContain('Usage: stadtnetz');
    }
  });

  it('seeds the demo idempotently and creates the first administrator', async () => {
    const again = await cli('seed', '--demo');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing changed');

    const created = await cli('user', 'create', '--email', 'chefin@example.org', '--admin');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created administrator chefin@example.org/);
    expect(created.stdout).toMatch(/Password: \S{12,}/);
    const duplicate = await cli('user', 'create', '--email', 'chefin@example.org', '--admin');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('email');
    const invalid = await cli('user', 'create', '--email', 'not-an-email');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('email');
  });

  it('imports the register idempotently and names bad lines without importing anything', async () => {
    const first = await cli('regions', 'import', path.join(fixtures, 'GV100AD_sample_latin1.txt'));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Read 33 entries: \d+ new/);
    const second = await cli('regions', 'import', path.join(fixtures, 'GV100AD_sample_utf8.txt'));
    expect(second.stdout).toContain('0 new, 0 changed, 33 unchanged');

    const bad = await cli('regions', 'import', path.join(fixtures, 'GV100AD_bad_lines.txt'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/GV100AD_bad_lines\.txt:\d+: line \d+: /);
    expect(bad.stderr).toContain('nothing was imported');
    const missing = await cli('regions', 'import', path.join(fixtures, 'no-such-file.txt'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
  });

  it('verifies the audit chain and names the event that was changed', async () => {
    const intact = await cli('audit', 'verify');
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/Audit chain intact: \d+ events/);
    await tamper(`update audit_events set payload = '{"forged": true}' where seq = 3`);
    const broken = await cli('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('BROKEN at event 3');
  });
});
