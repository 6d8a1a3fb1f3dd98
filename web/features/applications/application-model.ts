/**
 * The application editor's state is what people type (strings, amounts in euros); this module
 * turns it into the API's content (amounts in cents) and back, sums the budget plan, and finds
 * the typing mistakes that would make a save fail anyway. The call's rules stay on the server.
 */
import type { Application, ApplicationContent, BudgetLine, Round } from '../../api/types';
import type { Lang } from '../../lib/format';
import { centsToInput, parseEuroToCents } from '../../lib/number-input';

export interface BudgetRowDraft {
  /** A stable React key; rows are added and removed in any order. */
  key: string;
  year: string;
  category: string;
  amount: string;
}

export interface PartnerDraft {
  key: string;
  name: string;
}

export interface ContentDraft {
  title: string;
  acronym: string;
  summary: string;
  sections: Record<string, string>;
  partners: PartnerDraft[];
  budget: BudgetRowDraft[];
  budgetEmergency: boolean;
}

/** The server's limits on the content (applications.schemas.ts), so they can be shown before saving. */
export const limits = { title: 200, acronym: 30, summary: 3000, partner: 300, partners: 50, budgetRows: 200 } as const;

let keySeq = 0;
export const newKey = () => `k${++keySeq}`;

export function draftFromContent(content: ApplicationContent, lang: Lang): ContentDraft {
  return {
    title: content.title,
    acronym: content.acronym,
    summary: content.summary,
    sections: { ...content.sections },
    partners: content.partners.map((name) => ({ key: newKey(), name })),
    budget: content.budget.map((l) => ({ key: newKey(), year: String(l.year), category: l.category, amount: centsToInput(l.amountCents, lang) })),
    budgetEmergency: content.budgetEmergency,
  };
}

export type LocalProblem =
  | { path: string; kind: 'amount' }
  | { path: string; kind: 'tooLong'; max: number; over: number }
  | { path: string; kind: 'year' };

type RoundForm = Pick<Round, 'formSections' | 'costCategories' | 'year'>;

/** The content to save, and the mistakes that stop it from being saved (each at its field's path). */
export function toContent(draft: ContentDraft, lang: Lang, round: RoundForm): { content: ApplicationContent; problems: LocalProblem[] } {
  const problems: LocalProblem[] = [];
  const tooLong = (path: string, text: string, max: number) => {
    if (text.length > max) problems.push({ path, kind: 'tooLong', max, over: text.length - max });
  };
  tooLong('title', draft.title, limits.title);
  tooLong('acronym', draft.acronym, limits.acronym);
  tooLong('summary', draft.summary, limits.summary);
  const sections: Record<string, string> = {};
  for (const section of round.formSections) {
    const text = draft.sections[section.key] ?? '';
    tooLong(`sections.${section.key}`, text, section.maxLength);
    if (text !== '') sections[section.key] = text;
  }
  const partners: string[] = [];
  draft.partners.forEach((p, i) => {
    const name = p.name.trim();
    tooLong(`partners.${i}`, name, limits.partner);
    if (name) partners.push(name);
  });
  const budget = draft.budget.map((row, i) => {
    // A row just added and not yet filled counts as nothing, not as a mistake.
    const blank = row.amount.trim() === '';
    const cents = blank ? 0 : parseEuroToCents(row.amount, lang);
    if (cents === null) problems.push({ path: `budget.${i}.amountCents`, kind: 'amount' });
    const year = Number(row.year);
    if (!/^\d{4}$/.test(row.year.trim())) problems.push({ path: `budget.${i}.year`, kind: 'year' });
    return { year, category: row.category.trim(), amountCents: cents ?? 0 };
  });
  return {
    content: {
      title: draft.title,
      acronym: draft.acronym,
      summary: draft.summary,
      sections,
      partners,
      budget,
      budgetEmergency: draft.budgetEmergency,
    },
    problems,
  };
}

/** The years a budget plan may use: the call's year and the eight after it (as the server checks). */
export function budgetYears(roundYear: number): number[] {
  return Array.from({ length: 9 }, (_, i) => roundYear + i);
}

/** A new budget row: the year after the last row's, in the same category (plans usually run by year). */
export function newBudgetRow(rows: readonly BudgetRowDraft[], round: RoundForm): BudgetRowDraft {
  const last = rows.at(-1);
  const years = budgetYears(round.year);
  const lastYear = last ? Number(last.year) : NaN;
  const year = Number.isFinite(lastYear) ? Math.min(lastYear + 1, years.at(-1)!) : round.year;
  return { key: newKey(), year: String(year), category: last?.category ?? round.costCategories[0] ?? '', amount: '' };
}

export interface BudgetTotals {
  byYear: [number, number][];
  byCategory: [string, number][];
  total: number;
}

/** The plan as typed, read as budget lines; amounts that do not parse (yet) count as zero. */
export function linesOfDraft(rows: readonly BudgetRowDraft[], lang: Lang): BudgetLine[] {
  return rows.map((row) => ({ year: Number(row.year), category: row.category, amountCents: parseEuroToCents(row.amount, lang) ?? 0 }));
}

/** Sums of the plan per year and per category. */
export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  const byYear = new Map<number, number>();
  const byCategory = new Map<string, number>();
  let total = 0;
  for (const line of lines) {
    byYear.set(line.year, (byYear.get(line.year) ?? 0) + line.amountCents);
    byCategory.set(line.category, (byCategory.get(line.category) ?? 0) + line.amountCents);
    total += line.amountCents;
  }
  return {
    byYear: [...byYear].sort((a, b) => a[0] - b[0]),
    byCategory: [...byCategory].sort((a, b) => a[0].localeCompare(b[0], 'de')),
    total,
  };
}

/** The server names content fields "content.title" in schema errors and "title" in rule errors: one name for both. */
export function fieldPath(path: string): string {
  return path.startsWith('content.') ? path.slice('content.'.length) : path;
}

export interface CallWindow {
  status: Round['status'];
  opensAt: string;
  closesAt: string;
}

/** Whether applicants may change applications of the call now (the server's clock decides in the end). */
export function callOpen(round: CallWindow, now = Date.now()): boolean {
  return round.status === 'open' && now >= Date.parse(round.opensAt) && now < Date.parse(round.closesAt);
}

export interface Abilities {
  edit: boolean;
  submit: boolean;
  withdraw: boolean;
  reopen: boolean;
  check: boolean;
}

/**
 * What the page offers, from the application's status, the caller's abilities and the call's
 * window: applicants change an application only while the call is open; the office checks it.
 */
export function abilitiesOf(app: Pick<Application, 'status' | 'abilities'>, round: CallWindow, now = Date.now()): Abilities {
  const open = callOpen(round, now);
  const can = (a: string) => app.abilities.includes(a);
  return {
    edit: open && app.status === 'draft' && can('application.edit'),
    submit: open && app.status === 'draft' && can('application.submit'),
    withdraw: open && app.status === 'submitted' && can('application.withdraw'),
    reopen: open && app.status === 'withdrawn' && can('application.edit'),
    check: app.status === 'submitted' && can('application.check'),
  };
}

/** Why an application is shown read-only, for the note above it. */
export function readOnlyReason(app: Pick<Application, 'status' | 'abilities'>, round: CallWindow, now = Date.now()): 'submitted' | 'withdrawn' | 'closed' | 'notOpen' | 'noRights' | null {
  if (abilitiesOf(app, round, now).edit) return null;
  if (app.status === 'submitted') return 'submitted';
  if (now >= Date.parse(round.closesAt)) return 'closed';
  if (!callOpen(round, now)) return 'notOpen';
  if (app.status === 'withdrawn') return 'withdrawn';
  return 'noRights';
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface ProblemContext {
  round: Pick<Round, 'formSections' | 'year' | 'maxRequestCents' | 'closesAt'>;
  /** The content the server judged: the saved one for eligibility, the sent one for a failed save. */
  content: ApplicationContent;
  requestedCents: number;
  formatMoney(cents: number): string;
  now?: number;
}

/**
 * The server explains its rules in English; the UI says the same in the UI language, worked
 * out from the problem's path and the content it is about. Unknown problems keep the server's words.
 */
export function problemMessages(problems: readonly { path: string; message: string }[], t: Translate, ctx: ProblemContext): { path: string; message: string }[] {
  const { round, content } = ctx;
  // Several rules answer at "budget"; the server checks them in this order.
  const budgetKinds: string[] = [];
  if (content.budget.length === 0) budgetKinds.push('budgetEmpty');
  else if (content.budget.every((l) => l.amountCents === 0)) budgetKinds.push('budgetZero');
  if (round.maxRequestCents !== null && ctx.requestedCents > round.maxRequestCents) budgetKinds.push('aboveMax');
  const budgetProblems = problems.filter((p) => fieldPath(p.path) === 'budget').length;
  if (budgetProblems > budgetKinds.length) budgetKinds.push('aboveEnvelope');
  let budgetIndex = 0;

  return problems.map((p) => {
    const path = fieldPath(p.path);
    const message = (key: string, options?: Record<string, unknown>) => ({ path, message: t(`eligibility.${key}`, options) });
    if (path === 'title') return message('titleMissing');
    if (path === 'summary') return message('summary');
    if (path === 'organisation.kind') return message('kindNotEligible');
    if (path === 'round') return message((ctx.now ?? Date.now()) >= Date.parse(round.closesAt) ? 'deadlinePassed' : 'callNotOpen');
    if (path === 'budget') {
      const kind = budgetProblems <= budgetKinds.length ? budgetKinds[budgetIndex++] : undefined;
      if (kind === 'aboveMax') return message(kind, { max: ctx.formatMoney(round.maxRequestCents ?? 0) });
      return kind ? message(kind) : { path, message: p.message };
    }
    const section = /^sections\.([a-z][a-z0-9_]*)$/.exec(path);
    if (section) {
      const def = round.formSections.find((s) => s.key === section[1]);
      const text = content.sections[section[1]!] ?? '';
      if (def && text.length > def.maxLength) return message('sectionTooLong', { title: def.title, count: text.length, max: def.maxLength });
      if (def && !text.trim()) return message('sectionRequired', { title: def.title });
      return { path, message: p.message };
    }
    const row = /^budget\.(\d+)(?:\.(year|category))?$/.exec(path);
    if (row) {
      const line = content.budget[Number(row[1])];
      if (!line) return { path, message: p.message };
      if (row[2] === 'year') return message('yearOutOfRange', { from: round.year, to: round.year + 8 });
      if (row[2] === 'category') return message('categoryUnknown', { category: line.category });
      return message('duplicateRow', { category: line.category, year: line.year });
    }
    return { path, message: p.message };
  });
}
