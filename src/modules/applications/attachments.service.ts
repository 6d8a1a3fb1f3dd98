import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../lib/errors';
import { actorUserId } from '../../lib/access';
import { applyChange, type ServiceContext } from '../context';
import * as q from './applications.queries';
import { loadApplication, requireChangeWindow } from './applications.service';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Judges a file by its bytes, never by its name or declared type: a PDF starts with its
 * signature (which file-type recognises) and ends with an end-of-file marker.
 */
export async function isPdf(bytes: Uint8Array): Promise<boolean> {
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime !== 'application/pdf') return false;
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

function cleanFilename(name: string): string {
  // Control characters in a file name break headers and file systems; they carry no meaning.
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f]/g, '').trim();
  return base.slice(0, 200) || 'anlage.pdf';
}

export async function addAttachment(ctx: ServiceContext, applicationId: string, filename: string, bytes: Uint8Array) {
  const loaded = await loadApplication(ctx, applicationId, 'application.edit');
  requireChangeWindow(ctx, loaded);
  if (loaded.row.status !== 'draft') throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', 'Attachments can be changed only in a draft.');
  if (bytes.length === 0) throw new AppError('ATTACHMENT_NOT_PDF', 'The file is empty.', { fields: [{ path: 'file', message: 'Empty file.' }] });
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('ATTACHMENT_TOO_LARGE', `The file has ${bytes.length} bytes; at most ${MAX_ATTACHMENT_BYTES} are allowed.`, { fields: [{ path: 'file', message: 'Too large.' }] });
  }
  if (!(await isPdf(bytes))) {
    throw new AppError('ATTACHMENT_NOT_PDF', `"${filename}" is not a PDF file.`, { fields: [{ path: 'file', message: 'Not a PDF.' }] });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const name = cleanFilename(filename);
  return applyChange(ctx, async (tx) => {
    const meta = await q.insertAttachment(tx, {
      applicationId,
      filename: name,
      sizeBytes: bytes.length,
      sha256,
      content: bytes,
      uploadedAt: ctx.now(),
      uploadedBy: actorUserId(ctx.actor),
    });
    return {
      result: { id: meta.id, filename: meta.filename, sizeBytes: meta.sizeBytes, sha256: meta.sha256, uploadedAt: meta.uploadedAt.toISOString() },
      event: { action: 'applications.attach', subjectType: 'application', subjectId: applicationId, payload: { filename: name, sizeBytes: bytes.length, sha256 } },
    };
  });
}

export async function removeAttachment(ctx: ServiceContext, applicationId: string, attachmentId: string): Promise<void> {
  const loaded = await loadApplication(ctx, applicationId, 'application.edit');
  requireChangeWindow(ctx, loaded);
  if (loaded.row.status !== 'draft') throw new AppError('APPLICATION_TRANSITION_NOT_ALLOWED', 'Attachments can be changed only in a draft.');
  await applyChange(ctx, async (tx) => {
    if (!(await q.deleteAttachment(tx, applicationId, attachmentId))) throw new AppError('NOT_FOUND', 'There is no such attachment.');
    return { result: undefined, event: { action: 'applications.detach', subjectType: 'application', subjectId: applicationId, payload: { attachmentId } } };
  });
}

export async function downloadAttachment(ctx: ServiceContext, applicationId: string, attachmentId: string) {
  await loadApplication(ctx, applicationId);
  const row = await q.findAttachment(ctx.db, applicationId, attachmentId);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such attachment.');
  return { filename: row.filename, sha256: row.sha256, content: Buffer.from(row.content) };
}
