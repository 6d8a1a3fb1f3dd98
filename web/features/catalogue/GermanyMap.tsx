import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHydrated } from '../../lib/use-hydrated';
import { frame, inFrame, project } from './germany-projection';

export interface MapPoint {
  id: string;
  name: string;
  lat: number | null | undefined;
  lon: number | null | undefined;
  role: 'provider' | 'adopter';
  /** Makes the marker a link, reachable by keyboard, named after the point. */
  href?: string;
}

export interface MapLine {
  from: string;
  to: string;
  strong?: boolean;
}

const LandOutlines = lazy(async () => ({ default: (await import('./LandOutlines')).LandOutlines }));

type Placed = MapPoint & { x: number; y: number };

function Marker({ p }: { p: Placed }) {
  return p.role === 'provider' ? <rect className="provider" x={p.x - 9} y={p.y - 9} width={18} height={18} /> : <circle className="adopter" cx={p.x} cy={p.y} r={8} />;
}

function MapContent({ placed, lines, labelled }: { placed: Map<string, Placed>; lines: MapLine[]; labelled: 'provider' | 'all' | 'none' }) {
  // Each map's arrow head needs its own id: two maps may share a page.
  const arrowId = `arrow${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <>
      <Suspense fallback={null}>
        <LandOutlines />
      </Suspense>
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
      </g>
      <g>
        {[...placed.values()].map((p) =>
          p.href ? (
            <Link key={p.id} to={p.href} className="map-link" aria-label={p.name}>
              <Marker p={p} />
            </Link>
          ) : (
            <g key={p.id} aria-hidden="true">
              <Marker p={p} />
            </g>
          ),
        )}
      </g>
      <g aria-hidden="true">
        {[...placed.values()]
          .filter((p) => labelled === 'all' || (labelled === 'provider' && p.role === 'provider'))
          .map((p) => (
            // Names of eastern places run leftwards, so they stay inside the picture.
            <text key={`l${p.id}`} className="label" x={p.x > frame.width * 0.7 ? p.x - 12 : p.x + 12} y={p.y + 6} textAnchor={p.x > frame.width * 0.7 ? 'end' : 'start'}>
              {p.name}
            </text>
          ))}
      </g>
      <defs>
        <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#4a4f63" />
        </marker>
      </defs>
    </>
  );
}

/**
 * Providers and adopters drawn where they are, on the outlines of the 16 Länder. The picture is a
 * summary; the table beside it, which callers always render, holds the same facts for screen
 * readers. Markers with an `href` are links, so the map can also be used by keyboard.
 */
export function GermanyMap({ points, lines = [], label, labelled = 'provider' }: { points: MapPoint[]; lines?: MapLine[]; label: string; labelled?: 'provider' | 'all' | 'none' }) {
  const { t } = useTranslation();
  const placed = new Map(points.filter((p) => inFrame(p.lat, p.lon)).map((p) => [p.id, { ...p, ...project(p.lat!, p.lon!) }]));
  const linked = points.some((p) => p.href);
  // The outlines are some 70 kB of paths: a prerendered page leaves the map out and draws it once the app runs.
  const drawn = useHydrated();
  return (
    <figure className="map-figure">
      <svg className="germany-map" viewBox={`0 0 ${frame.width} ${frame.height}`} role={linked ? 'group' : 'img'} aria-label={label}>
        {drawn && <MapContent placed={placed} lines={lines} labelled={labelled} />}
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
