import { useTranslation } from 'react-i18next';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { BarChart } from './BarChart';
import { portalApi, type StatisticRow } from './portal-api';
import { PortalNav } from './PortalNav';
import './portal.css';

function Breakdown({ id, title, rows, labelOf }: { id: string; title: string; rows: StatisticRow[]; labelOf: (row: StatisticRow) => string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const what = title.charAt(0).toLowerCase() + title.slice(1);
  const sum = (key: 'applications' | 'funded' | 'approvedCents') => rows.reduce((s, r) => s + r[key], 0);
  return (
    <Section title={title} id={id}>
      <div className="chart-and-table">
        <BarChart
          label={t('portal.statistics.chartLabel', { what })}
          bars={rows.map((r) => ({ key: r.code, label: labelOf(r), value: r.funded, text: `${formatNumber(r.funded, lang)} · ${formatMoney(r.approvedCents, lang, { whole: true })}` }))}
        />
        <Table
          caption={t('portal.statistics.caption', { what })}
          small
          columns={[
            { label: t('portal.statistics.name') },
            { label: t('portal.statistics.applications'), numeric: true },
            { label: t('portal.statistics.funded'), numeric: true },
            { label: t('portal.statistics.approved'), numeric: true },
          ]}
          footer={
            <tr className="kern-table__row">
              <Cell header>{t('portal.statistics.total')}</Cell>
              <Cell numeric>{formatNumber(sum('applications'), lang)}</Cell>
              <Cell numeric>{formatNumber(sum('funded'), lang)}</Cell>
              <Cell numeric>{formatMoney(sum('approvedCents'), lang, { whole: true })}</Cell>
            </tr>
          }
        >
          {rows.map((r) => (
            <tr className="kern-table__row" key={r.code}>
              <Cell header>{labelOf(r)}</Cell>
              <Cell numeric>{formatNumber(r.applications, lang)}</Cell>
              <Cell numeric>{formatNumber(r.funded, lang)}</Cell>
              <Cell numeric>{formatMoney(r.approvedCents, lang, { whole: true })}</Cell>
            </tr>
          ))}
        </Table>
      </div>
    </Section>
  );
}

/** Applications, funded projects and money by Land, kind of applicant and round, as bars and tables. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const { data, error } = useApi(() => portalApi.statistics(), []);
  if (error) return <LoadFailed error={error} />;
  return (
    <Page title={t('portal.statistics.title')} lead={t('portal.statistics.lead')}>
      <PortalNav />
      {!data ? (
        <Loading />
      ) : (
        <>
          <Breakdown id="by-land" title={t('portal.statistics.byLand')} rows={data.byLand} labelOf={(r) => r.label} />
          <Breakdown id="by-kind" title={t('portal.statistics.byKind')} rows={data.byKind} labelOf={(r) => t(`portal.kinds.${r.code}`)} />
          <Breakdown id="by-round" title={t('portal.statistics.byRound')} rows={data.byRound} labelOf={(r) => r.label} />
          <ul className="download-links">
            <li>
              <a className="kern-link" href={portalApi.downloadUrl('statistics', 'csv')} download>
                {t('portal.statistics.download')}
              </a>
            </li>
            <li>
              <a className="kern-link" href={portalApi.downloadUrl('statistics', 'json')} download>
                {t('portal.statistics.downloadJson')}
              </a>
            </li>
          </ul>
        </>
      )}
    </Page>
  );
}
