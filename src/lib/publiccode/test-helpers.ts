import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths for the tests: fixtures beside the code, real files in the shared folder next to the clone. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const sharedPubliccodeDir = path.resolve(repoRoot, '../shared/data/publiccode');
export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name), 'utf8');
}
