import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { catalogueApi } from '../../api/endpoints';
import { Alert, ErrorSummary } from '../../components/alerts';
import { RadioGroup, SelectField, TextArea, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { instantToBerlinIso } from '../../lib/berlin-time';
import { adoptionStatuses, type AdoptionStatus, type SolutionDetail } from './catalogue-types';

/** Today as a calendar day in Berlin, whatever the browser's zone. */
const berlinToday = () => instantToBerlinIso(Date.now()).slice(0, 10);

/**
 * "Wir nutzen diese Lösung": a member of an organisation records that it evaluates, pilots or
 * runs the solution; recording again for the same organisation updates its status.
 */
export function AdoptionForm({ solution, onRecorded }: { solution: SolutionDetail; onRecorded(): void }) {
  const { t } = useTranslation();
  const mine = solution.myOrganisations;
  const [organisationId, setOrganisationId] = useState(() => (mine.find((o) => !o.adoptionStatus) ?? mine[0])?.id ?? '');
  // The solution may be loaded again with other choices (after login, after recording): fall back to the first open one.
  const current = mine.find((o) => o.id === organisationId) ?? mine.find((o) => !o.adoptionStatus) ?? mine[0];
  const [status, setStatus] = useState<AdoptionStatus>(current?.adoptionStatus ?? 'evaluating');
  const [since, setSince] = useState(berlinToday);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  if (mine.length === 0 || !current) {
    return (
      <p className="kern-body">
        {t('catalogue.adopt.noOrganisation')}{' '}
        <Link className="kern-link" to="/apply">
          {t('catalogue.adopt.registerOrganisation')}
        </Link>
      </p>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(since)) {
      fail(localProblem(t('problems.VALIDATION_FAILED'), t('form.checkFields'), [{ path: 'since', message: t('form.format.date') }]));
      return;
    }
    setBusy(true);
    try {
      await catalogueApi.adopt(solution.id, { organisationId: current.id, status, since, notes: notes.trim() });
      setDone(t('catalogue.adopt.recorded', { organisation: current.displayName, solution: solution.name, status: t(`catalogue.adoptionStatus.${status}`) }));
      setNotes('');
      onRecorded();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="app-form narrow-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="adopt-heading">
      <h3 className="kern-heading-small" id="adopt-heading">
        {t('catalogue.adopt.title')}
      </h3>
      <p className="kern-body">{t('catalogue.adopt.lead')}</p>
      <ErrorSummary error={error} ref={summaryRef} />
      {done && <Alert tone="success" live="status" title={done} />}
      {mine.length > 1 ? (
        <SelectField
          path="organisationId"
          label={t('catalogue.adopt.organisation')}
          value={current.id}
          onChange={(id) => {
            setOrganisationId(id);
            setStatus(mine.find((o) => o.id === id)?.adoptionStatus ?? 'evaluating');
          }}
          error={fieldErrors.organisationId}
          options={mine.map((o) => ({ value: o.id, label: o.displayName }))}
        />
      ) : (
        <p className="kern-body">
          {t('catalogue.adopt.organisation')}: <strong>{current.displayName}</strong>
        </p>
      )}
      {current.adoptionStatus && <p className="kern-body">{t('catalogue.adopt.already', { status: t(`catalogue.adoptionStatus.${current.adoptionStatus}`) })}</p>}
      <RadioGroup
        path="status"
        legend={t('catalogue.adopt.status')}
        value={status}
        onChange={(v) => setStatus(v as AdoptionStatus)}
        error={fieldErrors.status}
        options={adoptionStatuses.map((s) => ({ value: s, label: t(`catalogue.adoptionStatus.${s}`), hint: t(`catalogue.adoptionStatusHint.${s}`) }))}
      />
      <TextField path="since" type="date" label={t('catalogue.adopt.since')} value={since} onChange={setSince} error={fieldErrors.since} width="medium" />
      <TextArea path="notes" label={t('catalogue.adopt.notes')} hint={t('catalogue.adopt.notesHint')} optional rows={3} value={notes} onChange={setNotes} error={fieldErrors.notes} />
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{current.adoptionStatus ? t('catalogue.adopt.update') : t('catalogue.adopt.submit')}</span>
        </button>
      </div>
    </form>
  );
}
