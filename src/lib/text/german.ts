// German-aware normalisation of place names for search, and DIN 5007 ordering.
//
// One function, fold(), makes both the stored key (normaliseName) and the query
// (searchTerms), so whatever a person types is spelled the way names are stored:
//
// - Case and diacritics: lower case; "ä ö ü" fold to "a o u"; "ß" to "ss"; other
//   accents dropped ("é" → "e").
// - Transcribed umlauts: an "e" right after "a", "o" or "u" is dropped, so "Koeln",
//   "Köln" and "Koln" all become "koln". Folding to the base vowel (not to "ae/oe/ue")
//   is what lets "Koln" match; dropping the "e" is what lets "Koeln" match.
//   Trade-off: genuine "ae/oe/ue" lose their "e" too ("Raesfeld" → "rasfeld",
//   "Aegidienberg" → "agidienberg", "Itzehoe" → "itzeho", "Quedlinburg" → "qudlinburg"),
//   and a few names collide ("Neuenkirchen" and "Neunkirchen" are both "neunkirchen").
//   Because both sides are folded alike, such names are still found by their own
//   spelling; a collision only adds a near-namesake to the results. The key is for
//   search only: identity is always the AGS.
//   The rule looks only at the previous letter, so folding a prefix of a name always
//   gives a prefix of the folded name: search-as-you-type keeps working mid-word.
// - Separators: "/", "-", parentheses, commas and other punctuation become spaces;
//   whitespace collapses. "Halle (Saale)" → "halle saale".
// - Abbreviations of connector words, as in official names:
//     "St." → "sankt", "b." → "bei", "d." → "der", "v." → "vor", "o." → "ob";
//   "am", "an", "a." → "a" and "im", "in", "i." → "i", because "a." and "i." cannot
//   be expanded unambiguously ("Frankfurt a. M." = "am Main", "Dillingen a.d.Donau" =
//   "an der Donau"; "Freiburg i. Br." = "im Breisgau", "Neumarkt i.d.OPf." = "in der
//   Oberpfalz"), so the full words are shortened instead. Dots are spaces, so "a.d." and
//   "a. d." read alike. Bare abbreviations without a dot ("St Ingbert", "Kirchheim b
//   München") count only when another word follows (or, in a query, a space): a query
//   ending in "St" may still become "Stuttgart", so it finds "Sankt …" names only once
//   a dot or a space follows (no single key can start both "St…" and "Sa…").
//   Other abbreviations are not expanded
//   ("Hagen a.T.W." is only found as "Hagen a T W…", not as "am Teutoburger Wald").

// Maps, not object literals: a word like "constructor" must not find Object.prototype.
const DOTTED_OR_BARE: ReadonlyMap<string, string> = new Map([
  ['st', 'sankt'],
  ['b', 'bei'],
  ['d', 'der'],
  ['v', 'vor'],
  ['o', 'ob'],
  ['a', 'a'],
  ['i', 'i'],
]);

const SHORTENED: ReadonlyMap<string, string> = new Map([
  ['am', 'a'],
  ['an', 'a'],
  ['im', 'i'],
  ['in', 'i'],
]);

const LETTERS_WITHOUT_DECOMPOSITION: ReadonlyMap<string, string> = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ø', 'o'],
  ['ł', 'l'],
  ['đ', 'd'],
]);

function foldCharacters(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđ]/g, (c) => LETTERS_WITHOUT_DECOMPOSITION.get(c) ?? c)
    .replace(/['’`´]/g, '') // "Hofgeismar's" → "hofgeismars": an apostrophe splits no word
    .replace(/\./g, '. ')
    .replace(/[^a-z0-9. ]+/g, ' ');
}

function foldToken(token: string, followed: boolean): string {
  const dotted = token.endsWith('.');
  const word = token.replace(/\.+$/, '');
  let out = word;
  if (dotted || followed) out = DOTTED_OR_BARE.get(word) ?? word;
  out = SHORTENED.get(out) ?? out;
  return out.replace(/([aou])e/g, '$1');
}

/**
 * `complete` says the last word is finished (always so for a stored name; for a query,
 * when it ends in a space or a dot), which lets a bare "st" or "b" count as an
 * abbreviation there too.
 */
function fold(s: string, complete: boolean): string {
  const spaced = foldCharacters(s);
  const tokens = spaced.split(' ').filter((t) => t !== '' && t !== '.');
  const lastComplete = complete || /\s$/.test(spaced);
  return tokens
    .map((t, i) => foldToken(t, i < tokens.length - 1 || lastComplete))
    .filter((t) => t !== '')
    .join(' ');
}

/** The search key stored for a name. */
export function normaliseName(name: string): string {
  return fold(name, true);
}

/** A query folded like the stored keys; match with `matchesSearch`. */
export function searchTerms(query: string): string {
  return fold(query, false);
}

/**
 * True when the folded query starts the key or any word of it, so "München" finds
 * "Kirchheim bei München" as well as "München". An empty query matches everything.
 */
export function matchesSearch(key: string, terms: string): boolean {
  return key.startsWith(terms) || key.includes(` ${terms}`);
}

// DIN 5007 variant 1 ("dictionary" order): umlauts sort as their base vowel, "ß" as
// "ss", case ignored. That is ICU's default German collation; at the primary level
// "Ärzte" equals "Arzte", and ICU's secondary/tertiary levels order such ties
// (plain before accented, lower before upper case).
const collator = new Intl.Collator('de', { usage: 'sort', sensitivity: 'variant' });

/** Compares two names in German dictionary order (DIN 5007-1); total and deterministic. */
export function germanCompare(a: string, b: string): number {
  const c = collator.compare(a, b);
  if (c !== 0) return c;
  // The collator equates canonically equivalent strings (NFC vs NFD); fall back to code
  // units so that sorting never depends on input order.
  return a < b ? -1 : a > b ? 1 : 0;
}
