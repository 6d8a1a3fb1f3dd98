import { GRANDFATHERED_TAGS, REGION_SUBTAGS, TWO_LETTER_LANGUAGE_CODES } from './iso-codes';

/**
 * BCP 47 (RFC 5646) language tags, checked strictly like the Go parser's
 * bcp47_strict_language_tag: POSIX forms such as `en_GB` are refused, the primary language and
 * the region must be registered subtags.
 */
export type LanguageTagVerdict =
  | { valid: true; unknownLanguage?: string }
  /** `reason` is a sentence naming the offending part, e.g. "'en_GB' is not a well-formed language tag". */
  | { valid: false; reason: string };

const ALPHANUM = '[a-z0-9]';
const LANGTAG = new RegExp(
  [
    '^(?<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})',
    '(?:-(?<script>[a-z]{4}))?',
    '(?:-(?<region>[a-z]{2}|[0-9]{3}))?',
    `(?<variants>(?:-(?:${ALPHANUM}{5,8}|[0-9]${ALPHANUM}{3}))*)`,
    `(?<extensions>(?:-[a-wyz0-9](?:-${ALPHANUM}{2,8})+)*)`,
    `(?:-x(?:-${ALPHANUM}{1,8})+)?$`,
  ].join(''),
);
const PRIVATE_USE_ONLY = new RegExp(`^x(?:-${ALPHANUM}{1,8})+$`);
const PRIVATE_USE_LANGUAGE = /^q[a-t][a-z]$/;

let languageNames: Intl.DisplayNames | undefined;

export function checkLanguageTag(tag: string): LanguageTagVerdict {
  const lower = tag.toLowerCase();
  if (GRANDFATHERED_TAGS.has(lower) || PRIVATE_USE_ONLY.test(lower)) return { valid: true };

  const match = LANGTAG.exec(lower);
  if (!match?.groups) return { valid: false, reason: `'${tag}' is not a well-formed language tag` };
  const { language = '', region, variants = '', extensions = '' } = match.groups;

  const primary = language.split('-')[0] ?? '';
  if (primary.length > 3) {
    return { valid: false, reason: `'${primary}' is not a registered primary language subtag` };
  }
  if (primary.length === 2 && !TWO_LETTER_LANGUAGE_CODES.has(primary)) {
    return { valid: false, reason: `'${primary}' is not an ISO 639-1 language code` };
  }
  if (region !== undefined && !REGION_SUBTAGS.has(region.toUpperCase())) {
    return { valid: false, reason: `'${region}' is not a registered region subtag` };
  }
  if (hasDuplicates(variants.split('-').filter(Boolean))) {
    return { valid: false, reason: `'${tag}' repeats a variant subtag` };
  }
  const singletons = extensions.split('-').filter((part) => part.length === 1);
  if (hasDuplicates(singletons)) return { valid: false, reason: `'${tag}' repeats an extension singleton` };

  if (primary.length === 3 && !PRIVATE_USE_LANGUAGE.test(primary) && !isKnownLanguage(primary)) {
    // ISO 639-3 has thousands of codes and no package here carries them all: an unknown
    // three-letter code is reported as a warning rather than refused.
    return { valid: true, unknownLanguage: primary };
  }
  return { valid: true };
}

function isKnownLanguage(code: string): boolean {
  languageNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  try {
    return languageNames.of(code) !== undefined;
  } catch {
    return false;
  }
}

function hasDuplicates(values: string[]): boolean {
  return new Set(values).size !== values.length;
}
