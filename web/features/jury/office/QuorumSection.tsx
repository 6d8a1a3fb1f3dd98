import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorSummary } from '../../../components/alerts';
import { TextField } from '../../../components/fields';
import { localProblem, useFormErrors } from '../../../components/form-errors';
import { Section } from '../../../components/page';
import { useLang } from '../../../i18n';
import { basisPointsToInput, parsePercentToBasisPoints } from '../../../lib/number-input';
import type { JuryOverview } from '../jury-api';
import { juryOfficeApi } from './office-api';

/** The share of members who must be present for the jury to decide, typed in per cent. */
export function QuorumSection({ overview, onChanged }: { overview: JuryOverview; onChanged(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [percent, setPercent] = useState(() => basisPointsToInput(overview.settings.quorumBasisPoints, lang));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    const basisPoints = parsePercentToBasisPoints(percent, lang);
    if (basisPoints === null || basisPoints < 1) {
      fail(localProblem(t('juryOffice.notSaved'), t('form.checkFields'), [{ path: 'quorumBasisPoints', message: t('juryOffice.quorum.invalid') }]));
      return;
    }
    setBusy(true);
    try {
      const saved = await juryOfficeApi.saveQuorum(overview.round.id, basisPoints);
      setDone(t('juryOffice.quorum.saved', { needed: saved.quorumNeeded, members: saved.memberCount }));
      onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('juryOffice.quorum.title')} id="office-jury-quorum">
      <form className="app-form narrow-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="office-jury-quorum">
        <div role="status" className="status-region">
          {done && <Alert tone="success" title={done} />}
        </div>
        <ErrorSummary error={error} ref={summaryRef} />
        <TextField
          path="quorumBasisPoints"
          label={t('juryOffice.quorum.label')}
          hint={t('juryOffice.quorum.hint')}
          inputMode="decimal"
          width="narrow"
          value={percent}
          error={fieldErrors.quorumBasisPoints}
          onChange={setPercent}
        />
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('juryOffice.quorum.save')}</span>
          </button>
        </div>
      </form>
    </Section>
  );
}
