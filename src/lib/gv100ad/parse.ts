// Parser of the GV100AD fixed-width municipality register (layout in layout.ts).
//
// Each line becomes a typed record or an error that names the line and the problem;
// a bad line never stops the parse, so the importer can report every problem at once.
// The parser takes strings (one line, a whole text, or an async iterable of lines) and
// does no I/O itself.

import { checkLandKey } from './keys';
import {
  FIELDS,
  type FieldSpan,
  type Gv100Level,
  isSatzart,
  LEVEL_BY_SATZART,
  LEVEL_LABELS,
  RECORD_LENGTH,
  type Satzart,
  TYPE_CODES,
} from './layout';

export interface Gv100Record {
  /** 1-based line number in the input. */
  line: number;
  level: Gv100Level;
  satzart: Satzart;
  /** Gebietsstand as an ISO date (YYYY-MM-DD). */
  validOn: string;
  /**
   * The unit's own key, unique across the whole register because every level has its
   * own length: Land 2, Regierungsbezirk 3, Region 4 (Land, RB, region digit), Kreis 5,
   * Gemeindeverband 9, Gemeinde 12. Equal to `ars` except for regions.
   */
  key: string;
  /** AGS or AGS prefix: Land 2, Regierungsbezirk 3, Kreis 5, Gemeinde 8 digits; null for
   *  Gemeindeverband and Region, which the AGS does not name. */
  ags: string | null;
  /** ARS or ARS prefix: Land 2, RB 3, Kreis 5, Gemeindeverband 9, Gemeinde 12 digits;
   *  null for Region (BW planning regions are outside the ARS hierarchy). */
  ars: string | null;
  /** The structural parent's ARS (see keys.ancestorArs for why it may be absent). */
  parentArs: string | null;
  name: string;
  /** Sitz der Verwaltung (Landesregierung for a Land); null for Gemeinden or if blank. */
  seat: string | null;
  /** Textkennzeichen; null for Land, Regierungsbezirk and Region records. */
  typeCode: number | null;
  /** German label of the type code, or of the level where there is no code. */
  kind: string;
  areaHa: number | null;
  population: number | null;
  populationMale: number | null;
  postalCode: string | null;
  /** True when the Gemeinde has more postal codes than `postalCode` (its seat's). */
  multiplePostalCodes: boolean | null;
}

export type Gv100ErrorCode =
  | 'LINE_LENGTH'
  | 'UNKNOWN_RECORD_TYPE'
  | 'BAD_DATE'
  | 'BAD_KEY'
  | 'BAD_LAND'
  | 'MISSING_NAME'
  | 'BAD_TYPE_CODE'
  | 'BAD_NUMBER'
  | 'BAD_POSTAL_CODE';

export interface Gv100LineError {
  line: number;
  code: Gv100ErrorCode;
  /** For people: "line 7: Land key 17 is outside 01–16". */
  message: string;
}

export type Gv100LineResult =
  | { ok: true; record: Gv100Record }
  | { ok: false; error: Gv100LineError };

class LineProblem extends Error {
  constructor(
    readonly code: Gv100ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

// Lines are sliced by code point, not UTF-16 unit, so that a character outside the
// BMP would still count once, as it does in the official layout.
function field(chars: readonly string[], f: FieldSpan): string {
  return chars.slice(f.start, f.end).join('');
}

function digits(chars: readonly string[], f: FieldSpan, what: string): string {
  const s = field(chars, f);
  if (!/^\d+$/.test(s)) throw new LineProblem('BAD_KEY', `${what} "${s}" is not numeric`);
  return s;
}

function isoDate(raw: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!m) throw new LineProblem('BAD_DATE', `Gebietsstand "${raw}" is not a date YYYYMMDD`);
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (
    date.getUTCFullYear() !== Number(y) ||
    date.getUTCMonth() !== Number(mo) - 1 ||
    date.getUTCDate() !== Number(d)
  ) {
    throw new LineProblem('BAD_DATE', `Gebietsstand "${raw}" is not a calendar date`);
  }
  return `${y}-${mo}-${d}`;
}

function optionalText(chars: readonly string[], f: FieldSpan): string | null {
  const s = field(chars, f).trim();
  return s === '' ? null : s;
}

function optionalCount(chars: readonly string[], f: FieldSpan, what: string): number | null {
  const s = field(chars, f).trim();
  if (s === '') return null;
  if (!/^\d+$/.test(s)) throw new LineProblem('BAD_NUMBER', `${what} "${s}" is not a number`);
  return Number(s);
}

function typeCodeOf(
  chars: readonly string[],
  satzart: 40 | 50 | 60,
): { code: number; kind: string } {
  const raw = field(chars, FIELDS.typeCode);
  const labels = TYPE_CODES[satzart];
  const code = /^\d{2}$/.test(raw) ? Number(raw) : NaN;
  const kind = Object.hasOwn(labels, code) ? labels[code] : undefined;
  if (kind === undefined) {
    // A new code would show up here rather than silently as an unlabelled unit.
    const known = Object.keys(labels).join(', ');
    throw new LineProblem(
      'BAD_TYPE_CODE',
      `type code "${raw.trim()}" is not one of ${known} for Satzart ${satzart}`,
    );
  }
  return { code, kind };
}

function parseRecord(chars: readonly string[], line: number): Gv100Record {
  const satzartRaw = field(chars, FIELDS.satzart);
  const satzartNum = /^\d{2}$/.test(satzartRaw) ? Number(satzartRaw) : NaN;
  if (!isSatzart(satzartNum)) {
    throw new LineProblem(
      'UNKNOWN_RECORD_TYPE',
      `record type (Satzart) "${satzartRaw}" is not one of 10, 20, 30, 40, 50, 60`,
    );
  }
  const satzart = satzartNum;
  const level = LEVEL_BY_SATZART[satzart];
  const validOn = isoDate(field(chars, FIELDS.gebietsstand));

  const land = digits(chars, FIELDS.land, 'Land key');
  const landCheck = checkLandKey(land);
  if (!landCheck.ok) throw new LineProblem('BAD_LAND', landCheck.reason);

  const name = field(chars, FIELDS.name).trim();
  if (name === '') throw new LineProblem('MISSING_NAME', 'the name (Bezeichnung) is blank');

  const base = {
    line,
    level,
    satzart,
    validOn,
    name,
    seat: satzart === 60 ? null : optionalText(chars, FIELDS.seat),
    areaHa: null,
    population: null,
    populationMale: null,
    postalCode: null,
    multiplePostalCodes: null,
  };

  if (satzart === 10) {
    const kind = LEVEL_LABELS.land;
    return { ...base, key: land, ags: land, ars: land, parentArs: null, typeCode: null, kind };
  }

  const rb = digits(chars, FIELDS.rb, 'Regierungsbezirk key');
  const landOrRb = rb === '0' ? land : land + rb;

  if (satzart === 20) {
    const key = land + rb;
    const kind = LEVEL_LABELS.regierungsbezirk;
    return { ...base, key, ags: key, ars: key, parentArs: land, typeCode: null, kind };
  }
  if (satzart === 30) {
    const key = land + rb + digits(chars, FIELDS.region, 'Region key');
    const kind = LEVEL_LABELS.region;
    return { ...base, key, ags: null, ars: null, parentArs: landOrRb, typeCode: null, kind };
  }

  const kreis = land + rb + digits(chars, FIELDS.kreis, 'Kreis key');
  if (satzart === 40) {
    const { code, kind } = typeCodeOf(chars, 40);
    return { ...base, key: kreis, ags: kreis, ars: kreis, parentArs: landOrRb, typeCode: code, kind };
  }

  const verband = kreis + digits(chars, FIELDS.gemeindeverband, 'Gemeindeverband key');
  if (satzart === 50) {
    const { code, kind } = typeCodeOf(chars, 50);
    return { ...base, key: verband, ags: null, ars: verband, parentArs: kreis, typeCode: code, kind };
  }

  const gemeinde = digits(chars, FIELDS.gemeinde, 'Gemeinde key');
  const { code, kind } = typeCodeOf(chars, 60);
  const postalCode = optionalText(chars, FIELDS.postalCode);
  if (postalCode !== null && !/^\d{5}$/.test(postalCode)) {
    throw new LineProblem('BAD_POSTAL_CODE', `postal code "${postalCode}" is not five digits`);
  }
  const ars = verband + gemeinde;
  return {
    ...base,
    key: ars,
    ags: kreis + gemeinde,
    ars,
    parentArs: verband,
    typeCode: code,
    kind,
    areaHa: optionalCount(chars, FIELDS.areaHa, 'area'),
    population: optionalCount(chars, FIELDS.population, 'population'),
    populationMale: optionalCount(chars, FIELDS.populationMale, 'male population'),
    postalCode,
    multiplePostalCodes: field(chars, FIELDS.postalCodeAmbiguous).trim() !== '',
  };
}

function lengthProblem(chars: readonly string[]): LineProblem {
  // UTF-8 read as latin1 turns each umlaut into two characters ("Ã¼"); say so, since
  // that, not a broken file, is the usual cause of lines that are slightly too long.
  const hint =
    chars.length > RECORD_LENGTH && /Ã./.test(chars.join(''))
      ? ' (the file looks UTF-8 but was decoded as latin1)'
      : '';
  return new LineProblem(
    'LINE_LENGTH',
    `expected ${RECORD_LENGTH} characters, got ${chars.length}${hint}`,
  );
}

/**
 * Parses one line (without its line break). Returns null for a blank line, which the
 * file may end with and which carries nothing to report.
 */
export function parseGv100Line(text: string, line: number): Gv100LineResult | null {
  // \x1a is the DOS end-of-file mark some copies of the file still end with.
  const trimmedEnd = text.replace(/\r$/, '');
  // eslint-disable-next-line no-control-regex
  if (/^[\s\x1a]*$/.test(trimmedEnd)) return null;
  const chars = [...trimmedEnd.replace(/^\uFEFF/, '').normalize('NFC')];
  try {
    if (chars.length !== RECORD_LENGTH) throw lengthProblem(chars);
    return { ok: true, record: parseRecord(chars, line) };
  } catch (e) {
    if (!(e instanceof LineProblem)) throw e;
    return { ok: false, error: { line, code: e.code, message: `line ${line}: ${e.message}` } };
  }
}

/** Parses lines in order, numbering them from 1 (blank lines count but yield nothing). */
export function* parseGv100Lines(lines: Iterable<string>): Generator<Gv100LineResult> {
  let n = 0;
  for (const text of lines) {
    n += 1;
    const result = parseGv100Line(text, n);
    if (result) yield result;
  }
}

/** Streaming variant for a file read line by line (e.g. node:readline). */
export async function* parseGv100Stream(
  lines: AsyncIterable<string>,
): AsyncGenerator<Gv100LineResult> {
  let n = 0;
  for await (const text of lines) {
    n += 1;
    const result = parseGv100Line(text, n);
    if (result) yield result;
  }
}

export interface Gv100ParseResult {
  records: Gv100Record[];
  errors: Gv100LineError[];
}

/** Parses a whole decoded file. */
export function parseGv100(text: string): Gv100ParseResult {
  const records: Gv100Record[] = [];
  const errors: Gv100LineError[] = [];
  for (const r of parseGv100Lines(text.split('\n'))) {
    if (r.ok) records.push(r.record);
    else errors.push(r.error);
  }
  return { records, errors };
}
