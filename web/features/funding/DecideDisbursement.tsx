import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorSummary } from '../../components/alerts';
import { DescriptionList } from '../../components/badges';
import { TextArea } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session/SessionContext';
import { fundingApi } from './funding-api';
import type { Disbursement } from './funding-types';
import { useMoney } from './FundingBits';

interface Props {
  disbursement: Disbursement;
  /** What the request is about, for the heading: the project, or its phase on the project's own page. */
  subject: string;
  details?: [string, ReactNode][];
  onDecided(d: Disbursement): void;
}

/**
 * One pending request, with the case officer's decision: approve (a note is optional) or reject
 * (the note is the reason and required). The requester never sees these buttons: four eyes.
 */
export function DecideDisbursement({ disbursement: d, subject, details = [], onDecided }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = useMoney();
  const { user } = useSession();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  const headingId = `decide-${d.id}`;
  const notePath = `decide-${d.id}-note`;
  const ownRequest = user && d.requestedBy?.id === user.id;

  const decide = async (approve: boolean) => {
    clear();
    if (!approve && note.trim() === '') {
      fail(localProblem(t('funding.decide.noteMissingTitle'), t('funding.decide.noteMissing'), [{ path: notePath, message: t('funding.decide.noteMissing') }]));
      return;
    }
    setBusy(true);
    try {
      const decided = approve ? await fundingApi.approveDisbursement(d.id, d.version, note.trim() || undefined) : await fundingApi.rejectDisbursement(d.id, d.version, note.trim());
      onDecided(decided);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const title = t('funding.decide.heading', { amount: money(d.amountCents), subject });
  return (
    <section className="funding-card" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId}>
        {title}
      </h3>
      <DescriptionList
        items={[
          ...details,
          [t('funding.disbursements.purpose'), d.purpose],
          [t('funding.disbursements.requestedAt'), `${formatDateTime(d.requestedAt, lang)} (${t('common.berlinTime')})`],
          [t('funding.disbursements.requestedBy'), d.requestedBy?.displayName ?? '–'],
        ]}
      />
      {ownRequest ? (
        <Alert tone="info" title={t('funding.decide.ownRequest')} />
      ) : (
        <form
          noValidate
          className="app-form narrow-form"
          aria-label={t('funding.decide.formLabel', { title })}
          onSubmit={(e) => {
            e.preventDefault();
            void decide(true);
          }}
        >
          <ErrorSummary error={error} messages={fieldErrors.note ? { note: t('funding.decide.noteMissing') } : {}} ref={summaryRef} />
          <TextArea path={notePath} label={t('funding.decide.note')} hint={t('funding.decide.noteHint')} optional rows={2} value={note} error={fieldErrors[notePath] ?? fieldErrors.note} onChange={setNote} />
          <div className="kern-btn-wrapper button-row">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
              <span className="kern-label">{t('funding.decide.approve')}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => void decide(false)}>
              <span className="kern-label">{t('funding.decide.reject')}</span>
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
