import { landOutlines } from './land-outlines';

/** The Länder under a map's markers; its own chunk, loaded when a map is drawn. */
export function LandOutlines() {
  return (
    <g aria-hidden="true">
      {landOutlines.map((l) => (
        <path key={l.ars} className="land" d={l.path}>
          <title>{l.name}</title>
        </path>
      ))}
    </g>
  );
}
