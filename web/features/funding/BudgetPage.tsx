import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DescriptionList } from '../../components/badges';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useApi } from '../../lib/use-api';
import { RoundsChart, YearsChart } from './BudgetChart';
import { fundingApi } from './funding-api';
import type { Budget } from './funding-types';
import { useMoney } from './FundingBits';

function RoundsTable({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { totals } = budget;
  return (
    <Table
      caption={t('funding.budget.roundsTable')}
      small
      columns={[
        { label: t('funding.budget.round') },
        { label: t('funding.budget.envelope'), numeric: true },
        { label: t('funding.budget.committed'), numeric: true },
        { label: t('funding.budget.disbursed'), numeric: true },
        { label: t('funding.budget.pending'), numeric: true },
        { label: t('funding.budget.uncommitted'), numeric: true },
      ]}
      footer={
        <tr className="kern-table__row">
          <Cell header>{t('funding.budget.total')}</Cell>
          <Cell numeric>{money(budget.rounds.reduce((s, r) => s + r.envelopeCents, 0))}</Cell>
          <Cell numeric>{money(totals.committedCents)}</Cell>
          <Cell numeric>
            <span data-testid="budget-total-disbursed">{money(totals.disbursedCents)}</span>
          </Cell>
          <Cell numeric>{money(totals.pendingCents)}</Cell>
          <Cell numeric>{money(budget.rounds.reduce((s, r) => s + r.uncommittedCents, 0))}</Cell>
        </tr>
      }
    >
      {budget.rounds.map((r) => (
        <tr className="kern-table__row" key={r.roundId}>
          <Cell header>{r.name}</Cell>
          <Cell numeric>{money(r.envelopeCents)}</Cell>
          <Cell numeric>{money(r.committedCents)}</Cell>
          <Cell numeric>{money(r.disbursedCents)}</Cell>
          <Cell numeric>{money(r.pendingCents)}</Cell>
          <Cell numeric>{money(r.uncommittedCents)}</Cell>
        </tr>
      ))}
    </Table>
  );
}

function YearsTable({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Table
      caption={t('funding.budget.yearsTable')}
      small
      columns={[{ label: t('funding.budget.year') }, { label: t('funding.budget.committed'), numeric: true }, { label: t('funding.budget.disbursed'), numeric: true }]}
    >
      {budget.years.map((y) => (
        <tr className="kern-table__row" key={y.year}>
          <Cell header>{String(y.year)}</Cell>
          <Cell numeric>{money(y.committedCents)}</Cell>
          <Cell numeric>{money(y.disbursedCents)}</Cell>
        </tr>
      ))}
    </Table>
  );
}

/** The programme's money: committed, disbursed and what remains, per round and per year, as charts with their tables. */
export function BudgetPage() {
  const { t } = useTranslation();
  const money = useMoney();
  const { programmeId = '' } = useParams();
  const { data, error, loading } = useApi(() => fundingApi.budget(programmeId), [programmeId]);
  if (error) return <LoadFailed error={error} />;
  if (loading || !data) {
    return (
      <Page title={t('funding.budget.loadingTitle')}>
        <Loading />
      </Page>
    );
  }
  const { totals } = data;
  return (
    <Page
      title={t('funding.budget.title', { name: data.programme.name })}
      lead={t('funding.budget.lead')}
      actions={
        <a className="kern-btn kern-btn--secondary" href={fundingApi.budgetXlsxUrl(data.programme.id)} download>
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{t('funding.budget.xlsx')}</span>
        </a>
      }
    >
      <Section title={t('funding.budget.totals')} id="budget-totals">
        <DescriptionList
          items={[
            [t('funding.budget.programmeBudget'), money(totals.budgetCents)],
            [t('funding.budget.committed'), money(totals.committedCents)],
            [t('funding.budget.disbursed'), money(totals.disbursedCents)],
            [t('funding.budget.pending'), money(totals.pendingCents)],
            [t('funding.budget.remaining'), money(totals.remainingCents)],
            [t('funding.budget.uncommittedBudget'), money(totals.uncommittedCents)],
          ]}
        />
      </Section>
      <Section title={t('funding.budget.byRound')} id="budget-rounds">
        {/* Six columns of amounts need the full width: the table follows the chart here. */}
        <div className="budget-layout budget-layout--stacked">
          <RoundsChart budget={data} />
          <RoundsTable budget={data} />
        </div>
      </Section>
      <Section title={t('funding.budget.byYear')} id="budget-years">
        <div className="budget-layout">
          <YearsChart budget={data} />
          <YearsTable budget={data} />
        </div>
      </Section>
    </Page>
  );
}
