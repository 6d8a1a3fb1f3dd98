/**
 * The outlines of the 16 Länder from @svg-maps/germany (CC BY 4.0), some 70 kB of paths: kept
 * apart from the projection so pages load them only when a map is drawn.
 */
import germany from '@svg-maps/germany';

export interface LandOutline {
  /** Two-digit ARS of the Land, as in the regions register ("09" is Bayern). */
  ars: string;
  name: string;
  path: string;
}

interface SvgMap {
  viewBox: string;
  locations: Array<{ id: string; name: string; path: string }>;
}

/** The drawing's ids are postal-style abbreviations; the register keys Länder by ARS. */
const arsOfDrawingId: Record<string, { ars: string; name: string }> = {
  sh: { ars: '01', name: 'Schleswig-Holstein' },
  hh: { ars: '02', name: 'Hamburg' },
  ni: { ars: '03', name: 'Niedersachsen' },
  hb: { ars: '04', name: 'Bremen' },
  nw: { ars: '05', name: 'Nordrhein-Westfalen' },
  he: { ars: '06', name: 'Hessen' },
  rp: { ars: '07', name: 'Rheinland-Pfalz' },
  bw: { ars: '08', name: 'Baden-Württemberg' },
  by: { ars: '09', name: 'Bayern' },
  sl: { ars: '10', name: 'Saarland' },
  be: { ars: '11', name: 'Berlin' },
  bb: { ars: '12', name: 'Brandenburg' },
  mv: { ars: '13', name: 'Mecklenburg-Vorpommern' },
  sn: { ars: '14', name: 'Sachsen' },
  st: { ars: '15', name: 'Sachsen-Anhalt' },
  th: { ars: '16', name: 'Thüringen' },
};

const drawing = germany as unknown as SvgMap;

/** Berlin and Bremen come last so that they are painted over the Länder around them. */
export const landOutlines: LandOutline[] = drawing.locations
  .map((l) => ({ ...arsOfDrawingId[l.id]!, path: l.path }))
  .sort((a, b) => Number(['11', '04', '02'].includes(a.ars)) - Number(['11', '04', '02'].includes(b.ars)) || a.ars.localeCompare(b.ars));
