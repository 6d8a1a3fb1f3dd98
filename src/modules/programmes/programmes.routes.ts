import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import * as service from './programmes.service';
import {
  budgetChangeInput,
  programme,
  programmeInput,
  programmeUpdate,
  round,
  roundInput,
  roundParams,
  roundUpdate,
  transitionInput,
} from './programmes.schemas';

const programmeParams = z.object({ programme: z.string().min(1).max(60) });
const tags = ['programmes'];

export const programmesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/programmes', { schema: { tags, summary: 'All programmes', response: { 200: z.array(programme) } } }, async (request) =>
    service.listProgrammes(contextOf(request)),
  );
  app.post('/programmes', { schema: { tags, summary: 'Create a programme', body: programmeInput, response: { 201: programme } } }, async (request, reply) =>
    reply.code(201).send(await service.createProgramme(contextOf(request), request.body)),
  );
  app.get(
    '/programmes/:programme',
    { schema: { tags, summary: 'One programme by id or key, with its budget history', params: programmeParams, response: { 200: programme } } },
    async (request) => service.getProgramme(contextOf(request), request.params.programme),
  );
  app.patch(
    '/programmes/:programme',
    { schema: { tags, summary: 'Edit a programme', params: programmeParams, body: programmeUpdate, response: { 200: programme } } },
    async (request) => service.updateProgramme(contextOf(request), request.params.programme, request.body),
  );
  app.post(
    '/programmes/:programme/budget-changes',
    { schema: { tags, summary: 'Record a dated, reasoned change of the budget', params: programmeParams, body: budgetChangeInput, response: { 201: programme } } },
    async (request, reply) => reply.code(201).send(await service.addBudgetChange(contextOf(request), request.params.programme, request.body)),
  );
  app.get(
    '/programmes/:programme/rounds',
    { schema: { tags, summary: 'The rounds of a programme the caller may see', params: programmeParams, response: { 200: z.array(round) } } },
    async (request) => service.listRounds(contextOf(request), request.params.programme),
  );
  app.post(
    '/programmes/:programme/rounds',
    { schema: { tags, summary: 'Create a round (as draft)', params: programmeParams, body: roundInput, response: { 201: round } } },
    async (request, reply) => reply.code(201).send(await service.createRound(contextOf(request), request.params.programme, request.body)),
  );
  app.get('/rounds/:roundId', { schema: { tags, summary: 'One round', params: roundParams, response: { 200: round } } }, async (request) =>
    service.getRound(contextOf(request), request.params.roundId),
  );
  app.patch(
    '/rounds/:roundId',
    { schema: { tags, summary: 'Edit a round', params: roundParams, body: roundUpdate, response: { 200: round } } },
    async (request) => service.updateRound(contextOf(request), request.params.roundId, request.body),
  );
  app.post(
    '/rounds/:roundId/transition',
    { schema: { tags, summary: 'Move a round to its next status', params: roundParams, body: transitionInput, response: { 200: round } } },
    async (request) => service.transitionRound(contextOf(request), request.params.roundId, request.body.to, request.body.version),
  );
};
