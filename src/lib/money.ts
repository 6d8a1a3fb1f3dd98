/** Money is integer euro cents everywhere; these are the only conversions. */

export function euros(amount: number): number {
  const cents = Math.round(amount * 100);
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Amount out of range: ${amount}`);
  return cents;
}

/** Rates are basis points (6500 = 65 %); funding is rounded down to the cent, never up. */
export function applyRate(cents: number, rateBp: number): number {
  if (cents < 0 || rateBp < 0) throw new RangeError('Amounts and rates may not be negative');
  // BigInt keeps the product exact where cents x basis points passes 2^53.
  return Number((BigInt(cents) * BigInt(rateBp)) / 10_000n);
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatCents(cents: number, locale = 'de-DE'): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    formatters.set(locale, formatter);
  }
  return formatter.format(cents / 100);
}
