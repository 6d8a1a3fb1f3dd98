import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useApi } from '../../lib/use-api';
import { fundingApi } from './funding-api';
import type { GrantSummary } from './funding-types';
import { GrantStatusBadge, OverdueBadge, useMoney } from './FundingBits';

/** A table of grants, each linking to its project page, with the money and what needs attention. */
export function GrantsTable({ grants, caption }: { grants: GrantSummary[]; caption: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Table
      caption={caption}
      captionHidden
      small
      columns={[
        { label: t('funding.list.project') },
        { label: t('funding.list.organisation') },
        { label: t('funding.list.phase') },
        { label: t('funding.list.approved'), numeric: true },
        { label: t('funding.list.disbursed'), numeric: true },
        { label: t('funding.list.pending'), numeric: true },
        { label: t('funding.list.attention') },
      ]}
    >
      {grants.map((g) => (
        <tr className="kern-table__row" key={g.id}>
          <Cell header>
            <Link className="kern-link" to={`/projects/${g.id}`}>
              {g.title}
            </Link>
            <span className="kern-body kern-body--small criteria-description">{g.reference}</span>
          </Cell>
          <Cell>{g.organisation.name}</Cell>
          <Cell>{g.currentPhase ? t(`funding.phaseKind.${g.currentPhase}`) : '–'}</Cell>
          <Cell numeric>{money(g.approvedCents)}</Cell>
          <Cell numeric>{money(g.disbursedCents)}</Cell>
          <Cell numeric>{money(g.pendingCents)}</Cell>
          <Cell>
            <GrantStatusBadge status={g.status} /> {g.overdueReports > 0 && <OverdueBadge />}{' '}
            {g.pendingDisbursements > 0 && <span className="kern-body kern-body--small">{t('funding.list.pendingCount', { count: g.pendingDisbursements })}</span>}
          </Cell>
        </tr>
      ))}
    </Table>
  );
}

/** The project lead's start: the funded projects they work on. */
export function MyGrants() {
  const { t } = useTranslation();
  const { data, error, loading } = useApi(() => fundingApi.grants(), []);
  return (
    <Section title={t('funding.list.mine')} id="my-grants">
      {error ? (
        <p className="kern-body">{t('errors.loadFailedTitle')}</p>
      ) : loading && !data ? (
        <Loading />
      ) : !data || data.items.length === 0 ? (
        <p className="kern-body">{t('funding.list.none')}</p>
      ) : (
        <GrantsTable grants={data.items} caption={t('funding.list.mine')} />
      )}
    </Section>
  );
}
