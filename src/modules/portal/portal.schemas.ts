import { z } from 'zod';
import { organisationKinds } from '../../db/schema/organisations';
import { knowledgeListItem, solutionListItem } from '../catalogue/catalogue.schemas';

/*
 * The public portal's shapes. Everything here is a published fact about a funded project, a
 * round or the programme; no field carries a person (no user ids, names or e-mail addresses).
 */

const roundKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/i, 'A round is named by its key, such as "2020".');
const landCode = z
  .string()
  .trim()
  .regex(/^(0[1-9]|1[0-6])$/, 'A Land is named by its two-digit key, "01" to "16".');

export const projectListQuery = z.object({
  round: roundKey.optional(),
  land: landCode.optional(),
  kind: z.enum(organisationKinds).optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const projectParams = z.object({ id: z.uuid() });

export const phaseKind = z.enum(['strategy', 'implementation']);

const land = z.object({ code: z.string(), name: z.string() });
const roundRef = z.object({ id: z.uuid(), slug: z.string(), name: z.string(), year: z.number().int() });

export const publicProject = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  organisation: z.object({ name: z.string(), kind: z.enum(organisationKinds) }),
  land: land.nullable(),
  /** The lead region's reference point (WGS 84), for the map. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  round: roundRef,
  approvedCents: z.number().int(),
  status: z.enum(['active', 'completed', 'terminated']),
  /** The phase running today (Europe/Berlin), null before the first or after the last. */
  currentPhase: phaseKind.nullable(),
  solutions: z.number().int(),
});
export type PublicProject = z.infer<typeof publicProject>;

export const publicProjectList = z.object({ total: z.number().int(), items: z.array(publicProject) });
export type PublicProjectList = z.infer<typeof publicProjectList>;

export const publicProjectDetail = publicProject.extend({
  programme: z.object({ slug: z.string(), name: z.string() }),
  acronym: z.string(),
  summary: z.string(),
  eligibleCostsCents: z.number().int(),
  fundingRateBp: z.number().int(),
  ownShareCents: z.number().int(),
  disbursedCents: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  phases: z.array(z.object({ kind: phaseKind, position: z.number().int(), startsOn: z.string(), endsOn: z.string(), approvedCents: z.number().int(), current: z.boolean() })),
  solutions: z.number().int(),
  publishedSolutions: z.array(
    z.object({ id: z.uuid(), slug: z.string(), name: z.string(), description: z.string(), licence: z.string(), repositoryUrl: z.string(), publiccodeValid: z.boolean().nullable() }),
  ),
  lessons: z.array(z.object({ id: z.uuid(), title: z.string(), excerpt: z.string(), createdAt: z.string() })),
});
export type PublicProjectDetail = z.infer<typeof publicProjectDetail>;

const statisticRow = z.object({
  code: z.string(),
  label: z.string(),
  /** Applications received; counted only for rounds whose results are published. */
  applications: z.number().int(),
  funded: z.number().int(),
  approvedCents: z.number().int(),
});
export type StatisticRow = z.infer<typeof statisticRow>;

export const publicStatistics = z.object({
  totals: z.object({ applications: z.number().int(), funded: z.number().int(), approvedCents: z.number().int() }),
  byLand: z.array(statisticRow),
  byKind: z.array(statisticRow),
  byRound: z.array(statisticRow.extend({ year: z.number().int(), envelopeCents: z.number().int() })),
});
export type PublicStatistics = z.infer<typeof publicStatistics>;

export const publicSearchQuery = z.object({
  q: z.string().trim().min(1, 'Type a word to search for.').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type PublicSearchQuery = z.infer<typeof publicSearchQuery>;

export const publicSearch = z.object({
  q: z.string(),
  projects: z.array(publicProject.extend({ rank: z.number(), highlights: z.array(z.string()) })),
  projectTotal: z.number().int(),
  solutions: z.array(solutionListItem),
  solutionTotal: z.number().int(),
  lessons: z.array(knowledgeListItem),
  lessonTotal: z.number().int(),
});
export type PublicSearch = z.infer<typeof publicSearch>;

export const publicOverview = z.object({
  programmes: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      description: z.string(),
      budgetCents: z.number().int(),
      rounds: z.array(
        z.object({
          id: z.uuid(),
          slug: z.string(),
          name: z.string(),
          year: z.number().int(),
          motto: z.string(),
          status: z.string(),
          envelopeCents: z.number().int(),
          /** Results are public: the round's results page exists. */
          published: z.boolean(),
        }),
      ),
    }),
  ),
});
export type PublicOverview = z.infer<typeof publicOverview>;

// ── Open data ──

export const datasetNames = ['projects', 'solutions', 'statistics'] as const;
export type DatasetName = (typeof datasetNames)[number];

export const openDataFormat = z.enum(['csv', 'json']);
export type OpenDataFormat = z.infer<typeof openDataFormat>;

export const datasetParams = z.object({ format: openDataFormat });
export const resultsParams = z.object({ round: roundKey, format: openDataFormat });

export const openDataIndex = z.object({
  licence: z.object({ id: z.string(), name: z.string(), url: z.string() }),
  catalog: z.string(),
  openapi: z.string(),
  datasets: z.array(
    z.object({
      id: z.string(),
      titleDe: z.string(),
      titleEn: z.string(),
      descriptionDe: z.string(),
      descriptionEn: z.string(),
      distributions: z.array(z.object({ format: openDataFormat, mediaType: z.string(), url: z.string() })),
    }),
  ),
});
export type OpenDataIndex = z.infer<typeof openDataIndex>;
