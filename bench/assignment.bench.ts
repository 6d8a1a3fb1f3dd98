/**
 * Reviewer-assignment benchmark: the exact min-cost flow solver against HiGHS (the same problem
 * as an LP, whose optimum is integral because the matrix is totally unimodular), on seeded
 * random instances of three sizes, each solver in a child process of its own so that its peak
 * memory is measured separately.
 *
 *   npx tsx bench/assignment.bench.ts [--sizes small,medium,large] [--variants plain,distinct]
 *        [--solvers flow,highs] [--highs-algorithm simplex|ipm|choose] [--highs-time-limit 900]
 *
 * Exits non-zero when a check fails: objectives differ by more than 1e-6 relative, an
 * assignment breaks a rule, or the flow solver needs 60 s or 2 GiB or more on the large instance.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateInstance } from './assignment/generate-instance';
import type { ChildReport } from './assignment/solve-child';

const sizes = {
  small: { applications: 86, reviewers: 40 },
  medium: { applications: 2_000, reviewers: 600 },
  large: { applications: 20_000, reviewers: 5_000 },
} as const;
type SizeName = keyof typeof sizes;

const LIMIT_SECONDS = 60;
const LIMIT_MIB = 2048;
const RELATIVE_TOLERANCE = 1e-6;

const args = parseArgs(process.argv.slice(2));
const childScript = fileURLToPath(new URL('./assignment/solve-child.ts', import.meta.url));

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}`);
console.log(`baseline: HiGHS ${args.highsAlgorithm} on the LP of the same instance, in the same run`);
// Other work on the machine slows every figure; the load average says how much there was.
console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(', ')}\n`);

const dir = await mkdtemp(path.join(tmpdir(), 'assignment-bench-'));
const failures: string[] = [];
const rows: string[][] = [];
try {
  for (const size of args.sizes) {
    for (const variant of args.variants) {
      const generated = generateInstance({ ...sizes[size], distinctStates: variant === 'distinct', seed: 2020 });
      const file = path.join(dir, `${size}-${variant}.json`);
      await writeFile(file, JSON.stringify(generated));
      const megabytes = (await stat(file)).size / 2 ** 20;
      const label = `${size} ${sizes[size].applications}×${sizes[size].reviewers}${variant === 'distinct' ? ' distinct Länder' : ''}`;
      console.log(`${label}: ${generated.affinity.length} pairs, ${generated.conflicts.length} conflicts, ${megabytes.toFixed(1)} MiB JSON`);

      const reports: ChildReport[] = [];
      for (const solver of args.solvers) {
        const report = await runChild(file, solver, args.highsAlgorithm, args.highsTimeLimit);
        reports.push(report);
        console.log(`  ${describe(report)}`);
        rows.push(tableRow(label, report));
        if (report.status === 'error') failures.push(`${label}: ${report.solver} failed: ${report.error}`);
        if (report.violations > 0) failures.push(`${label}: ${report.solver} broke ${report.violations} rules`);
        if (solver === 'flow' && size === 'large') {
          if (!(report.solveSeconds + report.parseSeconds < LIMIT_SECONDS)) {
            failures.push(`${label}: flow took ${(report.parseSeconds + report.solveSeconds).toFixed(1)} s (limit ${LIMIT_SECONDS} s)`);
          }
          if (report.maxRssMiB >= LIMIT_MIB) failures.push(`${label}: flow peaked at ${report.maxRssMiB.toFixed(0)} MiB`);
        }
      }
      compareObjectives(label, reports);
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

console.log('\n| instance | solver | status | objective | parse s | solve s | solve CPU s | peak RSS MiB |');
console.log('| --- | --- | --- | --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nload average at end: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`);
if (failures.length > 0) {
  console.log(`\nFAILED:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('\nall checks passed');
}

function compareObjectives(label: string, reports: ChildReport[]): void {
  const flow = reports.find((r) => r.solver === 'flow');
  const lp = reports.find((r) => r.solver.startsWith('highs'));
  if (!flow || !lp || flow.status === 'error' || lp.status === 'error') return;
  if (flow.status !== lp.status) {
    failures.push(`${label}: flow says ${flow.status}, HiGHS says ${lp.status}`);
    return;
  }
  if (flow.objective === null || lp.lpObjective === null) return;
  const relative = Math.abs(flow.objective - lp.lpObjective) / Math.max(1, Math.abs(lp.lpObjective));
  const verdict = relative <= RELATIVE_TOLERANCE ? 'match' : 'DIFFER';
  console.log(`  objectives ${verdict}: flow ${flow.objective} vs LP ${lp.lpObjective} (relative difference ${relative.toExponential(2)})`);
  if (relative > RELATIVE_TOLERANCE) failures.push(`${label}: objectives differ by ${relative.toExponential(2)}`);
}

function runChild(file: string, solver: string, algorithm: string, timeLimit: number): Promise<ChildReport> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', childScript, file, solver, algorithm],
      {
        env: { ...process.env, HIGHS_TIME_LIMIT: String(timeLimit) },
        maxBuffer: 16 * 2 ** 20,
        // Generous: a stuck child must not hang the benchmark forever.
        timeout: (timeLimit + 300) * 1000,
      },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(line) as ChildReport);
        } catch {
          resolve({
            solver: solver === 'highs' ? `highs-${algorithm}` : solver,
            status: 'error',
            objective: null,
            lpObjective: null,
            assignments: 0,
            violations: 0,
            parseSeconds: NaN,
            solveSeconds: NaN,
            solveCpuSeconds: NaN,
            maxRssMiB: NaN,
            wasmMemoryMiB: null,
            error: `child process failed: ${error?.message ?? ''} ${stderr.trim().split('\n').slice(-3).join(' / ')}`,
          });
        }
      },
    );
  });
}

function describe(report: ChildReport): string {
  if (report.status === 'error') return `${report.solver}: ERROR ${report.error}`;
  const wasm = report.wasmMemoryMiB === null ? '' : `, of which HiGHS WebAssembly memory ${report.wasmMemoryMiB.toFixed(0)} MiB`;
  return (
    `${report.solver}: ${report.status}, objective ${report.objective}, ${report.assignments} assignments, ` +
    `parse ${report.parseSeconds.toFixed(2)} s, solve ${report.solveSeconds.toFixed(2)} s ` +
    `(CPU ${report.solveCpuSeconds.toFixed(2)} s), ` +
    `peak RSS ${report.maxRssMiB.toFixed(0)} MiB${wasm}`
  );
}

function tableRow(label: string, report: ChildReport): string[] {
  return [
    label,
    report.solver,
    report.status === 'error' ? `error: ${report.error}` : report.status,
    report.objective === null ? '–' : report.objective.toFixed(6),
    report.parseSeconds.toFixed(2),
    Number.isNaN(report.solveSeconds) ? '–' : report.solveSeconds.toFixed(2),
    Number.isNaN(report.solveCpuSeconds) ? '–' : report.solveCpuSeconds.toFixed(2),
    Number.isNaN(report.maxRssMiB) ? '–' : report.maxRssMiB.toFixed(0),
  ];
}

function parseArgs(argv: string[]) {
  const value = (name: string, fallback: string): string => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 && argv[index + 1] !== undefined ? argv[index + 1]! : fallback;
  };
  const list = <T extends string>(name: string, fallback: string, allowed: readonly T[]): T[] => {
    const items = value(name, fallback).split(',');
    for (const item of items) {
      if (!allowed.includes(item as T)) throw new Error(`--${name}: "${item}" is not one of ${allowed.join(', ')}`);
    }
    return items as T[];
  };
  return {
    sizes: list<SizeName>('sizes', 'small,medium,large', ['small', 'medium', 'large']),
    variants: list('variants', 'plain,distinct', ['plain', 'distinct'] as const),
    solvers: list('solvers', 'flow,highs', ['flow', 'highs'] as const),
    highsAlgorithm: list('highs-algorithm', 'simplex', ['simplex', 'ipm', 'choose'] as const)[0]!,
    highsTimeLimit: Number(value('highs-time-limit', '900')),
  };
}
