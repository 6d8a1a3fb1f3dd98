import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, openTestDatabase, type Database } from '../../src/db/connection';
import { seedDemo } from '../../src/db/seed/demo';

/**
 * Seeding the demo takes seconds; every integration test file needs it. So the seeded database is
 * made once per state of the code and copied per test file: a dumped PGlite data dir, or a
 * PostgreSQL template database.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|sql)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

export function demoTemplateKey(): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(path.resolve('src')).sort()) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

const cacheDir = path.resolve('node_modules/.cache/stadtnetz');

function pgliteTemplateFile(key: string): string {
  return path.join(cacheDir, `pglite-demo-${key}.tar.gz`);
}

function postgresTemplateName(key: string): string {
  return `sn_demo_${key}`;
}

async function ensurePgliteTemplate(key: string): Promise<void> {
  const file = pgliteTemplateFile(key);
  if (existsSync(file)) return;
  const database = await openTestDatabase('pglite');
  await seedDemo(database.db);
  const dump = await database.pglite!.dumpDataDir('gzip');
  await database.close();
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
}

async function ensurePostgresTemplate(serverUrl: string, key: string): Promise<void> {
  const name = postgresTemplateName(key);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount) return;
    const building = `${name}_${randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${building}`);
    const url = new URL(serverUrl);
    url.pathname = `/${building}`;
    const database: Database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
    await seedDemo(database.db);
    await database.close();
    // Renamed only when complete, so no test ever copies a half-seeded template.
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } finally {
    await admin.end();
  }
}

/** Run once before the test workers start (vitest globalSetup). */
export async function ensureDemoTemplates(): Promise<void> {
  const key = demoTemplateKey();
  // PGlite seeds on this process's thread, PostgreSQL mostly in its server: side by side they use both cores.
  const serverUrl = process.env.TEST_DATABASE_URL;
  await Promise.all([ensurePgliteTemplate(key), serverUrl ? ensurePostgresTemplate(serverUrl, key) : undefined]);
}

/** The dumped, seeded PGlite database: `new PGlite(dir, { loadDataDir })` turns it into a data dir. */
export async function demoPgliteDump(): Promise<Blob> {
  const key = demoTemplateKey();
  await ensurePgliteTemplate(key);
  return new Blob([readFileSync(pgliteTemplateFile(key))]);
}

/** A private copy of the seeded demo database. */
export async function openDemoDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  const key = demoTemplateKey();
  if (kind === 'pglite') {
    await ensurePgliteTemplate(key);
    return openTestDatabase('pglite', { template: pgliteTemplateFile(key) });
  }
  await ensurePostgresTemplate(process.env.TEST_DATABASE_URL!, key);
  return openTestDatabase('postgres', { template: postgresTemplateName(key) });
}
