import { useTranslation } from 'react-i18next';
import { DescriptionList } from '../../components/badges';
import { Cell, Table } from '../../components/table';
import { TextBlock } from '../applications/ApplicationContentView';
import { useLang } from '../../i18n';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { Review, ReviewCriterion } from './review-types';

/** A review to read: the scores per criterion, the weighted score, the recommendation and both texts. */
export function ReviewView({ review, criteria, caption, headingLevel = 3 }: { review: Review; criteria: readonly ReviewCriterion[]; caption: string; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const lang = useLang();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="review-view">
      <DescriptionList
        items={[
          [t('review.view.weighted'), review.weightedScore === null ? '–' : t('review.view.points', { points: formatNumber(Math.round(review.weightedScore * 10) / 10, lang) })],
          [t('review.form.recommendation'), review.recommendation ? t(`review.recommendations.${review.recommendation}`) : '–'],
          [t('review.view.submittedAt'), review.submittedAt ? `${formatDateTime(review.submittedAt, lang)} (${t('common.berlinTime')})` : t('review.status.draft')],
        ]}
      />
      <Table
        caption={caption}
        small
        columns={[{ label: t('review.view.criterion') }, { label: t('review.view.weight'), numeric: true }, { label: t('review.view.score'), numeric: true }]}
      >
        {criteria.map((c) => (
          <tr className="kern-table__row" key={c.id}>
            <Cell header>
              {c.name}
              <span className="muted cell-note">{c.groupName}</span>
            </Cell>
            <Cell numeric>{formatNumber(c.weight, lang)} %</Cell>
            <Cell numeric>
              {review.scores[c.id] === undefined ? '–' : t('review.view.scoreOf', { score: formatNumber(review.scores[c.id]!, lang), max: formatNumber(c.scaleMax, lang) })}
            </Cell>
          </tr>
        ))}
      </Table>
      <H className="kern-heading-small">{t('review.form.assessment')}</H>
      <TextBlock text={review.assessment} />
      <H className="kern-heading-small">{t('review.form.feedback')}</H>
      <TextBlock text={review.feedback} />
    </div>
  );
}
