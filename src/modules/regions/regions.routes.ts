import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import * as service from './regions.service';
import { region, regionCodeParams, regionSearchQuery } from './regions.schemas';

const tags = ['regions'];

export const regionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/regions',
    {
      schema: {
        tags,
        summary: 'Search the municipality register by name (German-aware) or by AGS/ARS prefix',
        querystring: regionSearchQuery,
        response: { 200: z.array(region) },
      },
    },
    async (request) => service.searchRegions(contextOf(request), request.query),
  );
  app.get(
    '/regions/:code',
    { schema: { tags, summary: 'One region by ARS, or a Gemeinde by its AGS', params: regionCodeParams, response: { 200: region } } },
    async (request) => service.getRegion(contextOf(request), request.params.code),
  );
};
