/** One finding about a publiccode.yml file, located by key path and 1-based line/column. */
export interface Problem {
  /** Dotted key path as the Go parser names it, e.g. `description.en.longDescription`, `categories[1]`. */
  key: string;
  line: number;
  column: number;
  message: string;
}

export interface ValidationResult {
  /** True when there are no errors; warnings never make a file invalid. */
  valid: boolean;
  /** The standard version the file was checked against (`0.2` … `0.7`), null when it could not be determined. */
  version: string | null;
  errors: Problem[];
  warnings: Problem[];
  /** The known keys of the document as plain data, scalars read as the Go parser reads them (tree-walker.ts). */
  data?: unknown;
}
