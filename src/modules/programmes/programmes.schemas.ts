import { z } from 'zod';
import { applicantKinds, roundStatuses } from '../../db/schema/programmes';

const cents = z.number().int('Amounts are whole euro cents.');
const nonNegativeCents = cents.nonnegative('Amounts may not be negative.').max(Number.MAX_SAFE_INTEGER);
const basisPoints = z.number().int().min(0).max(10_000);
const slug = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and hyphens.');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2020-06-30.');
const instant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 time with offset, like 2020-04-20T23:59:00+02:00.' });

export const idParams = z.object({ id: z.uuid() });
export const roundParams = z.object({ roundId: z.uuid() });

export const budgetChangeInput = z.object({
  effectiveOn: isoDate,
  amountCents: cents.refine((v) => v !== 0, 'A change of zero changes nothing.').refine(Number.isSafeInteger, 'Too large.'),
  reason: z.string().trim().min(3).max(500),
});

export const programmeInput = z.object({
  slug,
  name: z.string().trim().min(3).max(200),
  description: z.string().max(5000).default(''),
  defaultRateBp: basisPoints,
  raisedRateBp: basisPoints,
  initialBudget: budgetChangeInput.optional(),
});

export const programmeUpdate = z.object({
  version: z.number().int().positive(),
  name: z.string().trim().min(3).max(200).optional(),
  description: z.string().max(5000).optional(),
  defaultRateBp: basisPoints.optional(),
  raisedRateBp: basisPoints.optional(),
});

export const budgetChange = z.object({
  id: z.uuid(),
  effectiveOn: isoDate,
  amountCents: cents,
  reason: z.string(),
});

export const programme = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  currency: z.string(),
  defaultRateBp: z.number().int(),
  raisedRateBp: z.number().int(),
  budgetCents: cents,
  budgetHistory: z.array(budgetChange),
  version: z.number().int(),
  abilities: z.array(z.string()),
});

export const criterionInput = z.object({
  groupName: z.string().max(200).default(''),
  name: z.string().trim().min(2).max(300),
  description: z.string().max(2000).default(''),
  weight: z.number().int().min(1).max(100),
  scaleMin: z.number().int().min(0).max(100).default(0),
  scaleMax: z.number().int().min(1).max(100).default(5),
});

export const formSection = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and underscores.'),
  title: z.string().trim().min(2).max(200),
  description: z.string().max(2000).default(''),
  maxLength: z.number().int().min(100).max(100_000).default(10_000),
  required: z.boolean().default(true),
});

const roundFields = {
  slug,
  name: z.string().trim().min(3).max(200),
  year: z.number().int().min(2000).max(2100),
  motto: z.string().max(300).default(''),
  callText: z.string().max(50_000).default(''),
  opensAt: instant,
  closesAt: instant,
  envelopeCents: nonNegativeCents,
  eligibleKinds: z.array(z.enum(applicantKinds)).min(1, 'At least one kind of applicant must be eligible.'),
  reviewersPerApplication: z.number().int().min(1).max(10).default(2),
  jurySize: z.number().int().min(1).max(99).default(11),
  criteria: z.array(criterionInput).max(50).default([]),
  formSections: z.array(formSection).max(30).default([]),
  costCategories: z.array(z.string().trim().min(2).max(100)).max(30).default([]),
  maxRequestCents: nonNegativeCents.nullable().default(null),
};

export const roundInput = z.object(roundFields);

export const roundUpdate = z.object({
  version: z.number().int().positive(),
  name: roundFields.name.optional(),
  motto: z.string().max(300).optional(),
  callText: z.string().max(50_000).optional(),
  opensAt: instant.optional(),
  closesAt: instant.optional(),
  envelopeCents: nonNegativeCents.optional(),
  eligibleKinds: roundFields.eligibleKinds.optional(),
  reviewersPerApplication: z.number().int().min(1).max(10).optional(),
  jurySize: z.number().int().min(1).max(99).optional(),
  criteria: z.array(criterionInput).max(50).optional(),
  formSections: z.array(formSection).max(30).optional(),
  costCategories: z.array(z.string().trim().min(2).max(100)).max(30).optional(),
  maxRequestCents: nonNegativeCents.nullable().optional(),
});

export const transitionInput = z.object({
  to: z.enum(roundStatuses),
  version: z.number().int().positive(),
});

export const criterion = criterionInput.extend({ id: z.uuid(), position: z.number().int() });

export const round = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeSlug: z.string(),
  slug: z.string(),
  name: z.string(),
  year: z.number().int(),
  motto: z.string(),
  callText: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  envelopeCents: cents,
  eligibleKinds: z.array(z.enum(applicantKinds)),
  reviewersPerApplication: z.number().int(),
  jurySize: z.number().int(),
  status: z.enum(roundStatuses),
  nextStatuses: z.array(z.enum(roundStatuses)),
  criteria: z.array(criterion),
  formSections: z.array(formSection),
  costCategories: z.array(z.string()),
  maxRequestCents: cents.nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});

export type ProgrammeInput = z.infer<typeof programmeInput>;
export type ProgrammeUpdate = z.infer<typeof programmeUpdate>;
export type BudgetChangeInput = z.infer<typeof budgetChangeInput>;
export type RoundInput = z.infer<typeof roundInput>;
export type RoundUpdate = z.infer<typeof roundUpdate>;
export type Programme = z.infer<typeof programme>;
export type Round = z.infer<typeof round>;
