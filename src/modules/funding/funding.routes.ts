import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import * as grants from './funding.service';
import * as disbursements from './disbursements.service';
import * as reports from './reports.service';
import { getBudget } from './budget.service';
import { budgetXlsx } from './budget.xlsx';
import {
  approveInput,
  budget,
  decisionParams,
  disbursement,
  disbursementInput,
  disbursementListQuery,
  disbursementParams,
  grantDetail,
  grantInput,
  grantListQuery,
  grantParams,
  grantSummary,
  grantUpdate,
  programmeParams,
  queuedDisbursement,
  rejectInput,
  report,
  reportAcceptInput,
  reportInput,
  reportParams,
  reportReturnInput,
  reportSubmitInput,
} from './funding.schemas';

const tags = ['funding'];

export const fundingRoutes: FastifyPluginAsyncZod = async (app) => {
  // ── Grants ──
  app.get(
    '/grants',
    { schema: { tags, summary: 'The grants the caller may see: the office its programmes’, a project its own', querystring: grantListQuery, response: { 200: z.object({ items: z.array(grantSummary) }) } } },
    async (request) => ({ items: await grants.listGrants(contextOf(request), request.query) }),
  );
  app.get(
    '/grants/:id',
    { schema: { tags, summary: 'One grant: money, phases, disbursements, reports, obligations and what the caller may do', params: grantParams, response: { 200: grantDetail } } },
    async (request) => grants.getGrant(contextOf(request), request.params.id),
  );
  app.post(
    '/decisions/:decisionId/grant',
    {
      schema: {
        tags,
        summary: 'Make the grant of a selected decision (office); phases proposed by the rules unless given, adding up to the funding',
        params: decisionParams,
        body: grantInput,
        response: { 201: grantDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await grants.createGrant(contextOf(request), request.params.decisionId, request.body)),
  );
  app.patch(
    '/grants/:id',
    { schema: { tags, summary: 'Change the project lead, the case officer or the status of a grant (office)', params: grantParams, body: grantUpdate, response: { 200: grantDetail } } },
    async (request) => grants.updateGrant(contextOf(request), request.params.id, request.body),
  );

  // ── Disbursements ──
  app.post(
    '/grants/:id/disbursements',
    {
      schema: {
        tags,
        summary: 'Request money from a phase (the project); never more than the phase has left, pending requests counted',
        params: grantParams,
        body: disbursementInput,
        response: { 201: disbursement },
      },
    },
    async (request, reply) => reply.code(201).send(await disbursements.requestDisbursement(contextOf(request), request.params.id, request.body)),
  );
  app.get(
    '/disbursements',
    { schema: { tags, summary: "The office's disbursement queue, oldest first", querystring: disbursementListQuery, response: { 200: z.object({ items: z.array(queuedDisbursement) }) } } },
    async (request) => ({ items: await disbursements.listDisbursements(contextOf(request), request.query) }),
  );
  app.post(
    '/disbursements/:id/approve',
    { schema: { tags, summary: 'Approve a pending request (office, not the requester); re-checks the phase amount', params: disbursementParams, body: approveInput, response: { 200: disbursement } } },
    async (request) => disbursements.approveDisbursement(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/disbursements/:id/reject',
    { schema: { tags, summary: 'Reject a pending request with a reason (office, not the requester)', params: disbursementParams, body: rejectInput, response: { 200: disbursement } } },
    async (request) => disbursements.rejectDisbursement(contextOf(request), request.params.id, request.body),
  );

  // ── Reports ──
  app.post(
    '/grants/:id/reports',
    { schema: { tags, summary: 'Schedule a milestone, annual or final report (office)', params: grantParams, body: reportInput, response: { 201: report } } },
    async (request, reply) => reply.code(201).send(await reports.scheduleReport(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/reports/:id/submit',
    { schema: { tags, summary: 'Submit a due or returned report (the project of that grant)', params: reportParams, body: reportSubmitInput, response: { 200: report } } },
    async (request) => reports.submitReport(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/reports/:id/accept',
    { schema: { tags, summary: 'Accept a submitted report (office)', params: reportParams, body: reportAcceptInput, response: { 200: report } } },
    async (request) => reports.acceptReport(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/reports/:id/return',
    { schema: { tags, summary: 'Return a submitted report with what is missing (office)', params: reportParams, body: reportReturnInput, response: { 200: report } } },
    async (request) => reports.returnReport(contextOf(request), request.params.id, request.body),
  );

  // ── Budget ──
  app.get(
    '/programmes/:programmeId/budget',
    { schema: { tags, summary: "The programme's money per round and per year: committed, disbursed, pending, uncommitted (office)", params: programmeParams, response: { 200: budget } } },
    async (request) => getBudget(contextOf(request), request.params.programmeId),
  );
  app.get(
    '/programmes/:programmeId/budget.xlsx',
    { schema: { tags, summary: "The programme's budget as an XLSX workbook (sheets per round, per year, totals)", params: programmeParams } },
    async (request, reply) => {
      const figures = await getBudget(contextOf(request), request.params.programmeId);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="budget-${figures.programme.id.slice(0, 8)}.xlsx"`)
        .send(await budgetXlsx(figures));
    },
  );
};
