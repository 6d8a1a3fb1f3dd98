import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { programmesApi } from '../../api/endpoints';
import type { Programme } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { TextArea, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { useLang } from '../../i18n';
import { parseEuroToCents } from '../../lib/number-input';

/** A budget is never overwritten: each change is added with its day and its reason. */
export function BudgetChangeForm({ programme, onSaved }: { programme: Programme; onSaved(p: Programme): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [effectiveOn, setEffectiveOn] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setSaved(false);
    const amountCents = parseEuroToCents(amount, lang, { allowNegative: true });
    const problems = [
      ...(!/^\d{4}-\d{2}-\d{2}$/.test(effectiveOn) ? [{ path: 'effectiveOn', message: t('form.format.date') }] : []),
      ...(amountCents === null ? [{ path: 'amountCents', message: t('form.format.amount') }] : []),
    ];
    if (problems.length > 0) return fail(localProblem(t('problems.VALIDATION_FAILED'), t('form.checkFields'), problems));
    setBusy(true);
    try {
      const updated = await programmesApi.addBudgetChange(programme.slug, { effectiveOn, amountCents: amountCents!, reason });
      setSaved(true);
      setEffectiveOn('');
      setAmount('');
      setReason('');
      onSaved(updated);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <div role="status">{saved && <Alert tone="success" title={t('programme.budgetChangeSaved')} />}</div>
      <ErrorSummary error={error} ref={summaryRef} />
      <div className="form-grid">
        <TextField path="effectiveOn" type="date" label={t('programme.effectiveOn')} value={effectiveOn} error={fieldErrors.effectiveOn} onChange={setEffectiveOn} width="medium" />
        <TextField
          path="amountCents"
          label={t('programme.changeAmount')}
          hint={t('programme.changeAmountHint')}
          inputMode="decimal"
          value={amount}
          error={fieldErrors.amountCents}
          onChange={setAmount}
          width="medium"
        />
      </div>
      <TextArea path="reason" label={t('programme.reason')} hint={t('programme.reasonHint')} rows={2} value={reason} error={fieldErrors.reason} onChange={setReason} />
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('programme.addBudgetChange')}</span>
        </button>
      </div>
    </form>
  );
}
