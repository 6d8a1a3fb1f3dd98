import type { DevelopmentStatus, MaintenanceType, SoftwareType } from './vocabularies';
import { DEVELOPMENT_STATUSES, MAINTENANCE_TYPES, SOFTWARE_TYPES } from './vocabularies';

/**
 * The part of a publiccode.yml the solution catalogue stores and shows. Built from the `data` of
 * a validation result; meant for valid files, and tolerant of gaps in invalid ones (a missing
 * value becomes null or an empty list rather than an exception).
 */
export interface CatalogueDescription {
  localisedName: string | null;
  shortDescription: string | null;
  longDescription: string | null;
  features: string[];
  documentation: string | null;
}

export interface CatalogueContact {
  name: string;
  email: string | null;
  affiliation: string | null;
}

export interface CatalogueContractor {
  name: string;
  until: string | null;
  website: string | null;
}

export interface CatalogueMaintenance {
  type: MaintenanceType | null;
  contacts: CatalogueContact[];
  contractors: CatalogueContractor[];
}

export interface CatalogueFields {
  name: string | null;
  url: string | null;
  /** The SPDX expression as written in legal.license. */
  license: string | null;
  categories: string[];
  developmentStatus: DevelopmentStatus | null;
  softwareType: SoftwareType | null;
  /** Keyed by BCP 47 language tag, as in the file. */
  descriptions: Record<string, CatalogueDescription>;
  platforms: string[];
  maintenance: CatalogueMaintenance;
}

type Record_ = Record<string, unknown>;

export function extractCatalogueFields(data: unknown): CatalogueFields {
  const root = record(data);
  const legal = record(root.legal);
  const maintenance = record(root.maintenance);
  return {
    name: text(root.name),
    url: text(root.url),
    license: text(legal.license),
    categories: texts(root.categories),
    developmentStatus: oneOf(root.developmentStatus, DEVELOPMENT_STATUSES),
    softwareType: oneOf(root.softwareType, SOFTWARE_TYPES),
    descriptions: Object.fromEntries(
      Object.entries(record(root.description)).map(([language, entry]) => [language, toDescription(record(entry))]),
    ),
    platforms: texts(root.platforms),
    maintenance: {
      type: oneOf(maintenance.type, MAINTENANCE_TYPES),
      contacts: records(maintenance.contacts).flatMap((contact) => {
        const name = text(contact.name);
        return name === null ? [] : [{ name, email: text(contact.email), affiliation: text(contact.affiliation) }];
      }),
      contractors: records(maintenance.contractors).flatMap((contractor) => {
        const name = text(contractor.name);
        return name === null ? [] : [{ name, until: text(contractor.until), website: text(contractor.website) }];
      }),
    },
  };
}

function toDescription(entry: Record_): CatalogueDescription {
  return {
    localisedName: text(entry.localisedName),
    shortDescription: text(entry.shortDescription),
    longDescription: text(entry.longDescription),
    features: texts(entry.features),
    documentation: text(entry.documentation),
  };
}

function record(value: unknown): Record_ {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record_) : {};
}

function records(value: unknown): Record_[] {
  return Array.isArray(value) ? value.map(record) : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function oneOf<T extends string>(value: unknown, choices: readonly T[]): T | null {
  return typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : null;
}
