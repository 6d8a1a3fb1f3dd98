/**
 * Display formats. Money arrives as integer cents, rates as basis points, instants as UTC ISO
 * strings; everything is shown in Europe/Berlin, whatever the browser's own zone is.
 */

export type Lang = 'de' | 'en';

const localeOf = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'de-DE');
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export function formatMoney(cents: number, lang: Lang, options: { whole?: boolean } = {}): string {
  const digits = options.whole ? 0 : 2;
  const f = cached(`money:${lang}:${digits}`, () =>
    new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: 2 }),
  );
  return f.format(cents / 100);
}

/** 6500 → "65 %" (de) or "65%" (en); 8250 → "82,5 %". */
export function formatRate(basisPoints: number, lang: Lang): string {
  const f = cached(`rate:${lang}`, () => new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 2 }));
  return f.format(basisPoints / 10_000);
}

export function formatNumber(value: number, lang: Lang): string {
  return cached(`num:${lang}`, () => new Intl.NumberFormat(localeOf(lang))).format(value);
}

/** An instant in Berlin time: "20.04.2020, 23:59" / "20 Apr 2020, 23:59". */
export function formatDateTime(iso: string, lang: Lang): string {
  const f = cached(`dt:${lang}`, () =>
    new Intl.DateTimeFormat(localeOf(lang), { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }),
  );
  return f.format(new Date(iso));
}

/** A calendar day ("2020-06-03") is no instant: format it at noon UTC so no zone can move it. */
export function formatDay(day: string, lang: Lang): string {
  const f = cached(`day:${lang}`, () => new Intl.DateTimeFormat(localeOf(lang), { timeZone: 'UTC', dateStyle: 'long' }));
  return f.format(new Date(`${day}T12:00:00Z`));
}

/** The period of a call, with the zone named so nobody has to guess. */
export function formatPeriod(opensAt: string, closesAt: string, lang: Lang): string {
  return `${formatDateTime(opensAt, lang)} – ${formatDateTime(closesAt, lang)}`;
}

/** The time of day in Berlin: "14:03". */
export function formatTime(iso: string, lang: Lang): string {
  const f = cached(`time:${lang}`, () => new Intl.DateTimeFormat(localeOf(lang), { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
  return f.format(new Date(iso));
}

/** An instant to the second, for receipts: "20.04.2020, 23:59:59". */
export function formatDateTimeSeconds(iso: string, lang: Lang): string {
  const f = cached(`dts:${lang}`, () =>
    new Intl.DateTimeFormat(localeOf(lang), { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' }),
  );
  return f.format(new Date(iso));
}

/** File sizes in the units people know: "812 Bytes", "12,3 KB", "1,5 MB" (1 KB = 1024 bytes). */
export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)} ${lang === 'de' ? 'Bytes' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const f = cached(`bytes:${lang}`, () => new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 }));
  return `${f.format(value)} ${units[unit]}`;
}
