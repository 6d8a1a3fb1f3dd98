// Official keys of German territorial units.
//
// AGS (Amtlicher Gemeindeschlüssel), 8 digits:  LL R KK GGG
// ARS (Amtlicher Regionalschlüssel), 12 digits: LL R KK VVVV GGG
//   LL Land (01–16), R Regierungsbezirk ("0" where a Land has none), KK Kreis,
//   VVVV Gemeindeverband, GGG Gemeinde.
// Prefixes name the higher units: Land 2 digits, Regierungsbezirk 3, Kreis 5; a
// Gemeindeverband exists only in the ARS (9 digits: the Kreis plus VVVV). Every length
// occurs at exactly one level, so a key's length tells its level.

export type KeyCheck = { ok: true } | { ok: false; reason: string };

const LAND_MIN = 1;
const LAND_MAX = 16;

/** A Land key is two digits from 01 (Schleswig-Holstein) to 16 (Thüringen). */
export function checkLandKey(land: string): KeyCheck {
  if (!/^\d{2}$/.test(land)) return { ok: false, reason: `Land key "${land}" is not two digits` };
  const n = Number(land);
  if (n < LAND_MIN || n > LAND_MAX) {
    return { ok: false, reason: `Land key ${land} is outside 01–16` };
  }
  return { ok: true };
}

function checkDigits(s: unknown, length: number, what: string): KeyCheck {
  if (typeof s !== 'string') return { ok: false, reason: `${what} must be a string` };
  if (s.length !== length) {
    return { ok: false, reason: `${what} must have ${length} digits, got ${s.length} characters` };
  }
  if (!/^\d+$/.test(s)) return { ok: false, reason: `${what} must contain digits only` };
  return checkLandKey(s.slice(0, 2));
}

/** Checks an 8-digit municipality key (AGS). */
export function validateAgs(s: unknown): KeyCheck {
  return checkDigits(s, 8, 'AGS');
}

/** Checks a 12-digit regional key (ARS). */
export function validateArs(s: unknown): KeyCheck {
  return checkDigits(s, 12, 'ARS');
}

function assertKey(check: KeyCheck): void {
  if (!check.ok) throw new RangeError(check.reason);
}

/** The AGS of a Gemeinde from its ARS: drop the four Gemeindeverband digits. */
export function agsFromArs(ars: string): string {
  assertKey(validateArs(ars));
  return ars.slice(0, 5) + ars.slice(9, 12);
}

function assertPrefix(key: string, length: number, what: string): void {
  if (!/^\d+$/.test(key) || key.length < length) {
    throw new RangeError(`"${key}" is too short or not numeric to contain a ${what} key`);
  }
  assertKey(checkLandKey(key.slice(0, 2)));
}

/** The Land key (2 digits) of any AGS or ARS or of a prefix of one. */
export function landOf(key: string): string {
  assertPrefix(key, 2, 'Land');
  return key.slice(0, 2);
}

/** The Kreis key (5 digits: Land, Regierungsbezirk, Kreis) of an AGS or ARS. */
export function kreisOf(key: string): string {
  assertPrefix(key, 5, 'Kreis');
  return key.slice(0, 5);
}

/** The Regierungsbezirk key (3 digits), or null where the Land has none (digit "0"). */
export function regierungsbezirkOf(key: string): string | null {
  assertPrefix(key, 3, 'Regierungsbezirk');
  return key[2] === '0' ? null : key.slice(0, 3);
}

/**
 * The ARS prefixes above a unit, nearest first: Gemeinde (12) → Gemeindeverband (9) →
 * Kreis (5) → Regierungsbezirk (3, skipped when "0") → Land (2).
 *
 * Why a list and not one parent: the register does not carry every intermediate unit
 * (Länder whose Regierungsbezirke were abolished keep the digit in their keys; a
 * kreisfreie Stadt may have no Gemeindeverband record), so an importer links a unit to
 * the nearest ancestor it actually has.
 */
export function ancestorArs(ars: string): string[] {
  if (!/^\d+$/.test(ars) || ![2, 3, 5, 9, 12].includes(ars.length)) {
    throw new RangeError(`"${ars}" is not an ARS or ARS prefix (2, 3, 5, 9 or 12 digits)`);
  }
  assertKey(checkLandKey(ars.slice(0, 2)));
  const cuts = [9, 5, 3, 2].filter((n) => n < ars.length);
  return cuts
    .filter((n) => !(n === 3 && ars[2] === '0'))
    .map((n) => ars.slice(0, n));
}
