import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/alerts';
import { DescriptionList } from '../../components/badges';
import { TextArea } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { Section } from '../../components/page';
import { useLang } from '../../i18n';
import { formatDateTime, formatDay } from '../../lib/format';
import { fundingApi } from './funding-api';
import { reportOpen, sortReports } from './funding-model';
import { abilities, type GrantDetail, type GrantReport } from './funding-types';
import { OverdueBadge, ReportStatusBadge } from './FundingBits';

/** The project hands in a due (or returned) report; the text is required. */
function SubmitReportForm({ report, onDone }: { report: GrantReport; onDone(r: GrantReport): void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState(report.body);
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  const path = `report-${report.id}-body`;
  const submit = async () => {
    clear();
    if (body.trim() === '') {
      fail(localProblem(t('problems.VALIDATION_FAILED'), t('funding.reports.bodyMissing'), [{ path, message: t('funding.reports.bodyMissing') }]));
      return;
    }
    setBusy(true);
    try {
      onDone(await fundingApi.submitReport(report.id, report.version, body.trim()));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      className="app-form"
      aria-label={t('funding.reports.submitLabel', { title: report.title })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary error={error} messages={fieldErrors.body ? { body: t('funding.reports.bodyMissing') } : {}} ref={summaryRef} />
      <TextArea path={path} label={t('funding.reports.body')} hint={t('funding.reports.bodyHint')} rows={5} value={body} onChange={setBody} error={fieldErrors[path] ?? (fieldErrors.body ? t('funding.reports.bodyMissing') : undefined)} />
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{t('funding.reports.submit')}</span>
        </button>
      </div>
    </form>
  );
}

/** The case officer accepts a submitted report or returns it with a note saying what is missing. */
function ReviewReportForm({ report, onDone }: { report: GrantReport; onDone(r: GrantReport): void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  const path = `report-${report.id}-note`;
  const decide = async (accept: boolean) => {
    clear();
    if (!accept && note.trim() === '') {
      fail(localProblem(t('problems.VALIDATION_FAILED'), t('funding.reports.noteMissing'), [{ path, message: t('funding.reports.noteMissing') }]));
      return;
    }
    setBusy(true);
    try {
      onDone(accept ? await fundingApi.acceptReport(report.id, report.version, note.trim() || undefined) : await fundingApi.returnReport(report.id, report.version, note.trim()));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      className="app-form narrow-form"
      aria-label={t('funding.reports.reviewLabel', { title: report.title })}
      onSubmit={(e) => {
        e.preventDefault();
        void decide(true);
      }}
    >
      <ErrorSummary error={error} ref={summaryRef} />
      <TextArea path={path} label={t('funding.reports.note')} hint={t('funding.reports.noteHint')} optional rows={2} value={note} onChange={setNote} error={fieldErrors[path] ?? fieldErrors.note} />
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{t('funding.reports.accept')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => void decide(false)}>
          <span className="kern-label">{t('funding.reports.return')}</span>
        </button>
      </div>
    </form>
  );
}

/** Milestones and yearly reports with their due dates; overdue ones are flagged and listed first. */
export function ReportsSection({ grant, onChanged }: { grant: GrantDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const canSubmit = grant.abilities.includes(abilities.submitReport);
  const canReview = grant.abilities.includes(abilities.reviewReport) || grant.abilities.includes(abilities.edit);
  const reports = sortReports(grant.reports);
  return (
    <Section title={t('funding.reports.title')} id="reports">
      {reports.length === 0 ? (
        <p className="kern-body">{t('funding.reports.none')}</p>
      ) : (
        reports.map((r) => {
          const headingId = `report-${r.id}`;
          return (
            <section key={r.id} className="funding-card" aria-labelledby={headingId}>
              <h3 className="kern-heading-small" id={headingId}>
                {r.title}
              </h3>
              <p className="kern-body">
                <ReportStatusBadge status={r.status} /> {r.overdue && <OverdueBadge />}
              </p>
              <DescriptionList
                items={[
                  [t('funding.reports.kind'), t(`funding.reportKind.${r.kind}`)],
                  [t('funding.reports.dueOn'), formatDay(r.dueOn, lang)],
                  ...(r.submittedAt ? ([[t('funding.reports.submittedAt'), `${formatDateTime(r.submittedAt, lang)} (${t('common.berlinTime')})`]] as [string, string][]) : []),
                  ...(r.reviewNote ? ([[t('funding.reports.reviewNote'), r.reviewNote]] as [string, string][]) : []),
                ]}
              />
              {r.body && !(canSubmit && reportOpen(r)) && <p className="kern-body report-body">{r.body}</p>}
              {canSubmit && reportOpen(r) && <SubmitReportForm report={r} onDone={onChanged} />}
              {canReview && r.status === 'submitted' && <ReviewReportForm report={r} onDone={onChanged} />}
            </section>
          );
        })
      )}
    </Section>
  );
}
