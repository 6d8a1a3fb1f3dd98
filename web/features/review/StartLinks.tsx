import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { programmesApi, reviewApi, roundsApi } from '../../api/endpoints';
import type { Round } from '../../api/types';
import { Loading, Section } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { ReviewStatusBadge } from './ReviewStatusBadge';

/** The reviewer's way in: their assignments (with what is open) and their profile. */
export function ReviewerStartLinks() {
  const { t } = useTranslation();
  const { data } = useApi(() => reviewApi.myAssignments().catch(() => null), []);
  const open = data?.filter((a) => a.reviewStatus !== 'submitted').length;
  return (
    <Section title={t('review.start.title')} id="review-tools">
      <ul className="tool-list">
        <li>
          <Link className="kern-link" to="/review/assignments">
            {t('review.mine.title')}
          </Link>
          <span className="kern-body kern-body--small">
            {' '}
            – {data ? t('review.start.assignmentsCount', { count: data.length, open: open ?? 0 }) : t('review.start.assignmentsText')}
          </span>
        </li>
        <li>
          <Link className="kern-link" to="/review/profile">
            {t('review.profile.title')}
          </Link>
          <span className="kern-body kern-body--small"> – {t('review.start.profileText')}</span>
        </li>
      </ul>
      {data && data.some((a) => a.reviewStatus !== 'submitted') && (
        <ul className="kern-list">
          {data
            .filter((a) => a.reviewStatus !== 'submitted')
            .slice(0, 5)
            .map((a) => (
              <li key={a.id}>
                <Link className="kern-link" to={`/review/assignments/${a.id}`}>
                  {a.title || a.reference}
                </Link>{' '}
                <ReviewStatusBadge status={a.reviewStatus} />
              </li>
            ))}
        </ul>
      )}
    </Section>
  );
}

async function allRounds(): Promise<Round[]> {
  const programmes = await programmesApi.list();
  const lists = await Promise.all(programmes.map((p) => roundsApi.list(p.slug)));
  return lists.flat().sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'de'));
}

/** For the programme office: each round it staffs, with its review page (draft rounds have no review yet). */
export function OfficeReviewLinks() {
  const { t } = useTranslation();
  const { data, loading } = useApi(allRounds, []);
  const rounds = (data ?? []).filter((r) => r.status !== 'draft' && r.abilities.includes('round.transition'));
  return (
    <Section title={t('review.start.officeTitle')} id="review-rounds">
      {loading && !data ? (
        <Loading />
      ) : rounds.length === 0 ? (
        <p className="kern-body">{t('review.start.noRounds')}</p>
      ) : (
        <ul className="tool-list">
          {rounds.map((r) => (
            <li key={r.id}>
              <Link className="kern-link" to={`/office/rounds/${r.id}/review`}>
                {t('review.start.roundLink', { name: r.name })}
              </Link>
              {' · '}
              <Link className="kern-link" to={`/rounds/${r.id}/review-results`}>
                {t('review.start.resultsLink', { name: r.name })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
