/**
 * The catalogue search lives in the page's URL (?q=…&licence=…&licence=…), so a result list can
 * be linked, bookmarked and reached again with the back button. Each facet keeps a list of values,
 * one repetition of the key each (as HTML forms send checkbox groups); the API takes any of a
 * facet's values and all facets together. ONE_VALUE_PER_FACET brings back one value per facet.
 */
import { facetNames, type FacetName } from './catalogue-types';

export interface SearchState {
  q: string;
  facets: Record<FacetName, string[]>;
  page: number;
}

export const PAGE_SIZE = 20;
export const ONE_VALUE_PER_FACET = false;

const emptyFacets = (): Record<FacetName, string[]> => ({ category: [], licence: [], maturity: [], land: [], applicantKind: [], softwareType: [] });

export function searchFromParams(params: URLSearchParams): SearchState {
  const facets = emptyFacets();
  for (const name of facetNames) {
    // Duplicates and empty values would only make the query longer, never different.
    const values = [...new Set(params.getAll(name).map((v) => v.trim()).filter(Boolean))];
    facets[name] = ONE_VALUE_PER_FACET ? values.slice(0, 1) : values;
  }
  const page = Number(params.get('page'));
  return { q: (params.get('q') ?? '').trim(), facets, page: Number.isInteger(page) && page > 1 ? page : 1 };
}

/** The URL query for a state; the API takes the same names, plus the page size. */
export function paramsFromSearch(state: SearchState, options: { pageSize?: number } = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of facetNames) for (const value of state.facets[name]) params.append(name, value);
  if (state.page > 1) params.set('page', String(state.page));
  if (options.pageSize) params.set('pageSize', String(options.pageSize));
  return params;
}

/** Choosing or clearing a facet value starts again on the first page: the old page may not exist any more. */
export function toggleFacet(state: SearchState, name: FacetName, value: string, on: boolean): SearchState {
  const current = state.facets[name];
  const added = ONE_VALUE_PER_FACET ? [value] : current.includes(value) ? current : [...current, value];
  const next = on ? added : current.filter((v) => v !== value);
  return { ...state, facets: { ...state.facets, [name]: next }, page: 1 };
}

export function withQuery(state: SearchState, q: string): SearchState {
  return { ...state, q: q.trim(), page: 1 };
}

export function clearFacets(state: SearchState): SearchState {
  return { ...state, facets: emptyFacets(), page: 1 };
}

export function chosenCount(state: SearchState): number {
  return facetNames.reduce((sum, name) => sum + state.facets[name].length, 0);
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
