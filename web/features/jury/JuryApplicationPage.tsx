import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DescriptionList } from '../../components/badges';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { useLang } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { juryApi } from './jury-api';

/** One application as the jury sees it; for a member recused from it, the server answers 404. */
export function JuryApplicationPage() {
  const { roundId = '', applicationId = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading } = useApi(() => juryApi.application(roundId, applicationId), [roundId, applicationId]);
  if (error) return <LoadFailed error={error} />;
  if (loading || !data) return <Loading />;
  return (
    <Page title={t('jury.application.title', { organisation: data.organisation })} preline={data.reference} lead={data.title}>
      <p className="kern-body">
        <Link className="kern-link" to={`/jury/rounds/${roundId}`}>
          {t('jury.room.backToRound')}
        </Link>
      </p>
      <DescriptionList
        items={[
          [t('jury.room.score'), data.calibrated === null ? '–' : formatNumber(Math.round(data.calibrated * 10) / 10, lang)],
          [t('jury.room.disagreement'), data.disagreement === null ? '–' : formatNumber(Math.round(data.disagreement * 10) / 10, lang)],
          [t('jury.room.requested'), formatMoney(data.requestedCents, lang)],
          ...(data.decision ? ([[t('jury.room.decision'), t(`jury.room.outcomes.${data.decision.outcome}`)]] as [string, string][]) : []),
        ]}
      />
      <Section title={t('jury.application.summary')} id="jury-summary">
        <p className="kern-body">{data.summary}</p>
      </Section>
      <Section title={t('jury.application.votes')} id="jury-votes">
        {data.votes.length === 0 ? (
          <p className="kern-body">{t('jury.room.noVotes')}</p>
        ) : (
          <ul className="kern-list">
            {data.votes.map((v) => (
              <li key={`${v.sessionId}-${v.memberId}`}>
                {v.displayName}: {t(`jury.room.choices.${v.choice}`)}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}
