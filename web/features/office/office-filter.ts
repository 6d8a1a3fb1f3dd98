/**
 * The office's list of a round's applications: the filter lives in the page's URL (so a
 * filtered list can be bookmarked, shared and exported as shown), with the API's names and
 * money in cents; the form shows euros.
 */
import { applicationStatuses, applicantKinds, formalChecks, type OfficeFilter, type OfficeRow } from '../../api/types';
import type { Lang } from '../../lib/format';
import { laender } from '../../lib/laender';
import { centsToInput, parseEuroToCents } from '../../lib/number-input';

export interface FilterDraft {
  status: string;
  formalCheck: string;
  kind: string;
  land: string;
  minRequested: string;
  maxRequested: string;
}

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

const cents = (value: string | null): number | undefined => (value !== null && /^\d{1,15}$/.test(value) ? Number(value) : undefined);

/** Reads the filter from the URL; anything unknown there is ignored rather than sent. */
export function filterFromSearch(params: URLSearchParams): OfficeFilter {
  const filter: OfficeFilter = {
    status: oneOf(applicationStatuses, params.get('status')),
    formalCheck: oneOf(formalChecks, params.get('formalCheck')),
    kind: oneOf(applicantKinds, params.get('kind')),
    land: oneOf(
      laender.map((l) => l.key),
      params.get('land'),
    ),
    minRequestedCents: cents(params.get('minRequestedCents')),
    maxRequestedCents: cents(params.get('maxRequestedCents')),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as OfficeFilter;
}

export function draftFromFilter(filter: OfficeFilter, lang: Lang): FilterDraft {
  return {
    status: filter.status ?? '',
    formalCheck: filter.formalCheck ?? '',
    kind: filter.kind ?? '',
    land: filter.land ?? '',
    minRequested: filter.minRequestedCents === undefined ? '' : centsToInput(filter.minRequestedCents, lang),
    maxRequested: filter.maxRequestedCents === undefined ? '' : centsToInput(filter.maxRequestedCents, lang),
  };
}

export function filterFromDraft(draft: FilterDraft, lang: Lang): { filter: OfficeFilter; problems: { path: string }[] } {
  const problems: { path: string }[] = [];
  const amount = (text: string, path: string) => {
    if (text.trim() === '') return undefined;
    const value = parseEuroToCents(text, lang);
    if (value === null) problems.push({ path });
    return value ?? undefined;
  };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ status: draft.status, formalCheck: draft.formalCheck, kind: draft.kind, land: draft.land })) if (v) params.set(k, v);
  const filter = filterFromSearch(params);
  const min = amount(draft.minRequested, 'minRequestedCents');
  const max = amount(draft.maxRequested, 'maxRequestedCents');
  if (min !== undefined) filter.minRequestedCents = min;
  if (max !== undefined) filter.maxRequestedCents = max;
  return { filter, problems };
}

export type SortKey = 'organisation' | 'land' | 'status' | 'formalCheck' | 'requested' | 'submitted';
export type SortDir = 'asc' | 'desc';
export const sortKeys: readonly SortKey[] = ['organisation', 'land', 'status', 'formalCheck', 'requested', 'submitted'];

/** The URL of the list: the filter, and the sort order when it is not the default. */
export function searchOf(filter: OfficeFilter, sort?: { key: SortKey; dir: SortDir }): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') params.set(k, String(v));
  if (sort && (sort.key !== 'organisation' || sort.dir !== 'asc')) {
    params.set('sort', sort.key);
    params.set('dir', sort.dir);
  }
  return params;
}

export function sortFromSearch(params: URLSearchParams): { key: SortKey; dir: SortDir } {
  return { key: oneOf(sortKeys, params.get('sort')) ?? 'organisation', dir: params.get('dir') === 'desc' ? 'desc' : 'asc' };
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** Sorted as asked; equal rows keep the alphabetical order of their applicants. */
export function sortRows(rows: readonly OfficeRow[], key: SortKey, dir: SortDir): OfficeRow[] {
  const value = (r: OfficeRow): string | number => {
    switch (key) {
      case 'organisation':
        return r.sortName;
      case 'land':
        return r.landName;
      case 'status':
        return r.status;
      case 'formalCheck':
        return r.formalCheck;
      case 'requested':
        return r.requestedCents;
      case 'submitted':
        return r.submittedAt ? Date.parse(r.submittedAt) : Number.MAX_SAFE_INTEGER;
    }
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const primary = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return primary * sign || collator.compare(a.sortName, b.sortName);
  });
}

export function totalsOf(rows: readonly OfficeRow[]): { count: number; requestedCents: number; eligibleCostsCents: number } {
  return {
    count: rows.length,
    requestedCents: rows.reduce((s, r) => s + r.requestedCents, 0),
    eligibleCostsCents: rows.reduce((s, r) => s + r.eligibleCostsCents, 0),
  };
}
