import { useTranslation } from 'react-i18next';
import { Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatNumber } from '../../lib/format';
import type { ConflictEntry } from './review-types';

/** Every pair of reviewer and application that may not meet, with each reason: derived by rule or declared. */
export function ConflictsSection({ conflicts }: { conflicts: ConflictEntry[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Section title={t('review.conflicts.title')} id="conflicts">
      <p className="kern-body">{t('review.conflicts.lead')}</p>
      {conflicts.length === 0 ? (
        <p className="kern-body">{t('review.conflicts.none')}</p>
      ) : (
        <Table
          caption={t('review.conflicts.caption', { count: conflicts.length, formatted: formatNumber(conflicts.length, lang) })}
          small
          columns={[{ label: t('review.conflicts.application') }, { label: t('review.conflicts.reviewer') }, { label: t('review.conflicts.reasons') }]}
        >
          {conflicts.map((c) => (
            <tr className="kern-table__row" key={`${c.applicationId}-${c.reviewerId}`}>
              <Cell header>
                {c.organisation}
                <span className="muted cell-note">{c.reference}</span>
              </Cell>
              <Cell>{c.reviewerName}</Cell>
              <Cell>
                <ul className="kern-list conflict-reasons">
                  {c.conflicts.map((r, i) => (
                    <li key={i}>
                      <span className="kern-body--bold">{t(`review.conflicts.kind.${r.reason}`)}:</span> {r.detail}
                    </li>
                  ))}
                </ul>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
