import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyRate, euros, formatCents } from './money';

describe('money in cents', () => {
  it('converts euros to whole cents', () => {
    expect(euros(820_000_000)).toBe(82_000_000_000);
    expect(euros(0.1 + 0.2)).toBe(30);
  });

  it('rounds funding down to the cent, and own share makes up the rest', () => {
    expect(applyRate(6_296_941, 6500)).toBe(4_093_011);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), fc.integer({ min: 0, max: 10_000 }), (cents, bp) => {
        const funding = applyRate(cents, bp);
        expect(Number.isInteger(funding)).toBe(true);
        expect(funding * 10_000).toBeLessThanOrEqual(cents * bp + 0 || Number.MAX_VALUE);
        expect(BigInt(funding) * 10_000n <= BigInt(cents) * BigInt(bp)).toBe(true);
        expect((BigInt(funding) + 1n) * 10_000n > BigInt(cents) * BigInt(bp)).toBe(true);
      }),
    );
  });

  it('formats euros the German way', () => {
    expect(formatCents(1_750_000_000).replace(/\s/g, ' ')).toBe('17.500.000,00 €');
  });
});
