import { z } from 'zod';
import { decisionOutcomes } from '../../db/schema/jury';
import { organisationKinds } from '../../db/schema/organisations';

export const roundParams = z.object({ roundId: z.uuid() });
export const applicationParams = z.object({ applicationId: z.uuid() });
export const receiptParams = z.object({ hash: z.string().regex(/^[0-9a-fA-F]{64}$/, 'A receipt is a SHA-256 hash: 64 hexadecimal characters.') });

export const publishInput = z.object({
  /** The round's version as last read (optimistic locking, as for every round change). */
  version: z.number().int().min(1),
  /** Where a name is filed elsewhere than as written ("Landkreis Hof" → "Hof, Landkreis"), by application id. */
  sortNames: z.record(z.uuid(), z.string().trim().min(1).max(300)).default({}),
});
export type PublishInput = z.infer<typeof publishInput>;

const chainHead = z.object({ seq: z.number().int(), hash: z.string() });

export const publicEntry = z.object({
  applicationId: z.uuid(),
  name: z.string(),
  sortName: z.string(),
  kind: z.enum(organisationKinds),
  fundingCents: z.number().int(),
  /** Hash of the audit event that recorded the decision; check it against the chain head. */
  receipt: z.string(),
  receiptSeq: z.number().int(),
});

export const publicResults = z.object({
  roundId: z.uuid(),
  round: z.string(),
  roundName: z.string(),
  programme: z.object({ slug: z.string(), name: z.string() }),
  publishedAt: z.string(),
  chainHead,
  count: z.number().int(),
  totalFundingCents: z.number().int(),
  groups: z.array(z.object({ title: z.string(), count: z.number().int(), totalFundingCents: z.number().int(), entries: z.array(publicEntry) })),
});
export type PublicResults = z.infer<typeof publicResults>;

export const publication = z.object({ roundId: z.uuid(), publishedAt: z.string(), chainHead, count: z.number().int(), totalFundingCents: z.number().int() });
export type Publication = z.infer<typeof publication>;

export const receiptCheck = z.object({
  receipt: z.string(),
  event: z
    .object({ seq: z.number().int(), occurredAt: z.string(), action: z.string(), subjectType: z.string(), subjectId: z.string(), hash: z.string() })
    .nullable(),
  /** The published entry the receipt belongs to, when it is one. */
  entry: z.object({ roundId: z.uuid(), name: z.string(), fundingCents: z.number().int() }).nullable(),
  chainHead: chainHead.nullable(),
  inChainBeforeHead: z.boolean(),
  message: z.string(),
});
export type ReceiptCheckResult = z.infer<typeof receiptCheck>;

export const supportQuery = z.object({
  /** Apply the round's balance rules (default) or look at the envelope alone. */
  rules: z.enum(['round', 'none']).default('round'),
});

const balanceRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('minApplicantKind'), applicantKind: z.enum(organisationKinds), count: z.number().int() }),
  z.object({ kind: z.literal('maxLandShare'), basisPoints: z.number().int() }),
]);

export const decisionSupport = z.object({
  roundId: z.uuid(),
  envelopeCents: z.number().int(),
  rules: z.array(balanceRule),
  status: z.enum(['optimal', 'infeasible', 'no-scores']),
  message: z.string(),
  solveMilliseconds: z.number(),
  optimal: z.object({ count: z.number().int(), totalScore: z.number(), totalCents: z.number().int() }),
  jury: z.object({ count: z.number().int(), totalScore: z.number(), totalCents: z.number().int() }),
  applications: z.array(
    z.object({
      applicationId: z.uuid(),
      /** Null for a jury member recused from the application: it does not exist for them. */
      organisation: z.string().nullable(),
      title: z.string().nullable(),
      kind: z.enum(organisationKinds).nullable(),
      land: z.string().nullable(),
      rank: z.number().int(),
      score: z.number(),
      requestedCents: z.number().int(),
      inOptimal: z.boolean(),
      juryOutcome: z.enum(decisionOutcomes).nullable(),
      juryFundingCents: z.number().int(),
      recused: z.boolean(),
      marginal: z.enum(['last-in', 'first-out']).nullable(),
    }),
  ),
  differences: z.object({ onlyOptimal: z.array(z.uuid()), onlyJury: z.array(z.uuid()) }),
  marginal: z.object({ lastIn: z.array(z.uuid()), firstOut: z.array(z.uuid()) }),
});
export type DecisionSupport = z.infer<typeof decisionSupport>;
