import type { ServiceContext } from '../../modules/context';
import { AppError } from '../../lib/errors';
import { findUserByEmail } from '../../modules/accounts/accounts.queries';
import * as organisations from '../../modules/organisations/organisations.service';
import * as regions from '../../modules/regions/regions.service';

/** The demo applicant account and the municipality it administers. */
export const DEMO_APPLICANT_EMAIL = 'kommune@stadtnetz.example';

/** Barleben (Landkreis Börde, Sachsen-Anhalt) first; any other demo Gemeinde if the register lacks it. */
const candidates = [
  { ags: '15083040', displayName: 'Gemeinde Barleben' },
  { ags: '01002000', displayName: 'Landeshauptstadt Kiel' },
  { ags: '09461000', displayName: 'Stadt Bamberg' },
];

async function findRegion(ctx: ServiceContext, ags: string) {
  try {
    return await regions.getRegion(ctx, ags);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * Makes the demo applicant the administrator of one municipality. Looks everything up first and
 * skips quietly what is missing (the account, the region), so it runs before or after the other
 * demo steps and changes nothing the second time. Returns what it created, for the seed report.
 */
export async function seedDemoOrganisations(ctx: ServiceContext): Promise<string[]> {
  const user = await findUserByEmail(ctx.db, DEMO_APPLICANT_EMAIL);
  if (!user) return [];
  for (const candidate of candidates) {
    const region = await findRegion(ctx, candidate.ags);
    if (!region || region.level !== 'gemeinde') continue;
    const created: string[] = [];
    let organisationId: string;
    try {
      const made = await organisations.createOrganisation(ctx, {
        kind: 'municipality',
        displayName: candidate.displayName,
        leadRegion: region.ars,
        partnerRegions: [],
        budgetEmergency: false,
      });
      organisationId = made.id;
      created.push(`organisation ${candidate.displayName}`);
    } catch (error) {
      // A municipality is registered once: the second run finds the first run's organisation.
      const existing = error instanceof AppError && error.code === 'CONFLICT' ? error.details?.organisationId : undefined;
      if (typeof existing !== 'string') throw error;
      organisationId = existing;
    }
    // addMember records nothing when the account is an administrator already.
    await organisations.addMember(ctx, organisationId, user.id, 'admin');
    return created;
  }
  return [];
}
