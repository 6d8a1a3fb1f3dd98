import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewApi } from '../../api/endpoints';
import type { OfficeRow } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { SelectField } from '../../components/fields';
import { useFormErrors } from '../../components/form-errors';
import { Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { ReviewStatusBadge } from './ReviewStatusBadge';
import type { Assignment, RoundReviewer } from './review-types';
import { useLocalisedProblem } from './review-problems';

interface Props {
  roundId: string;
  assignments: Assignment[];
  applications: Map<string, OfficeRow>;
  pool: RoundReviewer[];
  onChanged(assignment: Assignment): void;
}

function applicationName(row: OfficeRow | undefined, fallback: string): string {
  return row ? `${row.organisation} (${row.reference})` : fallback;
}

/** The round's pairs of application and reviewer, why each fits, and a way to give one to someone else. */
export function AssignmentsSection({ roundId, assignments, applications, pool, onChanged }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [editing, setEditing] = useState<Assignment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const sorted = [...assignments].sort((a, b) => {
    const x = applications.get(a.applicationId)?.organisation ?? a.applicationId;
    const y = applications.get(b.applicationId)?.organisation ?? b.applicationId;
    return x.localeCompare(y, 'de') || a.reviewerName.localeCompare(b.reviewerName, 'de');
  });

  return (
    <Section title={t('review.assignments.title')} id="assignments">
      <div role="status" className="status-region">
        {notice && <Alert tone="success" title={notice} ref={noticeRef} />}
      </div>
      {sorted.length === 0 ? (
        <p className="kern-body">{t('review.assignments.none')}</p>
      ) : (
        <Table
          caption={t('review.assignments.caption', { count: sorted.length, formatted: formatNumber(sorted.length, lang) })}
          small
          columns={[
            { label: t('review.assignments.application') },
            { label: t('review.assignments.reviewer') },
            { label: t('review.assignments.affinity'), numeric: true },
            { label: t('review.assignments.terms') },
            { label: t('review.assignments.state') },
            { label: t('common.actions'), hidden: true },
          ]}
        >
          {sorted.map((a) => {
            const app = applications.get(a.applicationId);
            return (
              <tr className="kern-table__row" key={a.id}>
                <Cell header>
                  {app?.organisation ?? a.applicationId}
                  {app && (
                    <span className="muted cell-note">
                      {app.reference} · {app.title}
                    </span>
                  )}
                </Cell>
                <Cell>{a.reviewerName}</Cell>
                <Cell numeric>{formatNumber(Math.round(a.affinity * 1000) / 1000, lang)}</Cell>
                <Cell>
                  {a.explanation.terms.length === 0
                    ? '–'
                    : a.explanation.terms
                        .slice(0, 6)
                        .map((term) => term.term)
                        .join(', ')}
                </Cell>
                <Cell>
                  <ReviewStatusBadge status={a.reviewStatus} />
                  {a.overridden && (
                    <>
                      {' '}
                      <span className="kern-badge kern-badge--warning">
                        <span className="kern-label">{t('review.assignments.overridden')}</span>
                      </span>
                      {a.explanation.overriddenBy && <span className="muted cell-note">{t('review.assignments.overriddenBy', { by: a.explanation.overriddenBy })}</span>}
                    </>
                  )}
                </Cell>
                <Cell>
                  {a.reviewStatus === 'none' && (
                    <button type="button" className="kern-btn kern-btn--tertiary kern-btn--small" onClick={() => setEditing(a)}>
                      <span className="kern-label">
                        {t('review.assignments.change')}
                        <span className="kern-sr-only">
                          {' '}
                          {t('review.assignments.changeWhich', { reviewer: a.reviewerName, application: applicationName(app, a.applicationId) })}
                        </span>
                      </span>
                    </button>
                  )}
                </Cell>
              </tr>
            );
          })}
        </Table>
      )}
      <OverrideDialog
        roundId={roundId}
        assignment={editing}
        applicationLabel={editing ? applicationName(applications.get(editing.applicationId), editing.applicationId) : ''}
        candidates={editing ? pool.filter((r) => !assignments.some((x) => x.applicationId === editing.applicationId && x.reviewerId === r.userId)) : []}
        onCancel={() => setEditing(null)}
        onDone={(changed) => {
          setEditing(null);
          onChanged(changed);
          setNotice(t('review.assignments.changed', { reviewer: changed.reviewerName, application: applicationName(applications.get(changed.applicationId), changed.applicationId) }));
        }}
      />
    </Section>
  );
}

interface DialogProps {
  roundId: string;
  assignment: Assignment | null;
  applicationLabel: string;
  candidates: RoundReviewer[];
  onCancel(): void;
  onDone(assignment: Assignment): void;
}

/** Choose another reviewer of the pool for one pair; a conflict the server finds is shown with its reasons. */
function OverrideDialog({ roundId, assignment, applicationLabel, candidates, onCancel, onDone }: DialogProps) {
  const { t } = useTranslation();
  const localise = useLocalisedProblem();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reviewerId, setReviewerId] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (assignment && !dialog.open) {
      setReviewerId(candidates[0]?.userId ?? '');
      clear();
      dialog.showModal();
    } else if (!assignment && dialog.open) dialog.close();
    // Opening decides the first choice; later changes of the list do not.
  }, [assignment]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!assignment || !reviewerId) return;
    clear();
    setBusy(true);
    try {
      onDone(await reviewApi.override(roundId, assignment.id, reviewerId));
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
            {t('review.override.title')}
          </h2>
        </header>
        <div className="kern-dialog__body">
          {assignment && <p className="kern-body">{t('review.override.lead', { application: applicationLabel, reviewer: assignment.reviewerName })}</p>}
          <ErrorSummary error={error} ref={summaryRef} knownPaths={(p) => p === 'reviewerId'} />
          {candidates.length === 0 ? (
            <p className="kern-body">{t('review.override.noCandidates')}</p>
          ) : (
            <SelectField
              path="reviewerId"
              label={t('review.override.newReviewer')}
              hint={t('review.override.hint')}
              value={reviewerId}
              error={fieldErrors.reviewerId}
              onChange={setReviewerId}
              options={candidates.map((c) => ({ value: c.userId, label: `${c.displayName} (${c.email})` }))}
            />
          )}
        </div>
        <footer className="kern-dialog__footer">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel} disabled={busy}>
            <span className="kern-label">{t('form.cancel')}</span>
          </button>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy || candidates.length === 0}>
            <span className="kern-label">{t('review.override.save')}</span>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
