import { checkLicenceExpression } from '../../lib/publiccode/licence';
import { isStopWord, stem, wordTokens } from '../../lib/text/tokens';

/**
 * Spells umlauts out ("Bürger" → "Buerger", "ß" → "ss") before the database's German stemmer
 * sees a text. The stemmers differ: PGlite (PostgreSQL 17's Snowball) reads "ue" as "ü", while
 * PostgreSQL 15's does not, so "Buerger" and "Bürger" met on one and not the other. Folding the
 * stored text and every query the same way makes both spellings one word on both databases.
 */
export function foldUmlauts(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[äÄöÖüÜß]/g, (c) => ({ ä: 'ae', Ä: 'Ae', ö: 'oe', Ö: 'Oe', ü: 'ue', Ü: 'Ue', ß: 'ss' })[c] ?? c);
}

/**
 * The words of a query as the tsquery gets them: letters and digits only, so no tsquery syntax
 * gets through, and no stop words (Snowball's German list, as PostgreSQL's): a query of stop
 * words only is then no query, rather than an empty tsquery that matches nothing.
 */
export function queryWords(query: string): string[] {
  return query
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !isStopWord(w.toLowerCase()))
    .map(foldUmlauts)
    .slice(0, 12);
}

/**
 * A to_tsquery('german', …) text: every word must match (AND), and the last one may be
 * unfinished (prefix), because people search as they type. Null when nothing is left.
 */
export function tsqueryText(query: string | undefined): string | null {
  const words = queryWords(query ?? '');
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

/** A word's comparison key for highlights: the same folding as the database, then a German stem. */
function highlightKey(word: string): string {
  return stem(foldUmlauts(word.toLowerCase()));
}

/**
 * The words of a text that match the query, as written there (at most `limit`, each once):
 * what the result list marks, so people see why a solution was found.
 */
export function highlightWords(text: string, query: string | undefined, limit = 8): string[] {
  const words = queryWords(query ?? '');
  if (words.length === 0) return [];
  const keys = words.map((w) => highlightKey(w));
  const last = keys.length - 1;
  const lastRaw = words[last]!.toLowerCase();
  const found: string[] = [];
  const seen = new Set<string>();
  for (const token of wordTokens(text)) {
    const lower = token.toLowerCase();
    if (seen.has(lower)) continue;
    const key = highlightKey(token);
    const folded = foldUmlauts(lower);
    if (keys.some((k, i) => k === key || (i === last && folded.startsWith(lastRaw)))) {
      seen.add(lower);
      found.push(token);
      if (found.length >= limit) break;
    }
  }
  return found;
}

/** The text the tsvector's "A" weight is made of: the names people call the software. */
export function searchNameOf(parts: { name: string; localisedNames?: string[] }): string {
  return foldUmlauts([parts.name, ...(parts.localisedNames ?? [])].join(' '));
}

/** The "B" weight: everything else worth finding a solution by. */
export function searchTextOf(parts: {
  description: string;
  longDescription: string;
  categories: string[];
  features?: string[];
  organisationName: string;
  licence: string;
}): string {
  return foldUmlauts(
    [parts.description, parts.longDescription, parts.categories.map((c) => c.replace(/-/g, ' ')).join(' '), (parts.features ?? []).join(' '), parts.organisationName, parts.licence].join('\n'),
  );
}

/** A URL-safe name: "Smart City Dashboard Kiel" → "smart-city-dashboard-kiel". */
export function slugify(name: string): string {
  const slug = foldUmlauts(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || 'loesung';
}

export type LicenceCheck = { ok: true; licences: string[] } | { ok: false; message: string };

/** The catalogue takes only OSI-approved SPDX expressions, as the programme's open-source rule asks. */
export function checkSolutionLicence(expression: string): LicenceCheck {
  const verdict = checkLicenceExpression(expression);
  if (verdict.errors.length > 0) return { ok: false, message: `The licence ${verdict.errors.join('; ')}.` };
  return { ok: true, licences: verdict.licences };
}

export function isOsiLicence(expression: string): boolean {
  return checkLicenceExpression(expression).errors.length === 0;
}

/**
 * Where a repository keeps its publiccode.yml as plain text: GitHub serves `<repo>/raw/HEAD/…`,
 * GitLab (and OpenCoDE, which runs GitLab) and Gitea-like forges `<repo>/-/raw/HEAD/…`.
 * Null for addresses that are not http(s).
 */
export function rawPubliccodeUrl(repositoryUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(repositoryUrl.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const base = `${url.origin}${url.pathname.replace(/\.git$/, '').replace(/\/+$/, '')}`;
  if (url.hostname === 'github.com' || url.hostname === 'www.github.com') return `${base}/raw/HEAD/publiccode.yml`;
  return `${base}/-/raw/HEAD/publiccode.yml`;
}

/** Funded projects publish their software and join the exchange within this many months of the round's deadline. */
export const OBLIGATION_DUE_MONTHS = 24;

/** The due date (YYYY-MM-DD, UTC calendar) of a round's obligations. */
export function obligationDueOn(roundClosesAt: Date): string {
  const due = new Date(roundClosesAt.getTime());
  due.setUTCMonth(due.getUTCMonth() + OBLIGATION_DUE_MONTHS);
  return due.toISOString().slice(0, 10);
}

/** Overdue: the due day has passed (judged in Europe/Berlin) and an obligation is still open. */
export function isOverdue(dueOn: string, now: Date, fulfilled: boolean): boolean {
  if (fulfilled) return false;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return today > dueOn;
}

/** The first sentences of a text, cut at a word boundary. */
export function excerptOf(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40)).trimEnd()} …`;
}

/**
 * The time stamped on a changed solution. It doubles as the editors' concurrency token, so it
 * must move on every change, also when two land within one millisecond (or a clock stands still).
 */
export function nextUpdatedAt(previous: Date, now: Date): Date {
  return now.getTime() > previous.getTime() ? now : new Date(previous.getTime() + 1);
}
