import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { frameOf, graticule, inFrame, project, type Frame } from './germany-projection';

export interface MapPoint {
  id: string;
  name: string;
  lat: number | null | undefined;
  lon: number | null | undefined;
  role: 'provider' | 'adopter';
}

export interface MapLine {
  from: string;
  to: string;
  strong?: boolean;
}

function Graticule({ frame }: { frame: Frame }) {
  const g = graticule();
  return (
    <g aria-hidden="true">
      {g.lats.map((lat) => {
        const { y } = project(lat, 0, frame);
        return (
          <g key={`lat${lat}`}>
            <line className="graticule" x1={0} x2={frame.width} y1={y} y2={y} />
            <text className="graticule-label" x={2} y={y - 2}>
              {lat}° N
            </text>
          </g>
        );
      })}
      {g.lons.map((lon) => {
        const { x } = project(0, lon, frame);
        return <line key={`lon${lon}`} className="graticule" x1={x} x2={x} y1={0} y2={frame.height} />;
      })}
    </g>
  );
}

/**
 * Providers and adopters drawn where they are, on a projected frame of Germany with a graticule
 * (no outline: that needs boundary data the app does not ship). The picture is a summary; the
 * table beside it, which callers always render, holds the same facts for screen readers.
 */
export function GermanyMap({ points, lines = [], label, width = 360, labelled = 'provider' }: { points: MapPoint[]; lines?: MapLine[]; label: string; width?: number; labelled?: 'provider' | 'all' }) {
  const { t } = useTranslation();
  // Each map's arrow head needs its own id: two maps may share a page.
  const arrowId = `arrow${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const frame = frameOf(width);
  const placed = new Map(points.filter((p) => inFrame(p.lat, p.lon)).map((p) => [p.id, { ...p, ...project(p.lat!, p.lon!, frame) }]));
  return (
    <figure className="map-figure">
      <svg className="germany-map" viewBox={`0 0 ${frame.width} ${frame.height}`} role="img" aria-label={label}>
        <Graticule frame={frame} />
        <g aria-hidden="true">
          {lines.map((l, i) => {
            const a = placed.get(l.from);
            const b = placed.get(l.to);
            if (!a || !b) return null;
            // A gentle arc, so lines between the same places do not hide each other.
            const mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.15;
            const my = (a.y + b.y) / 2 - (b.x - a.x) * 0.15;
            return <path key={i} className={`edge${l.strong ? ' edge--production' : ''}`} d={`M${a.x},${a.y} Q${mx},${my} ${b.x},${b.y}`} markerEnd={`url(#${arrowId})`} />;
          })}
          {[...placed.values()].map((p) =>
            p.role === 'provider' ? (
              <rect key={p.id} className="provider" x={p.x - 6} y={p.y - 6} width={12} height={12} />
            ) : (
              <circle key={p.id} className="adopter" cx={p.x} cy={p.y} r={5} />
            ),
          )}
          {[...placed.values()]
            .filter((p) => labelled === 'all' || p.role === 'provider')
            .map((p) => (
              <text key={`l${p.id}`} className="label" x={p.x + 8} y={p.y + 4}>
                {p.name}
              </text>
            ))}
        </g>
        <defs>
          <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#4a4f63" />
          </marker>
        </defs>
      </svg>
      <ul className="map-legend" aria-hidden="true">
        <li>
          <span className="legend-dot legend-dot--provider" />
          {t('catalogue.map.provider')}
        </li>
        <li>
          <span className="legend-dot legend-dot--adopter" />
          {t('catalogue.map.adopter')}
        </li>
      </ul>
      <figcaption className="kern-body kern-body--small">{t('catalogue.map.caption')}</figcaption>
    </figure>
  );
}
