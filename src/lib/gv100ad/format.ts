// Writes GV100AD lines from field values: the inverse of the parser, used to build test
// fixtures and test data with every field in its exact column. It refuses values that
// do not fit rather than truncating them, so a fixture can never be silently wrong.

import { FIELDS, type FieldName, RECORD_LENGTH, type Satzart } from './layout';

export interface Gv100LineFields {
  satzart: Satzart;
  /** YYYY-MM-DD or YYYYMMDD. */
  validOn: string;
  land: string;
  rb?: string;
  /** Region digit (Satzart 30). */
  region?: string;
  kreis?: string;
  gemeindeverband?: string;
  gemeinde?: string;
  name: string;
  seat?: string;
  typeCode?: number;
  areaHa?: number;
  population?: number;
  populationMale?: number;
  postalCode?: string;
  multiplePostalCodes?: boolean;
}

/** A blank record: RECORD_LENGTH spaces as an array of characters. */
function blank(): string[] {
  return Array.from({ length: RECORD_LENGTH }, () => ' ');
}

/** Writes `value` into the field's columns, left-aligned; throws if it does not fit. */
export function putField(chars: string[], name: FieldName, value: string): void {
  const { start, end } = FIELDS[name];
  const valueChars = [...value];
  if (valueChars.length > end - start) {
    throw new RangeError(`${name} "${value}" is longer than ${end - start} characters`);
  }
  valueChars.forEach((c, i) => {
    chars[start + i] = c;
  });
}

function zeroPadded(name: FieldName, n: number): string {
  const { start, end } = FIELDS[name];
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} ${n} is not a count`);
  return String(n).padStart(end - start, '0');
}

export function formatGv100Line(f: Gv100LineFields): string {
  const chars = blank();
  putField(chars, 'satzart', String(f.satzart));
  putField(chars, 'gebietsstand', f.validOn.replaceAll('-', ''));
  putField(chars, 'land', f.land);
  if (f.rb !== undefined) putField(chars, 'rb', f.rb);
  if (f.region !== undefined) putField(chars, 'region', f.region);
  if (f.kreis !== undefined) putField(chars, 'kreis', f.kreis);
  if (f.gemeinde !== undefined) putField(chars, 'gemeinde', f.gemeinde);
  if (f.gemeindeverband !== undefined) putField(chars, 'gemeindeverband', f.gemeindeverband);
  putField(chars, 'name', f.name);
  if (f.seat !== undefined) putField(chars, 'seat', f.seat);
  if (f.typeCode !== undefined) putField(chars, 'typeCode', String(f.typeCode).padStart(2, '0'));
  if (f.areaHa !== undefined) putField(chars, 'areaHa', zeroPadded('areaHa', f.areaHa));
  if (f.population !== undefined) {
    putField(chars, 'population', zeroPadded('population', f.population));
  }
  if (f.populationMale !== undefined) {
    putField(chars, 'populationMale', zeroPadded('populationMale', f.populationMale));
  }
  if (f.postalCode !== undefined) putField(chars, 'postalCode', f.postalCode);
  if (f.multiplePostalCodes) putField(chars, 'postalCodeAmbiguous', '*****');
  return chars.join('');
}

/** Overwrites characters of a line at a 0-based position (to build broken test lines). */
export function overwriteAt(line: string, start: number, text: string): string {
  const chars = [...line];
  [...text].forEach((c, i) => {
    chars[start + i] = c;
  });
  return chars.join('');
}
