import { COUNTRY_CODES } from './iso-codes';

/**
 * Checks of single values. Each returns null when the value is fine, otherwise the message
 * without the field name (the tree walker prefixes it, as the Go parser does: "releaseDate must
 * be a date with format 'YYYY-MM-DD'").
 */
export type ValueCheck = (value: string) => string | null;

export const isDate: ValueCheck = (value) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2023-02-30 over into March; a real calendar date survives the round trip.
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return null;
    }
  }
  return "must be a date with format 'YYYY-MM-DD'";
};

/** Any absolute URL (the repository `url` may be git://, svn://, …). */
export const isUrl: ValueCheck = (value) => {
  const url = parseUrl(value);
  const hasTarget = url !== null && (url.host !== '' || url.pathname !== '' || url.hash !== '');
  return hasTarget ? null : 'must be a valid URL';
};

export const isHttpUrl: ValueCheck = (value) => {
  const url = parseUrl(value);
  const ok =
    url !== null &&
    /^https?:\/\//i.test(value.trim()) &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '';
  return ok ? null : 'must be an HTTP URL';
};

const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:[a-z0-9()+,\-.:=@;$_!*'%/?#]+$/i;
const ITALIAN_PA_URN_PREFIX = 'urn:x-italian-pa:';

/** A URI naming an organisation: an http(s)-style URL with a host, or a URN (RFC 2141). */
export const isOrganisationUri: ValueCheck = (value) => {
  if (value.toLowerCase().startsWith(ITALIAN_PA_URN_PREFIX)) {
    const ipaCode = value.slice(ITALIAN_PA_URN_PREFIX.length);
    return isItalianIpaCode(ipaCode) === null
      ? null
      : "must be a valid Italian Public Administration Code (iPA) with format 'urn:x-italian-pa:[codiceIPA]'";
  }
  if (/^urn:/i.test(value)) return URN.test(value) ? null : 'is not a valid URI';
  const url = parseUrl(value);
  return url !== null && url.host !== '' ? null : 'is not a valid URI';
};

/**
 * Format of a code of the Italian index of public administrations (IndicePA). The Go parser
 * also checks the code against the index itself; that list is not shipped here.
 */
export const isItalianIpaCode: ValueCheck = (value) =>
  /^[a-z0-9_]{1,32}$/i.test(value) ? null : 'must be a valid Italian Public Administration Code (iPA)';

// Pragmatic: one @, no spaces, a dot in the domain. Stricter RFC 5322 checks reject real addresses.
export const isEmail: ValueCheck = (value) =>
  /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value) ? null : 'must be a valid email address';

// RFC 2045 media type, the expression the Go parser uses.
export const isMimeType: ValueCheck = (value) =>
  /^ *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})\/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *$/.test(value)
    ? null
    : 'is not a valid MIME type';

/** Countries in either all-lowercase (deprecated) or all-uppercase ISO 3166-1 alpha-2. */
export const isCountryCode: ValueCheck = (value) => {
  const mixedCase = value !== value.toLowerCase() && value !== value.toUpperCase();
  return !mixedCase && COUNTRY_CODES.has(value.toUpperCase())
    ? null
    : 'must be a valid ISO 3166-1 alpha-2 two-letter country code';
};

/**
 * Relative path inside the repository or an HTTP(S) URL, with one of the given file extensions
 * (any extension when none are given).
 */
export function isRepositoryFile(extensions: readonly string[] = []): ValueCheck {
  return (value) => {
    if (value.startsWith('/')) return 'is an absolute path. Only relative paths or HTTP(s) URLs allowed';
    if (value.toLowerCase().startsWith('file:')) {
      return 'is a file:// URL. Only relative paths or HTTP(s) URLs allowed';
    }
    if (extensions.length === 0) return null;
    const path = (parseUrl(value)?.pathname ?? value.split(/[?#]/)[0] ?? '').toLowerCase();
    return extensions.some((extension) => path.endsWith(extension))
      ? null
      : `has an invalid file extension: ${value} (allowed: ${extensions.join(', ')})`;
  };
}

/** Length in user-perceived characters (grapheme clusters), as the Go parser counts. */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of graphemeSegmenter().segment(text)) count += 1;
  return count;
}

export function hasMaxLength(max: number): ValueCheck {
  return (value) => (graphemeLength(value) <= max ? null : `must be a maximum of ${max} characters in length`);
}

export function hasLengthBetween(min: number, max: number): ValueCheck {
  return (value) => {
    const length = graphemeLength(value);
    if (length < min) return `must be at least ${min} characters in length`;
    if (length > max) return `must be a maximum of ${max} characters in length`;
    return null;
  };
}

export function isOneOf(choices: readonly string[], describe: (choices: readonly string[]) => string): ValueCheck {
  return (value) => (choices.includes(value) ? null : `must be one of the following: ${describe(choices)}`);
}

let segmenter: Intl.Segmenter | undefined;
function graphemeSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return segmenter;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
