import { z } from 'zod';

/**
 * The reviewer-assignment problem as it arrives from outside (the `assign` CLI reads exactly
 * this JSON): every application needs k reviewers, each reviewer takes between minLoad and
 * maxLoad applications, conflicts are forbidden, and only listed affinity pairs may be used.
 */
export interface AssignmentInstance {
  readonly k: number;
  /** When true, the k reviewers of one application come from k different Länder. */
  readonly distinctStates: boolean;
  readonly applications: readonly ApplicationInput[];
  readonly reviewers: readonly ReviewerInput[];
  /** [applicationId, reviewerId] pairs that must not be assigned. */
  readonly conflicts: readonly (readonly [string, string])[];
  /** Sparse [applicationId, reviewerId, affinity] triples; unlisted pairs may not be assigned. */
  readonly affinity: readonly (readonly [string, string, number])[];
}

export interface ApplicationInput {
  readonly id: string;
  /** Land key, "01" .. "16". */
  readonly state: string;
}

export interface ReviewerInput {
  readonly id: string;
  readonly state: string;
  readonly minLoad: number;
  readonly maxLoad: number;
}

export interface InstanceIssue {
  /** JSON path of the offending value, e.g. `reviewers[3].minLoad` or `affinity[12][1]`. */
  readonly path: string;
  readonly message: string;
}

export class InvalidInstanceError extends Error {
  constructor(readonly issues: readonly InstanceIssue[]) {
    super(formatIssues(issues));
    this.name = 'InvalidInstanceError';
  }
}

const MAX_REPORTED_ISSUES = 20;

function formatIssues(issues: readonly InstanceIssue[]): string {
  const shown = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => `${issue.path}: ${issue.message}`);
  if (issues.length > MAX_REPORTED_ISSUES) shown.push(`… and ${issues.length - MAX_REPORTED_ISSUES} more issues`);
  return shown.join('\n');
}

const identifier = z.string().min(1, 'must be a non-empty string');
const landKey = z.string().regex(/^(0[1-9]|1[0-6])$/, 'must be a Land key "01" … "16"');
const load = z.number().int('must be an integer').min(0, 'must not be negative');

// Lenient in what may be left out (extra keys are ignored, loads and Länder have defaults),
// strict in every value that is there: outside tools write these files.
export const assignmentInstanceSchema = z.object({
  k: z.number().int('must be an integer').min(1, 'must be at least 1').default(2),
  distinctStates: z.boolean().default(false),
  applications: z.array(z.object({ id: identifier, state: landKey.optional() })),
  reviewers: z.array(z.object({ id: identifier, state: landKey.optional(), minLoad: load.default(0), maxLoad: load.optional() })),
  conflicts: z.array(z.tuple([identifier, identifier])).default([]),
  // z.number() already refuses NaN and ±Infinity (JSON.parse turns 1e400 into Infinity).
  affinity: z.array(z.tuple([identifier, identifier, z.number()])),
});

/** Parses JSON text; every problem becomes an InvalidInstanceError naming the JSON path. */
export function parseInstanceJson(text: string): AssignmentInstance {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InvalidInstanceError([{ path: '(document)', message: `malformed JSON: ${(error as Error).message}` }]);
  }
  return parseInstance(data);
}

/** Checks shape, then the rules that cross-reference ids; returns a normalised instance. */
export function parseInstance(data: unknown): AssignmentInstance {
  const parsed = assignmentInstanceSchema.safeParse(data);
  if (!parsed.success) {
    throw new InvalidInstanceError(
      parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  }
  const { applications, reviewers, ...rest } = parsed.data;
  const issues: InstanceIssue[] = [];
  // Without a Land the distinct-Länder rule cannot be applied; without it, the Land does not matter.
  if (rest.distinctStates) {
    applications.forEach((a, i) => a.state === undefined && issues.push({ path: `applications[${i}].state`, message: 'is required when distinctStates is true' }));
    reviewers.forEach((r, i) => r.state === undefined && issues.push({ path: `reviewers[${i}].state`, message: 'is required when distinctStates is true' }));
  }
  if (issues.length > 0) throw new InvalidInstanceError(issues);
  const instance: AssignmentInstance = {
    ...rest,
    applications: applications.map((a) => ({ id: a.id, state: a.state ?? '00' })),
    // No maximum means no limit: a reviewer can take at most every application once.
    reviewers: reviewers.map((r) => ({ id: r.id, state: r.state ?? '00', minLoad: r.minLoad, maxLoad: r.maxLoad ?? applications.length })),
  };
  issues.push(...crossReferenceIssues(instance));
  if (issues.length > 0) throw new InvalidInstanceError(issues);
  return instance;
}

function crossReferenceIssues(instance: AssignmentInstance): InstanceIssue[] {
  const issues: InstanceIssue[] = [];
  const applicationIndex = new Map<string, number>();
  instance.applications.forEach((application, i) => {
    if (applicationIndex.has(application.id)) {
      issues.push({ path: `applications[${i}].id`, message: `duplicate application id "${application.id}"` });
    } else {
      applicationIndex.set(application.id, i);
    }
  });
  const reviewerIndex = new Map<string, number>();
  instance.reviewers.forEach((reviewer, i) => {
    if (reviewerIndex.has(reviewer.id)) {
      issues.push({ path: `reviewers[${i}].id`, message: `duplicate reviewer id "${reviewer.id}"` });
    } else {
      reviewerIndex.set(reviewer.id, i);
    }
    if (reviewer.minLoad > reviewer.maxLoad) {
      issues.push({
        path: `reviewers[${i}].minLoad`,
        message: `minLoad ${reviewer.minLoad} exceeds maxLoad ${reviewer.maxLoad}`,
      });
    }
  });
  /** Returns a number unique to the pair, or -1 when an id is unknown (and records why). */
  const pairKey = (list: string, i: number, applicationId: string, reviewerId: string): number => {
    const a = applicationIndex.get(applicationId);
    const r = reviewerIndex.get(reviewerId);
    if (a === undefined) issues.push({ path: `${list}[${i}][0]`, message: `unknown application id "${applicationId}"` });
    if (r === undefined) issues.push({ path: `${list}[${i}][1]`, message: `unknown reviewer id "${reviewerId}"` });
    return a === undefined || r === undefined ? -1 : a * instance.reviewers.length + r;
  };
  instance.conflicts.forEach(([applicationId, reviewerId], i) => pairKey('conflicts', i, applicationId, reviewerId));
  // Two affinities for one pair would leave the objective ambiguous.
  const firstListing = new Map<number, number>();
  instance.affinity.forEach(([applicationId, reviewerId], i) => {
    const key = pairKey('affinity', i, applicationId, reviewerId);
    if (key < 0) return;
    const earlier = firstListing.get(key);
    if (earlier !== undefined) {
      issues.push({ path: `affinity[${i}]`, message: `pair already listed at affinity[${earlier}]` });
    } else {
      firstListing.set(key, i);
    }
  });
  return issues;
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    text += typeof segment === 'number' ? `[${segment}]` : text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text === '' ? '(document)' : text;
}
