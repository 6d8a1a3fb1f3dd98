import { describe, expect, it } from 'vitest';
import { berlinLocalToIso, berlinOffsetMinutes, instantToBerlinIso, isoToBerlinLocal } from './berlin-time';

describe('berlinLocalToIso', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(berlinLocalToIso('2020-02-01T00:00')).toBe('2020-02-01T00:00:00+01:00');
    expect(berlinLocalToIso('2020-04-20T23:59')).toBe('2020-04-20T23:59:00+02:00');
    expect(berlinLocalToIso('2020-04-20T23:59:59')).toBe('2020-04-20T23:59:59+02:00');
  });

  it('switches exactly at the transitions (last Sundays of March and October)', () => {
    expect(berlinLocalToIso('2024-03-31T01:59')).toBe('2024-03-31T01:59:00+01:00');
    expect(berlinLocalToIso('2024-03-31T03:00')).toBe('2024-03-31T03:00:00+02:00');
    expect(berlinLocalToIso('2024-10-27T01:59')).toBe('2024-10-27T01:59:00+02:00');
    expect(berlinLocalToIso('2024-10-27T03:00')).toBe('2024-10-27T03:00:00+01:00');
  });

  it('moves a time inside the spring gap forward by the hour that does not exist', () => {
    expect(berlinLocalToIso('2024-03-31T02:30')).toBe('2024-03-31T03:30:00+02:00');
  });

  it('reads a time that occurs twice in autumn as the first (summer-time) occurrence', () => {
    expect(berlinLocalToIso('2024-10-27T02:30')).toBe('2024-10-27T02:30:00+02:00');
    expect(Date.parse(berlinLocalToIso('2024-10-27T02:30')!)).toBe(Date.parse('2024-10-27T00:30:00Z'));
  });

  it('handles the turn of the year and midnight', () => {
    expect(berlinLocalToIso('2020-12-31T23:59')).toBe('2020-12-31T23:59:00+01:00');
    expect(Date.parse(berlinLocalToIso('2021-01-01T00:00')!)).toBe(Date.parse('2020-12-31T23:00:00Z'));
  });

  it('rejects text that is not a datetime-local value or not a real date', () => {
    expect(berlinLocalToIso('')).toBeNull();
    expect(berlinLocalToIso('20.04.2020 23:59')).toBeNull();
    expect(berlinLocalToIso('2021-02-29T10:00')).toBeNull();
    expect(berlinLocalToIso('2021-02-10T24:00')).toBeNull();
  });
});

describe('isoToBerlinLocal', () => {
  it('shows UTC instants as Berlin wall time', () => {
    expect(isoToBerlinLocal('2020-04-20T21:59:00.000Z')).toBe('2020-04-20T23:59');
    expect(isoToBerlinLocal('2019-02-28T23:00:00.000Z')).toBe('2019-03-01T00:00');
    expect(isoToBerlinLocal('2019-05-17T21:59:59.000Z')).toBe('2019-05-17T23:59:59');
    expect(isoToBerlinLocal('not a date')).toBe('');
  });

  it('round-trips every quarter hour across both transitions of a year', () => {
    const start = Date.parse('2024-03-30T00:00:00Z');
    const times = [] as number[];
    for (let t = start; t < start + 3 * 86_400_000; t += 900_000) times.push(t);
    const autumn = Date.parse('2024-10-26T00:00:00Z');
    for (let t = autumn; t < autumn + 3 * 86_400_000; t += 900_000) times.push(t);
    for (const t of times) {
      const local = isoToBerlinLocal(new Date(t).toISOString());
      const back = Date.parse(berlinLocalToIso(local)!);
      // The repeated autumn hour maps back to its first occurrence; everything else is exact.
      const offset = berlinOffsetMinutes(t);
      if (back !== t) expect({ local, offset, diff: t - back }).toEqual({ local, offset: 60, diff: 3_600_000 });
    }
  });
});

describe('instantToBerlinIso', () => {
  it('writes the offset that holds at the instant', () => {
    expect(instantToBerlinIso(Date.parse('2020-06-03T10:00:00Z'))).toBe('2020-06-03T12:00:00+02:00');
    expect(instantToBerlinIso(Date.parse('2020-01-03T10:00:00Z'))).toBe('2020-01-03T11:00:00+01:00');
  });
});
