import { z } from 'zod';
import { applicationStatuses, formalChecks } from '../../db/schema/applications';
import { organisationKinds } from '../../db/schema/organisations';

const cents = z.number().int('Amounts are whole euro cents.').nonnegative('Amounts may not be negative.').max(10 ** 13, 'Too large.');

export const budgetLine = z.object({
  year: z.number().int().min(2000).max(2100),
  category: z.string().trim().min(1).max(100),
  amountCents: cents,
});

export const applicationContent = z.object({
  title: z.string().max(200),
  acronym: z.string().max(30),
  summary: z.string().max(3000),
  sections: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.string().max(100_000)),
  partners: z.array(z.string().trim().min(1).max(300)).max(50),
  budget: z.array(budgetLine).max(200),
  budgetEmergency: z.boolean(),
});

export const idParams = z.object({ id: z.uuid() });

export const createApplicationInput = z.object({ roundId: z.uuid(), organisationId: z.uuid() });
export const saveInput = z.object({ version: z.number().int().positive(), content: applicationContent });
export const versionInput = z.object({ version: z.number().int().positive() });

export const problem = z.object({ path: z.string(), message: z.string() });

export const attachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});

export const receipt = z.object({
  applicationId: z.uuid(),
  reference: z.string(),
  version: z.number().int(),
  submittedAt: z.string(),
  contentHash: z.string(),
  organisation: z.string(),
  round: z.string(),
  title: z.string(),
});

export const application = z.object({
  id: z.uuid(),
  reference: z.string(),
  roundId: z.uuid(),
  roundName: z.string(),
  programmeId: z.uuid(),
  organisation: z.object({ id: z.uuid(), kind: z.enum(organisationKinds), displayName: z.string() }),
  status: z.enum(applicationStatuses),
  content: applicationContent,
  eligibleCostsCents: z.number().int(),
  rateBp: z.number().int(),
  requestedCents: z.number().int(),
  ownContributionCents: z.number().int(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  receiptHash: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  formalCheck: z.enum(formalChecks),
  formalCheckReason: z.string().nullable(),
  attachments: z.array(attachment),
  updatedAt: z.string(),
  abilities: z.array(z.string()),
});

export const applicationSummary = application.pick({
  id: true,
  reference: true,
  roundId: true,
  roundName: true,
  organisation: true,
  status: true,
  requestedCents: true,
  submittedAt: true,
  formalCheck: true,
  updatedAt: true,
}).extend({ title: z.string() });

export const versionEntry = z.object({ version: z.number().int(), savedAt: z.string(), savedBy: z.string().nullable() });

export type Application = z.infer<typeof application>;
export type ApplicationSummary = z.infer<typeof applicationSummary>;
export type Receipt = z.infer<typeof receipt>;
