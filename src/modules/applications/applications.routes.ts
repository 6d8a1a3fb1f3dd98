import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../server/request-context';
import { AppError } from '../../lib/errors';
import * as service from './applications.service';
import * as files from './attachments.service';
import { receiptPdf } from './receipt.pdf';
import {
  application,
  applicationContent,
  applicationSummary,
  attachment,
  createApplicationInput,
  idParams,
  problem,
  receipt,
  saveInput,
  versionEntry,
  versionInput,
} from './applications.schemas';

const tags = ['applications'];
const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const applicationsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Attachments arrive as the raw file; the bytes, not this declared type, decide what it is.
  app.addContentTypeParser(['application/pdf', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: files.MAX_ATTACHMENT_BYTES + 1 }, (_request, body, done) =>
    done(null, body),
  );

  app.get('/applications', { schema: { tags, summary: "The applications of the caller's organisations", response: { 200: z.array(applicationSummary) } } }, async (request) =>
    service.listMyApplications(contextOf(request)),
  );
  app.post('/applications', { schema: { tags, summary: 'Start an application (draft) for an open call', body: createApplicationInput, response: { 201: application } } }, async (request, reply) =>
    reply.code(201).send(await service.createApplication(contextOf(request), request.body)),
  );
  app.get('/applications/:id', { schema: { tags, summary: 'One application', params: idParams, response: { 200: application } } }, async (request) =>
    service.getApplication(contextOf(request), request.params.id),
  );
  app.put(
    '/applications/:id/content',
    { schema: { tags, summary: 'Save the draft (autosave); refused when the version is stale', params: idParams, body: saveInput, response: { 200: application } } },
    async (request) => service.saveDraft(contextOf(request), request.params.id, request.body),
  );
  app.get('/applications/:id/versions', { schema: { tags, summary: 'Version history', params: idParams, response: { 200: z.array(versionEntry) } } }, async (request) =>
    service.listVersions(contextOf(request), request.params.id),
  );
  app.get(
    '/applications/:id/versions/:version',
    { schema: { tags, summary: 'One saved version', params: idParams.extend({ version: z.coerce.number().int().positive() }), response: { 200: applicationContent } } },
    async (request) => service.getVersion(contextOf(request), request.params.id, request.params.version),
  );
  app.get(
    '/applications/:id/eligibility',
    { schema: { tags, summary: 'What still stands in the way of submission', params: idParams, response: { 200: z.object({ eligible: z.boolean(), problems: z.array(problem) }) } } },
    async (request) => {
      const problems = await service.checkEligibility(contextOf(request), request.params.id);
      return { eligible: problems.length === 0, problems };
    },
  );
  app.post(
    '/applications/:id/submit',
    { schema: { tags, summary: 'Submit (all or nothing; a retry returns the same receipt)', params: idParams, body: versionInput, response: { 200: receipt } } },
    async (request) => service.submitApplication(contextOf(request), request.params.id, request.body),
  );
  app.get('/applications/:id/receipt', { schema: { tags, summary: 'The submission receipt', params: idParams, response: { 200: receipt } } }, async (request) =>
    (await service.getReceipt(contextOf(request), request.params.id)).receipt,
  );
  app.get('/applications/:id/receipt.pdf', { schema: { tags, summary: 'The submission receipt as PDF', params: idParams } }, async (request, reply) => {
    const { receipt: r, snapshot } = await service.getReceipt(contextOf(request), request.params.id);
    const pdf = await receiptPdf(r, snapshot as Parameters<typeof receiptPdf>[1]);
    return reply.type('application/pdf').header('content-disposition', contentDisposition(`Eingangsbestaetigung-${r.reference}.pdf`)).send(pdf);
  });
  app.post('/applications/:id/withdraw', { schema: { tags, summary: 'Withdraw before the deadline', params: idParams, body: versionInput, response: { 200: application } } }, async (request) =>
    service.withdrawApplication(contextOf(request), request.params.id, request.body.version),
  );
  app.post('/applications/:id/reopen', { schema: { tags, summary: 'Reopen a withdrawn application as a draft', params: idParams, body: versionInput, response: { 200: application } } }, async (request) =>
    service.reopenApplication(contextOf(request), request.params.id, request.body.version),
  );
  app.post(
    '/applications/:id/attachments',
    {
      bodyLimit: files.MAX_ATTACHMENT_BYTES + 1,
      schema: {
        tags,
        summary: 'Attach a PDF (request body: the file, content type application/pdf)',
        params: idParams,
        querystring: z.object({ filename: z.string().min(1).max(200) }),
        response: { 201: attachment },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file itself as the body, with content type application/pdf.');
      return reply.code(201).send(await files.addAttachment(contextOf(request), request.params.id, request.query.filename, request.body));
    },
  );
  app.get('/applications/:id/attachments/:attachmentId', { schema: { tags, summary: 'Download an attachment', params: attachmentParams } }, async (request, reply) => {
    const file = await files.downloadAttachment(contextOf(request), request.params.id, request.params.attachmentId);
    return reply.type('application/pdf').header('content-disposition', contentDisposition(file.filename)).header('x-content-sha256', file.sha256).send(file.content);
  });
  app.delete(
    '/applications/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Remove an attachment from a draft', params: attachmentParams, response: { 200: z.object({ ok: z.literal(true) }) } } },
    async (request) => {
      await files.removeAttachment(contextOf(request), request.params.id, request.params.attachmentId);
      return { ok: true as const };
    },
  );
};
