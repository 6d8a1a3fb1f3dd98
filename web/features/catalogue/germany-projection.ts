/**
 * Places points of Germany on an SVG drawing without fetching any map: an equirectangular
 * projection around 51° N, where a degree of longitude is cos(51°) of a degree of latitude, so
 * the country keeps its shape. No Länder outline is drawn: that needs boundary data, which the
 * app does not ship; a graticule gives the points their place instead.
 */

/** Germany's extent with a little margin (WGS 84 degrees). */
export const bounds = { west: 5.5, east: 15.5, south: 47.0, north: 55.2 } as const;

const lonScale = Math.cos((51 * Math.PI) / 180);

export interface Frame {
  width: number;
  height: number;
}

/** A frame of the given width whose height keeps Germany's proportions. */
export function frameOf(width: number): Frame {
  const w = (bounds.east - bounds.west) * lonScale;
  const h = bounds.north - bounds.south;
  return { width, height: Math.round((width * h) / w) };
}

export function project(lat: number, lon: number, frame: Frame): { x: number; y: number } {
  const x = ((lon - bounds.west) / (bounds.east - bounds.west)) * frame.width;
  const y = ((bounds.north - lat) / (bounds.north - bounds.south)) * frame.height;
  return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

/** Whether a point lies in the drawn extent; points outside are listed in the table only. */
export function inFrame(lat: number | null | undefined, lon: number | null | undefined): boolean {
  return typeof lat === 'number' && typeof lon === 'number' && lat >= bounds.south && lat <= bounds.north && lon >= bounds.west && lon <= bounds.east;
}

/** Whole degrees inside the extent, for the graticule. */
export function graticule(): { lats: number[]; lons: number[] } {
  const range = (from: number, to: number) => Array.from({ length: Math.floor(to) - Math.ceil(from) + 1 }, (_, i) => Math.ceil(from) + i);
  return { lats: range(bounds.south, bounds.north), lons: range(bounds.west, bounds.east) };
}
