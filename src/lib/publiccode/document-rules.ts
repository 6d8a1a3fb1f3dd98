import { isMap } from 'yaml';
import { deprecationMessage, type ProblemLog } from './problems';
import { isCountryCode } from './value-checks';
import { isAtLeast, LATEST_VERSION, type MinorVersion } from './versions';
import { keyText, locateKey, resolveNode, type YamlSource } from './yaml-source';

/** Rules that relate several keys, run on the walked data after the per-key checks. */
export interface RuleContext {
  source: YamlSource;
  version: MinorVersion;
  declaredVersion: string;
  log: ProblemLog;
}

type Data = Record<string, unknown>;

export function applyDocumentRules(data: Data, context: RuleContext): void {
  warnAboutOlderVersion(context);
  requireReleaseDateWithVersion(data, context);
  checkMaintenance(data, context);
  requireLongDescriptionAndFeatures(data, context);
  checkCountrySections(data, context);
  warnAboutLowercaseCountries(data, context);
}

function warnAboutOlderVersion({ source, version, declaredVersion, log }: RuleContext): void {
  if (declaredVersion === '0' || version === LATEST_VERSION) return;
  log.warning(
    'publiccodeYmlVersion',
    locateKey(source, 'publiccodeYmlVersion'),
    `v${declaredVersion} is not the latest version, use '0'. Validating this file as v${version}.`,
  );
}

/** Before 0.4, "this date is mandatory if the software has been released … and thus the version number is present". */
function requireReleaseDateWithVersion(data: Data, { source, version, log }: RuleContext): void {
  if (isAtLeast(version, '0.4')) return;
  if (data.softwareVersion === undefined || data.releaseDate !== undefined || log.hasErrorFor('releaseDate')) return;
  log.error(
    'releaseDate',
    locateKey(source, 'releaseDate'),
    'releaseDate is a required field when "softwareVersion" is present',
  );
}

function checkMaintenance(data: Data, { source, log }: RuleContext): void {
  const maintenance = asRecord(data.maintenance);
  const type = maintenance?.type;
  if (!maintenance || typeof type !== 'string') return;

  const hasContractors = isNonEmptyList(maintenance.contractors);
  if (type === 'contract' && !hasContractors && !log.hasErrorFor('maintenance.contractors')) {
    log.error(
      'maintenance.contractors',
      locateKey(source, 'maintenance.contractors'),
      'contractors is a required field when "type" is "contract"',
    );
  }
  if (type !== 'contract' && maintenance.contractors !== undefined) {
    log.error(
      'maintenance.contractors',
      locateKey(source, 'maintenance.contractors'),
      'contractors must not be present unless "type" is "contract"',
    );
  }
  const needsContacts = type === 'internal' || type === 'community';
  if (needsContacts && !isNonEmptyList(maintenance.contacts) && !log.hasErrorFor('maintenance.contacts')) {
    log.error(
      'maintenance.contacts',
      locateKey(source, 'maintenance.contacts'),
      `contacts is a required field when "type" is "${type}"`,
    );
  }
}

/**
 * The standard makes longDescription and features mandatory "for at least one language" (the
 * Go parser asks for them in every language; the text of the standard decides here).
 */
function requireLongDescriptionAndFeatures(data: Data, { source, log }: RuleContext): void {
  const description = asRecord(data.description);
  if (!description) return;
  const languages = Object.entries(description).flatMap(([language, entry]) => {
    const record = asRecord(entry);
    return record ? [[language, record] as const] : [];
  });
  if (languages.length === 0) return;

  if (!languages.some(([, entry]) => typeof entry.longDescription === 'string')) {
    for (const [language] of languages) {
      const path = `description.${language}.longDescription`;
      if (log.hasErrorFor(path)) continue;
      log.error(path, locateKey(source, path), 'longDescription is a required field (in at least one language)');
    }
  }
  if (!languages.some(([, entry]) => isNonEmptyList(entry.features))) {
    for (const [language, entry] of languages) {
      const path = `description.${language}.features`;
      // An empty features list was already reported by the tree walker.
      if (entry.features !== undefined || log.hasErrorFor(path)) continue;
      log.error(path, locateKey(source, path), 'features is a required field (in at least one language)');
    }
  }
}

function checkCountrySections(data: Data, { source, version, log }: RuleContext): void {
  const hasLowercase = data.it !== undefined || hasTopLevelKey(source, 'it');
  const hasUppercase = data.IT !== undefined || hasTopLevelKey(source, 'IT');
  if (hasLowercase && hasUppercase) {
    log.error('it', locateKey(source, 'it'), "'IT' key already present. Remove this key");
  } else if (hasLowercase && isAtLeast(version, '0.5')) {
    log.warning(
      'it',
      locateKey(source, 'it'),
      "Lowercase country codes are DEPRECATED and will be removed in the future. Use 'IT' instead",
    );
  }
  if (!isAtLeast(version, '0.7')) return;
  for (const key of ['IT', 'it'] as const) {
    if (key === 'it' ? hasLowercase : hasUppercase) {
      log.warning(key, locateKey(source, key), deprecationMessage("Use 'supports' instead of country-specific sections"));
    }
  }
}

function warnAboutLowercaseCountries(data: Data, { source, version, log }: RuleContext): void {
  if (!isAtLeast(version, '0.5')) return;
  const audience = asRecord(data.intendedAudience);
  for (const listName of ['countries', 'unsupportedCountries'] as const) {
    const codes = audience?.[listName];
    if (!Array.isArray(codes)) continue;
    codes.forEach((code, index) => {
      if (typeof code !== 'string' || code !== code.toLowerCase() || isCountryCode(code) !== null) return;
      const path = `intendedAudience.${listName}[${index}]`;
      log.warning(
        path,
        locateKey(source, path),
        `Lowercase country codes are DEPRECATED. Use uppercase instead ('${code.toUpperCase()}')`,
      );
    });
  }
}

/** A section written as `it:` with nothing under it is absent from the data but still in the file. */
function hasTopLevelKey(source: YamlSource, key: string): boolean {
  const root = resolveNode(source, source.document.contents);
  return isMap(root) && root.items.some((pair) => keyText(source, pair.key) === key);
}

function asRecord(value: unknown): Data | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : null;
}

function isNonEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
