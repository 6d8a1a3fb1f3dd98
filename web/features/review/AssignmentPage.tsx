import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { reviewApi, roundsApi } from '../../api/endpoints';
import type { Round } from '../../api/types';
import { Alert, ErrorSummary } from '../../components/alerts';
import { DescriptionList } from '../../components/badges';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { fieldId, fieldLabel } from '../../components/fields';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useLang } from '../../i18n';
import { formatDateTime, formatMoney, formatNumber, formatRate } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { ApplicationContentView } from '../applications/ApplicationContentView';
import { missingForSubmission, type MissingPart } from './review-model';
import type { AssignedApplication, Review } from './review-types';
import { ReviewForm, type ReviewFormHandle } from './ReviewForm';
import { ReviewView } from './ReviewView';
import { useLocalisedProblem } from './review-problems';
import { OtherReviews } from './OtherReviews';

interface Loaded {
  assigned: AssignedApplication;
  round: Round;
  review: Review | null;
}

async function load(id: string): Promise<Loaded> {
  const [assigned, review] = await Promise.all([reviewApi.assignment(id), reviewApi.myReview(id)]);
  const round = await roundsApi.get(assigned.application.roundId);
  return { assigned, round, review };
}

/** The application a reviewer was assigned, to read, and their review of it: a form until submitted. */
export function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading } = useApi(() => load(id), [id]);
  return (
    <RequireArea areas={['review']}>
      {() => {
        if (error) return <LoadFailed error={error} />;
        if (loading || !data) return <Page title={t('review.assignment.loadingTitle')}><Loading /></Page>;
        return <Workspace key={data.assigned.assignmentId} initial={data} />;
      }}
    </RequireArea>
  );
}

function MissingList({ missing }: { missing: MissingPart[] }) {
  const { t } = useTranslation();
  const focus = (e: MouseEvent, path: string) => {
    const el = document.getElementById(fieldId(path));
    if (!el) return;
    e.preventDefault();
    el.focus();
    el.scrollIntoView({ block: 'center' });
  };
  return (
    <ul className="kern-list">
      {missing.map((m) => (
        <li key={m.path}>
          <a className="kern-link" href={`#${fieldId(m.path)}`} onClick={(e) => focus(e, m.path)}>
            {m.kind === 'score' ? t('review.submit.missingScore', { criterion: m.criterion }) : t(`review.submit.missing.${m.kind}`)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Workspace({ initial }: { initial: Loaded }) {
  const { t } = useTranslation();
  const lang = useLang();
  const localise = useLocalisedProblem();
  const { assigned, round } = initial;
  const app = assigned.application;
  const [review, setReview] = useState(initial.review);
  const [missing, setMissing] = useState<MissingPart[]>([]);
  const [actionError, setActionError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const formRef = useRef<ReviewFormHandle>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const submittedRef = useRef<HTMLDivElement>(null);
  const submitted = review?.submittedAt != null;

  useEffect(() => {
    if (missing.length > 0 || actionError) problemRef.current?.focus();
  }, [missing, actionError]);
  useEffect(() => {
    if (justSubmitted) submittedRef.current?.focus();
  }, [justSubmitted]);

  const askSubmit = async () => {
    setActionError(null);
    setMissing([]);
    const form = formRef.current;
    if (!form) return;
    const saved = await form.flush();
    if (!saved) {
      setActionError(new Error(t('review.submit.saveFirst')));
      return;
    }
    const lacking = missingForSubmission(form.draft(), assigned.criteria);
    if (lacking.length > 0) {
      setMissing(lacking);
      return;
    }
    setConfirming(true);
  };

  const submit = async () => {
    setBusy(true);
    try {
      const done = await reviewApi.submitReview(assigned.assignmentId, formRef.current?.version() ?? review?.version ?? 0);
      setReview(done);
      setJustSubmitted(true);
    } catch (error) {
      setActionError(localise(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const title = app.content.title.trim() || t('review.mine.untitled');
  const serverFieldErrors: Record<string, string> = {};
  for (const e of (actionError as { problem?: { errors?: { path: string; message: string }[] } } | null)?.problem?.errors ?? []) serverFieldErrors[e.path] ??= e.message;

  return (
    <Page
      title={title}
      preline={
        <>
          {app.organisation.displayName} ·{' '}
          <Link className="kern-link" to="/review/assignments">
            {t('review.mine.title')}
          </Link>
        </>
      }
    >
      <p className="kern-body kern-body--small">
        <span className="muted">{t('review.assignment.reference')}:</span> <code>{app.reference}</code> · <span className="muted">{t('review.assignment.round')}:</span> {app.roundName}
        {app.submittedAt && (
          <>
            {' · '}
            <span className="muted">{t('review.assignment.submittedAt')}:</span> {formatDateTime(app.submittedAt, lang)} ({t('common.berlinTime')})
          </>
        )}
      </p>
      {!submitted && (
        <p className="kern-body">
          <a className="kern-link" href="#review">
            {t('review.assignment.skipToReview')}
          </a>
        </p>
      )}
      <div role="status" className="status-region">
        {justSubmitted && <Alert tone="success" title={t('review.submit.done')} ref={submittedRef}><p className="kern-body">{t('review.submit.doneText')}</p></Alert>}
      </div>

      <ApplicationContentView content={app.content} round={round} idPrefix="assigned" />
      <Section title={t('review.assignment.money')} id="assigned-money">
        <DescriptionList
          items={[
            [t('money.eligibleCosts'), formatMoney(app.eligibleCostsCents, lang)],
            [t('money.rate'), formatRate(app.rateBp, lang)],
            [t('money.requested'), formatMoney(app.requestedCents, lang)],
            [t('money.ownContribution'), formatMoney(app.ownContributionCents, lang)],
          ]}
        />
      </Section>

      <Section title={t('review.assignment.yourReview')} id="review">
        {submitted && review ? (
          <>
            <p className="kern-body">{t('review.assignment.submittedNote', { time: formatDateTime(review.submittedAt!, lang) })}</p>
            <ReviewView review={review} criteria={assigned.criteria} caption={t('review.view.yourScores')} />
          </>
        ) : (
          <>
            {missing.length > 0 && (
              <Alert tone="danger" live="alert" title={t('review.submit.incomplete')} ref={problemRef}>
                <MissingList missing={missing} />
              </Alert>
            )}
            {actionError !== null && missing.length === 0 && <ErrorSummary error={actionError} ref={problemRef} knownPaths={(p) => document.getElementById(fieldId(p)) !== null && fieldLabel(p) !== undefined} />}
            <ReviewForm ref={formRef} assignmentId={assigned.assignmentId} review={review} criteria={assigned.criteria} onSaved={setReview} errors={serverFieldErrors} />
            <div className="submit-review">
              <h3 className="kern-heading-small">{t('review.submit.title')}</h3>
              <p className="kern-body">{t('review.submit.lead')}</p>
              {review && review.weightedScore !== null && (
                <p className="kern-body">{t('review.submit.weighted', { points: formatNumber(Math.round(review.weightedScore * 10) / 10, lang) })}</p>
              )}
              <div className="kern-btn-wrapper button-row">
                <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void askSubmit()}>
                  <span className="kern-label">{t('review.submit.button')}</span>
                </button>
              </div>
            </div>
          </>
        )}
      </Section>

      {submitted && <OtherReviews assignmentId={assigned.assignmentId} criteria={assigned.criteria} />}

      <ConfirmDialog open={confirming} title={t('review.submit.confirmTitle')} confirmLabel={t('review.submit.confirm')} busy={busy} onCancel={() => setConfirming(false)} onConfirm={() => void submit()}>
        <p className="kern-body">{t('review.submit.confirmText', { title })}</p>
      </ConfirmDialog>
    </Page>
  );
}
