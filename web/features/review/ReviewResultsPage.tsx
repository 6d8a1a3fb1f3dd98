import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { reviewApi, roundsApi } from '../../api/endpoints';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import type { ReviewResults } from './review-types';

async function load(roundId: string) {
  const [round, results] = await Promise.all([roundsApi.get(roundId), reviewApi.results(roundId)]);
  return { round, results: results as ReviewResults & { threshold?: number } };
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * The round's review results, best first: each application's weighted scores, the raw mean and
 * the mean calibrated for the reviewers' leniency side by side, how far the two reviews lie
 * apart, and whether a third review is needed.
 */
export function ReviewResultsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { roundId = '' } = useParams();
  const { data, error, loading } = useApi(() => load(roundId), [roundId]);
  const points = (value: number) => formatNumber(oneDecimal(value), lang);
  return (
    <RequireArea areas={['office', 'admin', 'jury']}>
      {() => {
        if (error) return <LoadFailed error={error} />;
        if (loading || !data) return <Page title={t('review.results.loadingTitle')}><Loading /></Page>;
        const { round, results } = data;
        const names = new Map(results.reviewers.map((r) => [r.reviewerId, r.displayName]));
        const flagged = results.applications.filter((a) => a.needsThirdReview).length;
        return (
          <Page
            title={t('review.results.title', { name: round.name })}
            preline={
              <Link className="kern-link" to={`/rounds/${round.id}`}>
                {round.name}
              </Link>
            }
            lead={t('review.results.lead')}
          >
            {results.applications.length === 0 ? (
              <p className="kern-body">{t('review.results.none')}</p>
            ) : (
              <>
                <p className="kern-body">
                  {t('review.results.summary', { count: results.applications.length, flagged })}
                  {results.threshold !== undefined && ` ${t('review.results.threshold', { threshold: points(results.threshold) })}`}
                </p>
                <Section title={t('review.results.ranking')} id="ranking">
                  <Table
                    caption={t('review.results.ranking')}
                    captionHidden
                    small
                    columns={[
                      { label: t('review.results.rank'), numeric: true },
                      { label: t('review.results.application') },
                      { label: t('review.results.requested'), numeric: true },
                      { label: t('review.results.reviews') },
                      { label: t('review.results.raw'), numeric: true },
                      { label: t('review.results.calibrated'), numeric: true },
                      { label: t('review.results.disagreement'), numeric: true },
                      { label: t('review.results.third') },
                    ]}
                  >
                    {results.applications.map((a) => (
                      <tr className="kern-table__row" key={a.applicationId}>
                        <Cell numeric>{formatNumber(a.rank, lang)}</Cell>
                        <Cell header>
                          {a.organisation}
                          <span className="muted cell-note">{a.title}</span>
                        </Cell>
                        <Cell numeric>{formatMoney(a.requestedCents, lang, { whole: true })}</Cell>
                        <Cell>
                          <ul className="kern-list review-scores">
                            {a.reviews.map((r) => (
                              <li key={r.reviewerId}>
                                {names.get(r.reviewerId) ?? '–'}: {points(r.weightedScore)}
                                {r.recommendation && <span className="muted"> · {t(`review.recommendations.${r.recommendation}`)}</span>}
                              </li>
                            ))}
                          </ul>
                        </Cell>
                        <Cell numeric>{points(a.rawMean)}</Cell>
                        <Cell numeric>
                          <strong>{points(a.calibrated)}</strong>
                        </Cell>
                        <Cell numeric>{a.disagreement === null ? '–' : points(a.disagreement)}</Cell>
                        <Cell>
                          {a.needsThirdReview ? (
                            <span className="kern-badge kern-badge--warning">
                              <span className="kern-label">{t('review.results.thirdNeeded')}</span>
                            </span>
                          ) : (
                            t('common.no')
                          )}
                        </Cell>
                      </tr>
                    ))}
                  </Table>
                </Section>
                <Section title={t('review.results.calibration')} id="calibration">
                  <p className="kern-body">{t('review.results.calibrationLead')}</p>
                  <Table
                    caption={t('review.results.calibration')}
                    captionHidden
                    small
                    columns={[{ label: t('review.results.reviewer') }, { label: t('review.results.bias'), numeric: true }, { label: t('review.results.count'), numeric: true }]}
                  >
                    {results.reviewers.map((r) => (
                      <tr className="kern-table__row" key={r.reviewerId}>
                        <Cell header>{r.displayName}</Cell>
                        <Cell numeric>
                          {r.bias > 0 ? '+' : ''}
                          {points(r.bias)}
                        </Cell>
                        <Cell numeric>{formatNumber(r.count, lang)}</Cell>
                      </tr>
                    ))}
                  </Table>
                </Section>
              </>
            )}
          </Page>
        );
      }}
    </RequireArea>
  );
}
