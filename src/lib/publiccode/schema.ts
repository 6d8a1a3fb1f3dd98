import { checkLanguageTag } from './language-tag';
import { checkLicenceExpression } from './licence';
import type { CheckResult, FieldSpec, ListSpec, ObjectSpec, StringSpec } from './schema-types';
import {
  hasLengthBetween,
  hasMaxLength,
  isCountryCode,
  isDate,
  isEmail,
  isHttpUrl,
  isItalianIpaCode,
  isMimeType,
  isOneOf,
  isOrganisationUri,
  isRepositoryFile,
  isUrl,
} from './value-checks';
import { isAtLeast, type MinorVersion } from './versions';
import {
  CATEGORIES,
  CATEGORIES_LIST_URL,
  DEVELOPMENT_STATUSES,
  formatChoices,
  ITALIAN_EXTENSION_VERSIONS,
  MAINTENANCE_TYPES,
  SCOPE_LIST_URL,
  SCOPES,
  SOFTWARE_TYPES,
  SUPPORTS_ALIASES,
} from './vocabularies';

/**
 * The keys of publiccode.yml 0.2 – 0.7 in one table; `since`, `required` and `deprecated`
 * carry the differences between versions. Rules that relate several keys live in
 * document-rules.ts.
 */

const DROP_IT = "It's safe to drop it";

const text = (extra: Omit<StringSpec, 'kind'> = {}): StringSpec => ({ kind: 'string', ...extra });
const listOf = (items: FieldSpec, extra: Omit<ListSpec, 'kind' | 'items'> = {}): ListSpec => ({
  kind: 'list',
  items,
  ...extra,
});
const objectOf = (fields: ObjectSpec['fields'], extra: Omit<ObjectSpec, 'kind' | 'fields'> = {}): ObjectSpec => ({
  kind: 'object',
  fields,
  ...extra,
});
const flag = (): FieldSpec => ({ kind: 'boolean' });
const httpUrl = (): StringSpec => text({ checks: [isHttpUrl] });
const oneOf = (choices: readonly string[]) => isOneOf(choices, formatChoices);

const logoFile = isRepositoryFile(['.svg', '.svgz', '.png']);

const contact = objectOf({
  name: text({ required: true }),
  email: text({ checks: [isEmail] }),
  phone: text(),
  affiliation: text(),
});

const contractor = objectOf({
  name: text({ required: true }),
  until: text({ required: true, checks: [isDate] }),
  email: text({ checks: [isEmail] }),
  website: httpUrl(),
});

const dependency = objectOf({
  name: text({ required: true }),
  versionMin: text(),
  versionMax: text(),
  version: text(),
  optional: flag(),
});

const description = objectOf({
  localisedName: text(),
  genericName: text({ checks: [hasMaxLength(35)], deprecated: { since: '0.4', advice: DROP_IT } }),
  shortDescription: text({ required: true, checks: [hasMaxLength(150)] }),
  // Mandatory "for at least one language": checked across languages in document-rules.ts.
  longDescription: text({ checks: [hasLengthBetween(150, 10000)] }),
  documentation: httpUrl(),
  apiDocumentation: httpUrl(),
  features: listOf(text(), { nonEmpty: true }),
  screenshots: listOf(text({ checks: [isRepositoryFile(['.png', '.jpg', '.jpeg'])] })),
  videos: listOf(httpUrl()),
  awards: listOf(text()),
});

export const ITALIAN_EXTENSION: ObjectSpec = objectOf({
  countryExtensionVersion: text({ checks: [oneOf(ITALIAN_EXTENSION_VERSIONS)] }),
  conforme: objectOf(
    {
      lineeGuidaDesign: flag(),
      modelloInteroperabilita: flag(),
      misureMinimeSicurezza: flag(),
      gdpr: flag(),
    },
    { deprecated: { since: '0.5', advice: DROP_IT } },
  ),
  riuso: objectOf({
    codiceIPA: text({
      checks: [isItalianIpaCode],
      deprecated: { since: '0.5', advice: "Use 'organisation.uri' set to 'urn:x-italian-pa:[codiceIPA]' instead" },
    }),
  }),
  piattaforme: objectOf({ spid: flag(), pagopa: flag(), cie: flag(), anpr: flag(), io: flag() }),
});

const isLanguageTag = (value: string): CheckResult => {
  const verdict = checkLanguageTag(value);
  if (!verdict.valid) return `must be a valid BCP 47 language: ${verdict.reason}`;
  if (verdict.unknownLanguage === undefined) return null;
  return { errors: [], warnings: [`uses '${verdict.unknownLanguage}', a language code this validator does not know`] };
};

const supportsId = (value: string): string | null => {
  if (value.toLowerCase().startsWith('alias:')) {
    const alias = value.slice('alias:'.length);
    return SUPPORTS_ALIASES.has(alias) ? null : `must be a known alias (see the standard's list of aliases), '${alias}' is not`;
  }
  return isOrganisationUri(value) === null || isUrl(value) === null ? null : 'must be an alias or a valid URI';
};

// Categories became optional (with the new category `other`) in 0.5.
const categoriesRequired = (version: MinorVersion) => !isAtLeast(version, '0.5');

export const PUBLICCODE_SCHEMA: ObjectSpec = objectOf({
  publiccodeYmlVersion: text({ required: true }),
  name: text({ required: true }),
  applicationSuite: text(),
  url: text({ required: true, checks: [isUrl] }),
  landingURL: httpUrl(),
  isBasedOn: listOf(text({ checks: [isUrl] }), { scalarAllowed: true }),
  softwareVersion: text(),
  // Mandatory (with softwareVersion) before 0.4: see document-rules.ts.
  releaseDate: text({ checks: [isDate] }),
  logo: text({ checks: [logoFile] }),
  monochromeLogo: text({ checks: [logoFile], deprecated: { since: '0.4', advice: "Use 'logo' instead" } }),
  organisation: objectOf(
    { uri: text({ required: true, checks: [isOrganisationUri] }), name: text() },
    { since: '0.5' },
  ),
  inputTypes: listOf(text({ checks: [isMimeType] }), { deprecated: { since: '0.4', advice: DROP_IT } }),
  outputTypes: listOf(text({ checks: [isMimeType] }), { deprecated: { since: '0.4', advice: DROP_IT } }),
  platforms: listOf(text(), { required: true, nonEmpty: true, scalarAllowed: true }),
  categories: listOf(
    text({
      checks: [(value) => (CATEGORIES.has(value) ? null : `must be a valid category (see ${CATEGORIES_LIST_URL})`)],
    }),
    { required: categoriesRequired, nonEmpty: categoriesRequired },
  ),
  usedBy: listOf(text()),
  fundedBy: listOf(objectOf({ name: text({ required: true }), uri: text({ checks: [isOrganisationUri] }) }), {
    since: '0.5',
  }),
  roadmap: httpUrl(),
  developmentStatus: text({ required: true, checks: [oneOf(DEVELOPMENT_STATUSES)] }),
  softwareType: text({ required: true, checks: [oneOf(SOFTWARE_TYPES)] }),
  supports: listOf(objectOf({ id: text({ required: true, checks: [supportsId] }) }), { since: '0.7' }),
  intendedAudience: objectOf({
    countries: listOf(text({ checks: [isCountryCode] })),
    unsupportedCountries: listOf(text({ checks: [isCountryCode] })),
    scope: listOf(
      text({ checks: [(value) => (SCOPES.has(value) ? null : `must be a valid scope (see ${SCOPE_LIST_URL})`)] }),
    ),
  }),
  description: { kind: 'languageMap', values: description, required: true, nonEmpty: true },
  legal: objectOf(
    {
      license: text({ required: true, checks: [checkLicenceExpression] }),
      mainCopyrightOwner: text(),
      repoOwner: text({ deprecated: { since: '0.5', advice: "Use 'organisation.name' instead" } }),
      authorsFile: text({
        checks: [isRepositoryFile()],
        deprecated: { since: '0.4', advice: DROP_IT },
      }),
    },
    { required: true },
  ),
  maintenance: objectOf(
    {
      type: text({ required: true, checks: [oneOf(MAINTENANCE_TYPES)] }),
      contractors: listOf(contractor),
      contacts: listOf(contact),
    },
    { required: true },
  ),
  localisation: objectOf(
    {
      localisationReady: { kind: 'boolean', required: true },
      availableLanguages: listOf(text({ checks: [isLanguageTag] }), { required: true, nonEmpty: true }),
    },
    { required: true },
  ),
  dependsOn: objectOf({
    open: listOf(dependency),
    proprietary: listOf(dependency),
    hardware: listOf(dependency),
  }),
  // Country-specific sections; `it` is the lowercase spelling, deprecated from 0.5 on
  // (document-rules.ts), and the whole mechanism is deprecated in 0.7.
  IT: ITALIAN_EXTENSION,
  it: ITALIAN_EXTENSION,
});
