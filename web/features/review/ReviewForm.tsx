import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { reviewApi } from '../../api/endpoints';
import { Alert, useProblemTitle } from '../../components/alerts';
import { RadioGroup, TextArea } from '../../components/fields';
import { useLang } from '../../i18n';
import { formatDateTime, formatNumber, formatTime } from '../../lib/format';
import { Autosaver, type SaveState } from '../applications/autosave';
import { contentOf, draftOf, groupCriteria, scalePoints, type ReviewDraft } from './review-model';
import { recommendationValues, type Review, type ReviewCriterion, type ReviewInput } from './review-types';

/** How long the form waits after the last change before it saves. */
export const REVIEW_AUTOSAVE_DELAY_MS = 1500;

type Content = Omit<ReviewInput, 'version'>;

export interface ReviewFormHandle {
  /** Saves what is not saved yet; false when that was not possible. */
  flush(): Promise<boolean>;
  version(): number;
  draft(): ReviewDraft;
}

interface Props {
  assignmentId: string;
  review: Review | null;
  criteria: readonly ReviewCriterion[];
  onSaved(review: Review): void;
  /** Messages by field path, e.g. from a refused submission. */
  errors: Record<string, string>;
}

/**
 * The review form, built from the round's weighted criteria. It saves by itself a moment after
 * a change and when a field is left, says so politely, and stops instead of overwriting a
 * version saved in another tab.
 */
export const ReviewForm = forwardRef<ReviewFormHandle, Props>(function ReviewForm({ assignmentId, review, criteria, onSaved, errors }, ref) {
  const { t } = useTranslation();
  const lang = useLang();
  const problemTitle = useProblemTitle();
  const [draft, setDraft] = useState<ReviewDraft>(() => draftOf(review, criteria));
  const draftRef = useRef(draft);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [resolving, setResolving] = useState(false);

  const saverRef = useRef<Autosaver<Content, Review> | null>(null);
  if (!saverRef.current) {
    saverRef.current = new Autosaver<Content, Review>({
      version: review?.version ?? 0,
      savedContent: contentOf(draftOf(review, criteria)),
      delayMs: REVIEW_AUTOSAVE_DELAY_MS,
      read: () => contentOf(draftRef.current),
      save: (version, content) => reviewApi.saveReview(assignmentId, { version, ...content }),
      resultOf: (saved) => ({ version: saved.version, savedAt: saved.updatedAt }),
      onSaved: (saved) => onSavedRef.current(saved),
      onState: setSaveState,
      conflictOf: (error) => {
        if (!(error instanceof ApiError) || error.code !== 'STALE_VERSION') return false;
        const current = error.problem.currentVersion;
        return { currentVersion: typeof current === 'number' ? current : null };
      },
    });
  }
  const saver = saverRef.current;

  // Leaving the page saves what is pending; closing the tab with unsaved changes asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedChanges) return;
      void saver.flush();
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (saver.hasUnsavedChanges) void saver.flush();
      saver.dispose();
    };
  }, [saver]);

  useImperativeHandle(ref, () => ({ flush: () => saver.flush(), version: () => saver.currentVersion, draft: () => draftRef.current }), [saver]);

  const change = (patch: Partial<ReviewDraft>, now = false) => {
    const next = { ...draftRef.current, ...patch };
    draftRef.current = next;
    setDraft(next);
    saver.changed();
    // A click on a score or recommendation is a finished choice: save it without waiting.
    if (now) void saver.flush();
  };

  const loadNewest = async () => {
    setResolving(true);
    try {
      const latest = await reviewApi.myReview(assignmentId);
      const next = draftOf(latest, criteria);
      draftRef.current = next;
      setDraft(next);
      saver.adopt(latest?.version ?? 0, contentOf(next));
      if (latest) onSaved(latest);
    } catch (error) {
      setSaveState({ kind: 'failed', error });
    } finally {
      setResolving(false);
    }
  };

  let live = '';
  let quiet = '';
  switch (saveState.kind) {
    case 'idle':
      quiet = review ? t('review.save.idle', { version: saver.currentVersion, time: formatDateTime(review.updatedAt, lang) }) : t('review.save.new');
      break;
    case 'pending':
      quiet = t('review.save.pending');
      break;
    case 'saving':
      quiet = t('review.save.saving');
      break;
    case 'saved':
      live = t('review.save.saved', { time: formatTime(saveState.at, lang), version: saveState.version });
      break;
    case 'blocked':
    case 'failed':
      live = t('review.save.failed', { reason: saveState.kind === 'failed' ? problemTitle(saveState.error) : '' });
      break;
    case 'conflict':
      live = t('review.save.conflict');
      break;
  }
  const trouble = saveState.kind === 'blocked' || saveState.kind === 'failed' || saveState.kind === 'conflict';
  const serverErrors = saveState.kind === 'failed' && saveState.error instanceof ApiError ? saveState.error.fieldErrors : {};
  const messages = { ...serverErrors, ...errors };

  return (
    <>
      <div className={`save-bar${trouble ? ' save-bar--trouble' : ''}`}>
        <p className="save-bar__status">
          <span className={`kern-icon kern-icon--${trouble ? 'warning' : saveState.kind === 'saved' || saveState.kind === 'idle' ? 'success' : 'autorenew'}`} aria-hidden="true" />
          <span role="status" aria-atomic="true" id="save-status">
            {live}
          </span>
          {quiet && <span>{quiet}</span>}
        </p>
        {saveState.kind === 'failed' && (
          <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" onClick={() => void saver.flush()}>
            <span className="kern-label">{t('review.save.retry')}</span>
          </button>
        )}
      </div>
      {saveState.kind === 'conflict' && (
        <Alert tone="warning" live="alert" title={t('review.save.conflictTitle')}>
          <p className="kern-body">{t('review.save.conflictText')}</p>
          <button type="button" className="kern-btn kern-btn--primary" disabled={resolving} onClick={() => void loadNewest()}>
            <span className="kern-label">{t('review.save.loadNewest')}</span>
          </button>
        </Alert>
      )}
      <form
        className="app-form review-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void saver.flush();
        }}
        onBlur={() => void saver.flush()}
      >
        <p className="kern-body">{t('review.form.scaleLead')}</p>
        {groupCriteria(criteria).map(([group, items]) => (
          <div key={group} className="criteria-group">
            <h3 className="kern-heading-small">{group}</h3>
            {items.map((c) => (
              <RadioGroup
                key={c.id}
                path={`scores.${c.id}`}
                legend={`${c.name} (${t('review.form.weight', { weight: formatNumber(c.weight, lang) })})`}
                hint={[c.description, t('review.form.scale', { min: formatNumber(c.scaleMin, lang), max: formatNumber(c.scaleMax, lang) })].filter(Boolean).join(' ')}
                error={messages[`scores.${c.id}`]}
                horizontal
                value={draft.scores[c.id] === null || draft.scores[c.id] === undefined ? '' : String(draft.scores[c.id])}
                onChange={(v) => change({ scores: { ...draftRef.current.scores, [c.id]: Number(v) } }, true)}
                options={scalePoints(c).map((p) => ({ value: String(p), label: formatNumber(p, lang) }))}
              />
            ))}
          </div>
        ))}
        <h3 className="kern-heading-small">{t('review.form.textsTitle')}</h3>
        <TextArea
          path="assessment"
          label={t('review.form.assessment')}
          hint={t('review.form.assessmentHint')}
          rows={8}
          value={draft.assessment}
          error={messages.assessment}
          onChange={(v) => change({ assessment: v })}
        />
        <TextArea
          path="feedback"
          label={t('review.form.feedback')}
          hint={t('review.form.feedbackHint')}
          optional
          rows={6}
          value={draft.feedback}
          error={messages.feedback}
          onChange={(v) => change({ feedback: v })}
        />
        <RadioGroup
          path="recommendation"
          legend={t('review.form.recommendation')}
          error={messages.recommendation}
          value={draft.recommendation ?? ''}
          onChange={(v) => change({ recommendation: v as ReviewDraft['recommendation'] }, true)}
          options={recommendationValues.map((r) => ({ value: r, label: t(`review.recommendations.${r}`) }))}
        />
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">{t('review.save.now')}</span>
          </button>
        </div>
      </form>
    </>
  );
});
