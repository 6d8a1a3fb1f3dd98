import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { validatePubliccodeBytes, type Problem, type ValidationResult } from '../lib/publiccode';

/**
 * `stadtnetz publiccode validate FILE [--json]`: exit code 0 for a valid file (warnings
 * allowed), 1 for an invalid or unreadable one. Text output prints one problem per line as
 * `LINE:COL KEY: message` (errors, then warnings as `LINE:COL KEY: warning: message`); the
 * verdict goes to stderr so that stdout holds only problem lines.
 */
export function register(program: Command): void {
  const publiccode = program
    .command('publiccode')
    .description('Work with publiccode.yml files (https://github.com/publiccodeyml/publiccode.yml).');

  publiccode
    .command('validate')
    .description('Check a publiccode.yml against the standard (versions 0.2 to 0.7) without network access.')
    .argument('<file>', 'path of the publiccode.yml to check')
    .option('--json', 'print {"valid","version","errors","warnings"} as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      process.exitCode = await validateFile(file, options.json === true);
    });
}

async function validateFile(file: string, asJson: boolean): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const message = `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
    if (asJson) {
      printJson({ valid: false, version: null, errors: [{ key: '', line: 0, column: 0, message }], warnings: [] });
    } else {
      process.stderr.write(`${message}\n`);
    }
    return 1;
  }

  const result = validatePubliccodeBytes(bytes);
  if (asJson) printJson(result);
  else printText(file, result);
  return result.valid ? 0 : 1;
}

function printJson(result: ValidationResult): void {
  // Fixed key order: outside checks compare this shape exactly, and `data` is not part of it.
  const shape = {
    valid: result.valid,
    version: result.version,
    errors: result.errors.map(problemShape),
    warnings: result.warnings.map(problemShape),
  };
  process.stdout.write(`${JSON.stringify(shape)}\n`);
}

function problemShape({ key, line, column, message }: Problem): Problem {
  return { key, line, column, message };
}

function printText(file: string, result: ValidationResult): void {
  const lines = [
    ...result.errors.map((problem) => `${problem.line}:${problem.column} ${problem.key}: ${problem.message}`),
    ...result.warnings.map((problem) => `${problem.line}:${problem.column} ${problem.key}: warning: ${problem.message}`),
  ];
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);

  const version = result.version === null ? '' : ` (publiccode.yml v${result.version})`;
  const counts = `${plural(result.errors.length, 'error')}, ${plural(result.warnings.length, 'warning')}`;
  process.stderr.write(`${file}: ${result.valid ? 'valid' : 'invalid'}${version}, ${counts}\n`);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
