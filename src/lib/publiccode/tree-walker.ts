import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { checkLanguageTag } from './language-tag';
import { deprecationMessage, type ProblemLog } from './problems';
import { appliesTo } from './schema-types';
import type {
  BooleanSpec,
  FieldSpec,
  LanguageMapSpec,
  ListSpec,
  ObjectSpec,
  StringSpec,
} from './schema-types';
import { isAtLeast, type MinorVersion } from './versions';
import { keyText, positionOf, resolveNode, scalarText, type Position, type YamlSource } from './yaml-source';

/**
 * Walks the YAML tree along the schema: unknown keys, types, mandatory keys and value checks.
 * Returns the document as plain data, with scalars read as the Go parser reads them.
 */
export interface WalkContext {
  source: YamlSource;
  version: MinorVersion;
  log: ProblemLog;
}

/** The key was absent, null or an empty string: "required" rules apply. */
const ABSENT = Symbol('absent');
/** The value had the wrong type; already reported, so no "required" error on top. */
const WRONG_TYPE = Symbol('wrong type');
/** Plain data for the value, or one of the two markers above. */
type Walked = unknown;

const YAML_11_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['yes', true],
  ['on', true],
  ['y', true],
  ['no', false],
  ['off', false],
  ['n', false],
]);

export function walkDocument(root: YAMLMap, schema: ObjectSpec, context: WalkContext): Record<string, unknown> {
  return walkMapping(root, schema, '', context);
}

function walkMapping(map: YAMLMap, spec: ObjectSpec, path: string, context: WalkContext): Record<string, unknown> {
  const { source, version, log } = context;
  const data: Record<string, unknown> = {};
  const present = new Map<string, { walked: Walked; at: Position }>();

  for (const pair of map.items) {
    const keyNode = resolveNode(source, pair.key);
    const key = keyText(source, pair.key);
    const keyPath = join(path, key);
    const at = positionOf(source, keyNode) ?? positionOf(source, map) ?? { line: 1, column: 1 };
    const field = spec.fields[key];
    if (!field || (field.since !== undefined && !isAtLeast(version, field.since))) {
      const later = field?.since ? ` (it exists from v${field.since} on)` : '';
      log.error(keyPath, at, `field ${key} not found in publiccode.yml v${version}${later}`);
      continue;
    }
    const walked = walkField(field, resolveNode(source, pair.value), keyPath, at, context);
    present.set(key, { walked, at });
    if (walked !== ABSENT && walked !== WRONG_TYPE) data[key] = walked;
  }

  const mappingStart = positionOf(source, map) ?? { line: 1, column: 1 };
  for (const [key, field] of Object.entries(spec.fields)) {
    if (!appliesTo(field.required, version)) continue;
    const found = present.get(key);
    if (found && found.walked !== ABSENT) continue;
    // A key written without a value is reported where it stands, a missing one where it belongs.
    log.error(join(path, key), found?.at ?? mappingStart, `${key} is a required field`);
  }
  return data;
}

function walkField(field: FieldSpec, node: Node | null, path: string, at: Position, context: WalkContext): Walked {
  const { version, log } = context;
  if (field.deprecated && isAtLeast(version, field.deprecated.since)) {
    log.warning(path, at, deprecationMessage(field.deprecated.advice));
  }
  if (node === null || (isScalar(node) && (node.value === null || node.value === undefined))) return ABSENT;

  switch (field.kind) {
    case 'string':
      return walkString(field, node, path, at, context);
    case 'boolean':
      return walkBoolean(field, node, path, at, context);
    case 'list':
      return walkList(field, node, path, at, context);
    case 'object':
      if (!isMap(node)) return wrongType(path, at, 'a mapping', context);
      return walkMapping(node, field, path, context);
    case 'languageMap':
      return walkLanguageMap(field, node, path, at, context);
  }
}

function walkString(field: StringSpec, node: Node, path: string, at: Position, context: WalkContext): Walked {
  if (!isScalar(node)) return wrongType(path, at, 'a string', context);
  const value = scalarText(node);
  if (value === null || value === '') return ABSENT;
  const label = lastSegment(path);
  for (const check of field.checks ?? []) {
    const outcome = check(value);
    if (outcome === null) continue;
    if (typeof outcome === 'string') {
      context.log.error(path, at, `${label} ${outcome}`);
      continue;
    }
    for (const message of outcome.errors) context.log.error(path, at, `${label} ${message}`);
    for (const message of outcome.warnings) context.log.warning(path, at, `${label} ${message}`);
  }
  return value;
}

function walkBoolean(_field: BooleanSpec, node: Node, path: string, at: Position, context: WalkContext): Walked {
  if (!isScalar(node)) return wrongType(path, at, 'true or false', context);
  if (typeof node.value === 'boolean') return node.value;
  // The Go parser (yaml.v3) still reads YAML 1.1 booleans into boolean fields.
  const legacy = typeof node.value === 'string' ? YAML_11_BOOLEANS.get(node.value.toLowerCase()) : undefined;
  if (legacy === undefined) return wrongType(path, at, 'true or false', context);
  context.log.warning(path, at, `${lastSegment(path)} uses a YAML 1.1 boolean, which is deprecated: write ${legacy}`);
  return legacy;
}

function walkList(field: ListSpec, node: Node, path: string, at: Position, context: WalkContext): Walked {
  const { source, version, log } = context;
  if (isScalar(node) && field.scalarAllowed) {
    const item = walkField(field.items, node, `${path}[0]`, at, context);
    return item === ABSENT || item === WRONG_TYPE ? ABSENT : [item];
  }
  if (!isSeq(node)) return wrongType(path, at, 'a list', context);

  const items: unknown[] = [];
  node.items.forEach((rawItem, index) => {
    const item = resolveNode(source, rawItem);
    const itemPath = `${path}[${index}]`;
    const itemAt = positionOf(source, item) ?? at;
    const walked = walkField(field.items, item, itemPath, itemAt, context);
    if (walked === ABSENT) log.error(itemPath, itemAt, `${lastSegment(itemPath)} must not be empty`);
    else if (walked !== WRONG_TYPE) items.push(walked);
  });
  if (node.items.length === 0) {
    if (appliesTo(field.required, version) && !appliesTo(field.nonEmpty, version)) return ABSENT;
    if (appliesTo(field.nonEmpty, version)) log.error(path, at, `${lastSegment(path)} must contain more than 0 items`);
  }
  return items;
}

function walkLanguageMap(field: LanguageMapSpec, node: Node, path: string, at: Position, context: WalkContext): Walked {
  const { source, version, log } = context;
  if (!isMap(node)) return wrongType(path, at, 'a mapping of languages', context);
  if (node.items.length === 0 && appliesTo(field.nonEmpty, version)) {
    log.error(path, at, `${lastSegment(path)} must contain more than 0 items`);
  }
  const data: Record<string, unknown> = {};
  for (const pair of node.items) {
    const language = keyText(source, pair.key);
    const languagePath = join(path, language);
    const languageAt = positionOf(source, resolveNode(source, pair.key)) ?? at;
    const verdict = checkLanguageTag(language);
    if (!verdict.valid) {
      log.error(languagePath, languageAt, `${lastSegment(path)} must be a valid BCP 47 language: ${verdict.reason}`);
    } else if (verdict.unknownLanguage !== undefined) {
      log.warning(languagePath, languageAt, `'${verdict.unknownLanguage}' is a language code this validator does not know`);
    }
    const walked = walkField(field.values, resolveNode(source, pair.value), languagePath, languageAt, context);
    if (walked === ABSENT) log.error(languagePath, languageAt, `${language} must not be empty`);
    else if (walked !== WRONG_TYPE) data[language] = walked;
  }
  return data;
}

function wrongType(path: string, at: Position, expected: string, context: WalkContext): typeof WRONG_TYPE {
  context.log.error(path, at, `wrong type for this field: expected ${expected}`);
  return WRONG_TYPE;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The name the Go parser puts in front of a message: `longDescription`, `categories[0]`. */
function lastSegment(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot === -1 ? path : path.slice(dot + 1);
}
