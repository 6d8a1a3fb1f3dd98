import type { Highs, ModelData } from 'highs';

/**
 * Decision support for the jury: which applications to select so that the total (calibrated)
 * review score is as high as possible while the funding stays within the round's envelope and
 * the round's balance rules hold. A 0/1 knapsack with side constraints, solved exactly by HiGHS
 * as an integer linear programme. Pure: the loaded HiGHS runtime is passed in.
 */

export type ApplicantKind = 'municipality' | 'district' | 'cooperation';

/** The same shape as jury_settings.balance_rules. */
export type BalanceRule =
  | { kind: 'minApplicantKind'; applicantKind: ApplicantKind; count: number }
  | { kind: 'maxLandShare'; basisPoints: number };

export interface SelectionItem {
  id: string;
  /** What is maximised: the calibrated review score (0 … 100). */
  score: number;
  /** The funding the application would get if selected, in cents. */
  costCents: number;
  kind: ApplicantKind;
  /** Two-digit Land key of the lead region (ARS prefix). */
  land: string;
}

export interface SelectionProblem {
  items: readonly SelectionItem[];
  envelopeCents: number;
  rules: readonly BalanceRule[];
}

export type SelectionResult =
  | { status: 'optimal'; selected: string[]; totalScore: number; totalCents: number }
  | { status: 'infeasible'; reason: string };

export interface LinearRow {
  name: string;
  /** Column index → coefficient. */
  coefficients: Map<number, number>;
  lower: number;
  upper: number;
}

/** The model in plain terms, before HiGHS's encoding; kept separate so tests can read it. */
export interface SelectionModel {
  objective: number[];
  rows: LinearRow[];
}

/** Money enters the model in euros: cents would put coefficients near 10^10 into the rows. */
const CENTS_PER_UNIT = 100;

export function buildSelectionModel(problem: SelectionProblem): SelectionModel {
  const { items } = problem;
  const rows: LinearRow[] = [];
  const envelope = new Map<number, number>();
  items.forEach((item, i) => envelope.set(i, item.costCents / CENTS_PER_UNIT));
  rows.push({ name: 'envelope', coefficients: envelope, lower: -Infinity, upper: problem.envelopeCents / CENTS_PER_UNIT });

  for (const rule of problem.rules) {
    if (rule.kind === 'minApplicantKind') {
      const row = new Map<number, number>();
      items.forEach((item, i) => {
        if (item.kind === rule.applicantKind) row.set(i, 1);
      });
      rows.push({ name: `min ${rule.count} ${rule.applicantKind}`, coefficients: row, lower: rule.count, upper: Infinity });
    } else {
      // Land money ≤ share × all selected money, i.e. Σ (own − share) · cost · x ≤ 0 for each Land.
      const share = rule.basisPoints / 10_000;
      for (const land of [...new Set(items.map((item) => item.land))].sort()) {
        const row = new Map<number, number>();
        items.forEach((item, i) => {
          const cost = item.costCents / CENTS_PER_UNIT;
          const coefficient = (item.land === land ? 1 - share : -share) * cost;
          if (coefficient !== 0) row.set(i, coefficient);
        });
        rows.push({ name: `Land ${land} ≤ ${rule.basisPoints} bp`, coefficients: row, lower: -Infinity, upper: 0 });
      }
    }
  }
  return { objective: items.map((item) => item.score), rows };
}

export function toHighsModel(model: SelectionModel, highs: Highs): ModelData {
  const numCols = model.objective.length;
  const numRows = model.rows.length;
  // HiGHS takes the matrix column-wise (CSC), so gather each column's entries.
  const columns: Array<Array<[number, number]>> = Array.from({ length: numCols }, () => []);
  model.rows.forEach((row, r) => {
    for (const [col, value] of row.coefficients) columns[col]!.push([r, value]);
  });
  const starts = new Int32Array(numCols + 1);
  const indices: number[] = [];
  const values: number[] = [];
  columns.forEach((entries, col) => {
    starts[col] = indices.length;
    for (const [row, value] of entries) {
      indices.push(row);
      values.push(value);
    }
  });
  starts[numCols] = indices.length;
  const bound = (value: number) => (value === Infinity ? highs.infinity : value === -Infinity ? -highs.infinity : value);
  return {
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: model.objective,
    colLower: new Float64Array(numCols),
    colUpper: new Float64Array(numCols).fill(1),
    rowLower: model.rows.map((row) => bound(row.lower)),
    rowUpper: model.rows.map((row) => bound(row.upper)),
    matrix: { format: 'csc', numRows, numCols, starts, indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer),
  };
}

/** Checks a selection exactly, in integer cents; returns what it breaks (empty when feasible). */
export function selectionViolations(problem: SelectionProblem, selectedIds: Iterable<string>): string[] {
  const chosen = new Set(selectedIds);
  const selected = problem.items.filter((item) => chosen.has(item.id));
  const total = selected.reduce((sum, item) => sum + item.costCents, 0);
  const problems: string[] = [];
  if (total > problem.envelopeCents) problems.push(`the selection needs ${total} cents, the envelope holds ${problem.envelopeCents}`);
  for (const rule of problem.rules) {
    if (rule.kind === 'minApplicantKind') {
      const count = selected.filter((item) => item.kind === rule.applicantKind).length;
      if (count < rule.count) problems.push(`${count} of kind ${rule.applicantKind} selected, at least ${rule.count} needed`);
    } else {
      const perLand = new Map<string, number>();
      for (const item of selected) perLand.set(item.land, (perLand.get(item.land) ?? 0) + item.costCents);
      for (const [land, cents] of perLand) {
        // 10^4 · 3.5·10^10 stays below 2^53, so this is exact.
        if (cents * 10_000 > rule.basisPoints * total) problems.push(`Land ${land} gets ${cents} of ${total} cents, above ${rule.basisPoints} bp`);
      }
    }
  }
  return problems;
}

const INTEGRALITY_TOLERANCE = 1e-6;

export function solveSelection(problem: SelectionProblem, highs: Highs): SelectionResult {
  const { items } = problem;
  for (const item of items) {
    if (!Number.isSafeInteger(item.costCents) || item.costCents < 0) throw new RangeError(`Bad funding for ${item.id}: ${item.costCents}`);
    if (!Number.isFinite(item.score)) throw new RangeError(`Bad score for ${item.id}: ${item.score}`);
  }
  const model = buildSelectionModel(problem);
  if (items.length === 0) {
    const violations = selectionViolations(problem, []);
    return violations.length ? { status: 'infeasible', reason: violations.join('; ') } : { status: 'optimal', selected: [], totalScore: 0, totalCents: 0 };
  }
  const solver = highs.createModel(toHighsModel(model, highs));
  try {
    // Exact: no relative or absolute optimality gap is accepted.
    solver.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, primal_feasibility_tolerance: 1e-9, mip_feasibility_tolerance: 1e-9 });
    solver.run();
    const status = solver.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status === codes.infeasible) {
      return { status: 'infeasible', reason: 'no selection within the envelope meets all balance rules' };
    }
    if (status !== codes.optimal) {
      const name = Object.entries(codes).find(([, code]) => code === status)?.[0] ?? String(status);
      throw new Error(`HiGHS stopped without an optimum (model status ${name})`);
    }
    const values = solver.getSolution().colValue;
    const selected: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const value = values[i]!;
      if (Math.abs(value - Math.round(value)) > INTEGRALITY_TOLERANCE) throw new Error(`HiGHS returned a fractional value ${value} for ${items[i]!.id}`);
      if (Math.round(value) === 1) selected.push(items[i]!.id);
    }
    const violations = selectionViolations(problem, selected);
    if (violations.length > 0) throw new Error(`HiGHS returned a selection that breaks the rules: ${violations.join('; ')}`);
    const chosen = new Set(selected);
    const picked = items.filter((item) => chosen.has(item.id));
    return {
      status: 'optimal',
      selected,
      totalScore: picked.reduce((sum, item) => sum + item.score, 0),
      totalCents: picked.reduce((sum, item) => sum + item.costCents, 0),
    };
  } finally {
    solver.dispose();
  }
}

/** Every subset, for tests on small instances: the reference the solver must match. */
export function bruteForceSelection(problem: SelectionProblem): SelectionResult {
  const n = problem.items.length;
  if (n > 20) throw new RangeError('brute force is for at most 20 items');
  let best: { selected: string[]; totalScore: number; totalCents: number } | null = null;
  for (let mask = 0; mask < 1 << n; mask++) {
    const picked = problem.items.filter((_, i) => (mask >> i) & 1);
    const ids = picked.map((item) => item.id);
    if (selectionViolations(problem, ids).length > 0) continue;
    const totalScore = picked.reduce((sum, item) => sum + item.score, 0);
    if (!best || totalScore > best.totalScore) best = { selected: ids, totalScore, totalCents: picked.reduce((sum, item) => sum + item.costCents, 0) };
  }
  return best ? { status: 'optimal', ...best } : { status: 'infeasible', reason: 'no selection meets all rules' };
}
