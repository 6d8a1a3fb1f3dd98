import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../api/types';
import { Cell, Table } from '../../components/table';

interface Group {
  name: string;
  criteria: Criterion[];
  weight: number;
}

/** Criteria in the order the call lists them, gathered under their group. */
export function groupCriteria(criteria: readonly Criterion[]): Group[] {
  const groups: Group[] = [];
  for (const c of [...criteria].sort((a, b) => a.position - b.position)) {
    let g = groups.find((x) => x.name === c.groupName);
    if (!g) {
      g = { name: c.groupName, criteria: [], weight: 0 };
      groups.push(g);
    }
    g.criteria.push(c);
    g.weight += c.weight;
  }
  return groups;
}

export function CriteriaTables({ criteria }: { criteria: readonly Criterion[] }) {
  const { t } = useTranslation();
  const groups = groupCriteria(criteria);
  return (
    <>
      {groups.map((g) => (
        <div className="criteria-group" key={g.name || '-'}>
          <h3 className="kern-heading-small">
            {g.name || t('round.criteriaUngrouped')}{' '}
            <span className="muted criteria-group__weight">({t('round.groupWeight', { weight: g.weight })})</span>
          </h3>
          <Table
            captionHidden
            caption={t('round.criteriaOfGroup', { group: g.name || t('round.criteriaUngrouped') })}
            columns={[{ label: t('criteria.name') }, { label: t('criteria.scale'), numeric: true }, { label: t('criteria.weight'), numeric: true }]}
          >
            {g.criteria.map((c) => (
              <tr className="kern-table__row" key={c.id}>
                <Cell header>
                  {c.name}
                  {c.description && <span className="kern-body kern-body--small criteria-description">{c.description}</span>}
                </Cell>
                <Cell numeric>
                  {c.scaleMin}–{c.scaleMax}
                </Cell>
                <Cell numeric>{c.weight} %</Cell>
              </tr>
            ))}
          </Table>
        </div>
      ))}
    </>
  );
}
