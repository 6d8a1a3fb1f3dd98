// Record layout of the Destatis GV100AD file (Gemeindeverzeichnis, administrative part).
//
// One record per line, 220 characters, fixed width. Positions below are 0-based and
// half-open ([start, end)), i.e. `line.slice(start, end)`; the 1-based positions of the
// official "Datensatzbeschreibung" are given in the comments. They were cross-checked
// against three independent public readers (the R package "wiesbaden", the Rust crate
// "gv100ad" with real lines from the 30.04.2021 file, and "gv100ad-php"), which agree.
//
// Widths are in characters, not bytes: since about 2019 the file is UTF-8, before that
// ISO-8859-1, and an umlaut takes one position in both once decoded.

export const RECORD_LENGTH = 220;

export interface FieldSpan {
  readonly start: number;
  readonly end: number;
}

const span = (start: number, end: number): FieldSpan => ({ start, end });

export const FIELDS = {
  /** 1–2: Satzart (10, 20, 30, 40, 50, 60). */
  satzart: span(0, 2),
  /** 3–10: Gebietsstand, YYYYMMDD. */
  gebietsstand: span(2, 10),
  /** 11–12: Land. */
  land: span(10, 12),
  /** 13: Regierungsbezirk ("0" in Länder without one). */
  rb: span(12, 13),
  /** 14: Region (Satzart 30 only; Baden-Württemberg). */
  region: span(13, 14),
  /** 14–15: Kreis. */
  kreis: span(13, 15),
  /** 16–18: Gemeinde (Satzart 60). */
  gemeinde: span(15, 18),
  /** 19–22: Gemeindeverband (Satzart 50 and 60). */
  gemeindeverband: span(18, 22),
  /** 23–72: Bezeichnung (name). */
  name: span(22, 72),
  /** 73–122: Sitz der Verwaltung (Satzart 10–50; Landesregierung for 10). */
  seat: span(72, 122),
  /** 123–124: Textkennzeichen (type code; Satzart 40, 50, 60). */
  typeCode: span(122, 124),
  /** 129–139: area in hectares (Satzart 60). */
  areaHa: span(128, 139),
  /** 140–150: population, total (Satzart 60). */
  population: span(139, 150),
  /** 151–161: population, male (Satzart 60). */
  populationMale: span(150, 161),
  /** 166–170: postal code of the seat of administration (Satzart 60). */
  postalCode: span(165, 170),
  /** 171–175: "*****" when the Gemeinde has more than one postal code. */
  postalCodeAmbiguous: span(170, 175),
} as const satisfies Record<string, FieldSpan>;

export type FieldName = keyof typeof FIELDS;

export type Satzart = 10 | 20 | 30 | 40 | 50 | 60;

export type Gv100Level =
  | 'land'
  | 'regierungsbezirk'
  | 'region'
  | 'kreis'
  | 'gemeindeverband'
  | 'gemeinde';

export const LEVEL_BY_SATZART: Readonly<Record<Satzart, Gv100Level>> = {
  10: 'land',
  20: 'regierungsbezirk',
  30: 'region',
  40: 'kreis',
  50: 'gemeindeverband',
  60: 'gemeinde',
};

/** German labels for the Textkennzeichen, per record type that carries one. */
export const TYPE_CODES: Readonly<Record<40 | 50 | 60, Readonly<Record<number, string>>>> = {
  40: {
    41: 'Kreisfreie Stadt',
    42: 'Stadtkreis',
    43: 'Kreis',
    44: 'Landkreis',
    45: 'Regionalverband',
  },
  50: {
    50: 'Verbandsfreie Gemeinde',
    51: 'Amt',
    52: 'Samtgemeinde',
    53: 'Verbandsgemeinde',
    54: 'Verwaltungsgemeinschaft',
    55: 'Kirchspielslandgemeinde',
    56: 'Verwaltungsverband',
    57: 'Verwaltungsgemeinschaft (Trägermodell)',
    58: 'Erfüllende Gemeinde',
  },
  60: {
    60: 'Markt',
    61: 'Kreisfreie Stadt',
    62: 'Stadtkreis',
    63: 'Stadt',
    64: 'Kreisangehörige Gemeinde',
    65: 'Gemeindefreies Gebiet, bewohnt',
    66: 'Gemeindefreies Gebiet, unbewohnt',
    67: 'Große Kreisstadt',
  },
};

/** Label for levels whose records carry no type code. */
export const LEVEL_LABELS: Readonly<Record<'land' | 'regierungsbezirk' | 'region', string>> = {
  land: 'Land',
  regierungsbezirk: 'Regierungsbezirk',
  region: 'Region',
};

export function isSatzart(n: number): n is Satzart {
  return n === 10 || n === 20 || n === 30 || n === 40 || n === 50 || n === 60;
}
