export { buildSelectionModel, bruteForceSelection, selectionViolations, solveSelection, toHighsModel } from './model';
export type { ApplicantKind, BalanceRule, SelectionItem, SelectionProblem, SelectionResult, SelectionModel } from './model';
export { compareSelections } from './compare';
export type { RankedItem, SelectionComparison } from './compare';
