import { z } from 'zod';
import { adoptionStatuses, knowledgeKinds, publiccodeSources } from '../../db/schema/catalogue';
import { organisationKinds } from '../../db/schema/organisations';

/**
 * A facet filter: the key may repeat (?licence=EUPL-1.2&licence=MIT, as a form sends a checkbox
 * group); the values of one facet are alternatives (OR), different facets all apply (AND).
 */
function facetFilter<T extends z.ZodType<string>>(value: T) {
  return z
    .union([value, z.array(value).max(20)])
    .optional()
    .transform((v) => (v === undefined ? undefined : [...new Set(Array.isArray(v) ? v : [v])].filter((x) => x !== '')))
    .transform((v) => (v && v.length > 0 ? v : undefined));
}
const optionalFilter = facetFilter(z.string().trim().max(100));

export const solutionListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  category: optionalFilter,
  licence: optionalFilter,
  maturity: optionalFilter,
  /** The Land's two-digit key, e.g. "16" for Thüringen. */
  land: facetFilter(z.string().regex(/^\d{2}$/, 'A Land is given by its two-digit key.')),
  applicantKind: facetFilter(z.enum(organisationKinds)),
  softwareType: optionalFilter,
  /** relevance (default when q is given), newest (default otherwise), name, usedBy. */
  sort: z.enum(['relevance', 'newest', 'name', 'usedBy']).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
type FacetKey = 'category' | 'licence' | 'maturity' | 'land' | 'applicantKind' | 'softwareType';
/** As parsed; other modules call the search with only the keys they need. */
export type SolutionListQuery = Omit<z.infer<typeof solutionListQuery>, FacetKey> & Partial<Pick<z.infer<typeof solutionListQuery>, FacetKey>>;

export const facetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const facets = z.object({
  category: z.array(facetValue),
  licence: z.array(facetValue),
  maturity: z.array(facetValue),
  land: z.array(facetValue),
  applicantKind: z.array(facetValue),
  softwareType: z.array(facetValue),
});
export type Facets = z.infer<typeof facets>;

export const solutionListItem = z.object({
  type: z.literal('solution'),
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  licence: z.string(),
  maturity: z.string().nullable(),
  softwareType: z.string().nullable(),
  categories: z.array(z.string()),
  land: z.string(),
  landName: z.string(),
  applicantKind: z.enum(organisationKinds),
  organisationId: z.string(),
  organisationName: z.string(),
  publiccodeValid: z.boolean().nullable(),
  /** Organisations that evaluate, pilot or run it. */
  usedBy: z.number().int(),
  /** ts_rank_cd of the query; 0 without a query. */
  rank: z.number(),
  /** Words of the description that matched the query, as written there. */
  highlights: z.array(z.string()),
  createdAt: z.string(),
});
export type SolutionListItem = z.infer<typeof solutionListItem>;

export const solutionList = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(solutionListItem), facets });
export type SolutionList = z.infer<typeof solutionList>;

const problem = z.object({ key: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() });

export const publiccodeState = z.object({
  source: z.enum(publiccodeSources),
  yml: z.string(),
  valid: z.boolean(),
  version: z.string().nullable(),
  errors: z.array(problem),
  warnings: z.array(problem),
  checkedAt: z.string(),
  /** The catalogue part of the file (name, url, license, categories, descriptions per language, maintenance …). */
  fields: z.record(z.string(), z.unknown()).nullable(),
});

const place = z.object({ ars: z.string(), name: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable() });

export const adoption = z.object({
  id: z.string(),
  solutionId: z.string(),
  organisation: z.object({ id: z.string(), displayName: z.string(), kind: z.enum(organisationKinds) }),
  region: place.nullable(),
  status: z.enum(adoptionStatuses),
  since: z.string(),
  notes: z.string(),
  updatedAt: z.string(),
});
export type Adoption = z.infer<typeof adoption>;

export const solutionDetail = solutionListItem.omit({ rank: true, highlights: true }).extend({
  longDescription: z.string(),
  repositoryUrl: z.string(),
  applicationId: z.string().nullable(),
  organisation: z.object({ id: z.string(), displayName: z.string(), kind: z.enum(organisationKinds), region: place.nullable() }),
  publiccode: publiccodeState.nullable(),
  adoptions: z.array(adoption),
  /** What the caller may do here: solution.update, solution.adopt. */
  abilities: z.array(z.string()),
  /** The caller's organisations, with their adoption of this solution if any: the choices of the adoption form. */
  myOrganisations: z.array(z.object({ id: z.string(), displayName: z.string(), adoptionStatus: z.enum(adoptionStatuses).nullable() })),
  updatedAt: z.string(),
});
export type SolutionDetail = z.infer<typeof solutionDetail>;

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .url('Give the address of the repository, e.g. https://gitlab.opencode.de/stadt/projekt.')
  .refine((u) => /^https?:\/\//i.test(u), 'The repository address must start with http:// or https://.');

export const solutionInput = z.object({
  organisationId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(1000),
  longDescription: z.string().max(20_000).optional(),
  repositoryUrl: httpUrl,
  /** An SPDX expression of OSI-approved licences, e.g. "EUPL-1.2" or "AGPL-3.0-or-later OR EUPL-1.2". */
  licence: z.string().trim().min(1).max(200),
  categories: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  maturity: z.string().trim().max(40).optional(),
  softwareType: z.string().trim().max(60).optional(),
  applicationId: z.uuid().nullable().optional(),
  /** A publiccode.yml pasted with the registration; validated and stored like a later upload. */
  publiccodeYml: z.string().max(500_000).optional(),
});
export type SolutionInput = z.infer<typeof solutionInput>;

/**
 * A change to a solution's description: only the fields given change. `updatedAt` is the value the
 * editor last read (SolutionDetail.updatedAt): the table has no version column, so the time of the
 * last change is the concurrency token, and a change based on an older one is refused (STALE_VERSION).
 */
export const solutionUpdate = z.object({
  updatedAt: z.iso.datetime({ offset: true }),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().min(1).max(1000).optional(),
  longDescription: z.string().max(20_000).optional(),
  repositoryUrl: httpUrl.optional(),
  /** Checked like on registration: an SPDX expression of OSI-approved licences. */
  licence: z.string().trim().min(1).max(200).optional(),
  categories: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  /** null clears it. */
  maturity: z.string().trim().max(40).nullable().optional(),
  softwareType: z.string().trim().max(60).nullable().optional(),
});
export type SolutionUpdate = z.infer<typeof solutionUpdate>;

export const publiccodeInput = z.discriminatedUnion('source', [
  z.object({ source: z.enum(['upload', 'paste']), text: z.string().min(1, 'The publiccode.yml is empty.').max(500_000) }),
  z.object({ source: z.literal('repository') }),
]);
export type PubliccodeInput = z.infer<typeof publiccodeInput>;

export const adoptionInput = z.object({
  organisationId: z.uuid(),
  status: z.enum(adoptionStatuses),
  since: z.iso.date('Give the date as YYYY-MM-DD.'),
  notes: z.string().max(2000).default(''),
});
export type AdoptionInput = z.infer<typeof adoptionInput>;

export const idOrSlugParams = z.object({ idOrSlug: z.string().min(1).max(200) });
export const idParams = z.object({ id: z.uuid() });
export const programmeParams = z.object({ programme: z.string().min(1).max(100) });

// ── Reuse network ──

export const networkNode = z.object({
  id: z.string(),
  type: z.enum(['solution', 'organisation']),
  label: z.string(),
  /** For organisations: provider (built a solution), adopter, or both. */
  role: z.enum(['provider', 'adopter', 'both']).nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export const networkEdge = z.object({
  source: z.string(),
  target: z.string(),
  /** provides: organisation → solution; adopts: solution → organisation. */
  kind: z.enum(['provides', 'adopts']),
  status: z.enum(adoptionStatuses).nullable(),
});
export const replicationBySolution = z.object({
  solutionId: z.string(),
  slug: z.string(),
  name: z.string(),
  organisationName: z.string(),
  adopters: z.number().int(),
  evaluating: z.number().int(),
  piloting: z.number().int(),
  production: z.number().int(),
});
export const replicationByOrganisation = z.object({
  organisationId: z.string(),
  displayName: z.string(),
  solutions: z.number().int(),
  /** Distinct organisations reusing any of its solutions. */
  adopters: z.number().int(),
  adoptions: z.number().int(),
});
export const reuseNetwork = z.object({
  nodes: z.array(networkNode),
  edges: z.array(networkEdge),
  bySolution: z.array(replicationBySolution),
  byOrganisation: z.array(replicationByOrganisation),
});
export type ReuseNetwork = z.infer<typeof reuseNetwork>;

// ── Knowledge exchange ──

export const knowledgeListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(knowledgeKinds).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type KnowledgeListQuery = z.infer<typeof knowledgeListQuery>;

export const knowledgeListItem = z.object({
  type: z.literal('knowledge'),
  id: z.string(),
  kind: z.enum(knowledgeKinds),
  title: z.string(),
  excerpt: z.string(),
  organisation: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  solution: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  startsAt: z.string().nullable(),
  location: z.string(),
  attendees: z.number().int(),
  rank: z.number(),
  createdAt: z.string(),
});
export type KnowledgeListItem = z.infer<typeof knowledgeListItem>;
export const knowledgeList = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(knowledgeListItem) });
export type KnowledgeList = z.infer<typeof knowledgeList>;

export const knowledgeDetail = knowledgeListItem.omit({ rank: true }).extend({
  body: z.string(),
  attendance: z.array(z.object({ organisationId: z.string(), displayName: z.string(), recordedAt: z.string() })),
  abilities: z.array(z.string()),
});
export type KnowledgeDetail = z.infer<typeof knowledgeDetail>;

export const knowledgeInput = z
  .object({
    kind: z.enum(knowledgeKinds),
    title: z.string().trim().min(1).max(300),
    body: z.string().trim().min(1).max(50_000),
    /** An article's author organisation (required for articles written by members). */
    organisationId: z.uuid().nullable().optional(),
    solutionId: z.uuid().nullable().optional(),
    startsAt: z.iso.datetime({ offset: true }).nullable().optional(),
    location: z.string().trim().max(300).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'event' && !v.startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'An event needs its date and time.' });
  });
export type KnowledgeInput = z.infer<typeof knowledgeInput>;

export const attendanceInput = z.object({ organisationIds: z.array(z.uuid()).min(1).max(500) });

export const combinedSearchQuery = z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(20).default(5) });
export const combinedSearch = z.object({
  solutions: z.array(solutionListItem),
  solutionTotal: z.number().int(),
  knowledge: z.array(knowledgeListItem),
  knowledgeTotal: z.number().int(),
});

// ── Obligations ──

export const obligationsQuery = z.object({
  /** A round of the programme (id or slug); default: every round whose status is decided or published. */
  round: z.string().min(1).max(100).optional(),
});
export const obligationRow = z.object({
  organisationId: z.string(),
  displayName: z.string(),
  kind: z.enum(organisationKinds),
  roundId: z.string(),
  roundSlug: z.string(),
  applicationId: z.string(),
  /** When both obligations fall due (Europe/Berlin date). */
  dueOn: z.string(),
  published: z.boolean(),
  solutions: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), publiccodeValid: z.boolean().nullable(), osiLicence: z.boolean() })),
  exchange: z.boolean(),
  eventsAttended: z.number().int(),
  overdue: z.boolean(),
});
export const obligations = z.object({
  rounds: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), status: z.string() })),
  /** Months after the round's deadline within which both obligations must be met. */
  dueAfterMonths: z.number().int(),
  items: z.array(obligationRow),
  summary: z.object({ total: z.number().int(), published: z.number().int(), exchange: z.number().int(), overdue: z.number().int() }),
});
export type Obligations = z.infer<typeof obligations>;
export type ObligationRow = z.infer<typeof obligationRow>;

// ── Reuse first ──

export const similarInput = z.object({ text: z.string().max(200_000), limit: z.number().int().min(1).max(10).default(5) });
export const similarSolution = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  organisationName: z.string(),
  licence: z.string(),
  usedBy: z.number().int(),
  score: z.number(),
  /** The words shared with the draft that explain the match, strongest first. */
  matchedTerms: z.array(z.string()),
});
export const similarResult = z.array(similarSolution);
export type SimilarSolution = z.infer<typeof similarSolution>;
