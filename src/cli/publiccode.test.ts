import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from './publiccode';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const sharedDir = path.resolve(repoRoot, '../shared/data/publiccode');
const fixture = (name: string) => path.join(repoRoot, 'src/lib/publiccode/fixtures', name);

async function run(...args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
  try {
    const program = new Command('stadtnetz').exitOverride();
    register(program);
    await program.parseAsync(['publiccode', 'validate', ...args], { from: 'user' });
    return { exitCode: process.exitCode, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('stadtnetz publiccode validate', () => {
  it('exits 0 for a valid file and prints warnings as LINE:COL KEY: warning: …', async () => {
    const result = await run(path.join(sharedDir, 'comune-milano__whistleblowing.yml'));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      "1:1 publiccodeYmlVersion: warning: v0.3 is not the latest version, use '0'. Validating this file as v0.3.\n",
    );
    expect(result.stderr).toMatch(/: valid \(publiccode\.yml v0\.3\), 0 errors, 1 warning\n$/);
  });

  it('exits 1 for an invalid file, errors first', async () => {
    const result = await run(path.join(sharedDir, 'aitema-gmbh__terminvergabe.yml'));
    expect(result.exitCode).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^13:5 categories\[1\]: categories\[1\] must be a valid category/);
    expect(lines[1]).toMatch(/^56:3 maintenance\.type: type must be one of/);
    expect(lines.slice(2).every((line) => /^\d+:\d+ \S+: warning: /.test(line))).toBe(true);
  });

  it('prints exactly the JSON shape with --json', async () => {
    const result = await run(path.join(sharedDir, 'aitema-gmbh__terminvergabe.yml'), '--json');
    expect(result.exitCode).toBe(1);
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['valid', 'version', 'errors', 'warnings']);
    expect(parsed).toMatchObject({ valid: false, version: '0.4' });
    expect(Object.keys((parsed.errors as object[])[0] ?? {})).toEqual(['key', 'line', 'column', 'message']);
  });

  it('exits 0 with --json for a valid file', async () => {
    const result = await run(fixture('valid.v0.7.yml'), '--json');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('{"valid":true,"version":"0.7","errors":[],"warnings":[]}\n');
  });

  it('exits 1 with a message for an unreadable file', async () => {
    const result = await run(path.join(repoRoot, 'no-such-publiccode.yml'));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^cannot read .*no-such-publiccode\.yml: ENOENT/);
  });
});
