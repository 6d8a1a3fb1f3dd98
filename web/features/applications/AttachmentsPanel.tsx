import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { applicationsApi } from '../../api/endpoints';
import type { Attachment } from '../../api/types';
import { Alert, useProblemTitle } from '../../components/alerts';
import { fieldId } from '../../components/fields';
import { Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatBytes, formatDateTime } from '../../lib/format';

/** The server's limit (attachments.service.ts); bigger files are refused before they are sent. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

interface Props {
  applicationId: string;
  attachments: Attachment[];
  editable: boolean;
  onChange(attachments: Attachment[]): void;
}

type Status = { kind: 'uploading'; name: string; share: number } | { kind: 'done'; text: string } | { kind: 'failed'; title: string; detail: string } | null;

/** PDF attachments: upload with progress, the list with size and checksum, delete while a draft. */
export function AttachmentsPanel({ applicationId, attachments, editable, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const problemTitle = useProblemTitle();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>(null);
  const inputId = fieldId('file');
  const errorId = `${inputId}-error`;

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setStatus({ kind: 'failed', title: t('problems.ATTACHMENT_TOO_LARGE'), detail: t('attachments.tooLarge', { name: file.name, size: formatBytes(file.size, lang) }) });
      e.target.value = '';
      return;
    }
    setStatus({ kind: 'uploading', name: file.name, share: 0 });
    try {
      const added = await applicationsApi.attach(applicationId, file, (share) => setStatus({ kind: 'uploading', name: file.name, share }));
      onChange([...attachments, added]);
      setStatus({ kind: 'done', text: t('attachments.added', { name: added.filename }) });
    } catch (error) {
      const detail =
        error instanceof ApiError && error.code === 'ATTACHMENT_NOT_PDF'
          ? t('attachments.notPdf', { name: file.name })
          : error instanceof ApiError
            ? error.problem.detail
            : String((error as Error).message ?? error);
      setStatus({ kind: 'failed', title: problemTitle(error), detail });
    } finally {
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const remove = async (attachment: Attachment) => {
    try {
      await applicationsApi.detach(applicationId, attachment.id);
      onChange(attachments.filter((a) => a.id !== attachment.id));
      setStatus({ kind: 'done', text: t('attachments.removed', { name: attachment.filename }) });
      window.setTimeout(() => inputRef.current?.focus(), 0);
    } catch (error) {
      setStatus({ kind: 'failed', title: problemTitle(error), detail: error instanceof ApiError ? error.problem.detail : '' });
    }
  };

  const failed = status?.kind === 'failed';
  return (
    <Section title={t('attachments.title')} id="attachments">
      {attachments.length === 0 ? (
        <p className="kern-body">{t('attachments.none')}</p>
      ) : (
        <Table
          caption={t('attachments.listCaption')}
          captionHidden
          columns={[
            { label: t('attachments.file') },
            { label: t('attachments.size'), numeric: true },
            { label: t('attachments.sha256') },
            { label: t('attachments.uploadedAt') },
            ...(editable ? [{ label: t('common.actions'), hidden: true }] : []),
          ]}
        >
          {attachments.map((a) => (
            <tr className="kern-table__row" key={a.id}>
              <Cell header>
                <a className="kern-link" href={applicationsApi.attachmentUrl(applicationId, a.id)} download={a.filename}>
                  {a.filename}
                </a>
              </Cell>
              <Cell numeric>{formatBytes(a.sizeBytes, lang)}</Cell>
              <Cell>
                <code title={a.sha256}>{a.sha256.slice(0, 12)}…</code>
              </Cell>
              <Cell>{formatDateTime(a.uploadedAt, lang)}</Cell>
              {editable && (
                <Cell>
                  <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => void remove(a)}>
                    <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                    <span className="kern-label">{t('attachments.remove', { name: a.filename })}</span>
                  </button>
                </Cell>
              )}
            </tr>
          ))}
        </Table>
      )}
      {editable && (
        <div className={`kern-form-input attachment-upload${failed ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor={inputId}>
            {t('attachments.add')}
          </label>
          <div className="kern-hint" id={`${inputId}-hint`}>
            {t('attachments.hint')}
          </div>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            accept=".pdf,application/pdf"
            className="kern-form-input__input file-input"
            disabled={status?.kind === 'uploading'}
            aria-invalid={failed ? true : undefined}
            aria-describedby={`${inputId}-hint${failed ? ` ${errorId}` : ''}`}
            onChange={(e) => void upload(e)}
          />
          {failed && (
            <p className="kern-error" id={errorId}>
              <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
              <span>{status.detail}</span>
            </p>
          )}
        </div>
      )}
      <div role="status" className="upload-status">
        {status?.kind === 'uploading' && (
          <div className="kern-progress">
            <label className="kern-label" htmlFor="upload-progress">
              {t('attachments.uploading', { name: status.name, percent: Math.round(status.share * 100) })}
            </label>
            <progress id="upload-progress" max={100} value={Math.round(status.share * 100)} />
          </div>
        )}
        {status?.kind === 'done' && <Alert tone="success" title={status.text} />}
      </div>
      <div role="alert">{failed && <Alert tone="danger" title={status.title} />}</div>
    </Section>
  );
}
