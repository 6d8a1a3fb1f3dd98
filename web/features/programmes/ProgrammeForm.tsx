import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { programmesApi } from '../../api/endpoints';
import type { Programme } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { TextArea, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { useLang } from '../../i18n';
import { basisPointsToInput, parsePercentToBasisPoints } from '../../lib/number-input';

/** Name, description and funding rates; the version guards against overwriting a colleague's edit. */
export function ProgrammeForm({ programme, onSaved, onReload }: { programme: Programme; onSaved(p: Programme): void; onReload(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [name, setName] = useState(programme.name);
  const [description, setDescription] = useState(programme.description);
  const [defaultRate, setDefaultRate] = useState(basisPointsToInput(programme.defaultRateBp, lang));
  const [raisedRate, setRaisedRate] = useState(basisPointsToInput(programme.raisedRateBp, lang));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setSaved(false);
    const defaultRateBp = parsePercentToBasisPoints(defaultRate, lang);
    const raisedRateBp = parsePercentToBasisPoints(raisedRate, lang);
    const problems = [
      ...(defaultRateBp === null ? [{ path: 'defaultRateBp', message: t('form.format.percent') }] : []),
      ...(raisedRateBp === null ? [{ path: 'raisedRateBp', message: t('form.format.percent') }] : []),
    ];
    if (problems.length > 0) return fail(localProblem(t('problems.VALIDATION_FAILED'), t('form.checkFields'), problems));
    setBusy(true);
    try {
      const updated = await programmesApi.update(programme.slug, {
        version: programme.version,
        name,
        description,
        defaultRateBp: defaultRateBp!,
        raisedRateBp: raisedRateBp!,
      });
      setSaved(true);
      onSaved(updated);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  const stale = error instanceof ApiError && error.code === 'STALE_VERSION';
  return (
    <form onSubmit={submit} noValidate className="app-form">
      <div role="status">{saved && <Alert tone="success" title={t('form.saved')} />}</div>
      <ErrorSummary error={error} ref={summaryRef} />
      {stale && (
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onReload}>
          <span className="kern-icon kern-icon--autorenew" aria-hidden="true" />
          <span className="kern-label">{t('form.reload')}</span>
        </button>
      )}
      <TextField path="name" label={t('programme.name')} value={name} error={fieldErrors.name} onChange={setName} />
      <TextArea path="description" label={t('programme.description')} optional rows={5} value={description} error={fieldErrors.description} onChange={setDescription} />
      <div className="form-grid">
        <TextField
          path="defaultRateBp"
          label={t('programme.defaultRatePercent')}
          hint={t('programme.defaultRateHint')}
          inputMode="decimal"
          width="narrow"
          value={defaultRate}
          error={fieldErrors.defaultRateBp}
          onChange={setDefaultRate}
        />
        <TextField
          path="raisedRateBp"
          label={t('programme.raisedRatePercent')}
          hint={t('programme.raisedRateHint')}
          inputMode="decimal"
          width="narrow"
          value={raisedRate}
          error={fieldErrors.raisedRateBp}
          onChange={setRaisedRate}
        />
      </div>
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{t('form.save')}</span>
        </button>
      </div>
    </form>
  );
}
