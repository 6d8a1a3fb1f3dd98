import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { applicationsApi } from '../../api/endpoints';
import type { Application, ApplicationContent, Programme, Round } from '../../api/types';
import { Alert, useProblemTitle } from '../../components/alerts';
import { Checkbox, fieldId, fieldLabel, TextArea, TextField } from '../../components/fields';
import { useLang } from '../../i18n';
import { formatDateTime, formatMoney, formatNumber, formatRate, formatTime } from '../../lib/format';
import { draftFromContent, limits, problemMessages, toContent, type ContentDraft, type LocalProblem } from './application-model';
import { ApplicationContentView, MoneyFacts } from './ApplicationContentView';
import { Autosaver, type SaveState } from './autosave';
import { BudgetEditor } from './BudgetEditor';
import { PartnersEditor } from './PartnersEditor';
import { SimilarSolutionsPanel } from '../catalogue/SimilarSolutionsPanel';

/** How long the editor waits after the last keystroke before it saves. */
export const AUTOSAVE_DELAY_MS = 2000;

export interface EditorHandle {
  /** Saves what is not saved yet; false when that was not possible (mistakes, conflict, error). */
  flush(): Promise<boolean>;
  version(): number;
}

interface Props {
  app: Application;
  round: Round;
  programme: Programme;
  /** For a cooperation: its partner regions, offered as partners. */
  partnerSuggestions: string[];
  onSaved(app: Application): void;
  /** Messages from a refused submission, by field path. */
  extraErrors: Record<string, string>;
}

function ProblemList({ problems, title }: { problems: { path: string; message: string }[]; title: string }) {
  const focus = (e: MouseEvent, path: string) => {
    const el = document.getElementById(fieldId(path));
    if (!el) return;
    e.preventDefault();
    el.focus();
  };
  return (
    <Alert tone="danger" title={title}>
      <ul className="kern-list">
        {problems.map((p) => {
          const label = fieldLabel(p.path);
          return (
            <li key={p.path}>
              <a className="kern-link" href={`#${fieldId(p.path)}`} onClick={(e) => focus(e, p.path)}>
                {label ? `${label}: ${p.message}` : p.message}
              </a>
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}

/**
 * The application form. It saves by itself a moment after typing stops and when a field is
 * left, shows what it is doing, and never overwrites a version saved elsewhere in the meantime:
 * the person decides, and their text stays on screen either way.
 */
export const ApplicationEditor = forwardRef<EditorHandle, Props>(function ApplicationEditor({ app, round, programme, partnerSuggestions, onSaved, extraErrors }, ref) {
  const { t } = useTranslation();
  const lang = useLang();
  const problemTitle = useProblemTitle();
  const [draft, setDraft] = useState<ContentDraft>(() => draftFromContent(app.content, lang));
  const draftRef = useRef(draft);
  const langRef = useRef(lang);
  langRef.current = lang;
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [local, setLocal] = useState<LocalProblem[]>([]);
  const [saveProblems, setSaveProblems] = useState<{ path: string; message: string }[]>([]);
  const [mine, setMine] = useState<ApplicationContent | null>(null);
  const [loadedNewest, setLoadedNewest] = useState<number | null>(null);
  const [resolving, setResolving] = useState(false);
  const loadedRef = useRef<HTMLDivElement>(null);

  const saverRef = useRef<Autosaver<ApplicationContent, Application> | null>(null);
  if (!saverRef.current) {
    saverRef.current = new Autosaver<ApplicationContent, Application>({
      version: app.version,
      savedContent: toContent(draftFromContent(app.content, lang), lang, round).content,
      delayMs: AUTOSAVE_DELAY_MS,
      read: () => {
        const { content, problems } = toContent(draftRef.current, langRef.current, round);
        setLocal(problems);
        return problems.length > 0 ? null : content;
      },
      save: (version, content) => applicationsApi.save(app.id, version, content),
      resultOf: (saved) => ({ version: saved.version, savedAt: saved.updatedAt }),
      onSaved: (saved) => {
        setSaveProblems([]);
        onSavedRef.current(saved);
      },
      onState: setSaveState,
      conflictOf: (error) => {
        if (!(error instanceof ApiError) || error.code !== 'STALE_VERSION') return false;
        const current = error.problem.currentVersion;
        return { currentVersion: typeof current === 'number' ? current : null };
      },
    });
  }
  const saver = saverRef.current;

  // The server's reasons for a refused save, said in the UI language, at their fields.
  useEffect(() => {
    if (saveState.kind !== 'failed' || !(saveState.error instanceof ApiError)) return;
    const errors = saveState.error.problem.errors ?? [];
    const { content } = toContent(draftRef.current, langRef.current, round);
    setSaveProblems(problemMessages(errors, t, { round, content, requestedCents: app.requestedCents, formatMoney: (c) => formatMoney(c, langRef.current, { whole: true }) }));
  }, [saveState, round, t, app.requestedCents]);

  // A conflict is announced (role="alert") but takes no focus: the person may be in the middle of a sentence.
  useEffect(() => {
    if (loadedNewest !== null) loadedRef.current?.focus();
  }, [loadedNewest]);

  // Leaving the page saves what is pending; closing the tab with unsaved text asks first.
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

  useImperativeHandle(ref, () => ({ flush: () => saver.flush(), version: () => saver.currentVersion }), [saver]);

  const change = (patch: Partial<ContentDraft>) => {
    const next = { ...draftRef.current, ...patch };
    draftRef.current = next;
    setDraft(next);
    saver.changed();
  };

  const loadNewest = async () => {
    setResolving(true);
    try {
      const latest = await applicationsApi.get(app.id);
      setMine(toContent(draftRef.current, lang, round).content);
      const next = draftFromContent(latest.content, lang);
      draftRef.current = next;
      setDraft(next);
      setSaveProblems([]);
      setLocal([]);
      saver.adopt(latest.version, toContent(next, lang, round).content);
      setLoadedNewest(latest.version);
      onSaved(latest);
    } catch (error) {
      setSaveState({ kind: 'failed', error });
    } finally {
      setResolving(false);
    }
  };

  const keepMine = async () => {
    if (saveState.kind !== 'conflict') return;
    setResolving(true);
    try {
      const current = saveState.currentVersion ?? (await applicationsApi.get(app.id)).version;
      await saver.overwrite(current);
    } finally {
      setResolving(false);
    }
  };

  // Messages by field: typing mistakes first, then the server's answer to the last save, then a refused submission.
  const localMessages: Record<string, string> = {};
  for (const p of local) {
    localMessages[p.path] =
      p.kind === 'amount'
        ? t('form.format.amount')
        : p.kind === 'year'
          ? t('form.format.integer')
          : t('editor.tooLong', { over: formatNumber(p.over, lang), max: formatNumber(p.max, lang) });
  }
  const errors: Record<string, string> = { ...extraErrors };
  for (const p of saveProblems) errors[p.path] ??= p.message;
  Object.assign(errors, localMessages);
  const blocking = [...Object.entries(localMessages), ...saveProblems.filter((p) => !(p.path in localMessages)).map((p) => [p.path, p.message] as [string, string])];

  const counter = (text: string, max: number) => ({
    over: text.length > max,
    text:
      text.length > max
        ? t('editor.charsOver', { over: formatNumber(text.length - max, lang), max: formatNumber(max, lang) })
        : t('editor.chars', { count: text.length, formatted: formatNumber(text.length, lang), max: formatNumber(max, lang) }),
  });

  const version = saver.currentVersion;
  let live = '';
  let quiet = '';
  switch (saveState.kind) {
    case 'idle':
      quiet = t('editor.status.idle', { version, time: formatDateTime(app.updatedAt, lang) });
      break;
    case 'pending':
      quiet = t('editor.status.pending');
      break;
    case 'saving':
      quiet = t('editor.status.saving');
      break;
    case 'saved':
      live = t('editor.status.saved', { time: formatTime(saveState.at, lang), version: saveState.version });
      break;
    case 'blocked':
      live = t('editor.status.blocked');
      break;
    case 'failed':
      live = t('editor.status.failed', { reason: problemTitle(saveState.error) });
      break;
    case 'conflict':
      live = t('editor.status.conflict');
      break;
  }
  const trouble = saveState.kind === 'blocked' || saveState.kind === 'failed' || saveState.kind === 'conflict';

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
            <span className="kern-label">{t('editor.retry')}</span>
          </button>
        )}
      </div>

      {saveState.kind === 'conflict' && (
        <Alert tone="warning" live="alert" title={t('editor.conflict.title')}>
          <p className="kern-body">
            {saveState.currentVersion
              ? t('editor.conflict.text', { version: saveState.currentVersion })
              : t('editor.conflict.textUnknown')}
          </p>
          <div className="button-row">
            <button type="button" className="kern-btn kern-btn--primary" disabled={resolving} onClick={() => void loadNewest()}>
              <span className="kern-label">{t('editor.conflict.loadNewest')}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--secondary" disabled={resolving} onClick={() => void keepMine()}>
              <span className="kern-label">{t('editor.conflict.keepMine')}</span>
            </button>
          </div>
        </Alert>
      )}
      {loadedNewest !== null && saveState.kind !== 'conflict' && (
        <Alert tone="info" live="status" title={t('editor.conflict.loaded', { version: loadedNewest })} ref={loadedRef} />
      )}
      {mine && (
        <details className="kern-accordion mine" open>
          <summary className="kern-accordion__header">
            <span className="kern-title">{t('editor.conflict.mineTitle')}</span>
          </summary>
          <div className="kern-accordion__body">
            <p className="kern-body">{t('editor.conflict.mineText')}</p>
            <ApplicationContentView content={mine} round={round} idPrefix="mine" />
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => setMine(null)}>
              <span className="kern-label">{t('editor.conflict.hideMine')}</span>
            </button>
          </div>
        </details>
      )}
      {blocking.length > 0 && (
        <ProblemList title={t('editor.notSavedBecause')} problems={blocking.map(([path, message]) => ({ path, message }))} />
      )}

      <form
        className="app-form editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void saver.flush();
        }}
        onBlur={() => void saver.flush()}
      >
        <h2 className="kern-heading-medium">{t('application.project')}</h2>
        <TextField
          path="title"
          label={t('application.projectTitle')}
          hint={t('editor.maxChars', { max: formatNumber(limits.title, lang) })}
          value={draft.title}
          error={errors.title}
          onChange={(v) => change({ title: v })}
        />
        <TextField
          path="acronym"
          label={t('application.acronym')}
          hint={t('editor.acronymHint')}
          optional
          width="medium"
          value={draft.acronym}
          error={errors.acronym}
          onChange={(v) => change({ acronym: v })}
        />
        <TextArea
          path="summary"
          label={t('application.summary')}
          hint={t('editor.summaryHint')}
          rows={5}
          value={draft.summary}
          error={errors.summary}
          counter={counter(draft.summary, limits.summary)}
          onChange={(v) => change({ summary: v })}
        />

        <h2 className="kern-heading-medium">{t('application.sections')}</h2>
        {round.formSections.map((s) => (
          <TextArea
            key={s.key}
            path={`sections.${s.key}`}
            label={s.title}
            hint={s.description || undefined}
            optional={!s.required}
            rows={8}
            value={draft.sections[s.key] ?? ''}
            error={errors[`sections.${s.key}`]}
            counter={counter(draft.sections[s.key] ?? '', s.maxLength)}
            onChange={(v) => change({ sections: { ...draftRef.current.sections, [s.key]: v } })}
          />
        ))}

        <PartnersEditor partners={draft.partners} onChange={(partners) => change({ partners })} errors={errors} suggestions={partnerSuggestions} />

        <BudgetEditor rows={draft.budget} onChange={(budget) => change({ budget })} round={round} errors={errors} />
        <div>
          <Checkbox
            id={fieldId('budgetEmergency')}
            label={t('budget.emergency')}
            checked={draft.budgetEmergency}
            onChange={(on) => change({ budgetEmergency: on })}
            describedBy="budget-emergency-hint"
          />
          <p className="kern-hint checkbox-hint" id="budget-emergency-hint">
            {t('budget.emergencyHint', { normal: formatRate(programme.defaultRateBp, lang), raised: formatRate(programme.raisedRateBp, lang) })}
          </p>
        </div>
        <div>
          <h3 className="kern-heading-small">{t('money.title')}</h3>
          <MoneyFacts app={app} round={round} programme={programme} note={t('money.asSaved', { version: app.version })} />
        </div>
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">{t('editor.saveNow')}</span>
          </button>
        </div>
      </form>
      <SimilarSolutionsPanel text={[draft.title, draft.summary, ...Object.values(draft.sections)].join('\n')} />
    </>
  );
});
