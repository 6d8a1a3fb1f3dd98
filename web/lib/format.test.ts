import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDateTimeSeconds, formatDay, formatMoney, formatRate, formatTime } from './format';

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

  it('shows the time of day and receipts to the second in Berlin time', () => {
    // 12:03 UTC is 14:03 in Berlin in summer and 13:03 in winter.
    expect(formatTime('2026-07-01T12:03:00Z', 'de')).toBe('14:03');
    expect(formatTime('2026-01-15T12:03:00Z', 'en')).toBe('13:03');
    expect(nbsp(formatDateTimeSeconds('2020-04-20T21:59:58.500Z', 'de'))).toBe('20.04.2020, 23:59:58');
  });

  it('shows file sizes', () => {
    expect(formatBytes(812, 'de')).toBe('812 Bytes');
    expect(formatBytes(12_595, 'de')).toBe('12,3 KB');
    expect(formatBytes(1_572_864, 'en')).toBe('1.5 MB');
    expect(formatBytes(10 * 1024 * 1024, 'de')).toBe('10 MB');
  });
});
