import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reviewApi } from '../../api/endpoints';
import { Alert, useProblemTitle } from '../../components/alerts';
import { Loading, Section } from '../../components/page';
import { useApi } from '../../lib/use-api';
import type { ReviewCriterion } from './review-types';
import { ReviewView } from './ReviewView';

/** The other reviews of the same application; the server shows them only once the caller's own is submitted. */
export function OtherReviews({ assignmentId, criteria }: { assignmentId: string; criteria: readonly ReviewCriterion[] }) {
  const { t } = useTranslation();
  const problemTitle = useProblemTitle();
  const { data, error, loading } = useApi(() => reviewApi.otherReviews(assignmentId), [assignmentId]);
  return (
    <Section title={t('review.others.title')} id="other-reviews">
      {error ? (
        <Alert tone="warning" title={problemTitle(error)} />
      ) : loading || !data ? (
        <Loading />
      ) : data.length === 0 ? (
        <p className="kern-body">{t('review.others.none')}</p>
      ) : (
        data.map((r, i) => (
          <div key={r.id} className="other-review">
            <h3 className="kern-heading-small">{t('review.others.nth', { n: i + 1 })}</h3>
            <ReviewView review={r} criteria={criteria} caption={t('review.others.scores', { n: i + 1 })} headingLevel={4} />
          </div>
        ))
      )}
      <p className="kern-body kern-body--small">
        <Link className="kern-link" to={`/review/assignments/${assignmentId}/other-reviews`}>
          {t('review.others.ownPage')}
        </Link>
      </p>
    </Section>
  );
}
