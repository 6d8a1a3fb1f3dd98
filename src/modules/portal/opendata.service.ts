/*
 * Open data: every public list as CSV and JSON, described by a DCAT-AP.de catalogue (dcat.ts).
 *
 * CSV for German users: UTF-8 with a byte-order mark (Excel otherwise reads UTF-8 as Windows-1252
 * and breaks every umlaut), ";" between fields and "," in the euro columns, as German Excel and
 * LibreOffice expect, CRLF line ends (RFC 4180). Exact amounts are in the *_cents columns as
 * integers, for programs; the *_eur columns are for people. JSON is an array of the same flat
 * records under the same keys, so the two formats always say the same.
 */
import { stringify } from 'csv-stringify/sync';
import { requireAccess } from '../../lib/access';
import type { ServiceContext } from '../context';
import * as catalogue from '../catalogue/catalogue.service';
import { publicationService } from '../publication';
import { portalPolicy } from './portal.policy';
import { euroText, projectRecord, type OpenRecord } from './portal.rules';
import type { DatasetName, OpenDataFormat, OpenDataIndex } from './portal.schemas';
import * as portal from './portal.service';
import * as q from './portal.queries';

export interface OpenFile {
  filename: string;
  contentType: string;
  body: string;
}

export const LICENCE = {
  id: 'dl-de/by-2-0',
  name: 'Datenlizenz Deutschland – Namensnennung – Version 2.0',
  url: 'https://www.govdata.de/dl-de/by-2-0',
  /** The licence as DCAT-AP.de names it (its controlled vocabulary of licences). */
  dcatUri: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
} as const;

export const PUBLISHER = 'Programmbüro Stadtnetz';

/** The byte-order mark Excel needs to read a CSV file as UTF-8. */
export const BOM = '\uFEFF';

export function toCsv(records: OpenRecord[], columns: string[]): string {
  return (
    BOM +
    stringify(records, {
      header: true,
      columns,
      delimiter: ';',
      record_delimiter: 'windows',
      // Line breaks inside a field must be quoted too, not only the CRLF that ends a record.
      quoted_match: /[\r\n]/,
      cast: { boolean: (v) => (v ? 'true' : 'false') },
    })
  );
}

function file(name: string, format: OpenDataFormat, records: OpenRecord[], columns: string[]): OpenFile {
  return format === 'csv'
    ? { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(records, columns) }
    : { filename: `${name}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(records, null, 1) };
}

const projectColumns = ['id', 'reference', 'title', 'organisation', 'applicant_kind', 'land_code', 'land', 'latitude', 'longitude', 'round', 'round_year', 'approved_cents', 'approved_eur', 'status', 'current_phase', 'solutions', 'url'];
const solutionColumns = ['id', 'slug', 'name', 'description', 'licence', 'maturity', 'software_type', 'categories', 'land_code', 'land', 'applicant_kind', 'organisation', 'publiccode_valid', 'used_by', 'created_at', 'url'];
const statisticColumns = ['dimension', 'code', 'label', 'applications', 'funded', 'approved_cents', 'approved_eur'];
const resultColumns = ['round', 'group', 'name', 'sort_name', 'applicant_kind', 'funding_cents', 'funding_eur', 'receipt', 'receipt_seq'];

async function projectRecords(ctx: ServiceContext, origin: string): Promise<OpenRecord[]> {
  return (await portal.listProjects(ctx, {})).items.map((p) => projectRecord(p, origin));
}

/** All solutions of the catalogue, from the catalogue's own service. */
async function solutionRecords(ctx: ServiceContext, origin: string): Promise<OpenRecord[]> {
  return (await catalogue.allSolutions(ctx)).map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    licence: s.licence,
    maturity: s.maturity,
    software_type: s.softwareType,
    categories: s.categories.join(', '),
    land_code: s.land,
    land: s.landName,
    applicant_kind: s.applicantKind,
    organisation: s.organisationName,
    publiccode_valid: s.publiccodeValid,
    used_by: s.usedBy,
    created_at: s.createdAt,
    url: `${origin}/catalogue/solutions/${s.slug}`,
  }));
}

async function statisticRecords(ctx: ServiceContext): Promise<OpenRecord[]> {
  const stats = await portal.getStatistics(ctx);
  const rows = (dimension: string, list: typeof stats.byLand): OpenRecord[] =>
    list.map((r) => ({ dimension, code: r.code, label: r.label, applications: r.applications, funded: r.funded, approved_cents: r.approvedCents, approved_eur: euroText(r.approvedCents) }));
  return [...rows('land', stats.byLand), ...rows('applicant_kind', stats.byKind), ...rows('round', stats.byRound)];
}

export async function dataset(ctx: ServiceContext, name: DatasetName, format: OpenDataFormat, origin: string): Promise<OpenFile> {
  requireAccess(ctx.actor, portalPolicy, 'portal.read', null);
  switch (name) {
    case 'projects':
      return file('projects', format, await projectRecords(ctx, origin), projectColumns);
    case 'solutions':
      return file('solutions', format, await solutionRecords(ctx, origin), solutionColumns);
    case 'statistics':
      return file('statistics', format, await statisticRecords(ctx), statisticColumns);
  }
}

/** A round's published results as the publication module publishes them (404 before publication). */
export async function roundResults(ctx: ServiceContext, roundSlug: string, format: OpenDataFormat): Promise<OpenFile> {
  requireAccess(ctx.actor, portalPolicy, 'portal.read', null);
  const results = await publicationService.getPublicResultsBySlug(ctx, roundSlug);
  const records = results.groups.flatMap((g) =>
    g.entries.map((e) => ({
      round: results.round,
      group: g.title,
      name: e.name,
      sort_name: e.sortName,
      applicant_kind: e.kind,
      funding_cents: e.fundingCents,
      funding_eur: euroText(e.fundingCents),
      receipt: e.receipt,
      receipt_seq: e.receiptSeq,
    })),
  );
  return file(`results-${results.round}`, format, records, resultColumns);
}

const descriptions: Record<DatasetName, { titleDe: string; titleEn: string; descriptionDe: string; descriptionEn: string }> = {
  projects: {
    titleDe: 'Geförderte Projekte',
    titleEn: 'Funded projects',
    descriptionDe: 'Alle geförderten Projekte veröffentlichter Förderrunden: Aktenzeichen, Titel, Antragsteller, Art, Land, Koordinaten, Runde, bewilligte Summe, aktuelle Phase und Zahl der veröffentlichten Lösungen.',
    descriptionEn: 'Every funded project of published rounds: reference, title, applicant, kind, Land, coordinates, round, amount approved, current phase and number of published solutions.',
  },
  solutions: {
    titleDe: 'Open-Source-Lösungen',
    titleEn: 'Open-source solutions',
    descriptionDe: 'Die Software, die geförderte Projekte als Open Source veröffentlicht haben, mit Lizenz, Reifegrad, Kategorien und Zahl der Nachnutzungen.',
    descriptionEn: 'The software funded projects published as open source, with licence, maturity, categories and number of reuses.',
  },
  statistics: {
    titleDe: 'Förderstatistik',
    titleEn: 'Funding statistics',
    descriptionDe: 'Eingegangene Anträge, geförderte Projekte und bewilligte Summen nach Land, Art des Antragstellers und Förderrunde (nur veröffentlichte Runden).',
    descriptionEn: 'Applications received, projects funded and amounts approved by Land, kind of applicant and round (published rounds only).',
  },
};

const mediaTypes: Record<OpenDataFormat, string> = { csv: 'text/csv', json: 'application/json' };

/** The datasets on offer with their download addresses: the open-data page and the DCAT catalogue read this one list. */
export async function openDataIndex(ctx: ServiceContext, origin: string): Promise<OpenDataIndex> {
  requireAccess(ctx.actor, portalPolicy, 'portal.read', null);
  const distributions = (name: string) => (['csv', 'json'] as const).map((format) => ({ format, mediaType: mediaTypes[format], url: `${origin}/api/open-data/${name}.${format}` }));
  const datasets: OpenDataIndex['datasets'] = (Object.keys(descriptions) as DatasetName[]).map((name) => ({ id: name, ...descriptions[name], distributions: distributions(name) }));
  for (const round of await q.publishedRounds(ctx.db)) {
    datasets.push({
      id: `results-${round.slug}`,
      titleDe: `Ergebnisse: ${round.name}`,
      titleEn: `Results: ${round.name}`,
      descriptionDe: `Die veröffentlichte Liste der ausgewählten Projekte von „${round.name}“ mit Fördersumme und Quittung (Hash des Prüfprotokolls).`,
      descriptionEn: `The published list of projects selected in "${round.name}" with funding and receipt (hash of the audit chain).`,
      distributions: distributions(`results-${round.slug}`),
    });
  }
  return { licence: { id: LICENCE.id, name: LICENCE.name, url: LICENCE.url }, catalog: `${origin}/api/open-data/catalog.ttl`, openapi: `${origin}/api/docs`, datasets };
}
