import type { Highs, ModelData } from 'highs';
import { buildCandidateTable, type CandidateTable } from './candidates';
import { explainInfeasibility } from './explain';
import type { AssignmentInstance } from './instance';
import { infeasibleResult, optimalResult, type AssignmentResult } from './result';

/**
 * The same assignment as a linear programme for HiGHS, as an independent cross-check of the
 * flow solver. Its constraint matrix is totally unimodular (application rows with nested
 * (application, Land) rows form one laminar family, reviewer rows another), so a vertex
 * optimum is integral and the LP optimum is the integer optimum.
 *
 * The loaded HiGHS runtime is passed in, which keeps this module free of I/O.
 */
export interface HighsAssignmentOptions {
  /** HiGHS LP algorithm: "simplex" (default), "ipm" (with crossover) or "choose". */
  readonly algorithm?: 'simplex' | 'ipm' | 'choose';
  readonly timeLimitSeconds?: number;
  readonly onProgress?: (message: string) => void;
}

export interface HighsAssignmentResult extends AssignmentResult {
  /** The objective as HiGHS computed it on the unrounded affinities; null when infeasible. */
  readonly lpObjective: number | null;
}

/** Tolerance for reading a column value as 0 or 1. */
const INTEGRALITY_TOLERANCE = 1e-6;

export function solveAssignmentWithHighs(
  instance: AssignmentInstance,
  highs: Highs,
  options: HighsAssignmentOptions = {},
): HighsAssignmentResult {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const progress = (message: string): void => options.onProgress?.(message);

  progress('indexing candidate pairs');
  const table = buildCandidateTable(instance);
  const model = buildLp(table, highs);
  progress(`linear programme: ${model.numCols} columns, ${model.numRows} rows; solving with HiGHS`);

  const solver = highs.createModel(model);
  try {
    solver.options.set({
      output_flag: false,
      solver: options.algorithm ?? 'simplex',
      run_crossover: 'on',
    });
    if (options.timeLimitSeconds !== undefined) solver.options.set('time_limit', options.timeLimitSeconds);
    solver.run();
    const status = solver.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status === codes.infeasible || (status === codes.empty && table.applicationCount > 0)) {
      const reason = explainInfeasibility(table);
      if (reason === undefined) throw new Error('HiGHS reports infeasible, but a feasible flow exists');
      return { ...infeasibleResult(reason, elapsed()), lpObjective: null };
    }
    if (status === codes.empty) return { ...optimalResult(table, [], elapsed()), lpObjective: 0 };
    if (status !== codes.optimal) {
      const name = Object.entries(codes).find(([, code]) => code === status)?.[0] ?? String(status);
      throw new Error(`HiGHS stopped without an optimum (model status ${name})`);
    }
    const values = solver.getSolution().colValue;
    const chosen: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      const rounded = Math.round(value);
      if (Math.abs(value - rounded) > INTEGRALITY_TOLERANCE) {
        throw new Error(`HiGHS returned a fractional value ${value} for pair ${i}; the LP optimum is not a vertex`);
      }
      if (rounded === 1) chosen.push(i);
    }
    return { ...optimalResult(table, chosen, elapsed()), lpObjective: solver.getObjectiveValue() };
  } finally {
    solver.dispose();
  }
}

/**
 * Columns are the candidate pairs in table order. Rows: one per application (= k), one per
 * reviewer (minLoad … maxLoad) and, with distinct Länder, one per (application, Land) that has
 * two or more candidates (at most 1).
 */
function buildLp(table: CandidateTable, highs: Highs): ModelData {
  const { applicationCount: A, reviewerCount: R, start, reviewer, reviewerState } = table;
  const numCols = reviewer.length;
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (let a = 0; a < A; a++) {
    rowLower.push(table.k);
    rowUpper.push(table.k);
  }
  for (let r = 0; r < R; r++) {
    rowLower.push(table.minLoad[r]!);
    rowUpper.push(table.maxLoad[r]!);
  }

  // With distinct Länder, find the (application, Land) groups that need a row of their own.
  const groupRowOfCandidate = new Int32Array(numCols).fill(-1);
  if (table.distinctStates) {
    const stateCount = new Int32Array(17);
    const stateRow = new Int32Array(17);
    for (let a = 0; a < A; a++) {
      stateCount.fill(0);
      for (let i = start[a]!; i < start[a + 1]!; i++) stateCount[reviewerState[reviewer[i]!]!]!++;
      stateRow.fill(-1);
      for (let state = 1; state <= 16; state++) {
        if (stateCount[state]! < 2) continue;
        stateRow[state] = rowLower.length;
        rowLower.push(-highs.infinity);
        rowUpper.push(1);
      }
      for (let i = start[a]!; i < start[a + 1]!; i++) groupRowOfCandidate[i] = stateRow[reviewerState[reviewer[i]!]!]!;
    }
  }

  const nonZeros = 2 * numCols + (table.distinctStates ? numCols : 0);
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(nonZeros);
  const values = new Float64Array(nonZeros);
  let entry = 0;
  for (let a = 0; a < A; a++) {
    for (let i = start[a]!; i < start[a + 1]!; i++) {
      starts[i] = entry;
      // Row indices ascend within a column: application < reviewer < (application, Land).
      indices[entry] = a;
      values[entry++] = 1;
      indices[entry] = A + reviewer[i]!;
      values[entry++] = 1;
      if (groupRowOfCandidate[i]! >= 0) {
        indices[entry] = groupRowOfCandidate[i]!;
        values[entry++] = 1;
      }
    }
  }
  starts[numCols] = entry;

  return {
    numCols,
    numRows: rowLower.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: table.affinity,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower,
    rowUpper,
    matrix: {
      format: 'csc',
      numRows: rowLower.length,
      numCols,
      starts,
      indices: indices.subarray(0, entry),
      values: values.subarray(0, entry),
    },
  };
}
