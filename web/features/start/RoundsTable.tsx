import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Round } from '../../api/types';
import { StatusBadge } from '../../components/badges';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime, formatMoney } from '../../lib/format';

/** The working list of rounds for staff: every status including drafts, with what they may do. */
export function RoundsTable({ rounds, caption }: { rounds: Round[]; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const sorted = [...rounds].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name));
  return (
    <Table
      caption={caption}
      columns={[
        { label: t('round.name') },
        { label: t('round.status') },
        { label: t('round.closesAt') },
        { label: t('round.envelope'), numeric: true },
        { label: t('common.actions'), hidden: true },
      ]}
    >
      {sorted.map((r) => (
        <tr className="kern-table__row" key={r.id}>
          <Cell header>
            <Link className="kern-link" to={`/rounds/${r.id}`}>
              {r.name}
            </Link>
          </Cell>
          <Cell>
            <StatusBadge status={r.status} />
          </Cell>
          <Cell>{formatDateTime(r.closesAt, lang)}</Cell>
          <Cell numeric>{formatMoney(r.envelopeCents, lang, { whole: true })}</Cell>
          <Cell>
            <span className="table-actions">
              {r.abilities.includes('round.transition') && r.status !== 'draft' && (
                <Link className="kern-link kern-link--small" to={`/office/rounds/${r.id}/applications`}>
                  {t('round.applicationsNamed', { name: r.name })}
                </Link>
              )}
              {r.abilities.includes('round.update') && (
                <Link className="kern-link kern-link--small" to={`/rounds/${r.id}/edit`}>
                  {t('round.editNamed', { name: r.name })}
                </Link>
              )}
            </span>
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
