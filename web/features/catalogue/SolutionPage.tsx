import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { catalogueApi } from '../../api/endpoints';
import { Alert } from '../../components/alerts';
import { DescriptionList } from '../../components/badges';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatDateTime, formatDay, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSession } from '../../session/SessionContext';
import { AdoptionForm } from './AdoptionForm';
import { facetValueLabel } from './catalogue-labels';
import type { SolutionDetail } from './catalogue-types';
import { CatalogueNav } from './CatalogueNav';
import { EditSolutionForm } from './EditSolutionForm';
import { GermanyMap, type MapPoint } from './GermanyMap';
import { PubliccodeProblems } from './PubliccodeProblems';
import './catalogue.css';

function Facts({ s }: { s: SolutionDetail }) {
  const { t } = useTranslation();
  const items: [string, ReactNode][] = [
    [t('catalogue.solution.provider'), [s.organisationName, s.organisation.region?.name !== s.organisationName ? s.organisation.region?.name : null, s.landName].filter(Boolean).join(', ')],
    [t('catalogue.solution.providerKind'), facetValueLabel(t, 'applicantKind', s.applicantKind)],
    [t('catalogue.solution.licence'), s.licence],
    [t('catalogue.solution.maturity'), s.maturity ? facetValueLabel(t, 'maturity', s.maturity) : t('common.unknown')],
  ];
  if (s.softwareType) items.push([t('catalogue.solution.softwareType'), facetValueLabel(t, 'softwareType', s.softwareType)]);
  if (s.categories.length > 0) items.push([t('catalogue.solution.categories'), s.categories.map((c) => facetValueLabel(t, 'category', c)).join(', ')]);
  items.push([
    t('catalogue.solution.repository'),
    <a key="repo" className="kern-link" href={s.repositoryUrl} rel="noopener noreferrer">
      {s.repositoryUrl}
    </a>,
  ]);
  return <DescriptionList items={items} />;
}

function PubliccodeSection({ s }: { s: SolutionDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pc = s.publiccode;
  const fields = (pc?.fields ?? {}) as { platforms?: unknown; descriptions?: Record<string, { features?: unknown }> };
  const description = fields.descriptions?.[lang] ?? fields.descriptions?.de ?? fields.descriptions?.en ?? Object.values(fields.descriptions ?? {})[0];
  const features = Array.isArray(description?.features) ? (description.features as unknown[]).filter((f): f is string => typeof f === 'string') : [];
  const platforms = Array.isArray(fields.platforms) ? (fields.platforms as unknown[]).filter((p): p is string => typeof p === 'string') : [];
  return (
    <Section title={t('catalogue.publiccode.title')} id="publiccode">
      {!pc ? (
        <p className="kern-body">{t('catalogue.publiccode.none')}</p>
      ) : (
        <>
          <p className="kern-body">
            <span className={`kern-badge kern-badge--${pc.valid ? 'success' : 'danger'}`}>
              <span className="kern-label">{pc.valid ? t('catalogue.publiccode.valid') : t('catalogue.publiccode.invalid')}</span>
            </span>{' '}
            {[pc.version && t('catalogue.publiccode.version', { version: pc.version }), t('catalogue.publiccode.checkedAt', { time: formatDateTime(pc.checkedAt, lang) })]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {features.length > 0 && (
            <>
              <h3 className="kern-heading-small">{t('catalogue.publiccode.features')}</h3>
              <ul className="kern-list">
                {features.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </>
          )}
          {platforms.length > 0 && (
            <p className="kern-body">
              {t('catalogue.publiccode.platforms')}: {platforms.join(', ')}
            </p>
          )}
          <PubliccodeProblems errors={pc.errors} warnings={pc.warnings} />
        </>
      )}
    </Section>
  );
}

function UsedBy({ s, onRecorded }: { s: SolutionDetail; onRecorded(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user } = useSession();
  const providerId = `provider-${s.organisation.id}`;
  const home = s.organisation.region;
  const points: MapPoint[] = [
    ...(home ? [{ id: providerId, name: s.organisationName, lat: home.latitude, lon: home.longitude, role: 'provider' as const }] : []),
    ...s.adoptions.map((a) => ({ id: a.id, name: a.organisation.displayName, lat: a.region?.latitude, lon: a.region?.longitude, role: 'adopter' as const })),
  ];
  const lines = s.adoptions.map((a) => ({ from: providerId, to: a.id, strong: a.status === 'production' }));
  const title = t('catalogue.solution.usedBy', { count: s.usedBy, formatted: formatNumber(s.usedBy, lang) });
  return (
    <Section title={title} id="used-by">
      {s.adoptions.length === 0 ? (
        <p className="kern-body">{t('catalogue.solution.noAdopters')}</p>
      ) : (
        <div className="map-and-table">
          <GermanyMap points={points} lines={lines} label={t('catalogue.solution.mapLabel', { name: s.name, provider: s.organisationName, count: s.adoptions.length })} />
          <Table
            caption={t('catalogue.solution.adoptersCaption', { name: s.name })}
            columns={[{ label: t('catalogue.solution.adopter') }, { label: t('catalogue.solution.region') }, { label: t('catalogue.adopt.status') }, { label: t('catalogue.adopt.since') }]}
          >
            {s.adoptions.map((a) => (
              <tr className="kern-table__row" key={a.id}>
                <Cell header>{a.organisation.displayName}</Cell>
                <Cell>{a.region?.name ?? t('common.unknown')}</Cell>
                <Cell>{t(`catalogue.adoptionStatus.${a.status}`)}</Cell>
                <Cell>{formatDay(a.since.slice(0, 10), lang)}</Cell>
              </tr>
            ))}
          </Table>
        </div>
      )}
      {user ? (
        <AdoptionForm solution={s} onRecorded={onRecorded} />
      ) : (
        user === null && (
          <p className="kern-body">
            <Link className="kern-link" to={`/login?next=${encodeURIComponent(window.location.pathname)}`}>
              {t('catalogue.adopt.loginToRecord')}
            </Link>
          </p>
        )
      )}
    </Section>
  );
}

/** A solution's public page: what it is, who built it, its publiccode.yml verdict, and who reuses it where. */
export function SolutionPage() {
  const { t } = useTranslation();
  const { idOrSlug = '' } = useParams();
  const { user } = useSession();
  // The adoption form's choices depend on who is logged in.
  const { data, error, reload } = useApi(() => catalogueApi.get(idOrSlug), [idOrSlug, user?.id]);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  // Announce the saved change and put the keyboard back where the form was.
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  if (error && !data) return <LoadFailed error={error} />;
  if (!data) {
    return (
      <Page title={t('catalogue.solution.loading')}>
        <Loading />
      </Page>
    );
  }
  const s = data;
  return (
    <Page
      title={s.name}
      preline={
        <Link className="kern-link" to="/catalogue">
          {t('catalogue.title')}
        </Link>
      }
    >
      <CatalogueNav />
      {saved && <Alert tone="success" live="status" title={t('catalogue.edit.saved')} ref={savedRef} />}
      {editing ? (
        <EditSolutionForm
          solution={s}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
            reload();
          }}
        />
      ) : (
        <>
          <p className="kern-body kern-body--large prose">{s.description}</p>
          {s.longDescription && s.longDescription !== s.description && <p className="kern-body prose">{s.longDescription}</p>}
          {s.abilities.includes('solution.update') && (
            <p className="kern-body">
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                <span className="kern-icon kern-icon--edit" aria-hidden="true" />
                <span className="kern-label">{t('catalogue.edit.open')}</span>
              </button>
            </p>
          )}
        </>
      )}
      <Facts s={s} />
      <UsedBy s={s} onRecorded={reload} />
      <PubliccodeSection s={s} />
    </Page>
  );
}
