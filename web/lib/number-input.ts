/**
 * Parsing what people type into amount and percentage fields. The UI language decides which
 * character is the decimal separator ("1.234,56" in German, "1,234.56" in English), so
 * "1.000" is a thousand euros to a German user and never silently one euro.
 */

import type { Lang } from './format';

function normalise(text: string, lang: Lang): string | null {
  const compact = text.replace(/[\s\u00a0\u202f€%]/g, '');
  if (compact === '') return null;
  const [group, decimal] = lang === 'en' ? [',', '.'] : ['.', ','];
  // Group separators must sit between groups of three digits.
  const groupPattern = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d*)?$`);
  const plainPattern = new RegExp(`^-?\\d+(\\${decimal}\\d*)?$`);
  let plain = compact;
  if (groupPattern.test(compact)) plain = compact.split(group).join('');
  else if (!plainPattern.test(compact)) return null;
  return plain.replace(decimal, '.');
}

/** "1.234,56" → 123456 cents; null when it is not an amount or has more than two decimals. */
export function parseEuroToCents(text: string, lang: Lang, options: { allowNegative?: boolean } = {}): number | null {
  const n = normalise(text, lang);
  if (n === null) return null;
  const m = /^(-?)(\d+)(?:\.(\d{0,2}))?$/.exec(n);
  if (!m) return null;
  const [, sign, whole, fraction = ''] = m;
  if (sign && !options.allowNegative) return null;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign ? -cents : cents;
}

/** "65" → 6500, "82,5" → 8250 basis points; null unless 0–100 with at most two decimals. */
export function parsePercentToBasisPoints(text: string, lang: Lang): number | null {
  const n = normalise(text, lang);
  if (n === null) return null;
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(n);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** The inverse, for filling a form: 8250 → "82,5" (de) / "82.5" (en). */
export function basisPointsToInput(bp: number, lang: Lang): string {
  const text = String(bp / 100);
  return lang === 'de' ? text.replace('.', ',') : text;
}

/** 13500000000 cents → "135000000" (whole euros) or "12,50"; no grouping so it parses back. */
export function centsToInput(cents: number, lang: Lang): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  if (rest === 0) return `${sign}${whole}`;
  return `${sign}${whole}${lang === 'de' ? ',' : '.'}${String(rest).padStart(2, '0')}`;
}
