import type { RoundStatus } from '../../db/schema/programmes';

/** The round's life cycle as data: from each status, the statuses it may move to. */
export const roundTransitions: Readonly<Record<RoundStatus, readonly RoundStatus[]>> = {
  draft: ['open'],
  open: ['closed', 'draft'],
  closed: ['review', 'open'],
  review: ['jury'],
  jury: ['decided', 'review'],
  decided: ['published', 'jury'],
  published: [],
};

/** The path a round takes when nothing goes back. */
export const roundLifecycle: readonly RoundStatus[] = ['draft', 'open', 'closed', 'review', 'jury', 'decided', 'published'];

export function canTransition(from: RoundStatus, to: RoundStatus): boolean {
  return roundTransitions[from].includes(to);
}

export function allowedTransitions(from: RoundStatus): readonly RoundStatus[] {
  return roundTransitions[from];
}

/** Structural settings may change only until the call opens; texts may be corrected later. */
export function isStructureEditable(status: RoundStatus): boolean {
  return status === 'draft';
}

export interface CriterionInput {
  groupName?: string;
  name: string;
  description?: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export interface RuleProblem {
  path: string;
  message: string;
}

export function criteriaProblems(criteria: readonly CriterionInput[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  criteria.forEach((c, i) => {
    if (c.scaleMin >= c.scaleMax) {
      problems.push({ path: `criteria.${i}.scaleMax`, message: 'The scale maximum must be above its minimum.' });
    }
  });
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (criteria.length > 0 && total !== 100) {
    problems.push({ path: 'criteria', message: `The weights add up to ${total} %, they must add up to 100 %.` });
  }
  return problems;
}

export function scheduleProblems(opensAt: Date, closesAt: Date): RuleProblem[] {
  return closesAt.getTime() <= opensAt.getTime()
    ? [{ path: 'closesAt', message: 'The call must close after it opens.' }]
    : [];
}

/** The current budget is the sum of all dated changes up to the given day (ISO date). */
export function budgetOn(changes: readonly { effectiveOn: string; amountCents: number }[], day: string): number {
  return changes.filter((c) => c.effectiveOn <= day).reduce((sum, c) => sum + c.amountCents, 0);
}

export function totalBudget(changes: readonly { amountCents: number }[]): number {
  return changes.reduce((sum, c) => sum + c.amountCents, 0);
}
