import { useTranslation } from 'react-i18next';
import type { Programme } from '../../api/types';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDay, formatMoney } from '../../lib/format';

/** Each dated change with its reason and the budget it left, oldest first. */
export function BudgetHistoryTable({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = [...programme.budgetHistory].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  let running = 0;
  return (
    <Table
      caption={t('programme.budgetHistoryOf', { name: programme.name })}
      columns={[
        { label: t('programme.effectiveOn') },
        { label: t('programme.change'), numeric: true },
        { label: t('programme.budgetAfter'), numeric: true },
        { label: t('programme.reason') },
      ]}
    >
      {rows.map((c) => {
        running += c.amountCents;
        return (
          <tr className="kern-table__row" key={c.id}>
            <Cell>{formatDay(c.effectiveOn, lang)}</Cell>
            <Cell numeric>
              {c.amountCents > 0 ? '+' : ''}
              {formatMoney(c.amountCents, lang, { whole: true })}
            </Cell>
            <Cell numeric>{formatMoney(running, lang, { whole: true })}</Cell>
            <Cell>{c.reason}</Cell>
          </tr>
        );
      })}
    </Table>
  );
}
