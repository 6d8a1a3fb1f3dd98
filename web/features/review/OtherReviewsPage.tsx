import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { reviewApi } from '../../api/endpoints';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { ReviewView } from './ReviewView';

async function load(id: string) {
  // Both answer 404 for someone else's assignment; the reviews answer 403 until one's own is submitted.
  const [assigned, reviews] = await Promise.all([reviewApi.assignment(id), reviewApi.otherReviews(id)]);
  return { assigned, reviews };
}

/** The other reviews of an application on their own page, e.g. to print or to come back to. */
export function OtherReviewsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, loading } = useApi(() => load(id), [id]);
  return (
    <RequireArea areas={['review']}>
      {() => {
        if (error) return <LoadFailed error={error} />;
        if (loading || !data) return <Page title={t('review.others.title')}><Loading /></Page>;
        const { assigned, reviews } = data;
        const title = assigned.application.content.title || assigned.application.reference;
        return (
          <Page
            title={t('review.others.pageTitle', { title })}
            preline={
              <Link className="kern-link" to={`/review/assignments/${id}`}>
                {t('review.others.back')}
              </Link>
            }
          >
            {reviews.length === 0 ? (
              <p className="kern-body">{t('review.others.none')}</p>
            ) : (
              reviews.map((r, i) => (
                <section key={r.id} className="page-section" aria-labelledby={`other-${r.id}`}>
                  <h2 className="kern-heading-medium" id={`other-${r.id}`}>
                    {t('review.others.nth', { n: i + 1 })}
                  </h2>
                  <ReviewView review={r} criteria={assigned.criteria} caption={t('review.others.scores', { n: i + 1 })} />
                </section>
              ))
            )}
          </Page>
        );
      }}
    </RequireArea>
  );
}
