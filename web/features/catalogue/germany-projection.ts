/**
 * Places points of Germany on the outline drawing of the 16 Länder from @svg-maps/germany
 * (CC BY 4.0), so no map tiles are ever fetched. That drawing is a Mercator projection; the
 * constants below fit it to Germany's extreme points (List on Sylt, Haldenwanger Eck, Isenbruch,
 * Deschka), and a test checks every Land capital lands inside its own Land.
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

export const frame = { width: 586, height: 793 } as const;

/** Germany's extreme points (WGS 84 degrees) and where the drawing puts them. */
const extent = { west: 5.866, east: 15.042, south: 47.27, north: 55.058 } as const;
const drawn = { left: 0.295, right: 585.245, top: 0.28, bottom: 792.28 } as const;

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** Point in the drawing's coordinates (its viewBox), north up. */
export function project(lat: number, lon: number): { x: number; y: number } {
  const x = drawn.left + ((lon - extent.west) / (extent.east - extent.west)) * (drawn.right - drawn.left);
  const y = drawn.top + ((mercatorY(extent.north) - mercatorY(lat)) / (mercatorY(extent.north) - mercatorY(extent.south))) * (drawn.bottom - drawn.top);
  return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

/** Whether a point can be drawn; points without coordinates or abroad are listed in the table only. */
export function inFrame(lat: number | null | undefined, lon: number | null | undefined): boolean {
  return typeof lat === 'number' && typeof lon === 'number' && lat >= extent.south - 0.2 && lat <= extent.north + 0.2 && lon >= extent.west - 0.2 && lon <= extent.east + 0.2;
}
