/**
 * Runs one solver on one instance file in a process of its own, so that its peak memory
 * (maxRSS) is its own. Prints a JSON line with the measurements on stdout.
 *
 * Usage: node --import tsx bench/assignment/solve-child.ts <instance.json> flow|highs [simplex|ipm|choose]
 */
import { readFile } from 'node:fs/promises';
import { findViolations, parseInstanceJson, solveAssignment, solveAssignmentWithHighs } from '../../src/lib/assignment';

export interface ChildReport {
  readonly solver: string;
  readonly status: string;
  readonly objective: number | null;
  /** HiGHS's own objective value (null for the flow solver). */
  readonly lpObjective: number | null;
  readonly assignments: number;
  readonly violations: number;
  readonly parseSeconds: number;
  readonly solveSeconds: number;
  /** CPU time (user + system) of the solve: less sensitive than wall time to other load. */
  readonly solveCpuSeconds: number;
  readonly maxRssMiB: number;
  /** WebAssembly linear memory of HiGHS, part of maxRSS. */
  readonly wasmMemoryMiB: number | null;
  readonly error?: string;
}

const [file, solver = 'flow', algorithm = 'simplex'] = process.argv.slice(2);
if (!file) throw new Error('usage: solve-child.ts <instance.json> flow|highs [simplex|ipm|choose]');

const parseStarted = performance.now();
const instance = parseInstanceJson(await readFile(file, 'utf8'));
const parseSeconds = (performance.now() - parseStarted) / 1000;

let cpuBefore = process.cpuUsage();
const solveCpuSeconds = (): number => {
  const used = process.cpuUsage(cpuBefore);
  return (used.user + used.system) / 1e6;
};

let report: ChildReport;
if (solver === 'highs') {
  const { default: loadHighs } = await import('highs');
  const highs = await loadHighs();
  cpuBefore = process.cpuUsage(); // loading the WebAssembly module is not part of the solve
  try {
    const result = solveAssignmentWithHighs(instance, highs, {
      algorithm: algorithm as 'simplex' | 'ipm' | 'choose',
      timeLimitSeconds: Number(process.env.HIGHS_TIME_LIMIT ?? 900),
    });
    report = {
      solver: `highs-${algorithm}`,
      status: result.status,
      objective: result.objective,
      lpObjective: result.lpObjective,
      assignments: result.assignments.length,
      violations: findViolations(instance, result.assignments).length,
      parseSeconds,
      solveSeconds: result.seconds,
      solveCpuSeconds: solveCpuSeconds(),
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      wasmMemoryMiB: highs.memoryBytes / 2 ** 20,
    };
  } catch (error) {
    report = failure(`highs-${algorithm}`, error, parseSeconds, highs.memoryBytes / 2 ** 20);
  }
} else {
  try {
    const result = solveAssignment(instance);
    report = {
      solver: 'flow',
      status: result.status,
      objective: result.objective,
      lpObjective: null,
      assignments: result.assignments.length,
      violations: findViolations(instance, result.assignments).length,
      parseSeconds,
      solveSeconds: result.seconds,
      solveCpuSeconds: solveCpuSeconds(),
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      wasmMemoryMiB: null,
    };
  } catch (error) {
    report = failure('flow', error, parseSeconds, null);
  }
}
process.stdout.write(`${JSON.stringify(report)}\n`);

function failure(name: string, error: unknown, parseSeconds: number, wasmMemoryMiB: number | null): ChildReport {
  return {
    solver: name,
    status: 'error',
    objective: null,
    lpObjective: null,
    assignments: 0,
    violations: 0,
    parseSeconds,
    solveSeconds: NaN,
    solveCpuSeconds: NaN,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    wasmMemoryMiB,
    error: error instanceof Error ? error.message : String(error),
  };
}
