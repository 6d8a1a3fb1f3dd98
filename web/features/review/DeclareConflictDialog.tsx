import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/alerts';
import { RadioGroup, TextArea } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import type { MyAssignment } from './review-types';
import { useLocalisedProblem } from './review-problems';

interface Props {
  /** The assignment the conflict is declared for; null keeps the dialog closed. */
  assignment: MyAssignment | null;
  onCancel(): void;
  onDeclared(assignment: MyAssignment, scope: 'application' | 'organisation'): void;
}

/**
 * A reviewer tells the office they cannot judge an application impartially, with a reason: for
 * this application or for everything the organisation submits. A modal <dialog> keeps focus
 * inside, closes with Escape and hands focus back to the button that opened it.
 */
export function DeclareConflictDialog({ assignment, onCancel, onDeclared }: Props) {
  const { t } = useTranslation();
  const localise = useLocalisedProblem();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [scope, setScope] = useState<'application' | 'organisation'>('application');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (assignment && !dialog.open) {
      setScope('application');
      setReason('');
      clear();
      dialog.showModal();
    } else if (!assignment && dialog.open) dialog.close();
  }, [assignment, clear]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!assignment) return;
    clear();
    if (reason.trim().length < 3) {
      fail(localProblem(t('review.conflict.notDeclared'), t('review.conflict.reasonMissing'), [{ path: 'reason', message: t('review.conflict.reasonMissing') }]));
      return;
    }
    setBusy(true);
    try {
      if (scope === 'application') {
        await reviewApi.declareConflict(assignment.roundId, { applicationId: assignment.applicationId, reason: reason.trim() });
      } else {
        // The list does not carry the organisation's id; the assignment does.
        const opened = await reviewApi.assignment(assignment.id);
        await reviewApi.declareConflict(assignment.roundId, { organisationId: opened.application.organisation.id, reason: reason.trim() });
      }
      onDeclared(assignment, scope);
    } catch (err) {
      fail(localise(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="kern-dialog app-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form noValidate onSubmit={(e) => void submit(e)}>
        <header className="kern-dialog__header">
          <h2 className="kern-title kern-title--large" id={titleId}>
            {t('review.conflict.title')}
          </h2>
        </header>
        <div className="kern-dialog__body">
          {assignment && (
            <p className="kern-body">
              {t('review.conflict.about', { title: assignment.title, organisation: assignment.organisation })}
            </p>
          )}
          <ErrorSummary error={error} ref={summaryRef} />
          <RadioGroup
            path="scope"
            legend={t('review.conflict.scope')}
            value={scope}
            onChange={(v) => setScope(v as 'application' | 'organisation')}
            options={[
              { value: 'application', label: t('review.conflict.scopeApplication') },
              { value: 'organisation', label: t('review.conflict.scopeOrganisation', { organisation: assignment?.organisation ?? '' }) },
            ]}
          />
          <TextArea path="reason" label={t('review.conflict.reason')} hint={t('review.conflict.reasonHint')} rows={4} value={reason} error={fieldErrors.reason} onChange={setReason} />
          <p className="kern-body kern-body--small">{t('review.conflict.consequence')}</p>
        </div>
        <footer className="kern-dialog__footer">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel} disabled={busy}>
            <span className="kern-label">{t('form.cancel')}</span>
          </button>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('review.conflict.declare')}</span>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
