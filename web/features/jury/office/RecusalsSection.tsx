import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeRow } from '../../../api/types';
import { Alert, ErrorSummary } from '../../../components/alerts';
import { SelectField, TextArea } from '../../../components/fields';
import { localProblem, useFormErrors } from '../../../components/form-errors';
import { Section } from '../../../components/page';
import { Cell, Table } from '../../../components/table';
import type { JuryOverview } from '../jury-api';
import { juryOfficeApi, type Recusal } from './office-api';

/** Every recusal of the round's jury (declared and derived), and the form that records one. */
export function RecusalsSection({ overview, recusals, applications, onChanged }: { overview: JuryOverview; recusals: Recusal[]; applications: OfficeRow[]; onChanged(): void }) {
  const { t } = useTranslation();
  const [memberId, setMemberId] = useState('');
  const [applicationId, setApplicationId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  const memberName = new Map(overview.members.map((m) => [m.id, m.displayName]));
  const applicationName = new Map(applications.map((a) => [a.id, `${a.reference} – ${a.organisation}`]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(false);
    const problems: { path: string; message: string }[] = [];
    if (!memberId) problems.push({ path: 'memberId', message: t('juryOffice.recusals.chooseMissing') });
    if (!applicationId) problems.push({ path: 'applicationId', message: t('juryOffice.recusals.chooseMissing') });
    if (reason.trim().length < 3) problems.push({ path: 'reason', message: t('juryOffice.recusals.reasonMissing') });
    if (problems.length > 0) {
      fail(localProblem(t('juryOffice.notSaved'), t('form.checkFields'), problems));
      return;
    }
    setBusy(true);
    try {
      await juryOfficeApi.declareRecusal(overview.round.id, { memberId, applicationId, reason: reason.trim() });
      setDone(true);
      setReason('');
      onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const choose = { value: '', label: t('juryOffice.recusals.choose') };
  return (
    <Section title={t('juryOffice.recusals.title')} id="office-jury-recusals">
      {recusals.length === 0 ? (
        <p className="kern-body">{t('juryOffice.recusals.empty')}</p>
      ) : (
        <Table
          caption={t('juryOffice.recusals.caption')}
          captionHidden
          small
          columns={[{ label: t('juryOffice.recusals.member') }, { label: t('juryOffice.recusals.application') }, { label: t('juryOffice.recusals.source') }, { label: t('juryOffice.recusals.reason') }]}
        >
          {recusals.map((r) => (
            <tr className="kern-table__row" key={`${r.memberId}|${r.applicationId}|${r.rule}`}>
              <Cell header>{memberName.get(r.memberId) ?? r.memberId}</Cell>
              <Cell>{applicationName.get(r.applicationId) ?? r.applicationId}</Cell>
              <Cell>{t(`juryOffice.recusals.sources.${r.source}`)}</Cell>
              <Cell>
                <span lang="de">{r.reason}</span>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
      {overview.members.length > 0 && applications.length > 0 && (
        <form className="app-form narrow-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="declare-recusal-heading">
          <h3 className="kern-heading-small" id="declare-recusal-heading">
            {t('juryOffice.recusals.declareTitle')}
          </h3>
          <div role="status" className="status-region">
            {done && <Alert tone="success" title={t('juryOffice.recusals.declared')} />}
          </div>
          <ErrorSummary error={error} ref={summaryRef} />
          <SelectField
            path="memberId"
            label={t('juryOffice.recusals.memberLabel')}
            value={memberId}
            error={fieldErrors.memberId}
            onChange={setMemberId}
            options={[choose, ...overview.members.map((m) => ({ value: m.id, label: m.displayName }))]}
          />
          <SelectField
            path="applicationId"
            label={t('juryOffice.recusals.applicationLabel')}
            value={applicationId}
            error={fieldErrors.applicationId}
            onChange={setApplicationId}
            options={[choose, ...applications.map((a) => ({ value: a.id, label: `${a.reference} – ${a.organisation}` }))]}
          />
          <TextArea path="reason" label={t('juryOffice.recusals.reasonLabel')} rows={2} value={reason} error={fieldErrors.reason} onChange={setReason} />
          <div className="kern-btn-wrapper button-row">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
              <span className="kern-label">{t('juryOffice.recusals.declare')}</span>
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}
