import type { ApplicationContent, ApplicationStatus, BudgetLine } from '../../db/schema/applications';
import type { FormSection, RoundStatus } from '../../db/schema/programmes';
import { applyRate } from '../../lib/money';

export interface Financials {
  eligibleCostsCents: number;
  rateBp: number;
  requestedCents: number;
  ownContributionCents: number;
}

/** Requested funding is eligible costs times the rate, rounded down; the applicant pays the rest. */
export function financials(budget: readonly BudgetLine[], rateBp: number): Financials {
  const eligibleCostsCents = budget.reduce((sum, line) => sum + line.amountCents, 0);
  const requestedCents = applyRate(eligibleCostsCents, rateBp);
  return { eligibleCostsCents, rateBp, requestedCents, ownContributionCents: eligibleCostsCents - requestedCents };
}

export function rateFor(programme: { defaultRateBp: number; raisedRateBp: number }, budgetEmergency: boolean): number {
  return budgetEmergency ? programme.raisedRateBp : programme.defaultRateBp;
}

export const applicationTransitions: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  draft: ['submitted'],
  submitted: ['withdrawn'],
  // A withdrawn application may be reopened and submitted again while the call is open.
  withdrawn: ['draft'],
};

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return applicationTransitions[from].includes(to);
}

export interface CallWindow {
  status: RoundStatus;
  opensAt: Date;
  closesAt: Date;
}

/** Judged by the server's clock: the deadline instant itself is already too late. */
export function callState(round: CallWindow, now: Date): 'not-open' | 'open' | 'closed' {
  if (now.getTime() >= round.closesAt.getTime()) return 'closed';
  if (round.status !== 'open' || now.getTime() < round.opensAt.getTime()) return 'not-open';
  return 'open';
}

export interface Problem {
  path: string;
  message: string;
}

export interface RoundRules extends CallWindow {
  year: number;
  eligibleKinds: readonly string[];
  formSections: readonly FormSection[];
  costCategories: readonly string[];
  maxRequestCents: number | null;
  envelopeCents: number;
}

/** Limits that hold for every saved draft: nothing over-long, nothing the call does not know. */
export function draftProblems(content: ApplicationContent, round: RoundRules): Problem[] {
  const problems: Problem[] = [];
  const sections = new Map(round.formSections.map((s) => [s.key, s]));
  for (const [key, text] of Object.entries(content.sections)) {
    const section = sections.get(key);
    if (!section) problems.push({ path: `sections.${key}`, message: `The call has no section "${key}".` });
    else if (text.length > section.maxLength) {
      problems.push({ path: `sections.${key}`, message: `"${section.title}" has ${text.length} characters; at most ${section.maxLength} are allowed.` });
    }
  }
  const seen = new Set<string>();
  content.budget.forEach((line, i) => {
    if (round.costCategories.length > 0 && !round.costCategories.includes(line.category)) {
      problems.push({ path: `budget.${i}.category`, message: `"${line.category}" is not a cost category of this call.` });
    }
    if (line.year < round.year || line.year > round.year + 8) {
      problems.push({ path: `budget.${i}.year`, message: `Budget years run from ${round.year} to ${round.year + 8}.` });
    }
    const key = `${line.year}/${line.category}`;
    if (seen.has(key)) problems.push({ path: `budget.${i}`, message: `${line.category} ${line.year} appears twice.` });
    seen.add(key);
  });
  return problems;
}

/** Everything a submission must meet, each problem named; an empty list means it may be submitted. */
export function eligibilityProblems(
  input: { content: ApplicationContent; organisationKind: string; requestedCents: number },
  round: RoundRules,
  now: Date,
): Problem[] {
  const problems = draftProblems(input.content, round);
  const state = callState(round, now);
  if (state === 'closed') problems.push({ path: 'round', message: 'The deadline has passed.' });
  if (state === 'not-open') problems.push({ path: 'round', message: 'The call is not open.' });
  if (!round.eligibleKinds.includes(input.organisationKind)) {
    problems.push({ path: 'organisation.kind', message: `Applicants of kind "${input.organisationKind}" are not eligible in this call.` });
  }
  const { content } = input;
  if (content.title.trim().length < 3) problems.push({ path: 'title', message: 'Give the project a title.' });
  if (content.summary.trim().length < 50) problems.push({ path: 'summary', message: 'Summarise the project in at least 50 characters.' });
  for (const section of round.formSections) {
    if (section.required && !(content.sections[section.key] ?? '').trim()) {
      problems.push({ path: `sections.${section.key}`, message: `"${section.title}" is required.` });
    }
  }
  if (content.budget.length === 0) problems.push({ path: 'budget', message: 'Add the budget plan.' });
  else if (content.budget.every((l) => l.amountCents === 0)) problems.push({ path: 'budget', message: 'The budget plan adds up to zero.' });
  if (round.maxRequestCents !== null && input.requestedCents > round.maxRequestCents) {
    problems.push({ path: 'budget', message: `The requested funding is above the call's limit per application.` });
  }
  if (input.requestedCents > round.envelopeCents) {
    problems.push({ path: 'budget', message: 'The requested funding is above the whole call budget.' });
  }
  return problems;
}

export function emptyContent(budgetEmergency: boolean): ApplicationContent {
  return { title: '', acronym: '', summary: '', sections: {}, partners: [], budget: [], budgetEmergency };
}
