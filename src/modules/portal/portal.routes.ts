/*
 * Public portal and open data (all under /api, no login; errors are problem+json).
 *
 *   GET /public/overview                       → programmes with their public rounds (published: results page exists)
 *   GET /public/projects?round=&land=&kind=    → { total, items: PublicProject[] } funded projects of published rounds
 *   GET /public/projects/:id                   → PublicProjectDetail (who, what, money, phases, solutions, lessons)
 *   GET /public/statistics                     → { totals, byLand, byKind, byRound }
 *   GET /public/search?q=&limit=               → { projects, solutions, lessons } (German full text)
 *   GET /open-data                             → the datasets with their download addresses
 *   GET /open-data/{projects|solutions|statistics}.{csv|json}
 *   GET /open-data/results-<round>.{csv|json}  → a published round's results
 *   GET /open-data/catalog.ttl                 → DCAT-AP.de catalogue (Turtle)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextOf } from '../../server/request-context';
import { catalogTurtle } from './dcat';
import * as openData from './opendata.service';
import * as portal from './portal.service';
import {
  datasetNames,
  datasetParams,
  openDataIndex,
  projectListQuery,
  projectParams,
  publicOverview,
  publicProjectDetail,
  publicProjectList,
  publicSearch,
  publicSearchQuery,
  publicStatistics,
  resultsParams,
} from './portal.schemas';

const tags = ['portal'];
const openTags = ['open data'];

function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function send(reply: FastifyReply, file: openData.OpenFile) {
  // Open data may be fetched by any page or script; it is public and carries no cookies' effects.
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('access-control-allow-origin', '*')
    .header('cache-control', 'public, max-age=300')
    .send(file.body);
}

export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/public/overview', { schema: { tags, summary: 'The programmes and their public rounds', response: { 200: publicOverview } } }, async (request) =>
    portal.overview(contextOf(request)),
  );
  app.get(
    '/public/projects',
    { schema: { tags, summary: 'Funded projects of published rounds, by round, Land (two-digit key) and kind of applicant', querystring: projectListQuery, response: { 200: publicProjectList } } },
    async (request) => portal.listProjects(contextOf(request), request.query),
  );
  app.get(
    '/public/projects/:id',
    { schema: { tags, summary: 'One funded project: who, what, money, phases, published solutions and lessons learned', params: projectParams, response: { 200: publicProjectDetail } } },
    async (request) => portal.getProject(contextOf(request), request.params.id),
  );
  app.get(
    '/public/statistics',
    { schema: { tags, summary: 'Applications received, projects funded and amounts approved by Land, kind of applicant and round', response: { 200: publicStatistics } } },
    async (request) => portal.getStatistics(contextOf(request)),
  );
  app.get(
    '/public/search',
    { schema: { tags, summary: 'German full-text search across funded projects, solutions and lessons learned', querystring: publicSearchQuery, response: { 200: publicSearch } } },
    async (request) => portal.search(contextOf(request), request.query),
  );

  app.get('/open-data', { schema: { tags: openTags, summary: 'The open datasets, their formats and licence', response: { 200: openDataIndex } } }, async (request) =>
    openData.openDataIndex(contextOf(request), originOf(request)),
  );
  app.get('/open-data/catalog.ttl', { schema: { tags: openTags, summary: 'The DCAT-AP.de description of the open datasets (Turtle)' } }, async (request, reply) => {
    const ctx = contextOf(request);
    const turtle = await catalogTurtle(await openData.openDataIndex(ctx, originOf(request)), originOf(request), ctx.now());
    return reply.type('text/turtle; charset=utf-8').header('access-control-allow-origin', '*').send(turtle);
  });
  for (const name of datasetNames) {
    app.get(
      `/open-data/${name}.:format`,
      { schema: { tags: openTags, summary: `The open dataset "${name}" as CSV (UTF-8 with BOM, ";") or JSON`, params: datasetParams } },
      async (request, reply) => send(reply, await openData.dataset(contextOf(request), name, request.params.format, originOf(request))),
    );
  }
  app.get(
    '/open-data/results-:round.:format',
    { schema: { tags: openTags, summary: "A published round's results as CSV or JSON (404 before publication)", params: resultsParams } },
    async (request, reply) => send(reply, await openData.roundResults(contextOf(request), request.params.round, request.params.format)),
  );
};
