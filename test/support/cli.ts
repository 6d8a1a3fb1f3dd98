import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = path.resolve('bin/stadtnetz.js');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `stadtnetz` as its own process, as a user would; a failing exit is an outcome, not a throw. */
export async function runCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliOutcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
