import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { applicationsApi, roundsApi } from '../../api/endpoints';
import { Notice } from '../../components/alerts';
import { LoadFailed, Loading, Page } from '../../components/page';
import { useApi } from '../../lib/use-api';
import { RequireArea } from '../../session/RequireArea';
import { ApplicationContentView } from './ApplicationContentView';

async function load(id: string, version: number) {
  const app = await applicationsApi.get(id);
  const [round, content] = await Promise.all([roundsApi.get(app.roundId), applicationsApi.version(id, version)]);
  return { app, round, content };
}

/** One saved version of an application, to read: what was written then, never editable. */
export function VersionPage() {
  const { t } = useTranslation();
  const { id = '', version = '' } = useParams();
  const n = Number(version);
  const { data, error, loading } = useApi(() => load(id, n), [id, n]);
  return (
    <RequireArea>
      {() => {
        if (error) return <LoadFailed error={error} />;
        if (loading || !data) return <Page title={t('versions.pageTitle', { n })}><Loading /></Page>;
        const { app, round, content } = data;
        return (
          <Page
            title={t('versions.pageTitle', { n })}
            preline={
              <Link className="kern-link" to={`/applications/${app.id}`}>
                {t('versions.backTo', { title: app.content.title.trim() || t('application.untitled') })}
              </Link>
            }
          >
            <Notice title={n === app.version ? t('versions.isCurrent') : t('versions.readOnly', { current: app.version })} />
            <ApplicationContentView content={content} round={round} idPrefix="version" />
          </Page>
        );
      }}
    </RequireArea>
  );
}
