import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import { listLatestEvents } from './audit.service';

const event = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  hash: z.string(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit/events',
    {
      schema: {
        tags: ['audit'],
        summary: 'The latest audit events (administrators)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: z.array(event) },
      },
    },
    async (request) =>
      (await listLatestEvents(contextOf(request), request.query.limit)).map((e) => ({
        seq: e.seq,
        occurredAt: e.occurredAt.toISOString(),
        actorLabel: e.actorLabel,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        hash: e.hash,
      })),
  );
};
