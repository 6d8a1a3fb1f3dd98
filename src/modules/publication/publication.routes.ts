import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import * as service from './publication.service';
import { getDecisionSupport } from './decision-support.service';
import { getDecisionLetter } from './letters.service';
import {
  applicationParams,
  decisionSupport,
  publication,
  publicResults,
  publishInput,
  receiptCheck,
  receiptParams,
  roundParams,
  supportQuery,
} from './publication.schemas';

const tags = ['publication'];

export const publicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/rounds/:roundId/publication',
    {
      schema: {
        tags,
        summary: 'Publish a decided round: its results become public, each decision with its receipt, and applicants are notified',
        params: roundParams,
        body: publishInput,
        response: { 201: publication },
      },
    },
    async (request, reply) => reply.code(201).send(await service.publishRound(contextOf(request), request.params.roundId, request.body)),
  );

  app.get(
    '/rounds/:roundId/decision-support',
    {
      schema: {
        tags,
        summary: 'The selection with the highest total calibrated score within the envelope (and balance rules), beside the jury’s decisions (office and jury)',
        params: roundParams,
        querystring: supportQuery,
        response: { 200: decisionSupport },
      },
    },
    async (request) => getDecisionSupport(contextOf(request), request.params.roundId, request.query),
  );

  app.get(
    '/applications/:applicationId/decision-letter.pdf',
    { schema: { tags, summary: 'The decision letter as PDF (office once decided; the applicant once published)', params: applicationParams } },
    async (request, reply) => {
      const { filename, pdf } = await getDecisionLetter(contextOf(request), request.params.applicationId);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf);
    },
  );

  // ── Public, no login ──
  app.get(
    '/public/rounds/:roundId/results',
    { schema: { tags, summary: 'The published results of a round (public; 404 before publication)', params: roundParams, response: { 200: publicResults } } },
    async (request) => service.getPublicResults(contextOf(request), request.params.roundId),
  );

  app.get(
    '/public/receipts/:hash',
    {
      schema: {
        tags,
        summary: 'Check a decision receipt against the published chain head (public)',
        params: receiptParams,
        response: { 200: receiptCheck },
      },
    },
    async (request) => service.checkReceipt(contextOf(request), request.params.hash),
  );
};
