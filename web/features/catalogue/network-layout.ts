/**
 * A deterministic layered drawing of the reuse network: providing organisations on the left,
 * their solutions in the middle, adopters on the right. Solutions with more adopters come first,
 * providers follow their first solution and adopters sit at the mean row of the solutions they
 * use, which keeps crossings few without a force simulation (and the picture the same on every load).
 */
import type { ReuseNetwork } from './catalogue-types';

type Node = ReuseNetwork['nodes'][number];
type Edge = ReuseNetwork['edges'][number];

export interface PlacedNode {
  id: string;
  label: string;
  x: number;
  y: number;
}

export interface PlacedLink {
  from: PlacedNode;
  to: PlacedNode;
  kind: Edge['kind'];
  status: Edge['status'];
}

export interface Layout {
  width: number;
  height: number;
  providers: PlacedNode[];
  solutions: PlacedNode[];
  adopters: PlacedNode[];
  links: PlacedLink[];
}

export interface TravelRow {
  solutionId: string;
  solution: string;
  provider: string;
  adopter: string;
  status: Edge['status'];
}

export const columns = { provider: 230, solution: 480, adopter: 730, width: 960 } as const;
const ROW = 34;
const TOP = 30;

const byLabel = (nodes: Map<string, Node>) => (a: string, b: string) => (nodes.get(a)?.label ?? a).localeCompare(nodes.get(b)?.label ?? b, 'de');

export function layoutNetwork(network: ReuseNetwork): Layout {
  const nodes = new Map(network.nodes.map((n) => [n.id, n]));
  const provides = network.edges.filter((e) => e.kind === 'provides' && nodes.has(e.source) && nodes.has(e.target));
  const adopts = network.edges.filter((e) => e.kind === 'adopts' && nodes.has(e.source) && nodes.has(e.target));

  const adopterCount = new Map<string, number>();
  for (const e of adopts) adopterCount.set(e.source, (adopterCount.get(e.source) ?? 0) + 1);
  const solutionIds = network.nodes.filter((n) => n.type === 'solution').map((n) => n.id);
  solutionIds.sort((a, b) => (adopterCount.get(b) ?? 0) - (adopterCount.get(a) ?? 0) || byLabel(nodes)(a, b));
  const row = new Map(solutionIds.map((id, i) => [id, i]));

  const providerRow = new Map<string, number>();
  for (const e of provides) providerRow.set(e.source, Math.min(providerRow.get(e.source) ?? Infinity, row.get(e.target) ?? Infinity));
  const providerIds = [...providerRow.keys()].sort((a, b) => providerRow.get(a)! - providerRow.get(b)! || byLabel(nodes)(a, b));

  const adopterRows = new Map<string, number[]>();
  for (const e of adopts) adopterRows.set(e.target, [...(adopterRows.get(e.target) ?? []), row.get(e.source) ?? 0]);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const adopterIds = [...adopterRows.keys()].sort((a, b) => mean(adopterRows.get(a)!) - mean(adopterRows.get(b)!) || byLabel(nodes)(a, b));

  const rows = Math.max(solutionIds.length, providerIds.length, adopterIds.length, 1);
  const height = TOP * 2 + (rows - 1) * ROW;
  // Shorter columns are centred against the longest, so lines run mostly level.
  const place = (ids: string[], x: number): PlacedNode[] => {
    const offset = ((rows - ids.length) * ROW) / 2;
    return ids.map((id, i) => ({ id, label: nodes.get(id)?.label ?? id, x, y: TOP + offset + i * ROW }));
  };
  const providers = place(providerIds, columns.provider);
  const solutions = place(solutionIds, columns.solution);
  const adopters = place(adopterIds, columns.adopter);
  const find = (list: PlacedNode[]) => new Map(list.map((n) => [n.id, n]));
  const p = find(providers);
  const s = find(solutions);
  const a = find(adopters);
  const links: PlacedLink[] = [
    ...provides.map((e) => ({ from: p.get(e.source)!, to: s.get(e.target)!, kind: e.kind, status: e.status })),
    ...adopts.map((e) => ({ from: s.get(e.source)!, to: a.get(e.target)!, kind: e.kind, status: e.status })),
  ].filter((l) => l.from && l.to);
  return { width: columns.width, height, providers, solutions, adopters, links };
}

/** The same facts as rows: which solution went from which provider to which adopter. */
export function travelRows(network: ReuseNetwork): TravelRow[] {
  const label = new Map(network.nodes.map((n) => [n.id, n.label]));
  const providersOf = new Map<string, string[]>();
  for (const e of network.edges) if (e.kind === 'provides') providersOf.set(e.target, [...(providersOf.get(e.target) ?? []), label.get(e.source) ?? e.source]);
  return network.edges
    .filter((e) => e.kind === 'adopts')
    .map((e) => ({
      solutionId: e.source,
      solution: label.get(e.source) ?? e.source,
      provider: (providersOf.get(e.source) ?? []).join(', '),
      adopter: label.get(e.target) ?? e.target,
      status: e.status,
    }))
    .sort((x, y) => x.solution.localeCompare(y.solution, 'de') || x.adopter.localeCompare(y.adopter, 'de'));
}
