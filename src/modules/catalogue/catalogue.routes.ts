/*
 * Catalogue API (all under /api; shapes in catalogue.schemas.ts; errors are problem+json).
 *
 * Public (no login):
 *   GET  /catalogue/solutions?q=&category=&licence=&maturity=&land=&applicantKind=&softwareType=&sort=&page=&pageSize=
 *        Each facet key may repeat (?licence=EUPL-1.2&licence=MIT): values of one facet are alternatives (OR),
 *        facets all apply (AND).
 *        → { total, page, pageSize, items: SolutionListItem[], facets: { category, licence, maturity, land,
 *            applicantKind, softwareType: [{ value, label, count }] } }
 *        German full-text: "Plattformen" finds "Plattform", "Buerger" finds "Bürger". Each facet counts the
 *        solutions matching q and every OTHER filter (so a chosen licence still shows its alternatives).
 *        land = two-digit Land key ("16"); label is the Land's name. sort: relevance|newest|name|usedBy.
 *        Item: { type:'solution', id, slug, name, description, licence, maturity, softwareType, categories,
 *                land, landName, applicantKind, organisationId, organisationName, publiccodeValid, usedBy,
 *                rank, highlights: string[] (matching words as written), createdAt }
 *   GET  /catalogue/solutions/:idOrSlug → SolutionDetail: the item's fields plus longDescription, repositoryUrl,
 *        applicationId, organisation { id, displayName, kind, region{ars,name,latitude,longitude} },
 *        publiccode { source, yml, valid, version, errors[{key,line,column,message}], warnings[…], checkedAt,
 *        fields } | null, adoptions [{ id, organisation{id,displayName,kind}, region{…lat/lon}|null, status,
 *        since, notes, updatedAt }], abilities ('solution.update', 'solution.adopt'),
 *        myOrganisations [{ id, displayName, adoptionStatus|null }] (the adoption form's choices), updatedAt
 *   GET  /catalogue/search?q=&limit=5 → { solutions: SolutionListItem[], solutionTotal, knowledge: KnowledgeListItem[], knowledgeTotal }
 *   GET  /catalogue/knowledge?q=&kind=article|event&page=&pageSize= → { total, page, pageSize, items: KnowledgeListItem[] }
 *        Item: { type:'knowledge', id, kind, title, excerpt, organisation{id,displayName}|null,
 *                solution{id,slug,name}|null, startsAt|null, location, attendees, rank, createdAt }
 *   GET  /catalogue/knowledge/:id → item + { body, attendance [{organisationId, displayName, recordedAt}], abilities }
 *   GET  /catalogue/reuse-network → { nodes [{id, type:'solution'|'organisation', label, role, latitude, longitude}],
 *        edges [{source, target, kind:'provides'|'adopts', status}], bySolution [{solutionId, slug, name,
 *        organisationName, adopters, evaluating, piloting, production}], byOrganisation [{organisationId,
 *        displayName, solutions, adopters, adoptions}] }
 *   GET  /catalogue/feed.atom → Atom feed (application/atom+xml) of the 50 newest solutions
 *
 * Logged in (POSTs need the x-csrf-token header like every other change):
 *   POST /catalogue/solutions { organisationId, name, description, longDescription?, repositoryUrl, licence,
 *        categories?, maturity?, softwareType?, applicationId?, publiccodeYml? } → 201 SolutionDetail
 *        (members of the organisation, or the programme office). A licence that is no OSI-approved SPDX
 *        expression → 422 LICENCE_NOT_OPEN_SOURCE with fields [{ path: 'licence' }].
 *   PATCH /catalogue/solutions/:id { updatedAt, name?, description?, longDescription?, repositoryUrl?, licence?,
 *        categories?, maturity?|null, softwareType?|null } → 200 SolutionDetail (members of the owning organisation,
 *        or the programme office). updatedAt is the SolutionDetail.updatedAt the editor read: the concurrency
 *        token (the table has no version column); an older one → 409 STALE_VERSION. The slug stays.
 *        A licence that is no OSI-approved SPDX expression → 422 LICENCE_NOT_OPEN_SOURCE as on registration.
 *   POST /catalogue/solutions/:id/publiccode { source:'upload'|'paste', text } | { source:'repository' }
 *        → 200 SolutionDetail; the file is stored even when invalid, its errors/warnings in publiccode.
 *        An unreachable repository → 502 PUBLICCODE_UNREACHABLE (after at most 5 s).
 *   POST /catalogue/solutions/:id/adoptions { organisationId, status:'evaluating'|'piloting'|'production',
 *        since:'YYYY-MM-DD', notes? } → 201 Adoption (a member, for their organisation; again = update)
 *   POST /catalogue/knowledge { kind:'article'|'event', title, body, organisationId?, solutionId?, startsAt?, location? }
 *        → 201 KnowledgeDetail (articles: members for their organisation, or the office; events: the office)
 *   POST /catalogue/knowledge/:id/attendance { organisationIds: [] } → 200 KnowledgeDetail (office; events only)
 *   POST /catalogue/similar { text, limit? } → [{ id, slug, name, description, organisationName, licence, usedBy,
 *        score, matchedTerms: string[] }] (up to 5 solutions like a draft's text, with the shared words)
 *
 * Programme office:
 *   GET  /programmes/:programme/obligations?round= → { rounds, dueAfterMonths, items [{ organisationId,
 *        displayName, kind, roundId, roundSlug, applicationId, dueOn, published, solutions[{id,slug,name,
 *        publiccodeValid,osiLicence}], exchange, eventsAttended, overdue }], summary { total, published, exchange, overdue } }
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import type { SolutionList } from './catalogue.schemas';
import * as catalogue from './catalogue.service';
import * as knowledge from './knowledge.service';
import * as obligations from './obligations.service';
import * as reuse from './reuse.service';
import {
  adoption,
  adoptionInput,
  attendanceInput,
  combinedSearch,
  combinedSearchQuery,
  idOrSlugParams,
  idParams,
  knowledgeDetail,
  knowledgeInput,
  knowledgeList,
  knowledgeListQuery,
  obligations as obligationsSchema,
  obligationsQuery,
  programmeParams,
  publiccodeInput,
  reuseNetwork,
  similarInput,
  similarResult,
  solutionDetail,
  solutionInput,
  solutionList,
  solutionListQuery,
  solutionUpdate,
} from './catalogue.schemas';

const tags = ['catalogue'];

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/catalogue/solutions',
    { schema: { tags, summary: 'Search the solution catalogue (German full text) with facet counts', querystring: solutionListQuery, response: { 200: solutionList } } },
    // Sent as kept JSON text (see searchSolutionsJson): Fastify passes a JSON string through unserialised,
    // and the schema above still documents its shape.
    async (request, reply) =>
      reply.type('application/json; charset=utf-8').send((await catalogue.searchSolutionsJson(contextOf(request), request.query)) as unknown as SolutionList),
  );
  app.post(
    '/catalogue/solutions',
    { schema: { tags, summary: 'Register a solution of an organisation (its members or the programme office)', body: solutionInput, response: { 201: solutionDetail } } },
    async (request, reply) => reply.code(201).send(await catalogue.createSolution(contextOf(request), request.body)),
  );
  app.get(
    '/catalogue/solutions/:idOrSlug',
    { schema: { tags, summary: 'One solution with its publiccode.yml, validation result and adoptions', params: idOrSlugParams, response: { 200: solutionDetail } } },
    async (request) => catalogue.getSolution(contextOf(request), request.params.idOrSlug),
  );
  app.patch(
    '/catalogue/solutions/:id',
    {
      schema: {
        tags,
        summary: "Change a solution's description (its organisation's members or the programme office); refused when changed since it was read",
        params: idParams,
        body: solutionUpdate,
        response: { 200: solutionDetail },
      },
    },
    async (request) => catalogue.updateSolution(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/catalogue/solutions/:id/publiccode',
    {
      schema: {
        tags,
        summary: "Upload, paste or fetch from the repository the solution's publiccode.yml; stored with its validation result",
        params: idParams,
        body: publiccodeInput,
        response: { 200: solutionDetail },
      },
    },
    async (request) => catalogue.updatePubliccode(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/catalogue/solutions/:id/adoptions',
    { schema: { tags, summary: 'Record that an organisation evaluates, pilots or runs the solution (again: update)', params: idParams, body: adoptionInput, response: { 201: adoption } } },
    async (request, reply) => reply.code(201).send(await reuse.recordAdoption(contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/catalogue/reuse-network',
    { schema: { tags, summary: 'Which solutions travelled from which organisation to which adopters, with replication figures', response: { 200: reuseNetwork } } },
    async (request) => reuse.getReuseNetwork(contextOf(request)),
  );
  app.get(
    '/catalogue/feed.atom',
    { schema: { tags, summary: 'Atom feed of the newest solutions' } },
    async (request, reply) => reply.type('application/atom+xml; charset=utf-8').send(await catalogue.atomFeed(contextOf(request), request.protocol + '://' + request.host)),
  );
  app.get(
    '/catalogue/search',
    { schema: { tags, summary: 'Search solutions and knowledge items together', querystring: combinedSearchQuery, response: { 200: combinedSearch } } },
    async (request) => knowledge.searchEverything(contextOf(request), request.query.q, request.query.limit),
  );
  app.get(
    '/catalogue/knowledge',
    { schema: { tags, summary: 'Lessons learned and exchange events (German full text)', querystring: knowledgeListQuery, response: { 200: knowledgeList } } },
    async (request) => knowledge.listKnowledge(contextOf(request), request.query),
  );
  app.post(
    '/catalogue/knowledge',
    { schema: { tags, summary: 'Write a lessons-learned article or announce an exchange event', body: knowledgeInput, response: { 201: knowledgeDetail } } },
    async (request, reply) => reply.code(201).send(await knowledge.createKnowledge(contextOf(request), request.body)),
  );
  app.get(
    '/catalogue/knowledge/:id',
    { schema: { tags, summary: 'One article or event with its attendance', params: idParams, response: { 200: knowledgeDetail } } },
    async (request) => knowledge.getKnowledge(contextOf(request), request.params.id),
  );
  app.post(
    '/catalogue/knowledge/:id/attendance',
    { schema: { tags, summary: 'Record which organisations took part in an exchange event (programme office)', params: idParams, body: attendanceInput, response: { 200: knowledgeDetail } } },
    async (request) => knowledge.recordAttendance(contextOf(request), request.params.id, request.body.organisationIds),
  );
  app.post(
    '/catalogue/similar',
    { schema: { tags, summary: 'Catalogue solutions similar to a draft text, with the words that match (reuse first)', body: similarInput, response: { 200: similarResult } } },
    async (request) => reuse.similarSolutions(contextOf(request), request.body.text, request.body.limit),
  );
  app.get(
    '/programmes/:programme/obligations',
    {
      schema: {
        tags,
        summary: 'Open-source publication and exchange obligations of the funded organisations, with who is overdue (programme office)',
        params: programmeParams,
        querystring: obligationsQuery,
        response: { 200: obligationsSchema },
      },
    },
    async (request) => obligations.getObligations(contextOf(request), request.params.programme, request.query.round),
  );
};
