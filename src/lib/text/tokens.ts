// Word tokens of German text for matching (reviewer expertise against applications).
//
// Unlike german.ts, which folds place names for search-as-you-type, this module feeds a
// ranking: it stems, drops stop words and splits compounds, and it keeps each token's
// surface form so that a match can be explained with the words people actually wrote.

import { stemmer } from '@orama/stemmers/german';
import { stopwords } from '@orama/stopwords/german';

/** Shorter tokens ("KI", "5G", "im") carry too little meaning and collide too often. */
export const MIN_TOKEN_LENGTH = 3;

/**
 * Smallest piece a compound is split into. Four, not three: three-letter words split far too
 * much ("Gut|achten", "Alt|ernative" is saved only by luck), so heads like "-bau", "-amt" and
 * "-hof" are deliberately missed; the whole compound still matches as one term.
 */
export const MIN_COMPOUND_PART = 4;

/** Longer tokens are not split: real compounds are shorter, and splitting is quadratic. */
const MAX_COMPOUND_LENGTH = 40;

// Snowball's list spells "daß"; the reformed spelling "dass" is the common one today.
const STOP_WORDS: ReadonlySet<string> = new Set([...stopwords, 'dass']);

export function isStopWord(lower: string): boolean {
  return STOP_WORDS.has(lower);
}

function isNumber(token: string): boolean {
  const first = token.charCodeAt(0);
  // The regex only for tokens that may start with a digit: most start with an ASCII letter.
  return ((first >= 0x30 && first <= 0x39) || first > 0x7f) && /^\p{N}+$/u.test(token);
}

/**
 * The surface forms of a text's words, in order and in their original case: split on
 * everything that is not a letter or digit, then drop short tokens, stop words and pure
 * numbers (years and amounts say nothing about a topic). NFC first, so that a decomposed
 * "ä" (a + combining diaeresis) stays one letter.
 */
export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const token of text.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
    if (token.length < MIN_TOKEN_LENGTH || isNumber(token)) continue;
    if (isStopWord(token.toLowerCase())) continue;
    tokens.push(token);
  }
  return tokens;
}

/**
 * The Snowball German stem of a lower-case word. The stemmer itself folds "ä ö ü" to
 * "a o u" and "ß" to "ss", so "Städte" and "Stadt" meet at "stadt"; give it the umlauts,
 * because its suffix rules look at vowels.
 */
export function stem(lower: string): string {
  return stemmer(lower);
}

export interface WordAnalysis {
  /** The stem of the whole word. */
  readonly stem: string;
  /** Stems of the compound's parts, empty when the word is not split. */
  readonly parts: readonly string[];
}

export type Analyser = (lower: string) => WordAnalysis;

/**
 * An analyser that stems words and splits compounds whose parts are words of their own in
 * `knownWords` (lower case; normally every word of the corpus): "stadtentwicklung" gives
 * the parts "stadt" and "entwickl" when "Stadt" and "Entwicklung" occur somewhere by
 * themselves. Splitting only into known words keeps it cheap (set look-ups, no dictionary)
 * and conservative. The modifier may carry a linking "s" ("Mobilitäts|konzept"); the head
 * may be inflected ("Stadt|entwicklungen") because it is also compared by stem. Parts are
 * split again, so "Stadtentwicklungskonzept" gives stadt, entwickl and konzept.
 * Results are memoised per word; the analyser is meant to live as long as its corpus.
 */
export function createAnalyser(knownWords: Iterable<string>): Analyser {
  const known = new Set<string>();
  for (const word of knownWords) {
    if (word.length >= MIN_COMPOUND_PART && !isStopWord(word)) known.add(word);
  }
  const stems = new Map<string, string>();
  const stemOf = (word: string): string => {
    let s = stems.get(word);
    if (s === undefined) {
      s = stem(word);
      stems.set(word, s);
    }
    return s;
  };
  const knownStems = new Set<string>();
  for (const word of known) knownStems.add(stemOf(word));

  const splits = new Map<string, string[] | null>();
  const isModifier = (piece: string): string | null => {
    if (known.has(piece)) return piece;
    if (piece.endsWith('s') && piece.length - 1 >= MIN_COMPOUND_PART && known.has(piece.slice(0, -1))) {
      return piece.slice(0, -1);
    }
    return null;
  };
  const isHead = (piece: string): boolean => known.has(piece) || knownStems.has(stemOf(piece));

  /** The word's parts (lower-case words) or null; tries the longest modifier first. */
  const split = (word: string): string[] | null => {
    const memo = splits.get(word);
    if (memo !== undefined) return memo;
    let result: string[] | null = null;
    if (word.length > MAX_COMPOUND_LENGTH) return null;
    for (let cut = word.length - MIN_COMPOUND_PART; cut >= MIN_COMPOUND_PART && result === null; cut--) {
      const modifier = isModifier(word.slice(0, cut));
      if (modifier === null) continue;
      const headText = word.slice(cut);
      const head = isHead(headText) ? (split(headText) ?? [headText]) : split(headText);
      if (head !== null) result = [...(split(modifier) ?? [modifier]), ...head];
    }
    splits.set(word, result);
    return result;
  };

  const analyses = new Map<string, WordAnalysis>();
  return (lower) => {
    let analysis = analyses.get(lower);
    if (analysis === undefined) {
      const whole = stemOf(lower);
      const parts = (split(lower) ?? []).map(stemOf).filter((s) => s !== whole);
      analysis = { stem: whole, parts };
      analyses.set(lower, analysis);
    }
    return analysis;
  };
}
