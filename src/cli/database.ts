import type { Database } from '../db/connection';

/** Opens the configured database for one command and always closes it, or Node would not exit. */
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  // Loaded on use: `--help` should not pay for the database drivers.
  const { databaseOptionsFromEnv, openDatabase } = await import('../db/connection');
  const options = databaseOptionsFromEnv();
  const database = await openDatabase(options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Prints a failure the way a person reads it and sets a failing exit code. */
export function reportFailure(error: unknown): void {
  const err = error as { message?: string; fields?: Array<{ path: string; message: string }> };
  console.error(`Error: ${err.message ?? String(error)}`);
  for (const field of err.fields ?? []) console.error(`  ${field.path}: ${field.message}`);
  process.exitCode = 1;
}
