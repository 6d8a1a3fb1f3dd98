import { describe, expect, it } from 'vitest';
import { basisPointsToInput, centsToInput, parseEuroToCents, parsePercentToBasisPoints } from './number-input';

describe('parseEuroToCents', () => {
  it('reads German amounts', () => {
    expect(parseEuroToCents('385.000.000', 'de')).toBe(38_500_000_000);
    expect(parseEuroToCents('1.234,56 €', 'de')).toBe(123_456);
    expect(parseEuroToCents('12,5', 'de')).toBe(1250);
    expect(parseEuroToCents('500000000', 'de')).toBe(50_000_000_000);
  });

  it('reads English amounts', () => {
    expect(parseEuroToCents('385,000,000', 'en')).toBe(38_500_000_000);
    expect(parseEuroToCents('1,234.56', 'en')).toBe(123_456);
    expect(parseEuroToCents('1.00', 'en')).toBe(100);
    // Three decimals is no euro amount, so "1.000" cannot be misread as one euro.
    expect(parseEuroToCents('1.000', 'en')).toBeNull();
  });

  it('refuses what is not an amount', () => {
    expect(parseEuroToCents('', 'de')).toBeNull();
    expect(parseEuroToCents('abc', 'de')).toBeNull();
    expect(parseEuroToCents('1,234', 'de')).toBeNull(); // three decimals
    expect(parseEuroToCents('12.34', 'de')).toBeNull(); // a misplaced group separator
    expect(parseEuroToCents('-5', 'de')).toBeNull();
  });

  it('accepts cuts where asked', () => {
    expect(parseEuroToCents('-20.000.000', 'de', { allowNegative: true })).toBe(-2_000_000_000);
  });
});

describe('percentages', () => {
  it('become basis points and back', () => {
    expect(parsePercentToBasisPoints('65', 'de')).toBe(6500);
    expect(parsePercentToBasisPoints('82,5 %', 'de')).toBe(8250);
    expect(parsePercentToBasisPoints('82.5', 'en')).toBe(8250);
    expect(parsePercentToBasisPoints('101', 'de')).toBeNull();
    expect(parsePercentToBasisPoints('-1', 'de')).toBeNull();
    expect(basisPointsToInput(8250, 'de')).toBe('82,5');
    expect(basisPointsToInput(6500, 'en')).toBe('65');
  });
});

describe('centsToInput', () => {
  it('writes amounts that parse back', () => {
    for (const cents of [0, 5, 1250, 38_500_000_000, -2_000_000_000]) {
      for (const lang of ['de', 'en'] as const) {
        expect(parseEuroToCents(centsToInput(cents, lang), lang, { allowNegative: true })).toBe(cents);
      }
    }
  });
});
