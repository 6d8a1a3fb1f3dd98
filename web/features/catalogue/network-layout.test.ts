import { describe, expect, it } from 'vitest';
import type { ReuseNetwork } from './catalogue-types';
import { columns, layoutNetwork, travelRows } from './network-layout';

const org = (id: string, label: string, role: 'provider' | 'adopter' | 'both') => ({ id, type: 'organisation' as const, label, role, latitude: null, longitude: null });
const sol = (id: string, label: string) => ({ id, type: 'solution' as const, label, role: null, latitude: null, longitude: null });

const network: ReuseNetwork = {
  nodes: [org('jena', 'Jena', 'provider'), org('ulm', 'Ulm', 'both'), sol('s1', 'Datenplattform'), sol('s2', 'Mängelmelder'), org('gera', 'Gera', 'adopter'), org('barleben', 'Barleben', 'adopter')],
  edges: [
    { source: 'jena', target: 's1', kind: 'provides', status: null },
    { source: 'ulm', target: 's2', kind: 'provides', status: null },
    { source: 's2', target: 'gera', kind: 'adopts', status: 'production' },
    { source: 's2', target: 'barleben', kind: 'adopts', status: 'piloting' },
    { source: 's1', target: 'ulm', kind: 'adopts', status: 'evaluating' },
    { source: 's1', target: 'ghost', kind: 'adopts', status: 'evaluating' },
  ],
  bySolution: [],
  byOrganisation: [],
};

describe('the layered reuse network', () => {
  const layout = layoutNetwork(network);

  it('puts providers, solutions and adopters in three columns', () => {
    expect(layout.providers.every((n) => n.x === columns.provider)).toBe(true);
    expect(layout.solutions.every((n) => n.x === columns.solution)).toBe(true);
    expect(layout.adopters.every((n) => n.x === columns.adopter)).toBe(true);
    // Ulm both builds and reuses: it appears on either side.
    expect(layout.providers.map((n) => n.label)).toContain('Ulm');
    expect(layout.adopters.map((n) => n.label)).toContain('Ulm');
  });

  it('lists the most reused solution first and its provider beside it', () => {
    expect(layout.solutions.map((n) => n.label)).toEqual(['Mängelmelder', 'Datenplattform']);
    expect(layout.providers.map((n) => n.label)).toEqual(['Ulm', 'Jena']);
  });

  it('draws a line per edge whose ends are known, and nothing for unknown nodes', () => {
    expect(layout.links).toHaveLength(5);
    expect(layout.height).toBeGreaterThan(0);
  });

  it('is the same on every run', () => {
    expect(layoutNetwork(network)).toEqual(layout);
  });

  it('tells each journey as a row: solution, provider, adopter, status', () => {
    const rows = travelRows(network);
    expect(rows.find((r) => r.adopter === 'Gera')).toEqual({ solutionId: 's2', solution: 'Mängelmelder', provider: 'Ulm', adopter: 'Gera', status: 'production' });
    expect(rows.map((r) => r.solution)).toEqual(['Datenplattform', 'Datenplattform', 'Mängelmelder', 'Mängelmelder']);
  });
});
