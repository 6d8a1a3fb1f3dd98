import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { laender } from '../../lib/laender';
import { useApi } from '../../lib/use-api';
import { portalApi, type ProjectFilter } from './portal-api';
import { PortalNav } from './PortalNav';
import { ProjectsMapAndTable } from './ProjectsMap';
import './portal.css';

function Select({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select className="kern-form-input__select" id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('portal.projects.all')}</option>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Every funded project on the map and in a table, filtered by round, Land and kind; the whole list as CSV or JSON. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: ProjectFilter = { round: params.get('round') ?? undefined, land: params.get('land') ?? undefined, kind: params.get('kind') ?? undefined };
  const overview = useApi(() => portalApi.overview(), []);
  const { data, error } = useApi(() => portalApi.projects(filter), [filter.round, filter.land, filter.kind]);
  const set = (key: keyof ProjectFilter) => (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const rounds = (overview.data?.programmes ?? []).flatMap((p) => p.rounds.filter((r) => r.published).map((r): [string, string] => [r.slug, r.name]));
  if (error) return <LoadFailed error={error} />;
  return (
    <Page title={t('portal.projects.title')} lead={t('portal.projects.lead')}>
      <PortalNav />
      <form className="portal-filters" aria-label={t('portal.projects.filters')} onSubmit={(e) => e.preventDefault()}>
        <Select label={t('portal.projects.round')} value={filter.round ?? ''} options={rounds} onChange={set('round')} />
        <Select label={t('portal.projects.land')} value={filter.land ?? ''} options={laender.map((l): [string, string] => [l.key, l.name])} onChange={set('land')} />
        <Select label={t('portal.projects.kind')} value={filter.kind ?? ''} options={(['municipality', 'district', 'cooperation'] as const).map((k): [string, string] => [k, t(`portal.kinds.${k}`)])} onChange={set('kind')} />
      </form>
      {!data ? (
        // Holds the place of the map and table, so the downloads below do not jump when they arrive.
        <div className="portal-results-pending">
          <Loading />
        </div>
      ) : (
        <>
          <p className="kern-body results-line" role="status">
            {t('portal.projects.count', { count: data.total })}
          </p>
          {data.total === 0 ? <p className="kern-body">{t('portal.projects.none')}</p> : <ProjectsMapAndTable projects={data.items} />}
        </>
      )}
      <Section title={t('portal.projects.download')} id="download">
        <ul className="download-links">
          <li>
            <a className="kern-link" href={portalApi.downloadUrl('projects', 'csv')} download>
              {t('portal.projects.downloadCsv')}
            </a>
          </li>
          <li>
            <a className="kern-link" href={portalApi.downloadUrl('projects', 'json')} download>
              {t('portal.projects.downloadJson')}
            </a>
          </li>
        </ul>
        <p className="kern-body kern-body--small">{t('portal.projects.downloadHint')}</p>
      </Section>
    </Page>
  );
}
