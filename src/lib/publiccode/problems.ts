import type { Problem } from './types';
import type { Position } from './yaml-source';

/** Collects errors and warnings while a document is checked. */
export class ProblemLog {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];

  error(key: string, at: Position, message: string): void {
    this.errors.push({ key, line: at.line, column: at.column, message });
  }

  warning(key: string, at: Position, message: string): void {
    this.warnings.push({ key, line: at.line, column: at.column, message });
  }

  hasErrorFor(key: string): boolean {
    return this.errors.some((problem) => problem.key === key);
  }
}

/** Errors and warnings in file order, which is how people read them next to the file. */
export function inFileOrder(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

export function deprecationMessage(advice: string): string {
  return `This key is DEPRECATED and will be removed in the future. ${advice}`;
}
