import { z } from 'zod';
import { memberRoles, organisationKinds } from '../../db/schema/organisations';
import { region } from '../regions/regions.schemas';
import { MAX_PARTNERS } from './organisations.rules';

/** An 8-digit AGS (a Gemeinde) or an ARS of 2 to 12 digits. */
export const regionCode = z.string().trim().regex(/^\d{2,12}$/, 'An AGS or ARS consists of 2 to 12 digits.');

const fixedRegions =
  'The regions of an organisation are fixed once it is registered; register a new organisation for another set of regions.';

export const organisationInput = z.object({
  kind: z.enum(organisationKinds),
  /** As published: "Osnabrück mit den Gemeinden Hagen am Teutoburger Wald, Bissendorf …". */
  displayName: z.string().trim().min(2).max(300),
  /** What alphabetical lists sort on; defaults to the lead region's name. */
  sortName: z.string().trim().min(1).max(200).optional(),
  leadRegion: regionCode,
  partnerRegions: z.array(regionCode).max(MAX_PARTNERS, `At most ${MAX_PARTNERS} partner regions.`).default([]),
  budgetEmergency: z.boolean().default(false),
});

export const organisationUpdate = z.object({
  displayName: z.string().trim().min(2).max(300).optional(),
  sortName: z.string().trim().min(1).max(200).optional(),
  budgetEmergency: z.boolean().optional(),
  kind: z.never({ message: fixedRegions }).optional(),
  leadRegion: z.never({ message: fixedRegions }).optional(),
  partnerRegions: z.never({ message: fixedRegions }).optional(),
});

export const organisationListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const organisationParams = z.object({ id: z.uuid() });

export const invitationInput = z.object({
  email: z.email().max(320),
  role: z.enum(memberRoles).default('member'),
});

export const acceptInput = z.object({ token: z.string().trim().min(16).max(200) });

export const organisationRegion = region.extend({ role: z.enum(['lead', 'partner']) });

export const member = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: z.enum(memberRoles),
  joinedAt: z.string(),
});

/**
 * One organisation. Everyone sees the public part (id, kind, names, regions); members and the
 * programme office also see the budget emergency flag and the members (`view: 'full'`).
 */
export const organisation = z.object({
  id: z.uuid(),
  kind: z.enum(organisationKinds),
  displayName: z.string(),
  sortName: z.string(),
  regions: z.array(organisationRegion),
  view: z.enum(['public', 'full']),
  budgetEmergency: z.boolean().optional(),
  createdAt: z.string().optional(),
  members: z.array(member).optional(),
  /** The caller's own membership, null for non-members. */
  myRole: z.enum(memberRoles).nullable(),
  abilities: z.array(z.string()),
});

export const organisationListItem = z.object({
  id: z.uuid(),
  kind: z.enum(organisationKinds),
  displayName: z.string(),
  sortName: z.string(),
  regions: z.array(organisationRegion),
  myRole: z.enum(memberRoles).nullable(),
});

export const invitationCreated = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(memberRoles),
  expiresAt: z.string(),
  /** Returned once, for the link the admin sends; only its SHA-256 is stored. */
  token: z.string(),
});

export type OrganisationInput = z.infer<typeof organisationInput>;
export type OrganisationUpdate = z.infer<typeof organisationUpdate>;
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;
export type InvitationInput = z.infer<typeof invitationInput>;
export type Organisation = z.infer<typeof organisation>;
export type OrganisationListItem = z.infer<typeof organisationListItem>;
export type OrganisationRegion = z.infer<typeof organisationRegion>;
export type Member = z.infer<typeof member>;
export type InvitationCreated = z.infer<typeof invitationCreated>;
