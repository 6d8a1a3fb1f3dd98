import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node, Scalar } from 'yaml';

/** A parsed publiccode.yml with the means to turn node offsets into 1-based line/column. */
export interface YamlSource {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface Position {
  line: number;
  column: number;
}

export const START_OF_FILE: Position = { line: 1, column: 1 };

export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema, as the standard asks: `0.4` is a number, `2025-01-01` a string.
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return { document, lineCounter };
}

export function positionAt(source: YamlSource, offset: number): Position {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

export function positionOf(source: YamlSource, node: Node | null | undefined): Position | null {
  return node?.range ? positionAt(source, node.range[0]) : null;
}

/** Follows `*alias` references so that checks see the anchored node. */
export function resolveNode(source: YamlSource, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(source.document) as Node | undefined) ?? null;
  return (node as Node | null | undefined) ?? null;
}

/**
 * The text of a scalar the way the Go parser reads it into a string field: plain scalars keep
 * their source text, so `softwareVersion: 1.10` stays "1.10" and `publiccodeYmlVersion: 0.4`
 * stays "0.4" instead of becoming numbers.
 */
export function scalarText(scalar: Scalar): string | null {
  if (scalar.value === null || scalar.value === undefined) return null;
  if (typeof scalar.value === 'string') return scalar.value;
  if (scalar.type === 'PLAIN' && typeof scalar.source === 'string') return scalar.source;
  return String(scalar.value);
}

export function keyText(source: YamlSource, key: unknown): string {
  const node = resolveNode(source, key);
  if (isScalar(node)) return scalarText(node) ?? '';
  return String(node);
}

/**
 * Where a dotted key path (`maintenance.contacts[0].email`) sits in the file: the key's own
 * position when present, otherwise the start of the mapping that should hold it, as the Go
 * parser places errors about missing keys.
 */
export function locateKey(source: YamlSource, path: string): Position {
  const segments = path.split(/\.|(?=\[)/).filter(Boolean);
  let node = resolveNode(source, source.document.contents);
  let best = positionOf(source, node) ?? START_OF_FILE;
  for (const segment of segments) {
    const index = /^\[(\d+)\]$/.exec(segment);
    if (index && isSeq(node)) {
      node = resolveNode(source, node.items[Number(index[1])]);
      if (!node) return best;
      best = positionOf(source, node) ?? best;
      continue;
    }
    if (!isMap(node)) return best;
    const pair = node.items.find((item) => keyText(source, item.key) === segment);
    if (!pair) return positionOf(source, node) ?? best;
    best = positionOf(source, resolveNode(source, pair.key)) ?? best;
    node = resolveNode(source, pair.value);
  }
  return best;
}
