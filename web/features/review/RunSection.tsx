import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewApi } from '../../api/endpoints';
import type { Round } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { Checkbox, TextField } from '../../components/fields';
import { localProblem, useFormErrors } from '../../components/form-errors';
import { Loading, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { isFinished, mergeRun } from './review-model';
import type { AssignmentRun } from './review-types';
import { useLocalisedProblem } from './review-problems';

/** How often a running run is asked for its progress. */
export const POLL_INTERVAL_MS = 500;

const statusTone: Record<AssignmentRun['status'], 'info' | 'success' | 'warning' | 'danger'> = {
  running: 'info',
  optimal: 'success',
  infeasible: 'warning',
  failed: 'danger',
};

export function RunStatusBadge({ status }: { status: AssignmentRun['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`kern-badge kern-badge--${statusTone[status]}`}>
      <span className="kern-label">{t(`review.run.status.${status}`)}</span>
    </span>
  );
}

/**
 * Starts the exact assignment and follows it: a server that answers at once (201, final status)
 * and one that runs it in the background (202, "running", polled until it ends) are both shown
 * the same way — a progress bar while it runs, announced politely, then the outcome.
 */
export function RunSection({ round, onFinished }: { round: Round; onFinished(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const localise = useLocalisedProblem();
  const [k, setK] = useState(String(round.reviewersPerApplication));
  const [distinct, setDistinct] = useState(false);
  const [starting, setStarting] = useState(false);
  const [active, setActive] = useState<AssignmentRun | null>(null);
  const [outcome, setOutcome] = useState<AssignmentRun | null>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();
  const runs = useApi(() => reviewApi.runs(round.id), [round.id]);
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;
  const setRuns = runs.set;
  const runsRef = useRef<AssignmentRun[]>([]);
  runsRef.current = runs.data ?? [];

  const show = useCallback(
    (run: AssignmentRun) => {
      setRuns(mergeRun(runsRef.current, run));
      if (isFinished(run)) {
        setActive(null);
        setOutcome(run);
        onFinishedRef.current();
      } else {
        setActive(run);
      }
    },
    [setRuns],
  );

  // While a run is running, ask for it every half second; a failed poll is tried again.
  const activeId = active?.id;
  useEffect(() => {
    if (!activeId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const run = await reviewApi.run(activeId);
        if (stopped) return;
        show(run);
        if (!isFinished(run)) timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
      } catch {
        if (!stopped) timer = setTimeout(() => void poll(), POLL_INTERVAL_MS * 4);
      }
    };
    timer = setTimeout(() => void poll(), POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [activeId, show]);

  // A run someone started earlier (or in another tab) is followed too.
  const newest = runs.data?.[0];
  useEffect(() => {
    if (newest && !isFinished(newest) && !active) setActive(newest);
    // Only the list's newest run decides.
  }, [newest?.id]);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setOutcome(null);
    const value = Number(k.trim());
    if (!/^\d+$/.test(k.trim()) || value < 1 || value > 10) {
      fail(localProblem(t('review.run.notStarted'), t('review.run.kInvalid'), [{ path: 'k', message: t('review.run.kInvalid') }]));
      return;
    }
    setStarting(true);
    try {
      show(await reviewApi.startRun(round.id, { k: value, distinctStates: distinct }));
    } catch (err) {
      fail(localise(err));
    } finally {
      setStarting(false);
    }
  };

  const running = starting || active !== null;
  const phase = active?.progress?.phase ?? 'loading';
  const percent = Math.round(active?.progress?.percent ?? 0);

  return (
    <Section title={t('review.run.title')} id="run">
      <p className="kern-body">{t('review.run.lead')}</p>
      <form className="app-form" noValidate onSubmit={(e) => void start(e)}>
        <ErrorSummary error={error} ref={summaryRef} />
        <TextField path="k" label={t('review.run.k')} hint={t('review.run.kHint', { k: round.reviewersPerApplication })} inputMode="numeric" width="narrow" value={k} error={fieldErrors.k} onChange={setK} />
        <Checkbox id="f-distinctStates" label={t('review.run.distinct')} checked={distinct} onChange={setDistinct} describedBy="distinct-hint" error={!!fieldErrors.distinctStates} />
        <p className="kern-hint checkbox-hint" id="distinct-hint">
          {fieldErrors.distinctStates ?? t('review.run.distinctHint')}
        </p>
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={running}>
            <span className="kern-label">{t('review.run.start')}</span>
          </button>
        </div>
      </form>

      {/* One polite region for the run's whole course: its phases, then its outcome. */}
      <div role="status" aria-live="polite" className="status-region run-status">
        {running && (
          <div className="kern-progress">
            <label className="kern-label" htmlFor="run-progress">
              {t('review.run.running', { phase: t(`review.run.phase.${starting && !active ? 'loading' : phase}`) })}
            </label>
            <progress id="run-progress" max={100} value={percent} aria-valuetext={t('review.run.percent', { percent })} />
          </div>
        )}
        {!running && outcome && (
          <Alert
            tone={outcome.status === 'optimal' ? 'success' : outcome.status === 'infeasible' ? 'warning' : 'danger'}
            title={t(`review.run.outcome.${outcome.status}`, {
              objective: formatNumber(Math.round(outcome.objective * 1000) / 1000, lang),
              seconds: formatNumber(Math.round(outcome.seconds * 1000) / 1000, lang),
            })}
          >
            {outcome.reason && (
              <p className="kern-body" lang="en">
                {outcome.reason}
              </p>
            )}
          </Alert>
        )}
      </div>

      <h3 className="kern-heading-small" id="runs-heading">
        {t('review.run.history')}
      </h3>
      {runs.loading && !runs.data ? (
        <Loading />
      ) : !runs.data || runs.data.length === 0 ? (
        <p className="kern-body">{t('review.run.noRuns')}</p>
      ) : (
        <Table
          caption={t('review.run.history')}
          captionHidden
          small
          columns={[
            { label: t('review.run.startedAt') },
            { label: t('review.run.statusLabel') },
            { label: t('review.run.k') },
            { label: t('review.run.distinctShort') },
            { label: t('review.run.size') },
            { label: t('review.run.objective'), numeric: true },
            { label: t('review.run.seconds'), numeric: true },
            { label: t('review.run.reason') },
          ]}
        >
          {runs.data.map((r) => (
            <tr className="kern-table__row" key={r.id}>
              <Cell header>{formatDateTime(r.createdAt, lang)}</Cell>
              <Cell>
                <RunStatusBadge status={r.status} />
              </Cell>
              <Cell>{formatNumber(r.params.k, lang)}</Cell>
              <Cell>{r.params.distinctStates ? t('common.yes') : t('common.no')}</Cell>
              <Cell>{t('review.run.sizeValue', { applications: formatNumber(r.params.applications, lang), reviewers: formatNumber(r.params.reviewers, lang) })}</Cell>
              <Cell numeric>{r.status === 'running' ? '–' : formatNumber(Math.round(r.objective * 1000) / 1000, lang)}</Cell>
              <Cell numeric>{r.status === 'running' ? '–' : formatNumber(Math.round(r.seconds * 1000) / 1000, lang)}</Cell>
              <Cell>{r.reason ? <span lang="en">{r.reason}</span> : '–'}</Cell>
            </tr>
          ))}
        </Table>
      )}
      <p className="kern-body kern-body--small muted">{t('common.berlinTime')}</p>
    </Section>
  );
}
