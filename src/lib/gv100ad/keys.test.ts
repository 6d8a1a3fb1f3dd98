import { describe, expect, it } from 'vitest';
import {
  agsFromArs,
  ancestorArs,
  checkLandKey,
  kreisOf,
  landOf,
  regierungsbezirkOf,
  validateAgs,
  validateArs,
} from './keys';

describe('validateAgs', () => {
  it.each(['01002000', '02000000', '09162000', '16051000', '10041100'])('accepts %s', (ags) => {
    expect(validateAgs(ags)).toEqual({ ok: true });
  });

  it.each([
    ['0100200', '8 digits'],
    ['010020000', '8 digits'],
    ['0100200A', 'digits only'],
    [' 1002000', 'digits only'],
    ['00002000', 'outside 01–16'],
    ['17002000', 'outside 01–16'],
    ['99162000', 'outside 01–16'],
  ])('rejects %s (%s)', (ags, reason) => {
    const r = validateAgs(ags);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('rejects a non-string', () => {
    expect(validateAgs(1002000)).toEqual({ ok: false, reason: 'AGS must be a string' });
  });
});

describe('validateArs', () => {
  it('accepts 12-digit keys with a valid Land', () => {
    expect(validateArs('100410100100')).toEqual({ ok: true });
    expect(validateArs('020000000000')).toEqual({ ok: true });
  });

  it('rejects wrong length, letters and Land 17', () => {
    expect(validateArs('10041100').ok).toBe(false);
    expect(validateArs('10041010010O').ok).toBe(false);
    const r = validateArs('170410100100');
    expect(r).toEqual({ ok: false, reason: 'Land key 17 is outside 01–16' });
  });
});

describe('checkLandKey', () => {
  it('accepts exactly 01 to 16', () => {
    const accepted = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).filter(
      (k) => checkLandKey(k).ok,
    );
    expect(accepted).toEqual([
      '01', '02', '03', '04', '05', '06', '07', '08',
      '09', '10', '11', '12', '13', '14', '15', '16',
    ]);
  });
});

describe('key helpers', () => {
  it('derives the AGS from an ARS by dropping the Gemeindeverband', () => {
    expect(agsFromArs('100410100100')).toBe('10041100');
    expect(agsFromArs('091840130130')).toBe('09184130');
  });

  it('refuses to derive an AGS from something that is not an ARS', () => {
    expect(() => agsFromArs('10041100')).toThrow(RangeError);
  });

  it('gives the Land, Kreis and Regierungsbezirk of a key', () => {
    expect(landOf('09162000')).toBe('09');
    expect(kreisOf('09162000')).toBe('09162');
    expect(kreisOf('100410100100')).toBe('10041');
    expect(regierungsbezirkOf('09162000')).toBe('091');
    expect(regierungsbezirkOf('01002000')).toBeNull();
    expect(() => kreisOf('091')).toThrow(RangeError);
    expect(() => landOf('17002000')).toThrow('outside 01–16');
  });

  it('lists ancestors nearest first and skips a Regierungsbezirk "0"', () => {
    expect(ancestorArs('091840130130')).toEqual(['091840130', '09184', '091', '09']);
    expect(ancestorArs('010020000000')).toEqual(['010020000', '01002', '01']);
    expect(ancestorArs('09184')).toEqual(['091', '09']);
    expect(ancestorArs('091')).toEqual(['09']);
    expect(ancestorArs('09')).toEqual([]);
    expect(() => ancestorArs('0918')).toThrow(RangeError);
  });
});
