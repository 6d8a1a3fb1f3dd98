import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { catalogueApi } from '../../api/endpoints';
import { LoadFailed, Loading, Page, Section } from '../../components/page';
import { Cell, Table } from '../../components/table';
import { useLang } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import type { ReuseNetwork } from './catalogue-types';
import { CatalogueNav } from './CatalogueNav';
import { GermanyMap, type MapLine, type MapPoint } from './GermanyMap';
import { columns, layoutNetwork, travelRows } from './network-layout';
import './catalogue.css';

const clip = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function NetworkDrawing({ network }: { network: ReuseNetwork }) {
  const { t } = useTranslation();
  const layout = layoutNetwork(network);
  const curve = (x1: number, y1: number, x2: number, y2: number) => `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`;
  return (
    <figure className="network-figure">
      <svg
        className="germany-map network-drawing"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={t('catalogue.network.drawingLabel', { solutions: layout.solutions.length, providers: layout.providers.length, adopters: layout.adopters.length })}
      >
        <g aria-hidden="true">
          <text className="label" x={columns.provider} y={14} textAnchor="end" fontWeight={700}>
            {t('catalogue.network.providers')}
          </text>
          <text className="label" x={columns.solution} y={14} textAnchor="middle" fontWeight={700}>
            {t('catalogue.network.solutions')}
          </text>
          <text className="label" x={columns.adopter} y={14} fontWeight={700}>
            {t('catalogue.network.adopters')}
          </text>
          {layout.links.map((l, i) => (
            <path key={i} className={`edge${l.status === 'production' ? ' edge--production' : ''}`} d={curve(l.from.x, l.from.y, l.to.x, l.to.y)} />
          ))}
          {layout.providers.map((n) => (
            <g key={`p${n.id}`}>
              <rect className="provider" x={n.x - 6} y={n.y - 6} width={12} height={12} />
              <text className="label" x={n.x - 10} y={n.y + 4} textAnchor="end">
                {clip(n.label)}
              </text>
            </g>
          ))}
          {layout.solutions.map((n) => (
            <g key={`s${n.id}`}>
              <rect className="solution-node" x={n.x - 8} y={n.y - 8} width={16} height={16} rx={3} transform={`rotate(45 ${n.x} ${n.y})`} />
              <text className="label" x={n.x} y={n.y - 11} textAnchor="middle">
                {clip(n.label, 34)}
              </text>
            </g>
          ))}
          {layout.adopters.map((n) => (
            <g key={`a${n.id}`}>
              <circle className="adopter" cx={n.x} cy={n.y} r={6} />
              <text className="label" x={n.x + 10} y={n.y + 4}>
                {clip(n.label)}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="kern-body kern-body--small">{t('catalogue.network.drawingCaption')}</figcaption>
    </figure>
  );
}

/** Provider → adopter lines on the map of Germany: each adoption drawn from the organisation that built the solution. */
function NetworkMap({ network }: { network: ReuseNetwork }) {
  const { t } = useTranslation();
  const providerOf = new Map<string, string[]>();
  for (const e of network.edges) if (e.kind === 'provides') providerOf.set(e.target, [...(providerOf.get(e.target) ?? []), e.source]);
  const points: MapPoint[] = network.nodes
    .filter((n) => n.type === 'organisation')
    .map((n) => ({ id: n.id, name: n.label, lat: n.latitude, lon: n.longitude, role: n.role === 'adopter' ? 'adopter' : 'provider' }));
  const lines: MapLine[] = network.edges
    .filter((e) => e.kind === 'adopts')
    .flatMap((e) => (providerOf.get(e.source) ?? []).map((from) => ({ from, to: e.target, strong: e.status === 'production' })));
  return <GermanyMap points={points} lines={lines} label={t('catalogue.network.mapLabel', { count: lines.length })} />;
}

/** The reuse network: which solutions travelled from which funded municipality to which adopters, as pictures and as tables. */
export function ReuseNetworkPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error } = useApi(() => catalogueApi.network(), []);
  if (error && !data) return <LoadFailed error={error} />;
  const rows = data ? travelRows(data) : [];
  const n = (v: number) => formatNumber(v, lang);
  const adopterCount = data ? new Set(data.edges.filter((e) => e.kind === 'adopts').map((e) => e.target)).size : 0;
  return (
    <Page title={t('catalogue.network.title')} lead={t('catalogue.network.lead')}>
      <CatalogueNav />
      {!data ? (
        <Loading />
      ) : (
        <>
          <ul className="figures" aria-label={t('catalogue.network.figuresLabel')}>
            <li>
              <strong>{n(data.bySolution.length)}</strong> {t('catalogue.network.figureSolutions', { count: data.bySolution.length })}
            </li>
            <li>
              <strong>{n(data.bySolution.filter((s) => s.adopters > 0).length)}</strong> {t('catalogue.network.figureReused')}
            </li>
            <li>
              <strong>{n(rows.length)}</strong> {t('catalogue.network.figureAdoptions', { count: rows.length })}
            </li>
            <li>
              <strong>{n(adopterCount)}</strong> {t('catalogue.network.figureAdopters', { count: adopterCount })}
            </li>
          </ul>
          {rows.length === 0 ? (
            <p className="kern-body">{t('catalogue.network.empty')}</p>
          ) : (
            <>
              <Section title={t('catalogue.network.drawingTitle')} id="network-drawing">
                <NetworkDrawing network={data} />
              </Section>
              <Section title={t('catalogue.network.mapTitle')} id="network-map">
                <div className="map-and-table">
                  <NetworkMap network={data} />
                  <Table
                    caption={t('catalogue.network.tableCaption')}
                    small
                    columns={[{ label: t('catalogue.network.solution') }, { label: t('catalogue.network.provider') }, { label: t('catalogue.network.adopter') }, { label: t('catalogue.adopt.status') }]}
                  >
                    {rows.map((r, i) => (
                      <tr className="kern-table__row" key={i}>
                        <Cell header>{r.solution}</Cell>
                        <Cell>{r.provider}</Cell>
                        <Cell>{r.adopter}</Cell>
                        <Cell>{r.status ? t(`catalogue.adoptionStatus.${r.status}`) : ''}</Cell>
                      </tr>
                    ))}
                  </Table>
                </div>
              </Section>
            </>
          )}
          <Section title={t('catalogue.network.bySolutionTitle')} id="by-solution">
            <Table
              caption={t('catalogue.network.bySolutionCaption')}
              captionHidden
              small
              columns={[
                { label: t('catalogue.network.solution') },
                { label: t('catalogue.network.provider') },
                { label: t('catalogue.network.adopters'), numeric: true },
                { label: t('catalogue.adoptionStatus.evaluating'), numeric: true },
                { label: t('catalogue.adoptionStatus.piloting'), numeric: true },
                { label: t('catalogue.adoptionStatus.production'), numeric: true },
              ]}
            >
              {data.bySolution.map((s) => (
                <tr className="kern-table__row" key={s.solutionId}>
                  <Cell header>
                    <Link className="kern-link" to={`/catalogue/solutions/${encodeURIComponent(s.slug)}`}>
                      {s.name}
                    </Link>
                  </Cell>
                  <Cell>{s.organisationName}</Cell>
                  <Cell numeric>{n(s.adopters)}</Cell>
                  <Cell numeric>{n(s.evaluating)}</Cell>
                  <Cell numeric>{n(s.piloting)}</Cell>
                  <Cell numeric>{n(s.production)}</Cell>
                </tr>
              ))}
            </Table>
          </Section>
          <Section title={t('catalogue.network.byOrganisationTitle')} id="by-organisation">
            <Table
              caption={t('catalogue.network.byOrganisationCaption')}
              captionHidden
              small
              columns={[
                { label: t('catalogue.network.provider') },
                { label: t('catalogue.network.solutions'), numeric: true },
                { label: t('catalogue.network.adopters'), numeric: true },
                { label: t('catalogue.network.adoptions'), numeric: true },
              ]}
            >
              {data.byOrganisation.map((o) => (
                <tr className="kern-table__row" key={o.organisationId}>
                  <Cell header>{o.displayName}</Cell>
                  <Cell numeric>{n(o.solutions)}</Cell>
                  <Cell numeric>{n(o.adopters)}</Cell>
                  <Cell numeric>{n(o.adoptions)}</Cell>
                </tr>
              ))}
            </Table>
          </Section>
        </>
      )}
    </Page>
  );
}
