import type { AssignmentRun, Recommendation, Review, ReviewCriterion, ReviewInput } from './review-types';

/** The review form as typed: a score per criterion (null while not chosen), the two texts, the recommendation. */
export interface ReviewDraft {
  scores: Record<string, number | null>;
  assessment: string;
  feedback: string;
  recommendation: Recommendation | null;
}

export function draftOf(review: Review | null, criteria: readonly ReviewCriterion[]): ReviewDraft {
  const scores: Record<string, number | null> = {};
  for (const c of criteria) scores[c.id] = review?.scores[c.id] ?? null;
  return { scores, assessment: review?.assessment ?? '', feedback: review?.feedback ?? '', recommendation: review?.recommendation ?? null };
}

/** What the autosave sends; scores not chosen yet are left out rather than sent as null. */
export function contentOf(draft: ReviewDraft): Omit<ReviewInput, 'version'> {
  const scores: Record<string, number> = {};
  for (const [id, value] of Object.entries(draft.scores)) if (value !== null) scores[id] = value;
  return { scores, assessment: draft.assessment, feedback: draft.feedback, recommendation: draft.recommendation };
}

export type MissingPart = { path: string; kind: 'score'; criterion: string } | { path: 'assessment'; kind: 'assessment' } | { path: 'recommendation'; kind: 'recommendation' };

/** What a submission still lacks, in the order of the form; the server checks the same again. */
export function missingForSubmission(draft: ReviewDraft, criteria: readonly ReviewCriterion[]): MissingPart[] {
  const missing: MissingPart[] = [];
  for (const c of criteria) if (draft.scores[c.id] === null || draft.scores[c.id] === undefined) missing.push({ path: `scores.${c.id}`, kind: 'score', criterion: c.name });
  if (draft.assessment.trim() === '') missing.push({ path: 'assessment', kind: 'assessment' });
  if (draft.recommendation === null) missing.push({ path: 'recommendation', kind: 'recommendation' });
  return missing;
}

/** The criteria in the groups the call defined, in their order. */
export function groupCriteria<C extends { groupName: string }>(criteria: readonly C[]): [string, C[]][] {
  const groups = new Map<string, C[]>();
  for (const c of criteria) groups.set(c.groupName, [...(groups.get(c.groupName) ?? []), c]);
  return [...groups.entries()];
}

/** The scale as the radio buttons offer it: every whole point from min to max. */
export function scalePoints(c: { scaleMin: number; scaleMax: number }): number[] {
  const points: number[] = [];
  for (let v = c.scaleMin; v <= c.scaleMax; v++) points.push(v);
  return points;
}

/** A run is finished once it is no longer running; only a running run is polled. */
export function isFinished(run: Pick<AssignmentRun, 'status'>): boolean {
  return run.status !== 'running';
}

/** Newest first, with a run that came back from the server replacing its older copy. */
export function mergeRun(runs: readonly AssignmentRun[], run: AssignmentRun): AssignmentRun[] {
  const rest = runs.filter((r) => r.id !== run.id);
  return [run, ...rest].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Keywords typed as a comma- or line-separated list; blanks and repeats (ignoring case) are dropped. */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const k = raw.trim();
    if (!k || seen.has(k.toLowerCase())) continue;
    seen.add(k.toLowerCase());
    out.push(k);
  }
  return out;
}
