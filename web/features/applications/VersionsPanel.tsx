import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applicationsApi } from '../../api/endpoints';
import { Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTimeSeconds } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** Every saved version, newest first; each opens read-only. Reloaded whenever the version changes. */
export function VersionsPanel({ applicationId, version, userId }: { applicationId: string; version: number; userId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error } = useApi(() => applicationsApi.versions(applicationId), [applicationId, version]);
  const [all, setAll] = useState(false);
  const sorted = [...(data ?? [])].sort((a, b) => b.version - a.version);
  // Autosave makes many versions; the newest ten are what people look for.
  const versions = all ? sorted : sorted.slice(0, 10);
  return (
    <Section title={t('versions.title')} id="versions">
      {error ? (
        <p className="kern-body">{t('errors.loadFailedTitle')}</p>
      ) : !data ? (
        <p className="kern-body muted">{t('common.loading')}</p>
      ) : (
        <Table
          caption={t('versions.caption')}
          captionHidden
          small
          columns={[{ label: t('versions.version') }, { label: t('versions.savedAt') }, { label: t('versions.savedBy') }]}
        >
          {versions.map((v) => (
            <tr className="kern-table__row" key={v.version}>
              <Cell header>
                <Link className="kern-link" to={`/applications/${applicationId}/versions/${v.version}`}>
                  {t('versions.open', { n: v.version })}
                </Link>
                {v.version === version && <span className="muted"> ({t('versions.current')})</span>}
              </Cell>
              <Cell>{formatDateTimeSeconds(v.savedAt, lang)}</Cell>
              <Cell>{v.savedBy === null ? t('versions.bySystem') : v.savedBy === userId ? t('versions.byYou') : t('versions.byOther')}</Cell>
            </tr>
          ))}
        </Table>
      )}
      {!all && sorted.length > versions.length && (
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => setAll(true)}>
          <span className="kern-label">{t('versions.showAll', { count: sorted.length })}</span>
        </button>
      )}
    </Section>
  );
}
