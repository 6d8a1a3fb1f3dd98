/**
 * The catalogue API's shapes, taken from the server's Zod schemas (type-only imports, erased at
 * build time), so the pages and the catalogue module cannot drift apart.
 */
import type { z } from 'zod';
import type {
  Adoption,
  adoptionInput,
  combinedSearch,
  facetValue,
  KnowledgeDetail,
  knowledgeInput,
  KnowledgeList,
  KnowledgeListItem,
  ObligationRow,
  Obligations,
  publiccodeInput,
  publiccodeState,
  ReuseNetwork,
  SimilarSolution,
  SolutionDetail,
  solutionInput,
  SolutionList,
  SolutionListItem,
  solutionUpdate,
} from '../../../src/modules/catalogue/catalogue.schemas';

export type { Adoption, KnowledgeDetail, KnowledgeList, KnowledgeListItem, ObligationRow, Obligations, ReuseNetwork, SimilarSolution, SolutionDetail, SolutionList, SolutionListItem };
export type FacetValue = z.infer<typeof facetValue>;
export type PubliccodeState = z.infer<typeof publiccodeState>;
export type PubliccodeProblem = PubliccodeState['errors'][number];
export type CombinedSearch = z.infer<typeof combinedSearch>;
// Request bodies are what the client sends: z.input, where fields with defaults may be left out.
export type SolutionInput = z.input<typeof solutionInput>;
export type SolutionUpdate = z.input<typeof solutionUpdate>;
export type PubliccodeInput = z.input<typeof publiccodeInput>;
export type AdoptionInput = z.input<typeof adoptionInput>;
export type KnowledgeInput = z.input<typeof knowledgeInput>;
export type AdoptionStatus = Adoption['status'];
export type KnowledgeKind = KnowledgeListItem['kind'];

export const adoptionStatuses: readonly AdoptionStatus[] = ['evaluating', 'piloting', 'production'];
export const knowledgeKinds: readonly KnowledgeKind[] = ['article', 'event'];

/** The facets the search offers, in the order the page shows them. */
export const facetNames = ['category', 'licence', 'maturity', 'land', 'applicantKind', 'softwareType'] as const satisfies readonly (keyof SolutionList['facets'])[];
export type FacetName = (typeof facetNames)[number];
