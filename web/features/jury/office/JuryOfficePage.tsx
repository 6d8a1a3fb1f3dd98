import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadFailed, Loading, Page } from '../../../components/page';
import { useApi } from '../../../lib/use-api';
import { MembersSection } from './MembersSection';
import { loadJuryOffice } from './office-api';
import { QuorumSection } from './QuorumSection';
import { RecusalsSection } from './RecusalsSection';
import { SessionsSection } from './SessionsSection';

/** The programme office sets up a round's jury: members, quorum, recusals and sessions. */
export function JuryOfficePage() {
  const { roundId = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi(() => loadJuryOffice(roundId), [roundId]);
  if (error) return <LoadFailed error={error} />;
  // A reload after a change keeps the page (and its success messages) on screen.
  if (loading && !data) return <Loading />;
  if (!data) return <Loading />;
  const { overview, recusals, applications, organisations } = data;
  const { round, settings } = overview;
  return (
    <Page
      title={t('juryOffice.title', { name: round.name })}
      preline={
        <Link className="kern-link" to={`/rounds/${round.id}`}>
          {t('juryOffice.backToRound')}
        </Link>
      }
      lead={t('juryOffice.lead', { members: settings.memberCount, size: round.jurySize, quorum: settings.quorumNeeded })}
    >
      <p className="kern-body">
        <Link className="kern-link" to={`/jury/rounds/${round.id}`}>
          {t('juryOffice.juryView')}
        </Link>
      </p>
      <MembersSection overview={overview} recusals={recusals} organisations={organisations} onChanged={reload} />
      <QuorumSection overview={overview} onChanged={reload} />
      <RecusalsSection overview={overview} recusals={recusals} applications={applications} onChanged={reload} />
      <SessionsSection roundId={round.id} sessions={overview.sessions} members={overview.members} onChanged={reload} />
    </Page>
  );
}
