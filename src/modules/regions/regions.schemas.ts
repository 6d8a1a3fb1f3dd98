import { z } from 'zod';
import { regionLevels } from '../../db/schema/regions';

export const regionSearchQuery = z.object({
  q: z.string().trim().min(1, 'Type at least one letter or digit.').max(100),
  level: z.enum(regionLevels).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const region = z.object({
  ars: z.string(),
  ags: z.string(),
  level: z.enum(regionLevels),
  name: z.string(),
  kind: z.string(),
  population: z.number().int().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  parentArs: z.string().nullable(),
  kreisName: z.string().nullable(),
  landName: z.string().nullable(),
});

export const regionCodeParams = z.object({
  code: z.string().regex(/^\d{2,12}$/, 'An AGS or ARS consists of 2 to 12 digits.'),
});

export type Region = z.infer<typeof region>;
export type RegionSearchQuery = z.infer<typeof regionSearchQuery>;
