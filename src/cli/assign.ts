import { readFile, writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import {
  formatResultJson,
  InvalidInstanceError,
  parseInstanceJson,
  solveAssignment,
  solveAssignmentWithHighs,
  type AssignmentInstance,
  type AssignmentResult,
} from '../lib/assignment';

/**
 * `stadtnetz assign --input instance.json --output result.json [--solver flow|highs]`
 *
 * Exit codes (outside checks rely on them): 0 optimal, 2 infeasible (result.json still
 * written, with a reason), 1 bad input or any other failure (message on stderr, no result).
 * A one-line summary always goes to stderr; solver phases too when stderr is a terminal or
 * with --verbose.
 */
export function register(program: Command): void {
  program
    .command('assign')
    .description('Assign k reviewers to every application, provably optimally (no database needed).')
    .requiredOption('--input <file>', 'instance JSON (see below)')
    .requiredOption('--output <file>', 'where to write the result JSON')
    .addOption(
      new Option('--solver <solver>', 'flow: exact min-cost flow; highs: the same problem as an LP in HiGHS')
        .choices(['flow', 'highs'])
        .default('flow'),
    )
    .option('--verbose', 'print solver phases to stderr (the default when stderr is a terminal)')
    .addHelpText(
      'after',
      `
Input:
  {"k":2,"distinctStates":false,
   "applications":[{"id":"a1","state":"05"}],
   "reviewers":[{"id":"r1","state":"09","minLoad":0,"maxLoad":5}],
   "conflicts":[["a1","r1"]],
   "affinity":[["a1","r2",0.83]]}
  k (default 2), distinctStates (default false) and conflicts (default []) are optional.
  Only pairs listed in affinity may be assigned; a conflict overrides a listed pair.
  distinctStates: the k reviewers of an application come from k different Länder.

Output:
  {"status":"optimal"|"infeasible","objective":12.34,"assignments":[["a1","r2"]],
   "seconds":0.8,"reason":"…"}   (reason only when infeasible; objective 0 then)

Exit codes: 0 optimal, 2 infeasible, 1 bad input.`,
    )
    .action(async (options: AssignOptions) => {
      process.exitCode = await runAssign(options);
    });
}

interface AssignOptions {
  readonly input: string;
  readonly output: string;
  readonly solver: 'flow' | 'highs';
  readonly verbose?: boolean;
}

async function runAssign(options: AssignOptions): Promise<number> {
  const started = performance.now();
  const showPhases = options.verbose === true || process.stderr.isTTY === true;
  const phase = (message: string): void => {
    if (showPhases) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
      process.stderr.write(`[${seconds} s] ${message}\n`);
    }
  };
  const fail = (message: string): number => {
    process.stderr.write(`stadtnetz assign: ${message}\n`);
    return 1;
  };

  let text: string;
  try {
    phase(`reading ${options.input}`);
    text = await readFile(options.input, 'utf8');
  } catch (error) {
    return fail(`cannot read --input ${options.input}: ${messageOf(error)}`);
  }

  let instance: AssignmentInstance;
  try {
    phase('validating the instance');
    instance = parseInstanceJson(text);
  } catch (error) {
    if (error instanceof InvalidInstanceError) {
      const lines = error.message.split('\n').map((line) => `  ${line}`);
      return fail(`invalid instance in ${options.input}:\n${lines.join('\n')}`);
    }
    throw error;
  }

  let result: AssignmentResult;
  try {
    if (options.solver === 'highs') {
      phase('loading HiGHS');
      const { default: loadHighs } = await import('highs');
      result = solveAssignmentWithHighs(instance, await loadHighs(), { onProgress: phase });
    } else {
      result = solveAssignment(instance, { onProgress: phase });
    }
  } catch (error) {
    return fail(`the ${options.solver} solver failed: ${messageOf(error)}`);
  }

  try {
    phase(`writing ${options.output}`);
    await writeFile(options.output, formatResultJson(result));
  } catch (error) {
    return fail(`cannot write --output ${options.output}: ${messageOf(error)}`);
  }

  process.stderr.write(`${summary(instance, result, options.solver)}\n`);
  return result.status === 'optimal' ? 0 : 2;
}

function summary(instance: AssignmentInstance, result: AssignmentResult, solver: string): string {
  const size =
    `${instance.applications.length} applications × ${instance.reviewers.length} reviewers, k = ${instance.k}` +
    (instance.distinctStates ? ', distinct Länder' : '');
  const timing = `${solver} solver, ${result.seconds.toFixed(2)} s`;
  if (result.status === 'optimal') {
    return `assign: optimal, objective ${result.objective!.toFixed(6)}, ${result.assignments.length} assignments (${size}; ${timing})`;
  }
  return `assign: infeasible (${size}; ${timing}): ${result.reason}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
