/**
 * Places points of Germany on the outline drawing of the 16 Länder (land-outlines.ts), so no map
 * tiles are ever fetched. That drawing is a Mercator projection; the constants below fit it to
 * Germany's extreme points (List on Sylt, Haldenwanger Eck, Isenbruch, Deschka), and a test checks
 * every Land capital lands inside its own Land.
 */
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
