import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { applicationsApi, organisationsApi, programmesApi, roundsApi } from '../../api/endpoints';
import type { Application, Eligibility, Organisation, Programme, Receipt, Round, SessionUser } from '../../api/types';
import { Alert, ErrorSummary, Notice } from '../../components/alerts';
import { ApplicationStatusBadge, FormalCheckBadge } from '../../components/badges';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { localProblem } from '../../components/form-errors';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useLang } from '../../i18n';
import { formatDateTime, formatMoney } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { abilitiesOf, problemMessages, readOnlyReason } from './application-model';
import { ApplicationContentView } from './ApplicationContentView';
import { ApplicationEditor, type EditorHandle } from './ApplicationEditor';
import { AttachmentsPanel } from './AttachmentsPanel';
import { EligibilityPanel } from './EligibilityPanel';
import { FormalCheckForm } from './FormalCheckForm';
import { ReceiptPanel } from './ReceiptPanel';
import { VersionsPanel } from './VersionsPanel';

interface Loaded {
  app: Application;
  round: Round;
  programme: Programme;
  organisation: Organisation | null;
}

async function load(id: string): Promise<Loaded> {
  const app = await applicationsApi.get(id);
  const round = await roundsApi.get(app.roundId);
  const [programme, organisation] = await Promise.all([
    programmesApi.get(round.programmeSlug),
    // A cooperation's partner regions are offered as partners; a failure here costs only that offer.
    app.organisation.kind === 'cooperation' ? organisationsApi.get(app.organisation.id).catch(() => null) : Promise.resolve(null),
  ]);
  return { app, round, programme, organisation };
}

type Flash = 'created' | undefined;

export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const state = location.state as { flash?: Flash; from?: string } | null;
  const [flash] = useState(state?.flash);
  // A message about what just happened is shown once, not again after a reload or "back".
  useEffect(() => {
    if (state?.flash) navigate(`${location.pathname}${location.search}`, { replace: true, state: { ...state, flash: undefined } });
  }, [state, location.pathname, location.search, navigate]);
  const { data, error, loading } = useApi(() => load(id), [id]);
  return (
    <RequireArea>
      {(user) => {
        if (error) return <LoadFailed error={error} />;
        if (loading || !data) return <Page title={t('application.loadingTitle')}><Loading /></Page>;
        return <Workspace key={data.app.id} initial={data} user={user} flash={flash} backSearch={state?.from ?? ''} />;
      }}
    </RequireArea>
  );
}

interface NoticeState {
  tone: 'success' | 'info';
  title: string;
  text?: string;
}

function Workspace({ initial, user, flash, backSearch }: { initial: Loaded; user: SessionUser; flash: Flash; backSearch: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { round, programme, organisation } = initial;
  const [app, setApp] = useState(initial.app);
  const [eligibility, setEligibility] = useState<Eligibility | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(flash === 'created' ? { tone: 'success', title: t('actions.created'), text: t('actions.createdText') } : null);
  const [focusNotice, setFocusNotice] = useState(0);
  const [actionError, setActionError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<'submit' | 'withdraw' | null>(null);
  const [busy, setBusy] = useState(false);
  const editorRef = useRef<EditorHandle>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const can = abilitiesOf(app, round);
  const reason = readOnlyReason(app, round);
  const staff = app.abilities.includes('application.check');

  useEffect(() => {
    if (focusNotice > 0) noticeRef.current?.focus();
  }, [focusNotice]);
  useEffect(() => {
    if (actionError) errorRef.current?.focus();
  }, [actionError]);
  // A refused submission speaks of the version it saw; a newer saved version makes it stale.
  useEffect(() => {
    setActionError(null);
  }, [app.version]);

  // The check before submission follows every saved version.
  useEffect(() => {
    if (app.status !== 'draft') return;
    let current = true;
    applicationsApi.eligibility(app.id).then(
      (e) => current && setEligibility(e),
      () => current && setEligibility(null),
    );
    return () => {
      current = false;
    };
  }, [app.id, app.version, app.status]);

  useEffect(() => {
    if (app.status !== 'submitted') {
      setReceipt(null);
      return;
    }
    let current = true;
    applicationsApi.receipt(app.id).then(
      (r) => current && setReceipt(r),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [app.id, app.status, app.submittedAt]);

  const say = (n: NoticeState) => {
    setNotice(n);
    setFocusNotice((x) => x + 1);
  };

  const problemCtx = { round, content: app.content, requestedCents: app.requestedCents, formatMoney: (c: number) => formatMoney(c, lang, { whole: true }) };
  const eligibilityProblems = eligibility ? problemMessages(eligibility.problems, t, problemCtx) : null;
  const actionProblems = actionError instanceof ApiError && actionError.problem.errors ? problemMessages(actionError.problem.errors, t, problemCtx) : [];
  const actionMessages = Object.fromEntries(actionProblems.map((p) => [p.path, p.message]));

  const askSubmit = async () => {
    setActionError(null);
    const saved = (await editorRef.current?.flush()) ?? true;
    if (!saved) {
      setActionError(localProblem(t('actions.saveFirstTitle'), t('actions.saveFirst'), []));
      return;
    }
    setDialog('submit');
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
      setDialog(null);
    }
  };

  const submit = () =>
    run(async () => {
      const version = editorRef.current?.version() ?? app.version;
      const r = await applicationsApi.submit(app.id, version);
      const fresh = await applicationsApi.get(app.id);
      setReceipt(r);
      setApp(fresh);
      say({ tone: 'success', title: t('actions.submitted', { reference: r.reference }), text: t('actions.submittedText') });
    });

  const withdraw = () =>
    run(async () => {
      const updated = await applicationsApi.withdraw(app.id, app.version);
      setApp(updated);
      say({ tone: 'info', title: t('actions.withdrawn'), text: t('actions.withdrawnText') });
    });

  const reopen = () =>
    run(async () => {
      const updated = await applicationsApi.reopen(app.id, app.version);
      setApp(updated);
      say({ tone: 'info', title: t('actions.reopened') });
    });

  const title = app.content.title.trim() || t('application.untitled');
  const partnerSuggestions = (organisation?.regions ?? []).filter((r) => r.role === 'partner').map((r) => r.name);

  return (
    <Page
      title={title}
      preline={
        <>
          {app.organisation.displayName} ·{' '}
          <Link className="kern-link" to={`/rounds/${round.id}`}>
            {round.name}
          </Link>
        </>
      }
      actions={
        staff && (
          <Link className="kern-btn kern-btn--secondary" to={`/office/rounds/${round.id}/applications${backSearch}`}>
            <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
            <span className="kern-label">{t('office.backToList')}</span>
          </Link>
        )
      }
    >
      <div role="status" className="status-region">
        {notice && (
          <Alert tone={notice.tone} title={notice.title} ref={noticeRef}>
            {notice.text && <p className="kern-body">{notice.text}</p>}
          </Alert>
        )}
      </div>
      <p className="application-status-line">
        <ApplicationStatusBadge status={app.status} /> <span className="muted">{t('application.reference')}:</span> <code>{app.reference}</code>
        {staff && (
          <>
            {' '}
            <span className="muted">{t('formalCheck.short')}:</span> <FormalCheckBadge check={app.formalCheck} />
          </>
        )}
      </p>
      <p className="kern-body kern-body--small">
        <span className="kern-body--bold">{t('round.closesAt')}:</span> {formatDateTime(round.closesAt, lang)} ({t('common.berlinTime')})
        {app.submittedAt && app.status === 'submitted' && (
          <>
            {' · '}
            <span className="kern-body--bold">{t('application.submittedAt')}:</span> {formatDateTime(app.submittedAt, lang)}
          </>
        )}
      </p>
      <ErrorSummary error={actionError} messages={actionMessages} ref={errorRef} />

      {/* The office opens a submitted application to check it: the check comes first. */}
      {can.check && <FormalCheckForm app={app} onChanged={setApp} />}
      {receipt && app.status === 'submitted' && <ReceiptPanel receipt={receipt} />}

      {can.edit ? (
        <>
          <ApplicationEditor
            key={`${app.id}-${app.status}`}
            ref={editorRef}
            app={app}
            round={round}
            programme={programme}
            partnerSuggestions={partnerSuggestions}
            onSaved={setApp}
            extraErrors={actionMessages}
          />
          <AttachmentsPanel applicationId={app.id} attachments={app.attachments} editable onChange={(attachments) => setApp((a) => ({ ...a, attachments }))} />
          <EligibilityPanel problems={eligibilityProblems} />
          {can.submit && (
            <Section title={t('actions.submitTitle')} id="submit">
              <p className="kern-body">{t('actions.submitLead', { deadline: formatDateTime(round.closesAt, lang) })}</p>
              <div className="kern-btn-wrapper button-row">
                <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void askSubmit()}>
                  <span className="kern-label">{t('actions.submit')}</span>
                </button>
              </div>
            </Section>
          )}
        </>
      ) : (
        <>
          {reason && <Notice title={t(`readOnly.${reason}`)} />}
          {(can.withdraw || can.reopen) && (
            <Section title={can.withdraw ? t('actions.withdrawTitle') : t('actions.reopenTitle')} id="status-actions">
              <p className="kern-body">{can.withdraw ? t('actions.withdrawLead', { deadline: formatDateTime(round.closesAt, lang) }) : t('actions.reopenLead')}</p>
              <div className="kern-btn-wrapper button-row">
                {can.withdraw && (
                  <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => setDialog('withdraw')}>
                    <span className="kern-label">{t('actions.withdraw')}</span>
                  </button>
                )}
                {can.reopen && (
                  <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void reopen()}>
                    <span className="kern-label">{t('actions.reopen')}</span>
                  </button>
                )}
              </div>
            </Section>
          )}
          <ApplicationContentView content={app.content} round={round} app={app} programme={programme} />
          <AttachmentsPanel applicationId={app.id} attachments={app.attachments} editable={false} onChange={() => undefined} />
        </>
      )}

      <VersionsPanel applicationId={app.id} version={app.version} userId={user.id} />

      <ConfirmDialog
        open={dialog === 'submit'}
        title={t('actions.confirmSubmitTitle')}
        confirmLabel={t('actions.confirmSubmit')}
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={() => void submit()}
      >
        <p className="kern-body">{t('actions.confirmSubmitText', { title, version: editorRef.current?.version() ?? app.version })}</p>
        <p className="kern-body">{t('actions.confirmSubmitWithdraw', { deadline: formatDateTime(round.closesAt, lang) })}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'withdraw'}
        title={t('actions.confirmWithdrawTitle')}
        confirmLabel={t('actions.confirmWithdraw')}
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={() => void withdraw()}
      >
        <p className="kern-body">{t('actions.confirmWithdrawText', { deadline: formatDateTime(round.closesAt, lang) })}</p>
      </ConfirmDialog>
    </Page>
  );
}
