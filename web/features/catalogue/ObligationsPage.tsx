import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { catalogueApi } from '../../api/endpoints';
import { SelectField } from '../../components/fields';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDay, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import type { ObligationRow } from './catalogue-types';
import './catalogue.css';

function Met({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return (
    <span className={`kern-badge kern-badge--${ok ? 'success' : 'danger'}`}>
      <span className="kern-label">{ok ? yes : no}</span>
    </span>
  );
}

function Rows({ rows }: { rows: ObligationRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      {rows.map((r) => (
        <tr className="kern-table__row" key={`${r.roundId}-${r.organisationId}`}>
          <Cell header>
            {r.displayName}
            <span className="cell-note">{t(`orgKinds.${r.kind}`)}</span>
          </Cell>
          <Cell>{r.roundSlug}</Cell>
          <Cell>{formatDay(r.dueOn, lang)}</Cell>
          <Cell>
            <Met ok={r.published} yes={t('catalogue.obligations.published')} no={t('catalogue.obligations.notPublished')} />
            {r.solutions.map((s) => (
              <span className="cell-note" key={s.id}>
                <Link className="kern-link" to={`/catalogue/solutions/${encodeURIComponent(s.slug)}`}>
                  {s.name}
                </Link>{' '}
                ({s.publiccodeValid ? t('catalogue.obligations.validFile') : s.publiccodeValid === false ? t('catalogue.obligations.invalidFile') : t('catalogue.obligations.noFile')}
                {s.osiLicence ? '' : `, ${t('catalogue.obligations.notOsi')}`})
              </span>
            ))}
          </Cell>
          <Cell>
            <Met ok={r.exchange} yes={t('catalogue.obligations.tookPart')} no={t('catalogue.obligations.notTakenPart')} />
            <span className="cell-note">{t('catalogue.obligations.events', { count: r.eventsAttended, formatted: formatNumber(r.eventsAttended, lang) })}</span>
          </Cell>
          <Cell>{r.overdue ? <strong className="text-danger">{t('catalogue.obligations.overdue')}</strong> : t('catalogue.obligations.onTrack')}</Cell>
        </tr>
      ))}
    </>
  );
}

/** The programme office's view of the open-source and exchange obligations: who is overdue, first. */
export function ObligationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { programme = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const round = params.get('round') ?? '';
  const { data, error } = useApi(() => catalogueApi.obligations(programme, round || undefined), [programme, round]);
  return (
    <RequireArea areas={['office', 'admin']}>
      {() => {
        if (error && !data) return <LoadFailed error={error} />;
        if (!data) {
          return (
            <Page title={t('catalogue.obligations.title')}>
              <Loading />
            </Page>
          );
        }
        const sorted = [...data.items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn) || a.displayName.localeCompare(b.displayName, 'de'));
        const n = (v: number) => formatNumber(v, lang);
        return (
          <Page title={t('catalogue.obligations.title')} lead={t('catalogue.obligations.lead', { months: data.dueAfterMonths })}>
            {data.rounds.length > 1 && (
              <div className="narrow-form">
                <SelectField
                  path="round"
                  label={t('catalogue.obligations.round')}
                  value={round}
                  onChange={(v) => setParams(v ? { round: v } : {})}
                  options={[{ value: '', label: t('catalogue.obligations.allRounds') }, ...data.rounds.map((r) => ({ value: r.slug, label: r.name }))]}
                />
              </div>
            )}
            <ul className="figures" aria-label={t('catalogue.obligations.summaryLabel')}>
              <li>
                <strong>{n(data.summary.total)}</strong> {t('catalogue.obligations.total')}
              </li>
              <li>
                <strong>{n(data.summary.published)}</strong> {t('catalogue.obligations.publishedCount')}
              </li>
              <li>
                <strong>{n(data.summary.exchange)}</strong> {t('catalogue.obligations.exchangeCount')}
              </li>
              <li>
                <strong className={data.summary.overdue > 0 ? 'text-danger' : undefined}>{n(data.summary.overdue)}</strong> {t('catalogue.obligations.overdueCount')}
              </li>
            </ul>
            <Section title={t('catalogue.obligations.listTitle')} id="obligations">
              {sorted.length === 0 ? (
                <p className="kern-body">{t('catalogue.obligations.empty')}</p>
              ) : (
                <Table
                  caption={t('catalogue.obligations.caption')}
                  captionHidden
                  small
                  columns={[
                    { label: t('catalogue.obligations.project') },
                    { label: t('catalogue.obligations.round') },
                    { label: t('catalogue.obligations.dueOn') },
                    { label: t('catalogue.obligations.publication') },
                    { label: t('catalogue.obligations.exchange') },
                    { label: t('catalogue.obligations.state') },
                  ]}
                >
                  <Rows rows={sorted} />
                </Table>
              )}
            </Section>
          </Page>
        );
      }}
    </RequireArea>
  );
}
