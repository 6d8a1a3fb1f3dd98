import { describe, expect, it } from 'vitest';
import { chosenCount, clearFacets, pageCount, paramsFromSearch, searchFromParams, toggleFacet, withQuery } from './catalogue-search';

describe('catalogue search state in the URL', () => {
  it('reads the query, repeated facet values and the page', () => {
    const s = searchFromParams(new URLSearchParams('q=+Plattformen+&licence=EUPL-1.2&licence=MIT&licence=MIT&land=&page=3'));
    expect(s.q).toBe('Plattformen');
    // Every value of a facet, each once.
    expect(s.facets.licence).toEqual(['EUPL-1.2', 'MIT']);
    expect(s.facets.land).toEqual([]);
    expect(s.page).toBe(3);
  });

  it('ignores a page that is not a whole number above one', () => {
    for (const page of ['0', '-2', '1.5', 'x', '']) expect(searchFromParams(new URLSearchParams({ page })).page).toBe(1);
  });

  it('writes back what it read, leaving out empty parts', () => {
    const text = 'q=Bürger+Plattform&category=it-development&licence=EUPL-1.2&land=15&page=2';
    expect(paramsFromSearch(searchFromParams(new URLSearchParams(text))).toString()).toBe(new URLSearchParams(text).toString());
    expect(paramsFromSearch(searchFromParams(new URLSearchParams())).toString()).toBe('');
    expect(paramsFromSearch(searchFromParams(new URLSearchParams()), { pageSize: 20 }).toString()).toBe('pageSize=20');
  });

  it('goes back to the first page when the query or a facet changes', () => {
    const s = searchFromParams(new URLSearchParams('q=a&page=4'));
    const toggled = toggleFacet(s, 'licence', 'MIT', true);
    expect(toggled.facets.licence).toEqual(['MIT']);
    expect(toggled.page).toBe(1);
    expect(toggleFacet(toggled, 'licence', 'MIT', true).facets.licence).toEqual(['MIT']);
    // Several values of one facet are kept, each once, and cleared one by one.
    const both = toggleFacet(toggled, 'licence', 'EUPL-1.2', true);
    expect(both.facets.licence).toEqual(['MIT', 'EUPL-1.2']);
    expect(paramsFromSearch(both).toString()).toBe('q=a&licence=MIT&licence=EUPL-1.2');
    expect(toggleFacet(both, 'licence', 'MIT', false).facets.licence).toEqual(['EUPL-1.2']);
    expect(toggleFacet(toggled, 'licence', 'MIT', false).facets.licence).toEqual([]);
    expect(withQuery(s, '  b ')).toMatchObject({ q: 'b', page: 1 });
    expect(chosenCount(toggleFacet(toggled, 'land', '15', true))).toBe(2);
    expect(chosenCount(clearFacets(toggled))).toBe(0);
  });

  it('counts pages, with at least one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });
});
