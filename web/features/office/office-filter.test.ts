import { describe, expect, it } from 'vitest';
import type { OfficeRow } from '../../api/types';
import { draftFromFilter, filterFromDraft, filterFromSearch, searchOf, sortFromSearch, sortRows, totalsOf } from './office-filter';

const row = (sortName: string, extra: Partial<OfficeRow> = {}): OfficeRow => ({
  id: sortName,
  reference: `2020-${sortName}`,
  organisation: sortName,
  sortName,
  kind: 'municipality',
  land: '05',
  landName: 'Nordrhein-Westfalen',
  leadAgs: '05766020',
  title: 't',
  acronym: 'a',
  status: 'submitted',
  submittedAt: '2020-04-01T10:00:00.000Z',
  eligibleCostsCents: 100,
  rateBp: 6500,
  requestedCents: 65,
  ownContributionCents: 35,
  formalCheck: 'pending',
  formalCheckReason: null,
  receiptHash: null,
  ...extra,
});

describe('the office filter', () => {
  it('reads the URL and ignores what it does not know', () => {
    const params = new URLSearchParams('status=submitted&kind=city&land=05&minRequestedCents=100000&maxRequestedCents=1e9&formalCheck=pending');
    expect(filterFromSearch(params)).toEqual({ status: 'submitted', land: '05', minRequestedCents: 100000, formalCheck: 'pending' });
    expect(filterFromSearch(new URLSearchParams('land=17'))).toEqual({});
  });

  it('shows cents as euros in the form and reads them back exactly', () => {
    const filter = { kind: 'district' as const, minRequestedCents: 150_000_050 };
    const draft = draftFromFilter(filter, 'de');
    expect(draft).toEqual({ status: '', formalCheck: '', kind: 'district', land: '', minRequested: '1500000,50', maxRequested: '' });
    expect(filterFromDraft({ ...draft, maxRequested: '2.000.000' }, 'de')).toEqual({
      filter: { kind: 'district', minRequestedCents: 150_000_050, maxRequestedCents: 200_000_000 },
      problems: [],
    });
    expect(filterFromDraft({ ...draft, minRequested: 'viel' }, 'de').problems).toEqual([{ path: 'minRequestedCents' }]);
  });

  it('writes the filter and a non-default sort into the URL', () => {
    expect(searchOf({ land: '05', kind: 'municipality' }).toString()).toBe('land=05&kind=municipality');
    expect(searchOf({}, { key: 'requested', dir: 'desc' }).toString()).toBe('sort=requested&dir=desc');
    expect(searchOf({}, { key: 'organisation', dir: 'asc' }).toString()).toBe('');
    expect(sortFromSearch(new URLSearchParams('sort=requested&dir=desc'))).toEqual({ key: 'requested', dir: 'desc' });
    expect(sortFromSearch(new URLSearchParams('sort=evil'))).toEqual({ key: 'organisation', dir: 'asc' });
  });

  it('sorts rows, alphabetical within equal values, with umlauts in place', () => {
    const rows = [row('Zwönitz', { requestedCents: 5 }), row('Ärzen', { requestedCents: 9 }), row('Bamberg', { requestedCents: 5 })];
    expect(sortRows(rows, 'organisation', 'asc').map((r) => r.sortName)).toEqual(['Ärzen', 'Bamberg', 'Zwönitz']);
    expect(sortRows(rows, 'requested', 'desc').map((r) => r.sortName)).toEqual(['Ärzen', 'Bamberg', 'Zwönitz']);
    expect(sortRows(rows, 'requested', 'asc').map((r) => r.sortName)).toEqual(['Bamberg', 'Zwönitz', 'Ärzen']);
    expect(totalsOf(rows)).toEqual({ count: 3, requestedCents: 19, eligibleCostsCents: 300 });
  });
});
