import { z } from 'zod';
import { assignmentRunPhases, assignmentRunStatuses, recommendations } from '../../db/schema/review';
import { applicationContent } from '../applications/applications.schemas';
import { organisationKinds } from '../../db/schema/organisations';
import { region } from '../regions/regions.schemas';

const regionCode = z.string().trim().regex(/^\d{2,12}$/, 'An AGS or ARS consists of 2 to 12 digits.');

export const MAX_KEYWORDS = 30;
export const MAX_EXPERTISE = 5000;

export const profileInput = z
  .object({
    keywords: z.array(z.string().trim().min(2).max(100)).max(MAX_KEYWORDS, `At most ${MAX_KEYWORDS} keywords.`).default([]),
    expertise: z.string().max(MAX_EXPERTISE, `At most ${MAX_EXPERTISE} characters.`).default(''),
    /** Where the reviewer lives: an AGS (8 digits) or an ARS. */
    homeRegion: regionCode.nullable().default(null),
    /** The employer when it is a registered applicant… */
    employerOrganisationId: z.uuid().nullable().default(null),
    /** …or when it is a municipality or district administration (AGS or ARS). */
    employerRegion: regionCode.nullable().default(null),
    capacity: z.number().int().min(0).max(500).default(10),
  })
  .refine((p) => !(p.employerOrganisationId && p.employerRegion), {
    message: 'Give the employer either as an organisation or as a region, not both.',
    path: ['employerRegion'],
  });

export const profile = z.object({
  userId: z.uuid(),
  keywords: z.array(z.string()),
  expertise: z.string(),
  homeRegion: region.nullable(),
  employerOrganisation: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  employerRegion: region.nullable(),
  capacity: z.number().int(),
  updatedAt: z.string().nullable(),
});

export const roundParams = z.object({ roundId: z.uuid() });
export const idParams = z.object({ id: z.uuid() });
export const assignmentParams = z.object({ roundId: z.uuid(), assignmentId: z.uuid() });

export const inviteInput = z
  .object({
    userId: z.uuid(),
    minLoad: z.number().int().min(0).max(1000).default(0),
    maxLoad: z.number().int().min(0).max(1000).optional(),
  })
  .refine((i) => i.maxLoad === undefined || i.minLoad <= i.maxLoad, { message: 'minLoad may not exceed maxLoad.', path: ['minLoad'] });

export const roundReviewer = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  minLoad: z.number().int(),
  maxLoad: z.number().int(),
  invitedAt: z.string(),
  hasProfile: z.boolean(),
  homeRegion: z.string().nullable(),
  keywords: z.array(z.string()),
});

export const conflictInput = z
  .object({
    applicationId: z.uuid().optional(),
    organisationId: z.uuid().optional(),
    reason: z.string().trim().min(3).max(1000),
  })
  .refine((c) => (c.applicationId === undefined) !== (c.organisationId === undefined), {
    message: 'Name either the application or the organisation.',
    path: ['applicationId'],
  });

export const declaredConflict = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  applicationId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  reason: z.string(),
  createdAt: z.string(),
});

export const conflictReason = z.object({
  reason: z.enum(['home-region', 'employer', 'declared']),
  rule: z.string(),
  detail: z.string(),
});

export const conflictEntry = z.object({
  applicationId: z.uuid(),
  reference: z.string(),
  organisation: z.string(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  conflicts: z.array(conflictReason),
});

export const runInput = z.object({
  k: z.number().int().min(1).max(10).optional(),
  distinctStates: z.boolean().default(false),
});

export const run = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  params: z.object({
    k: z.number().int(),
    distinctStates: z.boolean(),
    applications: z.number().int(),
    reviewers: z.number().int(),
    conflicts: z.number().int(),
    candidatePairs: z.number().int(),
    kept: z.number().int(),
  }),
  solver: z.string(),
  /** 'running' until the solver has finished; poll GET /api/assignment-runs/:runId until it changes. */
  status: z.enum(assignmentRunStatuses),
  progress: z.object({ phase: z.enum(assignmentRunPhases), percent: z.number().min(0).max(100) }),
  /** 0 until the run has finished. */
  objective: z.number(),
  seconds: z.number(),
  /** Why the run is infeasible or failed. */
  reason: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

export const runParams = z.object({ runId: z.uuid() });

const reminderDay = z.number().int().min(0).max(365);

export const reviewSettingsInput = z.object({
  /** 0 for settings never saved. */
  version: z.number().int().min(0),
  /** ISO 8601 with offset; null: no deadline, so no reminders. */
  reviewDeadline: z.iso.datetime({ offset: true }).nullable(),
  reminderDays: z
    .array(reminderDay)
    .max(10, 'At most 10 reminder days.')
    .refine((days) => new Set(days).size === days.length, 'Each reminder day once.')
    .default([7, 1]),
  disagreementThreshold: z.number().min(0).max(100).default(20),
});

export const reviewSettings = z.object({
  roundId: z.uuid(),
  reviewDeadline: z.string().nullable(),
  /** Days before the deadline, largest first. */
  reminderDays: z.array(z.number().int()),
  disagreementThreshold: z.number(),
  /** 0 until saved the first time. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});

export const explanation = z.object({
  terms: z.array(z.object({ term: z.string(), weight: z.number() })),
  overriddenBy: z.string().optional(),
  previousReviewerId: z.string().optional(),
});

export const assignment = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  applicationId: z.uuid(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  runId: z.uuid().nullable(),
  affinity: z.number(),
  explanation,
  overridden: z.boolean(),
  reviewStatus: z.enum(['none', 'draft', 'submitted']),
  createdAt: z.string(),
});

export const overrideInput = z.object({ reviewerId: z.uuid() });

/** An assignment as its reviewer sees it in their list. */
export const myAssignment = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  applicationId: z.uuid(),
  reference: z.string(),
  title: z.string(),
  organisation: z.string(),
  reviewStatus: z.enum(['none', 'draft', 'submitted']),
  createdAt: z.string(),
});

/** What a reviewer reads: the application's content, never its receipt or other reviews. */
export const assignedApplication = z.object({
  assignmentId: z.uuid(),
  application: z.object({
    id: z.uuid(),
    reference: z.string(),
    roundId: z.uuid(),
    roundName: z.string(),
    organisation: z.object({ id: z.uuid(), kind: z.enum(organisationKinds), displayName: z.string() }),
    content: applicationContent,
    eligibleCostsCents: z.number().int(),
    rateBp: z.number().int(),
    requestedCents: z.number().int(),
    ownContributionCents: z.number().int(),
    submittedAt: z.string().nullable(),
  }),
  criteria: z.array(z.object({ id: z.uuid(), groupName: z.string(), name: z.string(), description: z.string(), weight: z.number().int(), scaleMin: z.number().int(), scaleMax: z.number().int() })),
});

export const reviewInput = z.object({
  version: z.number().int().min(0),
  scores: z.record(z.string(), z.number().nullable()).default({}),
  assessment: z.string().max(50_000).default(''),
  feedback: z.string().max(20_000).default(''),
  recommendation: z.enum(recommendations).nullable().default(null),
});

export const submitInput = z.object({ version: z.number().int().positive() });

export const review = z.object({
  id: z.uuid(),
  assignmentId: z.uuid(),
  scores: z.record(z.string(), z.number()),
  assessment: z.string(),
  feedback: z.string(),
  recommendation: z.enum(recommendations).nullable(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** 0 … 100, once every criterion has a valid score. */
  weightedScore: z.number().nullable(),
});

export type ProfileInput = z.infer<typeof profileInput>;
export type Profile = z.infer<typeof profile>;
export type InviteInput = z.infer<typeof inviteInput>;
export type RoundReviewer = z.infer<typeof roundReviewer>;
export type ConflictInput = z.infer<typeof conflictInput>;
export type DeclaredConflict = z.infer<typeof declaredConflict>;
export type ConflictEntry = z.infer<typeof conflictEntry>;
export type RunInput = z.infer<typeof runInput>;
export type Run = z.infer<typeof run>;
export type ReviewSettingsInput = z.infer<typeof reviewSettingsInput>;
export type ReviewSettings = z.infer<typeof reviewSettings>;
export type Assignment = z.infer<typeof assignment>;
export type MyAssignment = z.infer<typeof myAssignment>;
export type AssignedApplication = z.infer<typeof assignedApplication>;
export type ReviewInput = z.infer<typeof reviewInput>;
export type Review = z.infer<typeof review>;
