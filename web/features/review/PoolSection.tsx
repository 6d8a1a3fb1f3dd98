import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { reviewApi, usersApi } from '../../api/endpoints';
import { Alert, ErrorSummary } from '../../components/alerts';
import { TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { RoundReviewer } from './review-types';
import { useLocalisedProblem } from './review-problems';

const wholeNumber = /^\d+$/;

/** Invites by e-mail address: programme staff may look up one account by its address. */
async function invite(roundId: string, email: string, minLoad: number, maxLoad: number | undefined): Promise<RoundReviewer> {
  const loads = { minLoad, ...(maxLoad === undefined ? {} : { maxLoad }) };
  const user = await usersApi.lookup(email.trim());
  return reviewApi.invite(roundId, { userId: user.id, ...loads });
}

/** The round's reviewers with their loads, and the form that invites one more (or changes a load). */
export function PoolSection({ roundId, pool, onChanged }: { roundId: string; pool: RoundReviewer[]; onChanged(reviewer: RoundReviewer): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const localise = useLocalisedProblem();
  const [email, setEmail] = useState('');
  const [minLoad, setMinLoad] = useState('0');
  const [maxLoad, setMaxLoad] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    const problems: { path: string; message: string }[] = [];
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) problems.push({ path: 'email', message: t('review.pool.emailInvalid') });
    if (!wholeNumber.test(minLoad.trim())) problems.push({ path: 'minLoad', message: t('review.pool.loadInvalid') });
    if (maxLoad.trim() && !wholeNumber.test(maxLoad.trim())) problems.push({ path: 'maxLoad', message: t('review.pool.loadInvalid') });
    if (problems.length === 0 && maxLoad.trim() && Number(minLoad) > Number(maxLoad)) problems.push({ path: 'minLoad', message: t('review.pool.minOverMax') });
    if (problems.length > 0) {
      fail(localProblem(t('review.pool.notInvited'), t('form.checkFields'), problems));
      return;
    }
    setBusy(true);
    try {
      const reviewer = await invite(roundId, email.trim(), Number(minLoad), maxLoad.trim() ? Number(maxLoad) : undefined);
      onChanged(reviewer);
      setDone(t('review.pool.invited', { name: reviewer.displayName, min: reviewer.minLoad, max: reviewer.maxLoad }));
      setEmail('');
    } catch (err) {
      // The lookup's 404 means no account has this address: say so at the field.
      if (err instanceof ApiError && err.status === 404 && (err.problem.errors ?? []).some((e) => e.path === 'email')) {
        const message = t('review.pool.noAccount');
        fail(localProblem(t('review.pool.notInvited'), message, [{ path: 'email', message }]));
      } else fail(localise(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('review.pool.title')} id="pool">
      {pool.length === 0 ? (
        <p className="kern-body">{t('review.pool.empty')}</p>
      ) : (
        <Table
          caption={t('review.pool.caption', { count: pool.length, formatted: formatNumber(pool.length, lang) })}
          small
          columns={[
            { label: t('review.pool.name') },
            { label: t('review.pool.load') },
            { label: t('review.pool.profile') },
            { label: t('review.pool.keywords') },
            { label: t('review.pool.invitedAt') },
          ]}
        >
          {pool.map((r) => (
            <tr className="kern-table__row" key={r.userId}>
              <Cell header>
                {r.displayName}
                <span className="muted cell-note">{r.email}</span>
              </Cell>
              <Cell>{t('review.pool.loadValue', { min: formatNumber(r.minLoad, lang), max: formatNumber(r.maxLoad, lang) })}</Cell>
              <Cell>{r.hasProfile ? (r.homeRegion ? t('review.pool.withHome', { ars: r.homeRegion }) : t('review.pool.noHome')) : t('review.pool.noProfile')}</Cell>
              <Cell>{r.keywords.length > 0 ? r.keywords.join(', ') : '–'}</Cell>
              <Cell>{formatDateTime(r.invitedAt, lang)}</Cell>
            </tr>
          ))}
        </Table>
      )}
      <form className="app-form invite-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="invite-heading">
        <h3 className="kern-heading-small" id="invite-heading">
          {t('review.pool.inviteTitle')}
        </h3>
        <p className="kern-body">{t('review.pool.inviteLead')}</p>
        <div role="status" className="status-region">
          {done && <Alert tone="success" title={done} ref={doneRef} />}
        </div>
        <ErrorSummary error={error} ref={summaryRef} />
        <TextField path="email" type="email" autoComplete="off" label={t('review.pool.email')} value={email} error={fieldErrors.email ?? fieldErrors.userId} onChange={setEmail} />
        <TextField path="minLoad" label={t('review.pool.minLoad')} inputMode="numeric" width="narrow" value={minLoad} error={fieldErrors.minLoad} onChange={setMinLoad} />
        <TextField
          path="maxLoad"
          label={t('review.pool.maxLoad')}
          hint={t('review.pool.maxLoadHint')}
          optional
          inputMode="numeric"
          width="narrow"
          value={maxLoad}
          error={fieldErrors.maxLoad}
          onChange={setMaxLoad}
        />
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('review.pool.invite')}</span>
          </button>
        </div>
      </form>
    </Section>
  );
}
