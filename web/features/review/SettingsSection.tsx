import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewApi } from '../../api/endpoints';
import { Alert, ErrorSummary } from '../../components/alerts';
import { TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { Section } from '../../components/page';
import { useLang } from '../../i18n';
import { berlinLocalToIso, isoToBerlinLocal } from '../../lib/berlin-time';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { ReviewSettings } from './review-types';
import { useLocalisedProblem } from './review-problems';

/** Reminder days typed as "7, 1": whole days, each once. */
function parseDays(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.some((p) => !/^\d{1,3}$/.test(p))) return null;
  const days = parts.map(Number);
  return new Set(days).size === days.length && days.every((d) => d <= 365) ? days : null;
}

function parseThreshold(text: string, lang: string): number | null {
  const normal = lang === 'de' ? text.trim().replace(/\./g, '').replace(',', '.') : text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  const value = Number(normal);
  return value <= 100 ? value : null;
}

/** The round's review deadline, the reminder days before it, and how far two reviews may disagree. */
export function SettingsSection({ roundId, initial }: { roundId: string; initial: ReviewSettings }) {
  const { t } = useTranslation();
  const lang = useLang();
  const localise = useLocalisedProblem();
  const [settings, setSettings] = useState(initial);
  const [deadline, setDeadline] = useState(initial.reviewDeadline ? isoToBerlinLocal(initial.reviewDeadline) : '');
  const [days, setDays] = useState(initial.reminderDays.join(', '));
  const [threshold, setThreshold] = useState(formatNumber(initial.disagreementThreshold, lang));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(0);
  const savedRef = useRef<HTMLDivElement>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  useEffect(() => {
    if (saved > 0) savedRef.current?.focus();
  }, [saved]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setSaved(0);
    const problems: { path: string; message: string }[] = [];
    const reviewDeadline = deadline.trim() ? berlinLocalToIso(deadline.trim()) : null;
    if (deadline.trim() && !reviewDeadline) problems.push({ path: 'reviewDeadline', message: t('form.format.datetime') });
    const reminderDays = parseDays(days);
    if (!reminderDays) problems.push({ path: 'reminderDays', message: t('review.settings.daysInvalid') });
    const disagreementThreshold = parseThreshold(threshold, lang);
    if (disagreementThreshold === null) problems.push({ path: 'disagreementThreshold', message: t('review.settings.thresholdInvalid') });
    if (problems.length > 0) {
      fail(localProblem(t('review.settings.notSaved'), t('form.checkFields'), problems));
      return;
    }
    setBusy(true);
    try {
      const next = await reviewApi.saveSettings(roundId, { version: settings.version, reviewDeadline, reminderDays: reminderDays!, disagreementThreshold: disagreementThreshold! });
      setSettings(next);
      setDays(next.reminderDays.join(', '));
      setSaved((n) => n + 1);
    } catch (err) {
      fail(localise(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('review.settings.title')} id="settings">
      <form className="app-form" noValidate onSubmit={(e) => void submit(e)}>
        <div role="status" className="status-region">
          {saved > 0 && <Alert tone="success" title={t('review.settings.saved')} ref={savedRef} />}
        </div>
        <ErrorSummary error={error} ref={summaryRef} />
        <TextField
          path="reviewDeadline"
          type="datetime-local"
          label={t('review.settings.deadline')}
          hint={t('review.settings.deadlineHint')}
          optional
          value={deadline}
          error={fieldErrors.reviewDeadline}
          onChange={setDeadline}
        />
        <TextField path="reminderDays" label={t('review.settings.days')} hint={t('review.settings.daysHint')} width="medium" value={days} error={fieldErrors.reminderDays} onChange={setDays} />
        <TextField
          path="disagreementThreshold"
          label={t('review.settings.threshold')}
          hint={t('review.settings.thresholdHint')}
          inputMode="decimal"
          width="narrow"
          value={threshold}
          error={fieldErrors.disagreementThreshold}
          onChange={setThreshold}
        />
        {settings.updatedAt && (
          <p className="kern-body kern-body--small muted">{t('review.settings.updatedAt', { time: formatDateTime(settings.updatedAt, lang) })}</p>
        )}
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('review.settings.save')}</span>
          </button>
        </div>
      </form>
    </Section>
  );
}
