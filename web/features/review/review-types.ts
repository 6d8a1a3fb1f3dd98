/**
 * The review API's shapes, straight from the server's Zod schemas (type-only imports, erased at
 * build time). Kept beside the feature so the shared web/api/types.ts stays small.
 */
import type { z } from 'zod';
import type {
  AssignedApplication,
  Assignment,
  ConflictEntry,
  DeclaredConflict,
  MyAssignment,
  Profile,
  Review,
  RoundReviewer,
  Run,
  conflictInput,
  inviteInput,
  profileInput,
  reviewInput,
  runInput,
} from '../../../src/modules/review/review.schemas';
import type { ReviewResults } from '../../../src/modules/review/results.service';
import type { Recommendation } from '../../../src/db/schema/review';

export type { AssignedApplication, Assignment, ConflictEntry, DeclaredConflict, MyAssignment, Review, RoundReviewer, ReviewResults, Recommendation };
export type ReviewerProfile = Profile;
export type ProfileInput = z.input<typeof profileInput>;
export type InviteInput = z.input<typeof inviteInput>;
export type ConflictInput = z.input<typeof conflictInput>;
export type ReviewInput = z.input<typeof reviewInput>;
export type RunInput = z.input<typeof runInput>;
export type ReviewCriterion = AssignedApplication['criteria'][number];
export type ResultRow = ReviewResults['applications'][number];

export const recommendationValues: readonly Recommendation[] = ['fund', 'fund_with_conditions', 'do_not_fund'];

export const runPhases = ['loading', 'conflicts', 'affinity', 'solving', 'storing', 'done'] as const;
export type RunPhase = (typeof runPhases)[number];

/**
 * A run as the page handles it: the server may answer at once with the final status (201) or
 * start the run in the background (202, status "running" with progress) — both are accepted.
 */
export type AssignmentRun = Omit<Run, 'status' | 'progress' | 'startedAt' | 'finishedAt'> & {
  startedAt?: string | null;
  finishedAt?: string | null;
  status: 'running' | 'optimal' | 'infeasible' | 'failed';
  progress?: { phase: RunPhase; percent: number } | null;
};

/** The round's review settings (deadline, reminders, disagreement threshold), where the server offers them. */
export interface ReviewSettings {
  reviewDeadline: string | null;
  reminderDays: number[];
  disagreementThreshold: number;
  version: number;
  updatedAt?: string | null;
}

export interface ReviewSettingsInput {
  version: number;
  reviewDeadline: string | null;
  reminderDays: number[];
  disagreementThreshold: number;
}
