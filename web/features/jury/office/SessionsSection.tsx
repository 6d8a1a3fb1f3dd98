import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, ErrorSummary } from '../../../components/alerts';
import { Checkbox, Fieldset, TextField } from '../../../components/fields';
import { localProblem, useFormErrors } from '../../../components/form-errors';
import { Section } from '../../../components/page';
import { useLang } from '../../../i18n';
import { berlinLocalToIso } from '../../../lib/berlin-time';
import { formatDateTime } from '../../../lib/format';
import { juryApi, type JuryMember, type JurySession } from '../jury-api';
import { juryOfficeApi } from './office-api';

/** One session: who is present (saved in one go), opening and closing, and the way into its room. */
function SessionCard({ initial, members, onChanged }: { initial: JurySession; members: JuryMember[]; onChanged(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [session, setSession] = useState(initial);
  const [present, setPresent] = useState<Record<string, boolean>>(() => Object.fromEntries(initial.attendance.map((a) => [a.memberId, a.present])));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { error, fail, clear, summaryRef } = useFormErrors();
  const headingId = `session-${session.id}`;
  const closed = session.status === 'closed';

  const run = async (change: () => Promise<JurySession>, message: (s: JurySession) => string) => {
    clear();
    setDone(null);
    setBusy(true);
    try {
      const changed = await change();
      setSession(changed);
      setDone(message(changed));
      onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const saveAttendance = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => juryApi.attendance(session.id, members.map((m) => ({ memberId: m.id, present: present[m.id] ?? false }))),
      (s) => t('juryOffice.sessions.attendanceSaved', { present: s.presentCount, members: s.memberCount }),
    );
  };

  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId}>
        {t('juryOffice.sessions.heading', { title: session.title, startsAt: formatDateTime(session.startsAt, lang) })}
      </h3>
      <p className="kern-body">
        {t('juryOffice.sessions.status', { status: t(`jury.session.status.${session.status}`) })}.{' '}
        {session.quorate
          ? t('jury.session.quorate', { present: session.presentCount, members: session.memberCount, needed: session.quorumNeeded })
          : t('jury.session.notQuorate', { present: session.presentCount, members: session.memberCount, needed: session.quorumNeeded })}
      </p>
      <p className="kern-body">
        <Link className="kern-link" to={`/jury/sessions/${session.id}`}>
          {t('juryOffice.sessions.room')}
        </Link>
      </p>
      <div role="status" className="status-region">
        {done && <Alert tone="success" title={done} />}
      </div>
      <ErrorSummary error={error} ref={summaryRef} />
      {members.length === 0 ? (
        <p className="kern-body">{t('juryOffice.sessions.noMembers')}</p>
      ) : (
        <form className="app-form" noValidate onSubmit={saveAttendance} aria-label={t('juryOffice.sessions.attendance')}>
          <Fieldset path={`attendance-${session.id}`} legend={t('juryOffice.sessions.attendance')} hint={t('juryOffice.sessions.attendanceHint', { needed: session.quorumNeeded })}>
            {members.map((m) => (
              <Checkbox
                key={m.id}
                id={`present-${session.id}-${m.id}`}
                label={m.displayName}
                checked={present[m.id] ?? false}
                disabled={closed}
                onChange={(checked) => setPresent((p) => ({ ...p, [m.id]: checked }))}
              />
            ))}
          </Fieldset>
          {!closed && (
            <div className="kern-btn-wrapper button-row">
              <button type="submit" className="kern-btn kern-btn--secondary" disabled={busy}>
                <span className="kern-label">{t('juryOffice.sessions.saveAttendance')}</span>
              </button>
            </div>
          )}
        </form>
      )}
      <div className="kern-btn-wrapper button-row">
        {session.status === 'planned' && (
          <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void run(() => juryApi.openSession(session.id), () => t('juryOffice.sessions.opened'))}>
            <span className="kern-label">{t('juryOffice.sessions.open')}</span>
          </button>
        )}
        {session.status === 'open' && (
          <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => void run(() => juryApi.closeSession(session.id), () => t('juryOffice.sessions.closed'))}>
            <span className="kern-label">{t('juryOffice.sessions.close')}</span>
          </button>
        )}
      </div>
    </section>
  );
}

/** The jury's sessions, each with attendance and its status, and the form that plans another. */
export function SessionsSection({ roundId, sessions, members, onChanged }: { roundId: string; sessions: JurySession[]; members: JuryMember[]; onChanged(): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { error, fieldErrors, fail, clear, summaryRef } = useFormErrors();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    setDone(null);
    const iso = berlinLocalToIso(startsAt);
    const problems: { path: string; message: string }[] = [];
    if (!title.trim()) problems.push({ path: 'title', message: t('juryOffice.sessions.titleMissing') });
    if (!iso) problems.push({ path: 'startsAt', message: t('juryOffice.sessions.startsAtInvalid') });
    if (problems.length > 0 || !iso) {
      fail(localProblem(t('juryOffice.notSaved'), t('form.checkFields'), problems));
      return;
    }
    setBusy(true);
    try {
      const created = await juryOfficeApi.createSession(roundId, { title: title.trim(), startsAt: iso });
      setDone(t('juryOffice.sessions.created', { title: created.title }));
      setTitle('');
      setStartsAt('');
      onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('juryOffice.sessions.title')} id="office-jury-sessions">
      {sessions.length === 0 ? (
        <p className="kern-body">{t('juryOffice.sessions.empty')}</p>
      ) : (
        sessions.map((s) => <SessionCard key={s.id} initial={s} members={members} onChanged={onChanged} />)
      )}
      <form className="app-form narrow-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="create-session-heading">
        <h3 className="kern-heading-small" id="create-session-heading">
          {t('juryOffice.sessions.createTitle')}
        </h3>
        <div role="status" className="status-region">
          {done && <Alert tone="success" title={done} />}
        </div>
        <ErrorSummary error={error} ref={summaryRef} />
        <TextField path="title" label={t('juryOffice.sessions.titleLabel')} value={title} error={fieldErrors.title} onChange={setTitle} />
        <TextField path="startsAt" type="datetime-local" label={t('juryOffice.sessions.startsAt')} value={startsAt} error={fieldErrors.startsAt} onChange={setStartsAt} width="medium" />
        <div className="kern-btn-wrapper button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('juryOffice.sessions.create')}</span>
          </button>
        </div>
      </form>
    </Section>
  );
}
