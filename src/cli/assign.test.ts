import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { findViolations } from '../lib/assignment';
import { register } from './assign';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'stadtnetz-assign-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  process.exitCode = undefined;
});

const instance = {
  k: 2,
  distinctStates: true,
  applications: [
    { id: 'a1', state: '05' },
    { id: 'a2', state: '09' },
  ],
  reviewers: [
    { id: 'r1', state: '09', minLoad: 0, maxLoad: 2 },
    { id: 'r2', state: '11', minLoad: 1, maxLoad: 2 },
    { id: 'r3', state: '11', minLoad: 0, maxLoad: 2 },
  ],
  conflicts: [['a1', 'r3']],
  affinity: [
    ['a1', 'r1', 0.9],
    ['a1', 'r2', 0.2],
    ['a1', 'r3', 1.0],
    ['a2', 'r1', 0.4],
    ['a2', 'r2', 0.3],
    ['a2', 'r3', 0.8],
  ],
};

async function run(name: string, content: string | object, ...extra: string[]) {
  const input = path.join(dir, `${name}.json`);
  const output = path.join(dir, `${name}.result.json`);
  await writeFile(input, typeof content === 'string' ? content : JSON.stringify(content));
  const stderr: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
  try {
    const program = new Command('stadtnetz').exitOverride();
    register(program);
    await program.parseAsync(['assign', '--input', input, '--output', output, ...extra], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  const written = await readFile(output, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => undefined,
  );
  return { exitCode: process.exitCode, stderr: stderr.join(''), result: written };
}

describe('stadtnetz assign', () => {
  for (const solver of ['flow', 'highs']) {
    it(`exits 0 and writes the optimal assignment (${solver})`, async () => {
      const { exitCode, stderr, result } = await run(`optimal-${solver}`, instance, '--solver', solver);
      expect(exitCode).toBe(0);
      expect(Object.keys(result!)).toEqual(['status', 'objective', 'assignments', 'seconds']);
      // a1 cannot have r3 (conflict) and needs two Länder: r1 (09) and r2 (11). a2 then takes
      // r3 (0.8) and r1 (0.4) rather than r2 (0.3): 0.9 + 0.2 + 0.8 + 0.4.
      expect(result!.assignments).toEqual([
        ['a1', 'r1'],
        ['a1', 'r2'],
        ['a2', 'r1'],
        ['a2', 'r3'],
      ]);
      expect(result!.status).toBe('optimal');
      expect(result!.objective).toBeCloseTo(2.3, 12);
      expect(typeof result!.seconds).toBe('number');
      expect(findViolations(instance as never, result!.assignments as [string, string][])).toEqual([]);
      expect(stderr).toMatch(new RegExp(`^assign: optimal, objective 2\\.300000, 4 assignments .*${solver} solver`, 'm'));
    });
  }

  it('exits 2 and writes the reason when no assignment exists', async () => {
    const { exitCode, stderr, result } = await run('infeasible', {
      ...instance,
      reviewers: instance.reviewers.map((r) => ({ ...r, maxLoad: 1, minLoad: 0 })),
    });
    expect(exitCode).toBe(2);
    expect(result).toMatchObject({ status: 'infeasible', objective: 0, assignments: [] });
    expect(Object.keys(result!)).toEqual(['status', 'objective', 'assignments', 'seconds', 'reason']);
    expect(result!.reason).toMatch(/maximum loads add up to 3, less than the 4 reviews needed/);
    expect(stderr).toContain('assign: infeasible');
  });

  it('exits 1 naming the JSON path of a bad field, and writes no result', async () => {
    const bad = { ...instance, affinity: [...instance.affinity, ['a2', 'r9', 0.5]] };
    const { exitCode, stderr, result } = await run('bad-id', bad);
    expect(exitCode).toBe(1);
    expect(stderr).toContain('affinity[6][1]: unknown reviewer id "r9"');
    expect(result).toBeUndefined();
  });

  it('exits 1 on malformed JSON and on a missing file', async () => {
    const malformed = await run('malformed', '{"k": 2, "applications": [');
    expect(malformed.exitCode).toBe(1);
    expect(malformed.stderr).toContain('malformed JSON');

    const stderr: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    try {
      const program = new Command('stadtnetz').exitOverride();
      register(program);
      const missing = path.join(dir, 'does-not-exist.json');
      await program.parseAsync(['assign', '--input', missing, '--output', path.join(dir, 'x.json')], { from: 'user' });
    } finally {
      spy.mockRestore();
    }
    expect(process.exitCode).toBe(1);
    expect(stderr.join('')).toContain('cannot read --input');
  });

  it('prints phases with --verbose', async () => {
    const { stderr } = await run('verbose', instance, '--verbose');
    expect(stderr).toMatch(/\] validating the instance/);
    expect(stderr).toMatch(/\] cost scaling: refinement 1 of \d+/);
  });
});
