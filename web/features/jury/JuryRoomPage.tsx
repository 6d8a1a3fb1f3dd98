import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Alert } from '../../components/alerts';
import { DescriptionList } from '../../components/badges';
import { RadioGroup, TextArea, TextField } from '../../components/fields';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useLang } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import { parseEuroToCents } from '../../lib/number-input';
import { useApi } from '../../lib/use-api';
import { juryApi, type JuryRoom, type Outcome, type RoomApplication, type Tally, type VoteChoice } from './jury-api';

const choices: VoteChoice[] = ['yes', 'no', 'abstain'];
const outcomes: Outcome[] = ['selected', 'rejected', 'waitlisted'];

/** A failed vote or decision, titled in the page's language; the server's English detail names the amounts. */
function Problem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const title = api ? t(`jury.problems.${api.code}`, { defaultValue: t(`problems.${api.code}`, { defaultValue: api.problem.title }) }) : String(error);
  return (
    <Alert tone="danger" title={title} live="alert">
      {api?.problem.detail && (
        <p className="kern-body" lang="en">
          {api.problem.detail}
        </p>
      )}
    </Alert>
  );
}

function TallyLine({ tally }: { tally: Tally }) {
  const { t } = useTranslation();
  const verdict = tally.tieBrokenByChair
    ? t('jury.room.tieBroken')
    : tally.majority === 'yes'
      ? t('jury.room.majorityYes')
      : tally.majority === 'no'
        ? t('jury.room.majorityNo')
        : t('jury.room.noMajority');
  return (
    <p className="kern-body">
      {t('jury.room.tally', { yes: tally.yes, no: tally.no, abstain: tally.abstain })} – {verdict}
    </p>
  );
}

function VoteButtons({ room, app, onDone }: { room: JuryRoom; app: RoomApplication; onDone(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<VoteChoice | null>(null);
  const legendId = `vote-${app.applicationId}`;
  const cast = async (choice: VoteChoice) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await juryApi.vote(room.session.id, app.applicationId, choice);
      setSaved(choice);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="jury-vote">
      <p className="kern-label" id={legendId}>
        {t('jury.room.voteLegend', { organisation: app.organisation })}
      </p>
      <div className="kern-btn-wrapper button-row" role="group" aria-labelledby={legendId}>
        {choices.map((c) => (
          <button key={c} type="button" className={`kern-btn ${app.myVote === c ? 'kern-btn--primary' : 'kern-btn--secondary'}`} aria-pressed={app.myVote === c} disabled={busy} onClick={() => void cast(c)}>
            <span className="kern-label">{t(`jury.room.choices.${c}`)}</span>
          </button>
        ))}
      </div>
      <div role="status">{saved && <p className="kern-body">{t('jury.room.voteSaved', { organisation: app.organisation, choice: t(`jury.room.choices.${saved}`) })}</p>}</div>
      <Problem error={error} />
    </div>
  );
}

function DecideForm({ room, app, onDone }: { room: JuryRoom; app: RoomApplication; onDone(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [outcome, setOutcome] = useState<Outcome>(app.tally.majority === 'no' ? 'rejected' : 'selected');
  const [amount, setAmount] = useState('');
  const [rationale, setRationale] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [amountError, setAmountError] = useState<string | undefined>();
  const prefix = `decide-${app.applicationId}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setAmountError(undefined);
    const cents = outcome === 'selected' ? parseEuroToCents(amount, lang) : 0;
    if (cents === null) {
      setAmountError(t('jury.room.amountInvalid'));
      return;
    }
    setBusy(true);
    try {
      await juryApi.decide(room.session.id, app.applicationId, { outcome, fundingCents: cents, rationale });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="app-form narrow-form" aria-label={t('jury.room.decideTitle', { organisation: app.organisation })}>
      <Problem error={error} />
      <RadioGroup
        path={`${prefix}-outcome`}
        legend={t('jury.room.outcome')}
        value={outcome}
        onChange={(v) => setOutcome(v as Outcome)}
        options={outcomes.map((o) => ({ value: o, label: t(`jury.room.outcomes.${o}`) }))}
      />
      {outcome === 'selected' && (
        <TextField path={`${prefix}-amount`} label={t('jury.room.amount')} hint={t('jury.room.amountHint')} inputMode="decimal" value={amount} error={amountError} onChange={setAmount} width="medium" />
      )}
      <TextArea path={`${prefix}-rationale`} label={t('jury.room.rationale')} rows={3} value={rationale} onChange={setRationale} />
      <div className="kern-btn-wrapper button-row">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{t('jury.room.decide')}</span>
        </button>
      </div>
    </form>
  );
}

function ApplicationCard({ room, app, onChanged }: { room: JuryRoom; app: RoomApplication; onChanged(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = `app-${app.applicationId}`;
  const open = room.session.status === 'open' && room.session.quorate && room.round.status === 'jury';
  const canVote = open && room.me?.present === true && !app.decision;
  return (
    <section className="page-section jury-application" aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId}>
        {app.rank !== null ? t('jury.room.rank', { rank: app.rank }) : t('jury.room.unranked')}: {app.organisation}
      </h3>
      <p className="kern-body">
        {app.title}{' '}
        <Link className="kern-link" to={`/jury/rounds/${room.round.id}/applications/${app.applicationId}`}>
          {t('jury.room.open-link')}
        </Link>
      </p>
      <DescriptionList
        items={[
          [t('jury.room.score'), app.calibrated === null ? '–' : formatNumber(Math.round(app.calibrated * 10) / 10, lang)],
          [t('jury.room.disagreement'), app.disagreement === null ? '–' : `${formatNumber(Math.round(app.disagreement * 10) / 10, lang)}${app.needsThirdReview ? ` – ${t('jury.room.thirdReview')}` : ''}`],
          [t('jury.room.requested'), formatMoney(app.requestedCents, lang)],
        ]}
      />
      <h4 className="kern-heading-x-small">{t('jury.room.votes')}</h4>
      {app.votes.length === 0 ? (
        <p className="kern-body">{t('jury.room.noVotes')}</p>
      ) : (
        <>
          <TallyLine tally={app.tally} />
          <ul className="kern-list">
            {app.votes.map((v) => (
              <li key={v.memberId}>
                {v.displayName}
                {v.role === 'chair' && ` (${t('jury.round.chair')})`}: {t(`jury.room.choices.${v.choice}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {canVote && <VoteButtons room={room} app={app} onDone={onChanged} />}
      {app.decision ? (
        <div className="jury-decision">
          <h4 className="kern-heading-x-small">{t('jury.room.decided', { outcome: t(`jury.room.outcomes.${app.decision.outcome}`) })}</h4>
          <DescriptionList
            items={[
              ...(app.decision.outcome === 'selected' ? ([[t('jury.room.funding'), formatMoney(app.decision.fundingCents, lang)]] as [string, string][]) : []),
              [t('jury.room.rationale'), app.decision.rationale],
            ]}
          />
        </div>
      ) : (
        open && room.canDecide && <DecideForm room={room} app={app} onDone={onChanged} />
      )}
    </section>
  );
}

/** The jury room of one session: the ranked list, votes, decisions and the money against the envelope. */
export function JuryRoomPage() {
  const { sessionId = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useApi(() => juryApi.room(sessionId), [sessionId]);
  const [announce, setAnnounce] = useState('');
  const previous = useRef<JuryRoom | undefined>(undefined);
  useEffect(() => {
    // Announce a decision that just appeared, so screen-reader users hear what their form did.
    const before = previous.current;
    previous.current = data;
    if (!before || !data) return;
    const fresh = data.applications.find((a) => a.decision && !before.applications.find((b) => b.applicationId === a.applicationId)?.decision);
    if (fresh?.decision) setAnnounce(t('jury.room.decidedNow', { organisation: fresh.organisation, outcome: t(`jury.room.outcomes.${fresh.decision.outcome}`) }));
  }, [data, t]);
  if (error) return <LoadFailed error={error} />;
  if (loading && !data) return <Loading />;
  if (!data) return <Loading />;
  const { session, money } = data;
  const counts = { present: session.presentCount, members: session.memberCount, needed: session.quorumNeeded };
  return (
    <Page title={t('jury.room.title', { title: session.title })} preline={data.round.name}>
      <p className="kern-body">
        <Link className="kern-link" to={`/jury/rounds/${data.round.id}`}>
          {t('jury.room.backToRound')}
        </Link>
      </p>
      <p className="kern-body">{session.quorate ? t('jury.session.quorate', counts) : t('jury.session.notQuorate', counts)}</p>
      {session.status !== 'open' && <p className="kern-body">{t('jury.session.notOpen', { status: t(`jury.session.status.${session.status}`) })}</p>}
      {data.me && !data.me.present && session.status === 'open' && <p className="kern-body">{t('jury.room.notPresent')}</p>}
      <div role="status" className="kern-sr-only">
        {announce}
      </div>
      <Section title={t('jury.room.money')} id="jury-money">
        <DescriptionList
          items={[
            [t('jury.room.envelope'), formatMoney(money.envelopeCents, lang)],
            [t('jury.room.selected'), formatMoney(money.selectedCents, lang)],
            [t('jury.room.left'), formatMoney(money.envelopeLeftCents, lang)],
            [t('jury.room.budgetLeft'), formatMoney(money.budgetLeftCents, lang)],
          ]}
        />
      </Section>
      <Section title={t('jury.room.applications')} id="jury-applications">
        {data.applications.length === 0 ? (
          <p className="kern-body">{t('jury.room.none')}</p>
        ) : (
          data.applications.map((a) => <ApplicationCard key={a.applicationId} room={data} app={a} onChanged={reload} />)
        )}
      </Section>
    </Page>
  );
}
