import { date, doublePrecision, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const regionLevels = ['land', 'regierungsbezirk', 'region', 'kreis', 'gemeindeverband', 'gemeinde'] as const;
export type RegionLevel = (typeof regionLevels)[number];

/**
 * The official register. The ARS is the key: it is unique on every level (2 digits for a Land,
 * 5 for a Kreis, 9 for a Gemeindeverband, 12 for a Gemeinde), while the AGS skips the
 * Gemeindeverband and so is only unique among Gemeinden.
 */
export const regions = pgTable(
  'regions',
  {
    ars: text('ars').primaryKey(),
    ags: text('ags').notNull(),
    level: text('level', { enum: regionLevels }).notNull(),
    parentArs: text('parent_ars'),
    name: text('name').notNull(),
    /** normaliseName(name): the German-aware key that search matches against. */
    searchKey: text('search_key').notNull(),
    kind: text('kind').notNull().default(''),
    typeCode: text('type_code'),
    population: integer('population'),
    areaHa: integer('area_ha'),
    postalCode: text('postal_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    validOn: date('valid_on'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('regions_ags_idx').on(t.ags),
    index('regions_search_key_idx').on(t.searchKey),
    index('regions_parent_idx').on(t.parentArs),
  ],
);
