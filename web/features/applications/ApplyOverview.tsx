import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { applicationsApi, organisationsApi, programmesApi, roundsApi } from '../../api/endpoints';
import type { ApplicationSummary, Organisation, OrganisationListItem, Programme, Round } from '../../api/types';
import { Alert, ErrorSummary, useProblemTitle } from '../../components/alerts';
import { ApplicationStatusBadge } from '../../components/badges';
import { Loading, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime, formatMoney, formatPeriod } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { OrganisationForm } from '../organisations/OrganisationForm';
import { callOpen } from './application-model';

interface OpenCall {
  round: Round;
  programme: Programme;
}

async function load() {
  const [organisations, applications, programmes] = await Promise.all([organisationsApi.mine(), applicationsApi.mine(), programmesApi.list()]);
  const calls: OpenCall[] = [];
  for (const programme of programmes) {
    for (const round of await roundsApi.list(programme.slug)) if (callOpen(round)) calls.push({ round, programme });
  }
  calls.sort((a, b) => Date.parse(a.round.closesAt) - Date.parse(b.round.closesAt));
  return { organisations: organisations.filter((o) => o.myRole !== null), applications, calls };
}

function leadOf(o: OrganisationListItem): string {
  return o.regions.find((r) => r.role === 'lead')?.name ?? '';
}

function Organisations({ organisations, onCreated }: { organisations: OrganisationListItem[]; onCreated(o: Organisation): void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<Organisation | null>(null);
  const createdRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);
  return (
    <Section title={t('apply.organisations')} id="my-organisations">
      {created && (
        <Alert tone="success" live="status" title={t('organisations.created', { name: created.displayName })} ref={createdRef}>
          <p className="kern-body">
            <Link className="kern-link" to={`/organisations/${created.id}`}>
              {t('organisations.openPage', { name: created.displayName })}
            </Link>
          </p>
        </Alert>
      )}
      {organisations.length === 0 ? (
        <p className="kern-body">{t('apply.noOrganisations')}</p>
      ) : (
        <Table
          caption={t('apply.organisationsCaption')}
          captionHidden
          columns={[{ label: t('organisations.name') }, { label: t('organisations.kind') }, { label: t('organisations.regions') }, { label: t('organisations.yourRole') }]}
        >
          {organisations.map((o) => (
            <tr className="kern-table__row" key={o.id}>
              <Cell header>
                <Link className="kern-link" to={`/organisations/${o.id}`}>
                  {o.displayName}
                </Link>
              </Cell>
              <Cell>{t(`orgKinds.${o.kind}`)}</Cell>
              <Cell>
                {leadOf(o)}
                {o.kind === 'cooperation' && (
                  <span className="muted"> {t('apply.withPartners', { count: o.regions.filter((r) => r.role === 'partner').length })}</span>
                )}
              </Cell>
              <Cell>{o.myRole ? t(`organisations.memberRoles.${o.myRole}`) : ''}</Cell>
            </tr>
          ))}
        </Table>
      )}
      <details className="kern-accordion register-org" open={organisations.length === 0}>
        <summary className="kern-accordion__header">
          <span className="kern-title">{t('organisations.registerTitle')}</span>
        </summary>
        <section className="kern-accordion__body" aria-label={t('organisations.registerTitle')}>
          <p className="kern-body">{t('organisations.registerLead')}</p>
          <OrganisationForm
            onCreated={(o) => {
              setCreated(o);
              onCreated(o);
            }}
          />
        </section>
      </details>
    </Section>
  );
}

function OpenCalls({ calls, organisations, applications }: { calls: OpenCall[]; organisations: OrganisationListItem[]; applications: ApplicationSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const start = async (round: Round, organisation: OrganisationListItem) => {
    setBusy(`${round.id}/${organisation.id}`);
    setError(null);
    try {
      const created = await applicationsApi.create(round.id, organisation.id);
      navigate(`/applications/${created.id}`, { state: { flash: 'created' } });
    } catch (caught) {
      const existing = caught instanceof ApiError && caught.code === 'APPLICATION_EXISTS' ? caught.problem.applicationId : undefined;
      if (typeof existing === 'string') navigate(`/applications/${existing}`);
      else setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section title={t('apply.openCalls')} id="open-calls">
      <ErrorSummary error={error} ref={errorRef} />
      {calls.length === 0 ? (
        <p className="kern-body">{t('start.apply.noOpenRounds')}</p>
      ) : (
        <ul className="card-list">
          {calls.map(({ round, programme }) => {
            const eligible = organisations.filter((o) => round.eligibleKinds.includes(o.kind));
            return (
              <li key={round.id}>
                <article className="kern-card round-card call-card">
                  <div className="kern-card__container">
                    <header className="kern-card__header">
                      <p className="kern-preline">{programme.name}</p>
                      <h3 className="kern-heading-small">
                        <Link className="kern-link" to={`/rounds/${round.id}`}>
                          {round.name}
                        </Link>
                      </h3>
                    </header>
                    <div className="kern-card__body">
                      {round.motto && <p className="kern-body round-card__motto">„{round.motto}“</p>}
                      <p className="kern-body kern-body--small">
                        <span className="kern-body--bold">{t('round.callPeriod')}:</span> {formatPeriod(round.opensAt, round.closesAt, lang)}{' '}
                        <span className="muted">({t('common.berlinTime')})</span>
                      </p>
                      <p className="kern-body kern-body--small">
                        <span className="kern-body--bold">{t('round.eligibleKinds')}:</span> {round.eligibleKinds.map((k) => t(`kinds.${k}`)).join(', ')}
                      </p>
                      {organisations.length === 0 ? (
                        <p className="kern-body kern-body--small">{t('apply.registerFirst')}</p>
                      ) : eligible.length === 0 ? (
                        <p className="kern-body kern-body--small">{t('apply.notEligible')}</p>
                      ) : (
                        <ul className="call-actions">
                          {eligible.map((o) => {
                            const existing = applications.find((a) => a.roundId === round.id && a.organisation.id === o.id);
                            return (
                              <li key={o.id}>
                                {existing ? (
                                  <Link className="kern-link" to={`/applications/${existing.id}`}>
                                    {t('apply.openApplication', { name: o.displayName })}
                                  </Link>
                                ) : (
                                  <button
                                    type="button"
                                    className="kern-btn kern-btn--primary kern-btn--x-small"
                                    disabled={busy !== null}
                                    onClick={() => void start(round, o)}
                                  >
                                    <span className="kern-label">{t('apply.start', { name: o.displayName })}</span>
                                  </button>
                                )}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </div>
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function MyApplications({ applications }: { applications: ApplicationSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sorted = [...applications].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  return (
    <Section title={t('apply.applications')} id="my-applications">
      {sorted.length === 0 ? (
        <p className="kern-body">{t('apply.noApplications')}</p>
      ) : (
        <Table
          caption={t('apply.applicationsCaption')}
          captionHidden
          columns={[
            { label: t('application.projectTitle') },
            { label: t('application.call') },
            { label: t('application.applicant') },
            { label: t('application.status') },
            { label: t('application.requested'), numeric: true },
            { label: t('application.lastChange') },
          ]}
        >
          {sorted.map((a) => (
            <tr className="kern-table__row" key={a.id}>
              <Cell header>
                <Link className="kern-link" to={`/applications/${a.id}`}>
                  {a.title.trim() || t('application.untitled')}
                </Link>
                <span className="muted cell-note">{a.reference}</span>
              </Cell>
              <Cell>{a.roundName}</Cell>
              <Cell>{a.organisation.displayName}</Cell>
              <Cell>
                <ApplicationStatusBadge status={a.status} />
              </Cell>
              <Cell numeric>{formatMoney(a.requestedCents, lang)}</Cell>
              <Cell>{formatDateTime(a.submittedAt ?? a.updatedAt, lang)}</Cell>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}

/** The applicant's start: their organisations, the calls open to them, their applications. */
export function ApplyOverview() {
  const { t } = useTranslation();
  const problemTitle = useProblemTitle();
  const { data, error, loading, reload } = useApi(load, []);
  if (error) {
    return (
      <Alert tone="danger" live="alert" title={t('errors.loadFailedTitle')}>
        <p className="kern-body">{problemTitle(error)}</p>
      </Alert>
    );
  }
  if (loading && !data) return <Loading />;
  if (!data) return null;
  return (
    <>
      <MyApplications applications={data.applications} />
      <OpenCalls calls={data.calls} organisations={data.organisations} applications={data.applications} />
      <Organisations organisations={data.organisations} onCreated={reload} />
    </>
  );
}
