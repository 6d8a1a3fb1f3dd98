import { describe, expect, it } from 'vitest';
import { bounds, frameOf, graticule, inFrame, project } from './germany-projection';

describe('the projection of Germany onto the SVG frame', () => {
  const frame = frameOf(400);

  it('keeps the country taller than wide', () => {
    expect(frame.height).toBeGreaterThan(frame.width);
  });

  it('puts the north at the top and the east on the right', () => {
    const kiel = project(54.32, 10.13, frame);
    const munich = project(48.14, 11.58, frame);
    const cologne = project(50.94, 6.96, frame);
    const berlin = project(52.52, 13.4, frame);
    expect(kiel.y).toBeLessThan(munich.y);
    expect(cologne.x).toBeLessThan(berlin.x);
  });

  it('maps the corners of the extent onto the corners of the frame', () => {
    expect(project(bounds.north, bounds.west, frame)).toEqual({ x: 0, y: 0 });
    expect(project(bounds.south, bounds.east, frame)).toEqual({ x: frame.width, y: frame.height });
  });

  it('draws only points with coordinates inside the extent', () => {
    expect(inFrame(52.1, 11.6)).toBe(true);
    expect(inFrame(null, 11.6)).toBe(false);
    expect(inFrame(40.4, -3.7)).toBe(false);
  });

  it('has a line for each whole degree', () => {
    const g = graticule();
    expect(g.lats[0]).toBe(47);
    expect(g.lats.at(-1)).toBe(55);
    expect(g.lons).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });
});
