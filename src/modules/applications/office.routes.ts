import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import { applicationStatuses, formalChecks } from '../../db/schema/applications';
import { organisationKinds } from '../../db/schema/organisations';
import * as office from './office.service';
import * as programmes from '../programmes/programmes.service';
import { applicationsCsv, applicationsXlsx } from './export';
import { application, idParams } from './applications.schemas';

const tags = ['programme office'];

const filter = z.object({
  status: z.enum(applicationStatuses).optional(),
  formalCheck: z.enum(formalChecks).optional(),
  kind: z.enum(organisationKinds).optional(),
  land: z.string().regex(/^(0[1-9]|1[0-6])$/, 'A Land key is 01 to 16.').optional(),
  minRequestedCents: z.coerce.number().int().nonnegative().optional(),
  maxRequestedCents: z.coerce.number().int().nonnegative().optional(),
});

const officeRow = z.object({
  id: z.uuid(),
  reference: z.string(),
  organisation: z.string(),
  sortName: z.string(),
  kind: z.enum(organisationKinds),
  land: z.string(),
  landName: z.string(),
  leadAgs: z.string(),
  title: z.string(),
  acronym: z.string(),
  status: z.enum(applicationStatuses),
  submittedAt: z.string().nullable(),
  eligibleCostsCents: z.number().int(),
  rateBp: z.number().int(),
  requestedCents: z.number().int(),
  ownContributionCents: z.number().int(),
  formalCheck: z.enum(formalChecks),
  formalCheckReason: z.string().nullable(),
  receiptHash: z.string().nullable(),
});

const roundParams = z.object({ roundId: z.uuid() });

export const officeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rounds/:roundId/applications',
    { schema: { tags, summary: "A round's applications, filtered (programme office)", params: roundParams, querystring: filter, response: { 200: z.array(officeRow) } } },
    async (request) => office.listRoundApplications(contextOf(request), request.params.roundId, request.query),
  );
  app.get(
    '/rounds/:roundId/applications/export',
    { schema: { tags, summary: "Export a round's applications as CSV or XLSX", params: roundParams, querystring: filter.extend({ format: z.enum(['csv', 'xlsx']) }) } },
    async (request, reply) => {
      const { format, ...rest } = request.query;
      const ctx = contextOf(request);
      const rows = await office.listRoundApplications(ctx, request.params.roundId, rest);
      const round = await programmes.getRound(ctx, request.params.roundId);
      const name = `antraege-${round.programmeSlug}-${round.slug}`;
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(applicationsCsv(rows));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(await applicationsXlsx(rows, `${round.name}: Anträge`));
    },
  );
  app.post(
    '/applications/:id/formal-check',
    {
      schema: {
        tags,
        summary: 'Record the formal check (eligible / ineligible with a reason)',
        params: idParams,
        body: z.object({ result: z.enum(['eligible', 'ineligible']), reason: z.string().max(2000).default('') }),
        response: { 200: application },
      },
    },
    async (request) => office.recordFormalCheck(contextOf(request), request.params.id, request.body),
  );
};
