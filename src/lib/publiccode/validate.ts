import { isMap, isScalar } from 'yaml';
import { applyDocumentRules } from './document-rules';
import { inFileOrder, ProblemLog } from './problems';
import { PUBLICCODE_SCHEMA } from './schema';
import { walkDocument } from './tree-walker';
import type { ValidationResult } from './types';
import { resolveVersion, SUPPORTED_VERSION_SPELLINGS } from './versions';
import {
  keyText,
  parseYamlSource,
  positionAt,
  positionOf,
  resolveNode,
  scalarText,
  START_OF_FILE,
  type Position,
  type YamlSource,
} from './yaml-source';

/**
 * Validates a publiccode.yml (standard versions 0.2 – 0.7; "0" is the latest 0.x) the way the
 * official Go parser does where the standard's text is silent, without any network checks.
 */
export function validatePubliccode(text: string): ValidationResult {
  const log = new ProblemLog();
  const source = parseYamlSource(text);

  for (const issue of source.document.errors) {
    log.error('', positionAt(source, issue.pos[0]), issue.message);
  }
  for (const issue of source.document.warnings) {
    log.warning('', positionAt(source, issue.pos[0]), issue.message);
  }
  if (log.errors.length > 0) return finish(log, null);

  const root = resolveNode(source, source.document.contents);
  if (!isMap(root)) {
    log.error('', positionOf(source, root) ?? START_OF_FILE, 'publiccode.yml must be a YAML mapping of keys');
    return finish(log, null);
  }

  const declaredVersion = readDeclaredVersion(source, log);
  const version = declaredVersion === null ? null : resolveVersion(declaredVersion);
  if (declaredVersion === null || version === null) {
    if (declaredVersion !== null) {
      log.error(
        'publiccodeYmlVersion',
        versionKeyPosition(source),
        `unsupported version: '${declaredVersion}'. Supported versions: ${SUPPORTED_VERSION_SPELLINGS.join(', ')}`,
      );
    }
    return finish(log, null);
  }

  const data = walkDocument(root, PUBLICCODE_SCHEMA, { source, version, log });
  applyDocumentRules(data, { source, version, declaredVersion: declaredVersion.trim(), log });
  return finish(log, version, data);
}

/**
 * Same as validatePubliccode for raw file contents: the standard requires UTF-8, so other
 * encodings are refused with the place of the first byte that is not UTF-8.
 */
export function validatePubliccodeBytes(bytes: Uint8Array): ValidationResult {
  const badOffset = firstInvalidUtf8Offset(bytes);
  if (badOffset !== null) {
    const log = new ProblemLog();
    log.error('', positionOfByte(bytes, badOffset), 'Invalid UTF-8');
    return finish(log, null);
  }
  return validatePubliccode(new TextDecoder('utf-8').decode(bytes));
}

function readDeclaredVersion(source: YamlSource, log: ProblemLog): string | null {
  const root = resolveNode(source, source.document.contents);
  if (!isMap(root)) return null;
  const pair = root.items.find((item) => keyText(source, item.key) === 'publiccodeYmlVersion');
  if (!pair) {
    log.error('publiccodeYmlVersion', positionOf(source, root) ?? START_OF_FILE, 'publiccodeYmlVersion is a required field');
    return null;
  }
  const value = resolveNode(source, pair.value);
  const at = versionKeyPosition(source);
  if (!isScalar(value)) {
    log.error('publiccodeYmlVersion', at, 'wrong type for this field: expected a string');
    return null;
  }
  // An unquoted `0.4` is a YAML number; like the Go parser, read its source text.
  const declared = scalarText(value);
  if (declared === null || declared.trim() === '') {
    log.error('publiccodeYmlVersion', at, 'publiccodeYmlVersion is a required field');
    return null;
  }
  return declared;
}

function versionKeyPosition(source: YamlSource): Position {
  const root = resolveNode(source, source.document.contents);
  if (!isMap(root)) return START_OF_FILE;
  const pair = root.items.find((item) => keyText(source, item.key) === 'publiccodeYmlVersion');
  return positionOf(source, resolveNode(source, pair?.key)) ?? START_OF_FILE;
}

function finish(log: ProblemLog, version: string | null, data?: unknown): ValidationResult {
  const result: ValidationResult = {
    valid: log.errors.length === 0,
    version,
    errors: inFileOrder(log.errors),
    warnings: inFileOrder(log.warnings),
  };
  if (data !== undefined) result.data = data;
  return result;
}

/** Offset of the first byte that breaks UTF-8 (overlongs and surrogates included), or null. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number | null {
  let offset = 0;
  while (offset < bytes.length) {
    const length = decodeUtf8Sequence(bytes, offset);
    if (length === null) return offset;
    offset += length;
  }
  return null;
}

/** Length of the well-formed UTF-8 sequence starting at `offset`, or null when it is broken. */
function decodeUtf8Sequence(bytes: Uint8Array, offset: number): number | null {
  const lead = bytes[offset] ?? 0;
  if (lead < 0x80) return 1;
  const shape = UTF8_SHAPES.find(({ from, to }) => lead >= from && lead <= to);
  if (!shape) return null;
  let codePoint = lead & (0xff >> (shape.length + 1));
  for (let index = 1; index < shape.length; index += 1) {
    const next = bytes[offset + index];
    if (next === undefined || (next & 0xc0) !== 0x80) return null;
    codePoint = (codePoint << 6) | (next & 0x3f);
  }
  const isSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  return codePoint < shape.minimum || codePoint > 0x10ffff || isSurrogate ? null : shape.length;
}

/** Lead-byte ranges of multi-byte sequences and the smallest code point each may encode. */
const UTF8_SHAPES = [
  { from: 0xc2, to: 0xdf, length: 2, minimum: 0x80 },
  { from: 0xe0, to: 0xef, length: 3, minimum: 0x800 },
  { from: 0xf0, to: 0xf4, length: 4, minimum: 0x10000 },
] as const;

/** 1-based line and column of a byte; the column counts bytes, which is exact up to the bad byte's line. */
function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    if (bytes[index] === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
