import { Feed } from 'feed';
import { AppError } from '../../lib/errors';
import { abilitiesOf, actorUserId, requireAccess } from '../../lib/access';
import { extractCatalogueFields, validatePubliccode, type ValidationResult } from '../../lib/publiccode';
import { applyChange, type ServiceContext } from '../context';
import * as organisations from '../organisations/organisations.service';
import * as applications from '../applications/applications.service';
import { adoptionPolicy, solutionPolicy } from './catalogue.policy';
import * as q from './catalogue.queries';
import { checkSolutionLicence, highlightWords, nextUpdatedAt, rawPubliccodeUrl, searchNameOf, searchTextOf, slugify, tsqueryText } from './catalogue.rules';
import type { Adoption, Facets, PubliccodeInput, SolutionDetail, SolutionInput, SolutionList, SolutionListItem, SolutionListQuery, SolutionUpdate } from './catalogue.schemas';
import { fetchPubliccode } from './publiccode-fetch';

/** How long the repository may take to hand over its publiccode.yml. */
export const FETCH_TIMEOUT_MS = 5_000;

// ── Search ──

function listItem(row: q.SolutionListRow, usedBy: number, rank: number, query: string | undefined): SolutionListItem {
  const s = row.solution;
  return {
    type: 'solution',
    id: s.id,
    slug: s.slug,
    name: s.name,
    description: s.description,
    licence: s.licence,
    maturity: s.maturity,
    softwareType: s.softwareType,
    categories: s.categories,
    land: s.landArs,
    landName: row.landName ?? s.landArs,
    applicantKind: s.applicantKind as SolutionListItem['applicantKind'],
    organisationId: s.organisationId,
    organisationName: row.organisationName,
    publiccodeValid: s.publiccodeValid,
    usedBy,
    rank: Number(rank),
    highlights: query ? highlightWords(`${s.name} ${s.description}`, query) : [],
    createdAt: s.createdAt.toISOString(),
  };
}

function groupFacets(counts: q.FacetCount[]): Facets {
  const facets: Facets = { category: [], licence: [], maturity: [], land: [], applicantKind: [], softwareType: [] };
  for (const c of counts) facets[c.facet].push({ value: c.value, label: c.label, count: Number(c.count) });
  return facets;
}

function pageItem(row: q.SearchPageRow, query: string | undefined): SolutionListItem {
  return {
    type: 'solution',
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    licence: row.licence,
    maturity: row.maturity,
    softwareType: row.software_type,
    categories: row.categories,
    land: row.land_ars,
    landName: row.land_name ?? row.land_ars,
    applicantKind: row.applicant_kind as SolutionListItem['applicantKind'],
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    publiccodeValid: row.publiccode_valid,
    usedBy: Number(row.used_by),
    rank: Number(row.rank),
    highlights: query ? highlightWords(`${row.name} ${row.description}`, query) : [],
    createdAt: row.created_at,
  };
}

/**
 * Search answers are the same for everyone and the catalogue changes seldom, so the route keeps
 * each answer, serialised, for a few seconds per database: a change made through this process
 * clears them at once (forgetSearches), one made by another process shows after about
 * SEARCH_CACHE_MS: an answer older than that is still sent once more while its successor is
 * computed, so that no request waits for the database after the first.
 * CATALOGUE_SEARCH_CACHE=off turns it off (the benchmark measures both).
 */
export const SEARCH_CACHE_MS = 10_000;
const SEARCH_CACHE_ENTRIES = 1_000;
const searchCaches = new WeakMap<object, Map<string, { at: number; json: Promise<string> }>>();
const searchCacheOn = process.env.CATALOGUE_SEARCH_CACHE !== 'off';

/** Called by every change to solutions and adoptions. */
export function forgetSearches(ctx: ServiceContext): void {
  searchCaches.delete(ctx.db);
}

/** The public catalogue search as a JSON text (the route sends it as it is): German full text, filters, facet counts and one page. */
export async function searchSolutionsJson(ctx: ServiceContext, query: SolutionListQuery): Promise<string> {
  if (!searchCacheOn) return JSON.stringify(await searchSolutions(ctx, query));
  let cache = searchCaches.get(ctx.db);
  if (!cache) {
    cache = new Map();
    searchCaches.set(ctx.db, cache);
  }
  // Sorted: the order in which a facet's values were given does not change the answer.
  const sorted = (values: string[] | undefined) => (values ? [...values].sort() : null);
  const key = JSON.stringify([
    query.q ?? '',
    sorted(query.category),
    sorted(query.licence),
    sorted(query.maturity),
    sorted(query.land),
    sorted(query.applicantKind),
    sorted(query.softwareType),
    query.sort,
    query.page,
    query.pageSize,
  ]);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < SEARCH_CACHE_MS) return hit.json;
  // The promise is kept, so concurrent equal searches share one database round trip.
  const json = searchSolutions(ctx, query).then((list) => JSON.stringify(list));
  const store = cache;
  json.then(
    () => {
      store.delete(key);
      store.set(key, { at: Date.now(), json });
      if (store.size > SEARCH_CACHE_ENTRIES) store.delete(store.keys().next().value!);
    },
    () => {
      if (store.get(key)?.json === json) store.delete(key);
    },
  );
  if (hit) {
    // Stale: answer with the last answer while the new one is computed, once; nobody waits for it.
    hit.at = now;
    return hit.json;
  }
  store.set(key, { at: now, json });
  return json;
}

/** The search itself, two queries side by side: one page of ranked results, and the facet counts. */
export async function searchSolutions(ctx: ServiceContext, query: SolutionListQuery): Promise<SolutionList> {
  return runSearch(ctx, query);
}

async function runSearch(ctx: ServiceContext, query: SolutionListQuery): Promise<SolutionList> {
  const tsquery = tsqueryText(query.q);
  const sort = query.sort ?? (tsquery ? 'relevance' : 'newest');
  const filters: q.SearchFilters = {
    category: query.category,
    licence: query.licence,
    maturity: query.maturity,
    land: query.land,
    applicantKind: query.applicantKind,
    softwareType: query.softwareType,
  };
  const offset = (query.page - 1) * query.pageSize;
  const [rows, counts] = await Promise.all([q.searchSolutionPage(ctx.db, tsquery, filters, sort, query.pageSize, offset), q.facetCounts(ctx.db, tsquery, filters)]);
  const total = rows[0]?.total ?? (offset > 0 ? await countPastEnd(ctx, tsquery, filters) : 0);
  return { total: Number(total), page: query.page, pageSize: query.pageSize, items: rows.map((r) => pageItem(r, query.q)), facets: groupFacets(counts) };
}

/** Every solution, by name, in one query: for the open-data download, which needs no ranking or facets. */
export async function allSolutions(ctx: ServiceContext): Promise<SolutionListItem[]> {
  const rows = await q.searchSolutionPage(ctx.db, null, {}, 'name', Number.MAX_SAFE_INTEGER, 0);
  return rows.map((r) => pageItem(r, undefined));
}

/** A page past the end has no row to carry the window count; ask once more for the total. */
async function countPastEnd(ctx: ServiceContext, tsquery: string | null, filters: q.SearchFilters): Promise<number> {
  const [first] = await q.searchSolutionIds(ctx.db, tsquery, filters, 'newest', 1, 0);
  return first?.total ?? 0;
}

// ── One solution ──

async function loadSolution(ctx: ServiceContext, idOrSlug: string): Promise<q.SolutionRow> {
  const row = await q.findSolution(ctx.db, idOrSlug);
  if (!row) throw new AppError('NOT_FOUND', 'There is no such solution in the catalogue.');
  return row;
}

function presentAdoption(a: q.AdoptionWithOrganisation, place: q.Place | undefined): Adoption {
  return {
    id: a.adoption.id,
    solutionId: a.adoption.solutionId,
    organisation: { id: a.adoption.organisationId, displayName: a.displayName, kind: a.kind },
    region: place ? { ars: place.ars, name: place.name, latitude: place.latitude, longitude: place.longitude } : null,
    status: a.adoption.status,
    since: a.adoption.since,
    notes: a.adoption.notes,
    updatedAt: a.adoption.updatedAt.toISOString(),
  };
}

/** Adoptions of one solution with each adopter's place on the map. */
export async function adoptionsOfSolution(ctx: ServiceContext, solutionId: string): Promise<Adoption[]> {
  const rows = await q.adoptionsOf(ctx.db, [solutionId]);
  const places = await q.leadPlaces(ctx.db, rows.map((r) => r.adoption.organisationId));
  return rows.map((r) => presentAdoption(r, places.get(r.adoption.organisationId)));
}

async function present(ctx: ServiceContext, row: q.SolutionRow): Promise<SolutionDetail> {
  const [named] = await q.solutionsWithNames(ctx.db, [row.id]);
  const adoptions = await adoptionsOfSolution(ctx, row.id);
  const owner = await organisations.organisationSummary(ctx, row.organisationId);
  const ownerPlace = (await q.leadPlaces(ctx.db, [row.organisationId])).get(row.organisationId);
  const mine = await organisations.organisationsOfActor(ctx);
  const adoptedBy = new Map(adoptions.map((a) => [a.organisation.id, a.status]));
  const isMember = mine.some((o) => o.id === row.organisationId);
  const abilities = [
    ...abilitiesOf(ctx.actor, solutionPolicy, { isMember }).filter((a) => a !== 'solution.read' && a !== 'solution.create'),
    ...(mine.length > 0 ? abilitiesOf(ctx.actor, adoptionPolicy, { isMember: true }) : []),
  ];
  const item = listItem(named ?? { solution: row, organisationName: owner.displayName, landName: null }, adoptions.length, 0, undefined);
  const { rank: _rank, highlights: _highlights, ...base } = item;
  return {
    ...base,
    longDescription: row.longDescription,
    repositoryUrl: row.repositoryUrl,
    applicationId: row.applicationId,
    organisation: {
      id: owner.id,
      displayName: owner.displayName,
      kind: owner.kind,
      region: ownerPlace ? { ars: ownerPlace.ars, name: ownerPlace.name, latitude: ownerPlace.latitude, longitude: ownerPlace.longitude } : null,
    },
    publiccode:
      row.publiccodeYml !== null && row.publiccodeSource !== null && row.publiccodeCheckedAt !== null
        ? {
            source: row.publiccodeSource,
            yml: row.publiccodeYml,
            valid: row.publiccodeValid === true,
            version: row.publiccodeVersion,
            errors: row.publiccodeErrors,
            warnings: row.publiccodeWarnings,
            checkedAt: row.publiccodeCheckedAt.toISOString(),
            fields: row.publiccodeFields,
          }
        : null,
    adoptions,
    abilities,
    myOrganisations: mine.map((o) => ({ id: o.id, displayName: o.displayName, adoptionStatus: adoptedBy.get(o.id) ?? null })),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getSolution(ctx: ServiceContext, idOrSlug: string): Promise<SolutionDetail> {
  const row = await loadSolution(ctx, idOrSlug);
  requireAccess(ctx.actor, solutionPolicy, 'solution.read', { isMember: false });
  return present(ctx, row);
}

// ── Registering and describing ──

interface PubliccodeColumns {
  publiccodeYml: string;
  publiccodeSource: 'upload' | 'paste' | 'repository';
  publiccodeValid: boolean;
  publiccodeVersion: string | null;
  publiccodeErrors: ValidationResult['errors'];
  publiccodeWarnings: ValidationResult['warnings'];
  publiccodeFields: Record<string, unknown> | null;
  publiccodeCheckedAt: Date;
}

function publiccodeColumns(text: string, source: PubliccodeColumns['publiccodeSource'], now: Date): { columns: PubliccodeColumns; fields: ReturnType<typeof extractCatalogueFields> | null } {
  const result = validatePubliccode(text);
  const fields = result.data === undefined ? null : extractCatalogueFields(result.data);
  return {
    fields,
    columns: {
      publiccodeYml: text,
      publiccodeSource: source,
      publiccodeValid: result.valid,
      publiccodeVersion: result.version,
      publiccodeErrors: result.errors,
      publiccodeWarnings: result.warnings,
      publiccodeFields: fields as unknown as Record<string, unknown> | null,
      publiccodeCheckedAt: now,
    },
  };
}

function licenceOrRefuse(licence: string): void {
  const check = checkSolutionLicence(licence);
  if (!check.ok) throw new AppError('LICENCE_NOT_OPEN_SOURCE', check.message, { fields: [{ path: 'licence', message: check.message }] });
}

function descriptionsOf(fields: ReturnType<typeof extractCatalogueFields> | null) {
  const all = fields ? Object.values(fields.descriptions) : [];
  return {
    localisedNames: all.flatMap((d) => (d.localisedName ? [d.localisedName] : [])),
    features: all.flatMap((d) => d.features),
    longDescription: fields?.descriptions.de?.longDescription ?? fields?.descriptions.en?.longDescription ?? all.find((d) => d.longDescription)?.longDescription ?? '',
  };
}

async function uniqueSlug(ctx: ServiceContext, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(await q.slugsLike(ctx.db, base));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i += 1) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A funded organisation registers its software; the publiccode.yml, when given, fills what the form left out. */
export async function createSolution(ctx: ServiceContext, input: SolutionInput): Promise<SolutionDetail> {
  const owner = await organisations.organisationSummary(ctx, input.organisationId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      throw new AppError('VALIDATION_FAILED', 'There is no such organisation.', { fields: [{ path: 'organisationId', message: 'There is no such organisation.' }] });
    }
    throw error;
  });
  requireAccess(ctx.actor, solutionPolicy, 'solution.create', { isMember: await organisations.isMember(ctx, owner.id) });
  licenceOrRefuse(input.licence);
  if (input.applicationId) {
    const application = await applications.getApplication(ctx, input.applicationId);
    if (application.organisation.id !== owner.id) {
      throw new AppError('VALIDATION_FAILED', 'The application belongs to another organisation.', { fields: [{ path: 'applicationId', message: 'The application belongs to another organisation.' }] });
    }
  }
  const now = ctx.now();
  const publiccode = input.publiccodeYml?.trim() ? publiccodeColumns(input.publiccodeYml, 'paste', now) : null;
  const fields = publiccode?.fields ?? null;
  const described = descriptionsOf(fields);
  const categories = input.categories ?? fields?.categories ?? [];
  const longDescription = input.longDescription ?? described.longDescription;
  const slug = await uniqueSlug(ctx, input.name);
  return applyChange(ctx, async (tx) => {
    const row = await q.insertSolution(tx, {
      slug,
      organisationId: owner.id,
      applicationId: input.applicationId ?? null,
      name: input.name,
      description: input.description,
      longDescription,
      repositoryUrl: input.repositoryUrl,
      licence: input.licence,
      categories,
      maturity: input.maturity ?? fields?.developmentStatus ?? null,
      softwareType: input.softwareType ?? fields?.softwareType ?? null,
      landArs: owner.leadRegion.ars.slice(0, 2),
      applicantKind: owner.kind,
      ...(publiccode?.columns ?? {}),
      searchName: searchNameOf({ name: input.name, localisedNames: described.localisedNames }),
      searchText: searchTextOf({ description: input.description, longDescription, categories, features: described.features, organisationName: owner.displayName, licence: input.licence }),
      createdBy: actorUserId(ctx.actor),
      createdAt: now,
      updatedAt: now,
    });
    return {
      result: row,
      event: {
        action: 'catalogue.solution.create',
        subjectType: 'solution',
        subjectId: row.id,
        payload: { organisationId: owner.id, name: row.name, slug: row.slug, licence: row.licence, publiccodeValid: row.publiccodeValid },
      },
    };
  }).then((row) => {
    forgetSearches(ctx);
    return present(ctx, row);
  });
}

const editableFields = ['name', 'description', 'longDescription', 'repositoryUrl', 'licence', 'categories', 'maturity', 'softwareType'] as const;
type EditableField = (typeof editableFields)[number];

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function staleSolution(current: q.SolutionRow): AppError {
  return new AppError('STALE_VERSION', 'This solution was changed by someone else since you opened it. Reload to see the changes, then edit again.', {
    details: { currentUpdatedAt: current.updatedAt.toISOString() },
  });
}

/**
 * Its organisation's members (or the programme office) correct how a solution is described. The
 * slug stays as it is, so links to the solution keep working after a rename. `updatedAt` must be
 * the value the editor read: the update is conditional on it, so two editors cannot overwrite
 * each other unseen.
 */
export async function updateSolution(ctx: ServiceContext, id: string, input: SolutionUpdate): Promise<SolutionDetail> {
  const current = await loadSolution(ctx, id);
  requireAccess(ctx.actor, solutionPolicy, 'solution.update', { isMember: await organisations.isMember(ctx, current.organisationId) });
  const readAt = new Date(input.updatedAt);
  if (readAt.getTime() !== current.updatedAt.getTime()) throw staleSolution(current);
  if (input.licence !== undefined) licenceOrRefuse(input.licence);
  const next = {
    name: input.name ?? current.name,
    description: input.description ?? current.description,
    longDescription: input.longDescription ?? current.longDescription,
    repositoryUrl: input.repositoryUrl ?? current.repositoryUrl,
    licence: input.licence ?? current.licence,
    categories: input.categories ?? current.categories,
    maturity: input.maturity === undefined ? current.maturity : input.maturity || null,
    softwareType: input.softwareType === undefined ? current.softwareType : input.softwareType || null,
  };
  const changed: EditableField[] = editableFields.filter((f) => !sameValue(next[f], current[f]));
  if (changed.length === 0) return present(ctx, current);
  const owner = await organisations.organisationSummary(ctx, current.organisationId);
  const described = descriptionsOf(current.publiccodeFields as ReturnType<typeof extractCatalogueFields> | null);
  return applyChange(ctx, async (tx) => {
    const row = await q.updateSolutionIfUnchanged(tx, current.id, current.updatedAt, {
      ...next,
      searchName: searchNameOf({ name: next.name, localisedNames: described.localisedNames }),
      searchText: searchTextOf({ ...next, features: described.features, organisationName: owner.displayName }),
      updatedAt: nextUpdatedAt(current.updatedAt, ctx.now()),
    });
    // Someone changed it between our read and this write.
    if (!row) throw staleSolution((await q.findSolution(tx, current.id)) ?? current);
    const before = Object.fromEntries(changed.map((f) => [f, current[f]]));
    const after = Object.fromEntries(changed.map((f) => [f, next[f]]));
    return { result: row, event: { action: 'catalogue.solution.update', subjectType: 'solution', subjectId: row.id, payload: { changed, before, after } } };
  }).then((row) => {
    forgetSearches(ctx);
    return present(ctx, row);
  });
}

async function readFromRepository(repositoryUrl: string): Promise<string> {
  const url = rawPubliccodeUrl(repositoryUrl);
  if (!url) throw new AppError('PUBLICCODE_UNREACHABLE', 'The repository address is not an http(s) address.', { details: { url: repositoryUrl } });
  const fetched = await fetchPubliccode(url, FETCH_TIMEOUT_MS);
  if (!fetched.ok) throw new AppError('PUBLICCODE_UNREACHABLE', `The publiccode.yml could not be read from ${url}: ${fetched.reason}. Upload or paste it instead.`, { details: { url } });
  return fetched.text;
}

/** Stores a new publiccode.yml (uploaded, pasted or read from the repository) with its validation result, valid or not. */
export async function updatePubliccode(ctx: ServiceContext, id: string, input: PubliccodeInput): Promise<SolutionDetail> {
  const current = await loadSolution(ctx, id);
  requireAccess(ctx.actor, solutionPolicy, 'solution.update', { isMember: await organisations.isMember(ctx, current.organisationId) });
  const text = input.source === 'repository' ? await readFromRepository(current.repositoryUrl) : input.text;
  const now = ctx.now();
  const { columns, fields } = publiccodeColumns(text, input.source, now);
  const owner = await organisations.organisationSummary(ctx, current.organisationId);
  const described = descriptionsOf(fields);
  // The file refines the catalogue entry only where it is valid: a broken file must not blank good data.
  const adopt = columns.publiccodeValid && fields !== null;
  const categories = adopt && fields.categories.length > 0 ? fields.categories : current.categories;
  const longDescription = adopt && described.longDescription ? described.longDescription : current.longDescription;
  return applyChange(ctx, async (tx) => {
    const row = await q.updateSolution(tx, current.id, {
      ...columns,
      categories,
      longDescription,
      maturity: adopt && fields.developmentStatus ? fields.developmentStatus : current.maturity,
      softwareType: adopt && fields.softwareType ? fields.softwareType : current.softwareType,
      searchName: searchNameOf({ name: current.name, localisedNames: described.localisedNames }),
      searchText: searchTextOf({ description: current.description, longDescription, categories, features: described.features, organisationName: owner.displayName, licence: current.licence }),
      updatedAt: now,
    });
    return {
      result: row,
      event: {
        action: 'catalogue.publiccode.update',
        subjectType: 'solution',
        subjectId: row.id,
        payload: { source: input.source, valid: columns.publiccodeValid, version: columns.publiccodeVersion, errors: columns.publiccodeErrors.length, warnings: columns.publiccodeWarnings.length },
      },
    };
  }).then((row) => {
    forgetSearches(ctx);
    return present(ctx, row);
  });
}

// ── Feed ──

/** The Atom feed of the newest solutions, with links into the web app. */
export async function atomFeed(ctx: ServiceContext, origin: string): Promise<string> {
  const rows = await q.newestSolutions(ctx.db, 50);
  const updated = rows[0]?.solution.createdAt ?? new Date(0);
  const feed = new Feed({
    title: 'Stadtnetz – neue Lösungen im Katalog',
    description: 'Open-Source-Lösungen der geförderten Smart-City-Projekte',
    id: `${origin}/catalogue`,
    link: `${origin}/catalogue`,
    language: 'de',
    updated,
    copyright: 'Inhalte der Projekte unter ihren jeweiligen Lizenzen',
    generator: 'Stadtnetz',
    feedLinks: { atom: `${origin}/api/catalogue/feed.atom` },
  });
  for (const { solution: s, organisationName } of rows) {
    feed.addItem({
      title: s.name,
      id: `${origin}/catalogue/${s.slug}`,
      link: `${origin}/catalogue/${s.slug}`,
      description: s.description,
      content: `${s.description}\n\nLizenz: ${s.licence}\nRepository: ${s.repositoryUrl}`,
      author: [{ name: organisationName }],
      date: s.createdAt,
      published: s.createdAt,
      category: s.categories.map((name) => ({ name })),
    });
  }
  return feed.atom1();
}
