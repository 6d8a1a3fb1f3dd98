import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { officeApi } from '../../api/endpoints';
import type { Application } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { FormalCheckBadge } from '../../components/badges';
import { RadioGroup, TextArea } from '../../components/fields';
import { useFormErrors } from '../../components/form-errors';
import { Section } from '../../components/page';

/** The programme office's formal check: eligible, or ineligible with the reason (audited). */
export function FormalCheckForm({ app, onChanged }: { app: Application; onChanged(app: Application): void }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'eligible' | 'ineligible'>(app.formalCheck === 'ineligible' ? 'ineligible' : 'eligible');
  const [reason, setReason] = useState(app.formalCheckReason ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Application['formalCheck'] | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const messages: Record<string, string> = {};
  if (fieldErrors.reason) messages.reason = t('formalCheck.reasonRequired');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setSaved(null);
    setBusy(true);
    try {
      const updated = await officeApi.formalCheck(app.id, result, reason);
      setSaved(updated.formalCheck);
      onChanged(updated);
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('formalCheck.title')} id="formal-check">
      <p className="kern-body">
        {t('formalCheck.current')}: <FormalCheckBadge check={app.formalCheck} />
        {app.formalCheckReason && <span className="formal-reason"> – {app.formalCheckReason}</span>}
      </p>
      <form onSubmit={submit} noValidate className="app-form narrow-form">
        <div role="status">
          {saved && <Alert tone="success" title={t('formalCheck.saved', { result: t(`formalCheck.values.${saved}`) })} ref={savedRef} />}
        </div>
        <ErrorSummary error={error} messages={messages} ref={summaryRef} />
        <RadioGroup
          path="result"
          legend={t('formalCheck.result')}
          value={result}
          onChange={(v) => setResult(v === 'ineligible' ? 'ineligible' : 'eligible')}
          options={[
            { value: 'eligible', label: t('formalCheck.values.eligible') },
            { value: 'ineligible', label: t('formalCheck.values.ineligible') },
          ]}
        />
        <TextArea
          path="reason"
          label={t('formalCheck.reason')}
          hint={t('formalCheck.reasonHint')}
          optional={result === 'eligible'}
          rows={3}
          value={reason}
          error={messages.reason ?? fieldErrors.reason}
          onChange={setReason}
        />
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('formalCheck.save')}</span>
          </button>
        </div>
      </form>
    </Section>
  );
}
