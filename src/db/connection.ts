import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database handle or an open transaction: both offer the same query API. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The connection string, for PostgreSQL (tests hand it to child processes). */
  url?: string;
  /** The embedded client, for PGlite (tests dump it as a template). */
  pglite?: PGlite;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string };

/** Opens the database and brings its schema up to date with the committed migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    const db = drizzlePg(pool, { schema });
    try {
      await migratePg(db, { migrationsFolder });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db: db as unknown as Db, kind: 'postgres', url: options.url, close: () => pool.end() };
  }
  // Without a data dir PGlite keeps everything in memory, which is what tests want.
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db: db as unknown as Db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/** From the environment: DATABASE_URL selects PostgreSQL, otherwise PGlite in the data dir. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: env.STADTNETZ_DATA_DIR ?? './data' };
}

/**
 * A fresh, empty database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL, dropped again on close.
 */
export async function openTestDatabase(kind: 'pglite' | 'postgres', options: { template?: string } = {}): Promise<Database> {
  if (kind === 'pglite') return options.template ? openPgliteDump(options.template) : openPgliteFromTemplate();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `sn_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(options.template ? `CREATE DATABASE ${name} TEMPLATE ${options.template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** The databases the integration tests run on: PGlite always, PostgreSQL when configured. */
export function testDatabaseKinds(): Array<'pglite' | 'postgres'> {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(migrationsFolder).sort()) {
    if (name.endsWith('.sql')) hash.update(name).update(readFileSync(path.join(migrationsFolder, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Creating and migrating a PGlite database takes seconds; loading a migrated copy takes a
 * fraction of that. The copy is cached per migration state, so tests start from it.
 */
async function openPgliteFromTemplate(): Promise<Database> {
  const cacheDir = path.resolve('node_modules/.cache/stadtnetz');
  const templateFile = path.join(cacheDir, `pglite-${migrationsHash()}.tar.gz`);
  if (!existsSync(templateFile)) {
    const fresh = new PGlite();
    await migratePglite(drizzlePglite(fresh, { schema }), { migrationsFolder });
    const dump = await fresh.dumpDataDir('gzip');
    await fresh.close();
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so parallel test workers never read a half-written file.
    const partial = `${templateFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, templateFile);
  }
  return openPgliteDump(templateFile);
}

/** A private in-memory copy of a dumped PGlite database. */
export async function openPgliteDump(file: string): Promise<Database> {
  const client = new PGlite({ loadDataDir: new Blob([readFileSync(file)]) });
  const db = drizzlePglite(client, { schema });
  return { db: db as unknown as Db, kind: 'pglite', pglite: client, close: () => client.close() };
}
