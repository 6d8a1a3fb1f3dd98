import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatMoney, formatRate } from './format';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format', () => {
  it('shows cents as euros', () => {
    expect(nbsp(formatMoney(82_000_000_000, 'de'))).toBe('820.000.000,00 €');
    expect(nbsp(formatMoney(82_000_000_000, 'en'))).toBe('€820,000,000.00');
    expect(nbsp(formatMoney(82_000_000_000, 'de', { whole: true }))).toBe('820.000.000 €');
  });

  it('shows basis points as percent', () => {
    expect(nbsp(formatRate(6500, 'de'))).toBe('65 %');
    expect(nbsp(formatRate(8250, 'de'))).toBe('82,5 %');
    expect(formatRate(9000, 'en')).toBe('90%');
  });

  it('shows instants in Berlin time', () => {
    expect(nbsp(formatDateTime('2020-04-20T21:59:59.000Z', 'de'))).toBe('20.04.2020, 23:59');
    expect(formatDay('2020-06-03', 'de')).toBe('3. Juni 2020');
    expect(formatDay('2020-06-03', 'en')).toBe('3 June 2020');
  });
});
