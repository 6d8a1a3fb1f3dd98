import type { MinorVersion } from './versions';

/** Outcome of one value check: null (fine), an error message, or errors and warnings. */
export type CheckResult = null | string | { errors: string[]; warnings: string[] };
export type Check = (value: string) => CheckResult;

/** Presence rules may depend on the version, e.g. categories stopped being mandatory in 0.5. */
export type VersionRule = boolean | ((version: MinorVersion) => boolean);

export interface Deprecation {
  since: MinorVersion;
  /** Second sentence of the Go parser's warning: "It's safe to drop it", "Use 'logo' instead". */
  advice: string;
}

interface CommonSpec {
  required?: VersionRule;
  /** The key exists from this version on; in older files it is an unknown key. */
  since?: MinorVersion;
  deprecated?: Deprecation;
}

export interface StringSpec extends CommonSpec {
  kind: 'string';
  checks?: Check[];
}

export interface BooleanSpec extends CommonSpec {
  kind: 'boolean';
}

export interface ListSpec extends CommonSpec {
  kind: 'list';
  items: FieldSpec;
  nonEmpty?: VersionRule;
  /** The standard allows a single string where a list is expected (platforms, isBasedOn). */
  scalarAllowed?: boolean;
}

export interface ObjectSpec extends CommonSpec {
  kind: 'object';
  fields: Readonly<Record<string, FieldSpec>>;
}

/** A mapping from BCP 47 language tags to objects of the same shape (description). */
export interface LanguageMapSpec extends CommonSpec {
  kind: 'languageMap';
  values: ObjectSpec;
  nonEmpty?: VersionRule;
}

export type FieldSpec = StringSpec | BooleanSpec | ListSpec | ObjectSpec | LanguageMapSpec;

export function appliesTo(rule: VersionRule | undefined, version: MinorVersion): boolean {
  return typeof rule === 'function' ? rule(version) : rule === true;
}
