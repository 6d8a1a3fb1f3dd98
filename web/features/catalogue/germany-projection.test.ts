import { describe, expect, it } from 'vitest';
import { frame, inFrame, project } from './germany-projection';
import { landOutlines } from './land-outlines';

/** The drawing's paths use only relative moves with implicit line-tos ("m x,y dx,dy … z"). */
function ringsOf(path: string): Array<Array<[number, number]>> {
  const rings: Array<Array<[number, number]>> = [];
  let ring: Array<[number, number]> | null = null;
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (const token of path.match(/[mzMZ]|-?[\d.]+(?:e-?\d+)?,-?[\d.]+(?:e-?\d+)?/g) ?? []) {
    if (token === 'm' || token === 'M') {
      ring = null;
      continue;
    }
    if (token === 'z' || token === 'Z') {
      if (ring) rings.push(ring);
      ring = null;
      [x, y] = start;
      continue;
    }
    const [dx, dy] = token.split(',').map(Number) as [number, number];
    x += dx;
    y += dy;
    if (!ring) {
      ring = [];
      start = [x, y];
    }
    ring.push([x, y]);
  }
  if (ring) rings.push(ring);
  return rings;
}

/** Even-odd rule over all rings, as a browser fills a path with holes. */
function contains(path: string, { x, y }: { x: number; y: number }): boolean {
  let inside = false;
  for (const ring of ringsOf(path)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The Land a reader sees at a point: the last one painted there. */
function landAt(lat: number, lon: number): string | undefined {
  const point = project(lat, lon);
  return landOutlines.filter((l) => contains(l.path, point)).at(-1)?.ars;
}

describe('the map of Germany', () => {
  it('has the 16 Länder, keyed by their ARS', () => {
    expect(landOutlines.map((l) => l.ars).sort()).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16']);
    expect(landOutlines.find((l) => l.ars === '09')?.name).toBe('Bayern');
  });

  it.each([
    ['01', 'Kiel', 54.3233, 10.1228],
    ['02', 'Hamburg', 53.5511, 9.9937],
    ['03', 'Hannover', 52.3759, 9.732],
    ['04', 'Bremen', 53.0793, 8.8017],
    ['05', 'Düsseldorf', 51.2277, 6.7735],
    ['06', 'Wiesbaden', 50.0782, 8.2398],
    ['07', 'Mainz', 49.9929, 8.2473],
    ['08', 'Stuttgart', 48.7758, 9.1829],
    ['09', 'München', 48.1351, 11.582],
    ['10', 'Saarbrücken', 49.2402, 6.9969],
    ['11', 'Berlin', 52.52, 13.405],
    ['12', 'Potsdam', 52.3906, 13.0645],
    ['13', 'Schwerin', 53.6355, 11.4012],
    ['14', 'Dresden', 51.0504, 13.7373],
    ['15', 'Magdeburg', 52.1205, 11.6276],
    ['16', 'Erfurt', 50.9848, 11.0299],
  ])('puts the capital of Land %s, %s, inside that Land', (ars, _city, lat, lon) => {
    expect(landAt(lat, lon)).toBe(ars);
  });

  it('puts towns near the borders on the right side', () => {
    expect(landAt(50.7753, 6.0839)).toBe('05'); // Aachen
    expect(landAt(51.1526, 14.9872)).toBe('14'); // Görlitz
    expect(landAt(48.5665, 13.4312)).toBe('09'); // Passau
    expect(landAt(53.5396, 8.5809)).toBe('04'); // Bremerhaven
    expect(landAt(47.8, 10.8)).toBe('09'); // Fuchstal
  });

  it('keeps every point inside the drawing, north up and east right', () => {
    for (const [lat, lon] of [
      [55.058, 8.417],
      [47.27, 10.178],
      [51.05, 5.866],
      [51.27, 15.042],
    ] as const) {
      const p = project(lat, lon);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(frame.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(frame.height);
    }
    expect(project(54.32, 10.13).y).toBeLessThan(project(48.14, 11.58).y);
    expect(project(50.94, 6.96).x).toBeLessThan(project(52.52, 13.4).x);
  });

  it('draws only points with coordinates in or near Germany', () => {
    expect(inFrame(52.1, 11.6)).toBe(true);
    expect(inFrame(null, 11.6)).toBe(false);
    expect(inFrame(40.4, -3.7)).toBe(false);
  });
});
