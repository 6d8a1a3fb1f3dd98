// Affinity between reviewers' expertise and applications, for the assignment solver.
//
// Okapi BM25 over German stems, not TF-IDF cosine: the query (a reviewer's keywords and a
// few sentences) is short and the documents (whole applications) are long and uneven, and
// BM25's saturating term frequency and length normalisation are made for exactly that,
// while cosine over a long document dilutes a short query's few strong matches.
//
// The index is inverted (stem → postings sorted by document), so scoring one reviewer
// touches only the documents that share a term with the expertise: 20,000 applications ×
// 5,000 reviewers costs the sum of the matched postings, never a dense 10^8 loop.

import { germanCompare } from './german';
import { createAnalyser, wordTokens, type Analyser } from './tokens';

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/**
 * Saturation of repeated query terms (BM25's k3): a keyword counts 1.5 times a single
 * mention in the free text, and a word repeated ten times counts 2.5 times, not ten.
 */
const QUERY_K3 = 2;
/** Keywords are chosen on purpose; a word of the free text may be incidental. */
const KEYWORD_WEIGHT = 2;
/** A compound's part is weaker evidence than the whole word ("Stadtentwicklung" ≠ "Stadt"). */
const PART_WEIGHT = 0.5;
/**
 * The score is squashed as raw / (raw + half): a pair scores 0.5 when its evidence equals
 * HALF_SCORE_MATCHES fully saturated matches of a fairly specific term, one found in 1 % of
 * the documents. Why a squash and not "divide by the maximum": the maximum over one
 * reviewer's documents would give every reviewer, however weak, a perfect match, and the
 * maximum over all pairs would change everyone's scores when one reviewer is added. The
 * squash is a fixed monotone function of the raw BM25 score, so order is kept within and
 * across reviewers, and a pair's score depends only on the pair and the corpus.
 */
const HALF_SCORE_MATCHES = 3;
const REFERENCE_DOCUMENT_SHARE = 0.01;
const EXPLAINED_TERMS = 5;
const EXPLAINED_SURFACES = 8;
/** Surface forms remembered per term for explanations (one bit each in a posting). */
const TRACKED_VARIANTS = 32;

export interface AffinityDocument {
  readonly id: string;
  readonly text: string;
}

export interface Expertise {
  readonly keywords: readonly string[];
  readonly text: string;
}

export interface ReviewerExpertise extends Expertise {
  readonly id: string;
}

export interface MatchedTerm {
  /** A readable form: the shortest word that has the term as its own stem, in lower case. */
  readonly term: string;
  readonly stem: string;
  /** The words that matched, as written in the expertise and in the document. */
  readonly matched: readonly string[];
  /** The term's share of the pair's score; the shares of all matched terms add up to 1. */
  readonly weight: number;
}

export interface DocumentScore {
  readonly docId: string;
  /** 0 < score < 1. */
  readonly score: number;
  /** The strongest matched terms, strongest first. */
  readonly terms: readonly MatchedTerm[];
}

/** An [applicationId, reviewerId, affinity] triple, as the assignment instance lists them. */
export type AffinityTriple = readonly [string, string, number];

interface Variant {
  readonly surface: string;
  /** False when the term comes from this word as a compound part. */
  readonly direct: boolean;
}

/** One term's postings; part of the index, read by scoring only. */
export interface Postings {
  readonly stem: string;
  readonly idf: number;
  /** Document indices, ascending. */
  readonly docs: Int32Array;
  /**
   * BM25's document side, tf / (tf + k1 · (1 − b + b · length / average length)), computed
   * once here so that scoring a reviewer is one multiply-add per posting.
   */
  readonly impact: Float64Array;
  /** Bit v set: `variants[v]` occurs in that document. */
  readonly variantMask: Uint32Array;
  readonly variants: readonly Variant[];
}

export interface AffinityIndex {
  readonly docIds: readonly string[];
  readonly terms: ReadonlyMap<string, Postings>;
  /** The raw score that maps to 0.5. */
  readonly halfScore: number;
  /** Stems and splits words against this corpus's vocabulary. */
  readonly analyse: Analyser;
}

/** The text an application is matched on: title, summary and every section. */
export function applicationText(content: { title: string; summary: string; sections: Readonly<Record<string, string>> }): string {
  return [content.title, content.summary, ...Object.values(content.sections)].join('\n');
}

function idf(documentCount: number, df: number): number {
  // Lucene's variant, never negative: a term in most documents still counts a little.
  return Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
}

interface PostingsBuilder {
  readonly docs: number[];
  readonly tf: number[];
  readonly mask: number[];
  readonly variants: Variant[];
  /** The document being indexed, whose tf and mask are still being summed in the last slot. */
  lastDoc: number;
}

/** What one occurrence of a surface form adds: to which term, how much, under which variant bit. */
interface Contribution {
  readonly builder: PostingsBuilder;
  readonly amount: number;
  /** 0 when the term tracks too many variants already. */
  readonly bit: number;
}

/** Indexes the corpus once; score any number of reviewers against it. */
export function buildAffinityIndex(docs: readonly AffinityDocument[]): AffinityIndex {
  const ids = new Set<string>();
  for (const doc of docs) {
    if (ids.has(doc.id)) throw new RangeError(`duplicate document id "${doc.id}"`);
    ids.add(doc.id);
  }
  // Pass 1: the vocabulary, which decides which compounds split. Tokenising twice is cheaper
  // in memory than holding every document's tokens between the passes.
  const vocabulary = new Set<string>();
  for (const doc of docs) for (const token of wordTokens(doc.text)) vocabulary.add(token.toLowerCase());
  const analyse = createAnalyser(vocabulary);

  // Pass 2: postings. Each distinct surface form is analysed once into its contributions.
  const builders = new Map<string, PostingsBuilder>();
  const plans = new Map<string, Contribution[]>();
  const contribution = (stem: string, amount: number, surface: string, direct: boolean): Contribution => {
    let builder = builders.get(stem);
    if (builder === undefined) {
      builder = { docs: [], tf: [], mask: [], variants: [], lastDoc: -1 };
      builders.set(stem, builder);
    }
    let bit = 0;
    if (builder.variants.length < TRACKED_VARIANTS) {
      bit = (1 << builder.variants.length) >>> 0;
      builder.variants.push({ surface, direct });
    }
    return { builder, amount, bit };
  };
  const planOf = (surface: string): Contribution[] => {
    let plan = plans.get(surface);
    if (plan === undefined) {
      const analysis = analyse(surface.toLowerCase());
      plan = [contribution(analysis.stem, 1, surface, true), ...analysis.parts.map((part) => contribution(part, PART_WEIGHT, surface, false))];
      plans.set(surface, plan);
    }
    return plan;
  };
  const lengths = new Float64Array(docs.length);
  docs.forEach((doc, d) => {
    const tokens = wordTokens(doc.text);
    lengths[d] = tokens.length;
    for (const token of tokens) {
      for (const { builder, amount, bit } of planOf(token)) {
        if (builder.lastDoc !== d) {
          builder.lastDoc = d;
          builder.docs.push(d);
          builder.tf.push(0);
          builder.mask.push(0);
        }
        const last = builder.docs.length - 1;
        builder.tf[last]! += amount;
        builder.mask[last] = (builder.mask[last]! | bit) >>> 0;
      }
    }
  });

  const n = docs.length;
  const averageLength = n === 0 ? 0 : lengths.reduce((sum, l) => sum + l, 0) / n;
  const lengthNorm = lengths.map((l) => BM25_K1 * (1 - BM25_B + (averageLength > 0 ? (BM25_B * l) / averageLength : BM25_B)));
  const terms = new Map<string, Postings>();
  for (const [stem, b] of builders) {
    terms.set(stem, {
      stem,
      idf: idf(n, b.docs.length),
      docs: Int32Array.from(b.docs),
      impact: Float64Array.from(b.tf, (tf, j) => tf / (tf + lengthNorm[b.docs[j]!]!)),
      variantMask: Uint32Array.from(b.mask),
      variants: b.variants,
    });
  }
  const referenceDf = Math.max(1, Math.round(n * REFERENCE_DOCUMENT_SHARE));
  const halfScore = HALF_SCORE_MATCHES * (BM25_K1 + 1) * idf(Math.max(n, 1), referenceDf);
  return { docIds: docs.map((doc) => doc.id), terms, halfScore, analyse };
}

interface QueryTerm {
  readonly postings: Postings;
  /** Query weight × idf × (k1 + 1): everything of the term's contribution but the document part. */
  readonly factor: number;
  readonly surfaces: ReadonlyMap<string, boolean>;
}

/** The expertise's terms that occur in the corpus, in stem order so sums never depend on input order. */
function queryTerms(index: AffinityIndex, expertise: Expertise): QueryTerm[] {
  const found = new Map<string, { count: number; surfaces: Map<string, boolean> }>();
  const add = (stem: string, amount: number, surface: string, direct: boolean) => {
    const entry = found.get(stem) ?? { count: 0, surfaces: new Map<string, boolean>() };
    entry.count += amount;
    entry.surfaces.set(surface, direct);
    found.set(stem, entry);
  };
  const addText = (text: string, weight: number) => {
    for (const token of wordTokens(text)) {
      const analysis = index.analyse(token.toLowerCase());
      add(analysis.stem, weight, token, true);
      for (const part of analysis.parts) add(part, weight * PART_WEIGHT, token, false);
    }
  };
  for (const keyword of expertise.keywords) addText(keyword, KEYWORD_WEIGHT);
  addText(expertise.text, 1);

  const result: QueryTerm[] = [];
  for (const stem of [...found.keys()].sort(compareCodeUnits)) {
    const postings = index.terms.get(stem);
    if (postings === undefined) continue;
    const { count, surfaces } = found.get(stem)!;
    const weight = (count * (QUERY_K3 + 1)) / (count + QUERY_K3);
    result.push({ postings, factor: weight * postings.idf * (BM25_K1 + 1), surfaces });
  }
  return result;
}

/** Adds the raw scores into `acc`, lists each touched document once in `touched`; returns how many. */
function accumulate(query: readonly QueryTerm[], acc: Float64Array, touched: Int32Array): number {
  let count = 0;
  for (const { postings, factor } of query) {
    const { docs, impact } = postings;
    for (let j = 0; j < docs.length; j++) {
      const d = docs[j]!;
      // Every contribution is positive, so zero means "not touched yet".
      if (acc[d] === 0) touched[count++] = d;
      acc[d]! += factor * impact[j]!;
    }
  }
  return count;
}

const squash = (raw: number, half: number) => raw / (raw + half);

/**
 * Scores one reviewer against every document that shares a term with the expertise.
 * Sorted by score, best first, ties by document id; documents without a shared term are
 * absent. `limit` keeps only the best ones (explanations are built only for those).
 */
export function scoreReviewer(index: AffinityIndex, expertise: Expertise, options: { limit?: number } = {}): DocumentScore[] {
  const query = queryTerms(index, expertise);
  const n = index.docIds.length;
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const count = accumulate(query, acc, touched);
  const hits = Array.from(touched.subarray(0, count), (d) => ({ d, raw: acc[d]! }));
  hits.sort((x, y) => y.raw - x.raw || compareCodeUnits(index.docIds[x.d]!, index.docIds[y.d]!));
  return hits.slice(0, options.limit ?? hits.length).map(({ d, raw }) => ({
    docId: index.docIds[d]!,
    score: squash(raw, index.halfScore),
    terms: explain(query, d, raw),
  }));
}

function explain(query: readonly QueryTerm[], d: number, raw: number): MatchedTerm[] {
  const matches: { contribution: number; term: MatchedTerm }[] = [];
  for (const { postings, factor, surfaces } of query) {
    const j = binarySearch(postings.docs, d);
    if (j < 0) continue;
    const contribution = factor * postings.impact[j]!;
    const forms = new Map(surfaces);
    postings.variants.forEach((variant, v) => {
      if ((postings.variantMask[j]! >>> v) & 1) forms.set(variant.surface, (forms.get(variant.surface) ?? false) || variant.direct);
    });
    const direct = [...forms].filter(([, isDirect]) => isDirect).map(([surface]) => surface.toLowerCase());
    direct.sort((a, b) => a.length - b.length || germanCompare(a, b));
    matches.push({
      contribution,
      term: {
        term: direct[0] ?? postings.stem,
        stem: postings.stem,
        matched: [...forms.keys()].sort(germanCompare).slice(0, EXPLAINED_SURFACES),
        weight: contribution / raw,
      },
    });
  }
  matches.sort((x, y) => y.contribution - x.contribution || compareCodeUnits(x.term.stem, y.term.stem));
  return matches.slice(0, EXPLAINED_TERMS).map((m) => m.term);
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How much work scoring this expertise takes: the inverted index visits only shared terms' postings. */
export function matchStatistics(index: AffinityIndex, expertise: Expertise): { terms: number; postingsVisited: number; documentsTouched: number } {
  const query = queryTerms(index, expertise);
  const n = index.docIds.length;
  const documentsTouched = accumulate(query, new Float64Array(n), new Int32Array(n));
  return { terms: query.length, postingsVisited: query.reduce((sum, q) => sum + q.postings.docs.length, 0), documentsTouched };
}

/**
 * The sparse affinity list for the assignment solver: for each application the
 * `perApplication` best-matching reviewers (ties by reviewer id), skipping `conflicts`
 * ([applicationId, reviewerId] pairs) so that conflicted reviewers do not crowd out usable
 * ones. Triples come in index order of the applications, best first within each.
 * Reviewers are scored one at a time into a reused accumulator, and each application keeps
 * a bounded heap, so memory is O(applications × perApplication), not applications × reviewers.
 */
export function topCandidates(
  index: AffinityIndex,
  reviewers: readonly ReviewerExpertise[],
  perApplication = 50,
  conflicts: readonly (readonly [string, string])[] = [],
): AffinityTriple[] {
  if (!Number.isInteger(perApplication) || perApplication < 1) {
    throw new RangeError(`perApplication must be a positive integer, got ${perApplication}`);
  }
  // Processing reviewers in id order makes a tie go to the smaller id whatever the input order.
  const sorted = [...reviewers].sort((a, b) => compareCodeUnits(a.id, b.id));
  for (let r = 1; r < sorted.length; r++) {
    if (sorted[r]!.id === sorted[r - 1]!.id) throw new RangeError(`duplicate reviewer id "${sorted[r]!.id}"`);
  }
  const docIndex = new Map(index.docIds.map((id, d) => [id, d]));
  const conflicted = new Map<string, Set<number>>();
  for (const [applicationId, reviewerId] of conflicts) {
    const d = docIndex.get(applicationId);
    if (d === undefined) continue;
    const set = conflicted.get(reviewerId) ?? new Set<number>();
    set.add(d);
    conflicted.set(reviewerId, set);
  }

  const n = index.docIds.length;
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const heaps: (BoundedHeap | undefined)[] = new Array(n);
  sorted.forEach((reviewer, r) => {
    const count = accumulate(queryTerms(index, reviewer), acc, touched);
    const skip = conflicted.get(reviewer.id);
    for (let k = 0; k < count; k++) {
      const d = touched[k]!;
      const raw = acc[d]!;
      acc[d] = 0;
      if (skip?.has(d)) continue;
      const heap = (heaps[d] ??= new BoundedHeap(perApplication));
      heap.offer(squash(raw, index.halfScore), r);
    }
  });

  const triples: AffinityTriple[] = [];
  heaps.forEach((heap, d) => {
    if (heap === undefined) return;
    for (const { score, item } of heap.best()) triples.push([index.docIds[d]!, sorted[item]!.id, score]);
  });
  return triples;
}

/**
 * Keeps the `capacity` best (score, item) pairs; a higher score is better, and on equal
 * scores the smaller item. Offers must come in ascending item order: then an equal score
 * never displaces a kept pair, so the root (the worst kept) only has to be beaten on score.
 */
class BoundedHeap {
  private readonly scores: number[] = [];
  private readonly items: number[] = [];

  constructor(private readonly capacity: number) {}

  offer(score: number, item: number): void {
    if (this.scores.length < this.capacity) {
      this.scores.push(score);
      this.items.push(item);
      this.siftUp(this.scores.length - 1);
    } else if (score > this.scores[0]!) {
      this.scores[0] = score;
      this.items[0] = item;
      this.siftDown(0);
    }
  }

  best(): { score: number; item: number }[] {
    return this.scores
      .map((score, i) => ({ score, item: this.items[i]! }))
      .sort((a, b) => b.score - a.score || a.item - b.item);
  }

  /** True when slot i holds a worse pair than slot j. */
  private worse(i: number, j: number): boolean {
    const si = this.scores[i]!;
    const sj = this.scores[j]!;
    return si < sj || (si === sj && this.items[i]! > this.items[j]!);
  }

  private swap(i: number, j: number): void {
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
    [this.items[i], this.items[j]] = [this.items[j]!, this.items[i]!];
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      let worst = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        if (child < this.scores.length && this.worse(child, worst)) worst = child;
      }
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
