import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { juryApi } from './jury-api';

/** A round's jury: its members and sessions, with the way into each session's jury room. */
export function JuryRoundPage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading } = useApi(() => juryApi.overview(roundId), [roundId]);
  if (error) return <LoadFailed error={error} />;
  if (loading || !data) return <Loading />;
  const { round, members, sessions, settings, me } = data;
  return (
    <Page title={t('jury.round.title', { name: round.name })} lead={t('jury.round.lead', { members: settings.memberCount, size: round.jurySize, quorum: settings.quorumNeeded })}>
      <Section title={t('jury.round.sessions')} id="jury-sessions">
        {sessions.length === 0 ? (
          <p className="kern-body">{t('jury.round.noSessions')}</p>
        ) : (
          <ul className="kern-list">
            {sessions.map((s) => (
              <li key={s.id}>
                <Link className="kern-link" to={`/jury/sessions/${s.id}`}>
                  {t('jury.session.line', {
                    title: s.title,
                    startsAt: formatDateTime(s.startsAt, lang),
                    status: t(`jury.session.status.${s.status}`),
                    present: s.presentCount,
                    members: s.memberCount,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('jury.round.members')} id="jury-members">
        <Table caption={t('jury.round.members')} captionHidden columns={[{ label: t('jury.round.name') }, { label: t('jury.round.role') }, { label: t('jury.round.affiliation') }]}>
          {members.map((m) => (
            <tr key={m.id} className="kern-table__row">
              <Cell header>
                {m.displayName}
                {me?.memberId === m.id && ` (${t('jury.round.you')})`}
              </Cell>
              <Cell>{t(`jury.round.${m.role}`)}</Cell>
              <Cell>{t(`jury.round.affiliations.${m.affiliation}`)}</Cell>
            </tr>
          ))}
        </Table>
      </Section>
    </Page>
  );
}
