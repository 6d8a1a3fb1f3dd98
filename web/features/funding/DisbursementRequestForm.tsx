import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { Alert, ErrorSummary } from '../../components/alerts';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { Section } from '../../components/page';
import { useLang } from '../../i18n';
import { fundingApi } from './funding-api';
import { readAmount } from './funding-model';
import type { Disbursement, GrantDetail } from './funding-types';
import { useMoney } from './FundingBits';

/** The server says what the phase still holds as it saw it; the page's figure may be older. */
const availableOf = (fromServer: unknown, onPage: number | undefined) => (typeof fromServer === 'number' ? fromServer : (onPage ?? 0));

/**
 * The project's request for money from one phase. The amount is typed in euros in the UI
 * language's notation and sent as cents; whether the phase still holds that much is checked by
 * the server (under a lock), whose refusal lands at the amount field.
 */
export function DisbursementRequestForm({ grant, onRequested }: { grant: GrantDetail; onRequested(d: Disbursement): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const money = useMoney();
  const open = grant.phases.filter((p) => p.availableCents > 0);
  const [phaseId, setPhaseId] = useState(open[0]?.id ?? grant.phases[0]?.id ?? '');
  const [amount, setAmount] = useState('');
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Disbursement | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const phase = grant.phases.find((p) => p.id === phaseId);
  const phaseName = (kind: string, position: number) => t('funding.phases.name', { position, kind: t(`funding.phaseKind.${kind}`) });

  const messages: Record<string, string> = {};
  if (error instanceof ApiError) {
    if (error.code === 'DISBURSEMENT_EXCEEDS_PHASE' || fieldErrors.amountCents) {
      messages.amountCents =
        error.code === 'DISBURSEMENT_EXCEEDS_PHASE' ? t('funding.request.exceeds', { available: money(availableOf(error.problem.availableCents, phase?.availableCents)) }) : (fieldErrors.amountCents ?? '');
    }
    if (fieldErrors.purpose) messages.purpose = t('funding.request.purposeMissing');
    if (fieldErrors.phaseId) messages.phaseId = t('funding.request.phaseInvalid');
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    const read = readAmount(amount, lang);
    const local: { path: string; message: string }[] = [];
    if (!read.ok) local.push({ path: 'amountCents', message: t(read.reason === 'zero' ? 'funding.request.amountZero' : 'funding.request.amountInvalid') });
    if (purpose.trim().length < 3) local.push({ path: 'purpose', message: t('funding.request.purposeMissing') });
    if (!read.ok || local.length > 0) {
      fail(localProblem(t('problems.VALIDATION_FAILED'), t('funding.request.checkFields'), local));
      return;
    }
    setBusy(true);
    try {
      const created = await fundingApi.requestDisbursement(grant.id, { phaseId, amountCents: read.cents, purpose: purpose.trim() });
      setDone(created);
      setAmount('');
      setPurpose('');
      onRequested(created);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('funding.request.title')} id="request-disbursement">
      <p className="kern-body">{t('funding.request.lead')}</p>
      <form onSubmit={submit} noValidate className="app-form narrow-form" aria-label={t('funding.request.title')}>
        <div role="status">{done && <Alert tone="success" title={t('funding.request.done', { amount: money(done.amountCents) })} ref={doneRef} />}</div>
        <ErrorSummary error={error} messages={messages} ref={summaryRef} />
        <SelectField
          path="phaseId"
          label={t('funding.request.phase')}
          value={phaseId}
          onChange={setPhaseId}
          error={messages.phaseId}
          options={grant.phases.map((p) => ({ value: p.id, label: t('funding.request.phaseOption', { phase: phaseName(p.kind, p.position), available: money(p.availableCents) }) }))}
        />
        <TextField
          path="amountCents"
          label={t('funding.request.amount')}
          hint={phase ? t('funding.request.amountHint', { available: money(phase.availableCents) }) : undefined}
          inputMode="decimal"
          width="medium"
          value={amount}
          onChange={setAmount}
          error={messages.amountCents ?? fieldErrors.amountCents}
        />
        <TextArea path="purpose" label={t('funding.request.purpose')} hint={t('funding.request.purposeHint')} rows={3} value={purpose} onChange={setPurpose} error={messages.purpose ?? fieldErrors.purpose} />
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('funding.request.submit')}</span>
          </button>
        </div>
      </form>
    </Section>
  );
}
