import { useTranslation } from 'react-i18next';
import { auditApi } from '../../api/endpoints';
import { LoadFailed, Loading, Page } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';

function Audit() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = useApi(() => auditApi.latest(100), []);
  if (error) return <LoadFailed error={error} />;
  return (
    <Page
      title={t('audit.title')}
      lead={t('audit.lead')}
      actions={
        <button type="button" className="kern-btn kern-btn--secondary" onClick={reload}>
          <span className="kern-icon kern-icon--autorenew" aria-hidden="true" />
          <span className="kern-label">{t('audit.refresh')}</span>
        </button>
      }
    >
      {loading || !data ? (
        <Loading />
      ) : (
        <Table
          small
          caption={t('audit.caption', { count: data.length })}
          columns={[
            { label: t('audit.seq'), numeric: true },
            { label: t('audit.time') },
            { label: t('audit.actor') },
            { label: t('audit.action') },
            { label: t('audit.subject') },
            { label: t('audit.hash') },
          ]}
        >
          {data.map((e) => (
            <tr className="kern-table__row" key={e.seq}>
              <Cell numeric>{e.seq}</Cell>
              <Cell>{formatDateTime(e.occurredAt, lang)}</Cell>
              <Cell>{e.actorLabel}</Cell>
              <Cell>
                <code>{e.action}</code>
              </Cell>
              <Cell>
                {e.subjectType} <code className="muted-code">{e.subjectId.slice(0, 8)}</code>
              </Cell>
              <Cell>
                <code className="muted-code">{e.hash.slice(0, 12)}…</code>
              </Cell>
            </tr>
          ))}
        </Table>
      )}
    </Page>
  );
}

export function AuditPage() {
  return <RequireArea areas={['admin']}>{() => <Audit />}</RequireArea>;
}
