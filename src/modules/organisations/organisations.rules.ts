import type { OrganisationKind } from '../../db/schema/organisations';
import type { RegionLevel } from '../../db/schema/regions';

export interface RuleProblem {
  path: string;
  message: string;
}

/** The register levels a lead region may have, by kind of applicant. */
export const leadLevels: Readonly<Record<OrganisationKind, readonly RegionLevel[]>> = {
  municipality: ['gemeinde'],
  district: ['kreis'],
  cooperation: ['gemeinde', 'gemeindeverband', 'kreis'],
};

/** The levels partner regions may have; only cooperations have partners. */
export const partnerLevels: Readonly<Record<OrganisationKind, readonly RegionLevel[]>> = {
  municipality: [],
  district: [],
  cooperation: ['gemeinde', 'gemeindeverband', 'kreis'],
};

export const MAX_PARTNERS = 30;

/** How long an invitation link stays valid. */
export const INVITATION_DAYS = 14;

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 24 * 3_600_000);
}

const levelNames: Record<RegionLevel, string> = {
  land: 'a Land',
  regierungsbezirk: 'a Regierungsbezirk',
  region: 'a region',
  kreis: 'a Kreis (district or district-free city)',
  gemeindeverband: 'a Gemeindeverband',
  gemeinde: 'a Gemeinde',
};

function levelList(levels: readonly RegionLevel[]): string {
  const names = levels.map((l) => levelNames[l]);
  return names.length <= 1 ? (names[0] ?? 'nothing') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** A region as the rules see it: its key and its level in the register. */
export interface RegionRef {
  ars: string;
  level: RegionLevel;
  name?: string;
}

/**
 * Whether the regions fit the kind of applicant: a municipality is one Gemeinde, a district one
 * Kreis, a cooperation a lead plus at least one partner (Gemeinden, Gemeindeverbände or Kreise),
 * each region once. Every problem names the input it is about.
 */
export function regionProblems(kind: OrganisationKind, lead: RegionRef, partners: readonly RegionRef[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const allowedLead = leadLevels[kind];
  if (!allowedLead.includes(lead.level)) {
    const hint =
      kind === 'municipality' && lead.level === 'kreis'
        ? ' For a district-free city use the key of the city as a Gemeinde (its 8-digit AGS).'
        : '';
    problems.push({
      path: 'leadRegion',
      message: `The lead region of a ${kind} must be ${levelList(allowedLead)}; ${lead.name ?? lead.ars} is ${levelNames[lead.level]}.${hint}`,
    });
  }
  const allowedPartners = partnerLevels[kind];
  if (allowedPartners.length === 0) {
    if (partners.length > 0) {
      problems.push({ path: 'partnerRegions', message: `A ${kind} has no partner regions; register a cooperation instead.` });
    }
    return problems;
  }
  if (partners.length === 0) {
    problems.push({ path: 'partnerRegions', message: 'A cooperation needs at least one partner region besides its lead.' });
  }
  if (partners.length > MAX_PARTNERS) {
    problems.push({ path: 'partnerRegions', message: `A cooperation has at most ${MAX_PARTNERS} partner regions.` });
  }
  const seen = new Set<string>([lead.ars]);
  partners.forEach((p, i) => {
    const path = `partnerRegions.${i}`;
    if (p.ars === lead.ars) {
      problems.push({ path, message: `${p.name ?? p.ars} is the lead region already.` });
    } else if (seen.has(p.ars)) {
      problems.push({ path, message: `${p.name ?? p.ars} is named twice.` });
    } else if (!allowedPartners.includes(p.level)) {
      problems.push({ path, message: `A partner region must be ${levelList(allowedPartners)}; ${p.name ?? p.ars} is ${levelNames[p.level]}.` });
    }
    seen.add(p.ars);
  });
  return problems;
}

/** Whether an invitation can still be accepted, and by this email address. */
export function invitationProblem(
  invitation: { email: string; expiresAt: Date; acceptedAt: Date | null },
  email: string,
  now: Date,
): string | null {
  if (invitation.acceptedAt) return 'This invitation has been used already.';
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'This invitation has expired; ask for a new one.';
  if (normaliseEmail(invitation.email) !== normaliseEmail(email)) {
    return 'This invitation was sent to another email address; log in with that address.';
  }
  return null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The stronger of two memberships: joining again never takes admin rights away. */
export function strongerRole(a: 'admin' | 'member', b: 'admin' | 'member'): 'admin' | 'member' {
  return a === 'admin' || b === 'admin' ? 'admin' : 'member';
}

/**
 * The name lists sort on, from a register name: the register adds the designation after a comma
 * ("Kiel, Landeshauptstadt", "Hamburg, Freie und Hansestadt"), the published lists do not.
 */
export function defaultSortName(registerName: string): string {
  const [base] = registerName.split(', ');
  return (base ?? registerName).trim() || registerName.trim();
}
