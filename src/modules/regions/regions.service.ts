import { AppError } from '../../lib/errors';
import { isAdmin, requireAccess, type Policy } from '../../lib/access';
import { normaliseName, searchTerms } from '../../lib/text/german';
import { validateAgs, validateArs, type Gv100Record } from '../../lib/gv100ad';
import { applyChange, type ServiceContext } from '../context';
import * as q from './regions.queries';
import type { Region, RegionSearchQuery } from './regions.schemas';

const regionsPolicy: Policy<null> = {
  'regions.read': () => true,
  'regions.import': (actor) => isAdmin(actor),
};

function landArs(ars: string): string {
  return ars.slice(0, 2);
}

function kreisArs(ars: string): string | null {
  return ars.length >= 5 ? ars.slice(0, 5) : null;
}

async function present(ctx: ServiceContext, rows: q.RegionRow[]): Promise<Region[]> {
  const ancestors = new Set<string>();
  for (const r of rows) {
    ancestors.add(landArs(r.ars));
    const kreis = kreisArs(r.ars);
    if (kreis && kreis !== r.ars) ancestors.add(kreis);
  }
  const names = await q.namesOf(ctx.db, [...ancestors]);
  return rows.map((r) => {
    const kreis = kreisArs(r.ars);
    return {
      ars: r.ars,
      ags: r.ags,
      level: r.level,
      name: r.name,
      kind: r.kind,
      population: r.population,
      latitude: r.latitude,
      longitude: r.longitude,
      parentArs: r.parentArs,
      kreisName: kreis && kreis !== r.ars ? (names.get(kreis) ?? null) : null,
      landName: r.level === 'land' ? null : (names.get(landArs(r.ars)) ?? null),
    };
  });
}

/** Digits search by key prefix; anything else by German-aware name. */
export async function searchRegions(ctx: ServiceContext, query: RegionSearchQuery): Promise<Region[]> {
  requireAccess(ctx.actor, regionsPolicy, 'regions.read', null);
  const compact = query.q.replace(/\s+/g, '');
  const rows = /^\d+$/.test(compact)
    ? await q.searchByKeyPrefix(ctx.db, compact, query.level, query.limit)
    : await q.searchByName(ctx.db, searchTerms(query.q), query.level, query.limit);
  return present(ctx, rows);
}

export async function getRegion(ctx: ServiceContext, code: string): Promise<Region> {
  requireAccess(ctx.actor, regionsPolicy, 'regions.read', null);
  if (code.length === 8) {
    const check = validateAgs(code);
    if (!check.ok) throw new AppError('REGION_CODE_INVALID', check.reason, { fields: [{ path: 'code', message: check.reason }] });
  } else if (code.length === 12) {
    const check = validateArs(code);
    if (!check.ok) throw new AppError('REGION_CODE_INVALID', check.reason, { fields: [{ path: 'code', message: check.reason }] });
  }
  const row = await q.findByCode(ctx.db, code);
  if (!row) throw new AppError('NOT_FOUND', `No region has the key ${code}.`);
  return (await present(ctx, [row]))[0]!;
}

/** Regions by ARS for other modules (applications name their regions by key). */
export async function findRegions(ctx: ServiceContext, arsList: string[]): Promise<Region[]> {
  return present(ctx, await q.findMany(ctx.db, arsList));
}

export interface RegionValues {
  ars: string;
  ags: string;
  level: q.RegionRow['level'];
  parentArs: string | null;
  name: string;
  kind: string;
  typeCode: string | null;
  population: number | null;
  areaHa: number | null;
  postalCode: string | null;
  latitude?: number | null;
  longitude?: number | null;
  validOn: string | null;
}

export function valuesFromRecord(record: Gv100Record): RegionValues {
  return {
    ars: record.ars ?? record.key,
    ags: record.ags ?? record.key,
    level: record.level,
    parentArs: record.parentArs,
    name: record.name,
    kind: record.kind,
    typeCode: record.typeCode === null ? null : String(record.typeCode),
    population: record.population,
    areaHa: record.areaHa,
    postalCode: record.postalCode,
    validOn: record.validOn,
  };
}

export interface ImportSummary {
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes register entries in one transaction: a failed import leaves the register as it was.
 * Unchanged entries are not written at all, so a second import of the same file changes nothing
 * and records no audit event.
 */
export async function importRegions(
  ctx: ServiceContext,
  entries: RegionValues[],
  source: { name: string; sha256: string },
  onProgress?: (done: number, total: number) => void,
): Promise<ImportSummary> {
  requireAccess(ctx.actor, regionsPolicy, 'regions.import', null);
  const batchSize = 1000;
  return applyChange(ctx, async (tx) => {
    const summary: ImportSummary = { total: entries.length, inserted: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < entries.length; i += batchSize) {
      const batch = entries.slice(i, i + batchSize).map((e) => ({ ...e, searchKey: normaliseName(e.name) }));
      const result = await q.upsertRegions(tx, batch);
      summary.inserted += result.inserted;
      summary.updated += result.updated;
      onProgress?.(Math.min(i + batchSize, entries.length), entries.length);
    }
    summary.unchanged = summary.total - summary.inserted - summary.updated;
    const changed = summary.inserted + summary.updated > 0;
    return {
      result: summary,
      event: changed ? { action: 'regions.import', subjectType: 'register', subjectId: source.sha256, payload: { source: source.name, ...summary } } : null,
    };
  });
}
