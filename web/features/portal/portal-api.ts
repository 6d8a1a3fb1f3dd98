import { api } from '../../api/client';

/* Mirrors of src/modules/portal/portal.schemas.ts: the public portal's answers. */

export type ApplicantKind = 'municipality' | 'district' | 'cooperation';
export type PhaseKind = 'strategy' | 'implementation';

export interface PublicProject {
  id: string;
  reference: string;
  title: string;
  organisation: { name: string; kind: ApplicantKind };
  land: { code: string; name: string } | null;
  latitude: number | null;
  longitude: number | null;
  round: { id: string; slug: string; name: string; year: number };
  approvedCents: number;
  status: 'active' | 'completed' | 'terminated';
  currentPhase: PhaseKind | null;
  solutions: number;
}

export interface PublicProjectDetail extends PublicProject {
  programme: { slug: string; name: string };
  acronym: string;
  summary: string;
  eligibleCostsCents: number;
  fundingRateBp: number;
  ownShareCents: number;
  disbursedCents: number;
  startsOn: string;
  endsOn: string;
  phases: Array<{ kind: PhaseKind; position: number; startsOn: string; endsOn: string; approvedCents: number; current: boolean }>;
  publishedSolutions: Array<{ id: string; slug: string; name: string; description: string; licence: string; repositoryUrl: string; publiccodeValid: boolean | null }>;
  lessons: Array<{ id: string; title: string; excerpt: string; createdAt: string }>;
}

export interface StatisticRow {
  code: string;
  label: string;
  applications: number;
  funded: number;
  approvedCents: number;
}

export interface PublicStatistics {
  totals: { applications: number; funded: number; approvedCents: number };
  byLand: StatisticRow[];
  byKind: StatisticRow[];
  byRound: Array<StatisticRow & { year: number; envelopeCents: number }>;
}

export interface PublicOverview {
  programmes: Array<{
    slug: string;
    name: string;
    description: string;
    budgetCents: number;
    rounds: Array<{ id: string; slug: string; name: string; year: number; motto: string; status: string; envelopeCents: number; published: boolean }>;
  }>;
}

export interface PublicSearch {
  q: string;
  projects: Array<PublicProject & { rank: number; highlights: string[] }>;
  projectTotal: number;
  solutions: Array<{ id: string; slug: string; name: string; description: string; licence: string; organisationName: string; landName: string }>;
  solutionTotal: number;
  lessons: Array<{ id: string; kind: 'article' | 'event'; title: string; excerpt: string; organisation: { id: string; displayName: string } | null }>;
  lessonTotal: number;
}

export interface OpenDataIndex {
  licence: { id: string; name: string; url: string };
  catalog: string;
  openapi: string;
  datasets: Array<{
    id: string;
    titleDe: string;
    titleEn: string;
    descriptionDe: string;
    descriptionEn: string;
    distributions: Array<{ format: 'csv' | 'json'; mediaType: string; url: string }>;
  }>;
}

export interface ProjectFilter {
  round?: string;
  land?: string;
  kind?: string;
}

export const portalApi = {
  overview: () => api.get<PublicOverview>('/public/overview'),
  projects: (filter: ProjectFilter) => api.get<{ total: number; items: PublicProject[] }>('/public/projects', { query: { ...filter } }),
  project: (id: string) => api.get<PublicProjectDetail>(`/public/projects/${encodeURIComponent(id)}`),
  statistics: () => api.get<PublicStatistics>('/public/statistics'),
  search: (q: string) => api.get<PublicSearch>('/public/search', { query: { q, limit: 20 } }),
  openData: () => api.get<OpenDataIndex>('/open-data'),
  /** Downloads are plain links: the browser saves the file. */
  downloadUrl: (dataset: string, format: 'csv' | 'json') => `/api/open-data/${dataset}.${format}`,
  catalogUrl: '/api/open-data/catalog.ttl',
  openApiUrl: '/api/docs',
};
