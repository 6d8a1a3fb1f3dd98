// Domain rules of the expert review: conflicts of interest and scores. Pure: no I/O.

// ── Conflicts of interest ──────────────────────────────────────────────────────────────
//
// A reviewer or jury member conflicts with an application when they
// - live in one of its regions or near it: the same Gemeinde, a Gemeindeverband or Kreis the
//   application names, or any Gemeinde of the same Kreis (the 5-digit Kreis key). Regions
//   above the Kreis (a Land, a Regierungsbezirk) do not count here: everyone living in
//   Bavaria is not biased about a Bavarian town, and the employer rule still catches the
//   Land's own staff;
// - work for the applicant or a partner organisation, or for a municipality or district
//   that is one of its regions, contains one (the district administration above a
//   Gemeinde) or lies in one (a Gemeinde inside an applying district);
// - declared a conflict with the application or with one of its organisations.
//
// Keys: the ARS (12 digits for a Gemeinde, 9 for a Gemeindeverband, 5 for a Kreis) names
// every level and its prefixes name the units above, so containment is a prefix test.
// The AGS (8 digits) only serves when an ARS is missing: it has no Gemeindeverband.

export type ConflictReason = 'home-region' | 'employer' | 'declared';

/** Stable names of the rules, for translations and statistics; `detail` is the German text. */
export type ConflictRule =
  | 'same-municipality'
  | 'home-in-region'
  | 'same-district'
  | 'employer-applicant'
  | 'employer-partner'
  | 'employer-region'
  | 'declared-application'
  | 'declared-organisation';

export interface Conflict {
  readonly reason: ConflictReason;
  readonly rule: ConflictRule;
  /** German, for the programme office and the person concerned. */
  readonly detail: string;
  /** The values `detail` names, so that another language can say the same from `rule`. */
  readonly params: Readonly<Record<string, string>>;
}

export interface RegionKeys {
  readonly ars: string;
  readonly ags: string;
}

export interface Person {
  readonly homeRegion: RegionKeys | null;
  readonly employer: { readonly organisationId?: string; readonly regionArs?: string } | null;
  readonly declared: readonly { readonly applicationId?: string; readonly organisationId?: string; readonly reason: string }[];
}

export type RegionRole = 'lead' | 'partner';

export interface ApplicationParties {
  readonly applicationId: string;
  readonly organisationId: string;
  readonly regions: readonly (RegionKeys & { readonly role: RegionRole })[];
  readonly partnerOrganisationIds?: readonly string[];
}

const ROLE_DE: Readonly<Record<RegionRole, string>> = { lead: 'die federführende Region', partner: 'die Partnerregion' };
const ROLE_IN_DE: Readonly<Record<RegionRole, string>> = { lead: 'in der federführenden Region', partner: 'in der Partnerregion' };

const ARS_LENGTHS = [2, 3, 5, 9, 12];

/** The most precise key of a region: its ARS, else its AGS (8 digits, a Gemeinde), else null. */
function regionKey(region: Partial<RegionKeys>): string | null {
  const { ars, ags } = region;
  if (typeof ars === 'string' && /^\d+$/.test(ars) && ARS_LENGTHS.includes(ars.length)) return ars;
  if (typeof ags === 'string' && /^\d{8}$/.test(ags)) return ags;
  return null;
}

const isGemeinde = (key: string) => key.length === 12 || key.length === 8;
/** The AGS of a Gemeinde key, so that an ARS and an AGS of the same Gemeinde compare equal. */
const gemeindeAgs = (key: string) => (key.length === 12 ? key.slice(0, 5) + key.slice(9) : key);
const kreisOf = (key: string) => (key.length >= 5 ? key.slice(0, 5) : null);
/**
 * `outer` (a Kreis or a Gemeindeverband) contains `inner`. Only those two levels: above the
 * Kreis nothing counts (see above), and an AGS cannot be placed in a Gemeindeverband.
 */
function contains(outer: string, inner: string): boolean {
  if (outer.length === 5) return inner.length > 5 && inner.startsWith(outer);
  if (outer.length === 9) return inner.length === 12 && inner.startsWith(outer);
  return false;
}

function homeConflict(home: string, region: RegionKeys & { role: RegionRole }): Conflict | null {
  const key = regionKey(region);
  if (key === null) return null;
  const params = { region: key, role: region.role };
  if (isGemeinde(home) && isGemeinde(key) && gemeindeAgs(home) === gemeindeAgs(key)) {
    return { reason: 'home-region', rule: 'same-municipality', params, detail: `Wohnort in derselben Gemeinde wie ${ROLE_DE[region.role]} (${key}).` };
  }
  if (contains(key, home)) {
    return { reason: 'home-region', rule: 'home-in-region', params, detail: `Wohnort liegt ${ROLE_IN_DE[region.role]} (${key}).` };
  }
  const kreis = kreisOf(home);
  if (kreis !== null && kreis === kreisOf(key)) {
    return {
      reason: 'home-region',
      rule: 'same-district',
      params: { ...params, kreis },
      detail: `Wohnort im selben Kreis (${kreis}) wie ${ROLE_DE[region.role]} (${key}).`,
    };
  }
  return null;
}

function employerRegionConflict(employer: string, region: RegionKeys & { role: RegionRole }): Conflict | null {
  const key = regionKey(region);
  if (key === null) return null;
  const same = isGemeinde(employer) && isGemeinde(key) ? gemeindeAgs(employer) === gemeindeAgs(key) : employer === key;
  if (!same && !contains(employer, key) && !contains(key, employer)) return null;
  const relation = same ? `ist ${ROLE_DE[region.role]}` : contains(employer, key) ? `umfasst ${ROLE_DE[region.role]}` : `liegt ${ROLE_IN_DE[region.role]}`;
  return {
    reason: 'employer',
    rule: 'employer-region',
    params: { employerRegion: employer, region: key, role: region.role },
    detail: `Arbeitgeber (${employer}) ${relation} (${key}).`,
  };
}

/**
 * Every conflict between a person (reviewer or jury member) and an application, each with
 * its reason; an empty list means none. Home-region conflicts come first in the order of
 * the application's regions, then employer, then declared conflicts.
 */
export function deriveConflicts(person: Person, application: ApplicationParties): Conflict[] {
  const conflicts: Conflict[] = [];
  const home = person.homeRegion === null ? null : regionKey(person.homeRegion);
  if (home !== null) {
    for (const region of application.regions) {
      const conflict = homeConflict(home, region);
      if (conflict) conflicts.push(conflict);
    }
  }

  const partners = application.partnerOrganisationIds ?? [];
  const employer = person.employer;
  if (employer?.organisationId !== undefined) {
    if (employer.organisationId === application.organisationId) {
      conflicts.push({
        reason: 'employer',
        rule: 'employer-applicant',
        params: { organisationId: employer.organisationId },
        detail: 'Arbeitgeber ist die antragstellende Organisation.',
      });
    } else if (partners.includes(employer.organisationId)) {
      conflicts.push({
        reason: 'employer',
        rule: 'employer-partner',
        params: { organisationId: employer.organisationId },
        detail: 'Arbeitgeber ist eine Partnerorganisation des Antrags.',
      });
    }
  }
  const employerRegion = employer?.regionArs === undefined ? null : regionKey({ ars: employer.regionArs });
  if (employerRegion !== null) {
    for (const region of application.regions) {
      const conflict = employerRegionConflict(employerRegion, region);
      if (conflict) conflicts.push(conflict);
    }
  }

  const organisations = [application.organisationId, ...partners];
  for (const declared of person.declared) {
    const reason = declared.reason.trim();
    const said = reason === '' ? '' : `: ${reason}`;
    if (declared.applicationId !== undefined && declared.applicationId === application.applicationId) {
      conflicts.push({
        reason: 'declared',
        rule: 'declared-application',
        params: { applicationId: declared.applicationId, reason },
        detail: `Selbst angezeigter Interessenkonflikt mit diesem Antrag${said}`,
      });
    } else if (declared.organisationId !== undefined && organisations.includes(declared.organisationId)) {
      conflicts.push({
        reason: 'declared',
        rule: 'declared-organisation',
        params: { organisationId: declared.organisationId, reason },
        detail: `Selbst angezeigter Interessenkonflikt mit einer beteiligten Organisation${said}`,
      });
    }
  }
  return conflicts;
}

// ── Scores ─────────────────────────────────────────────────────────────────────────────

export interface Criterion {
  readonly id: string;
  /** Percent; a round's weights add up to 100 (programmes.rules: criteriaProblems). */
  readonly weight: number;
  readonly scaleMin: number;
  readonly scaleMax: number;
}

export interface Problem {
  path: string;
  message: string;
}

/** Every problem with a review's scores, by path `scores.<criterionId>`; empty when complete and valid. */
export function scoreProblems(criteria: readonly Criterion[], scores: Readonly<Record<string, unknown>>): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(criteria.map((c) => c.id));
  for (const c of criteria) {
    const path = `scores.${c.id}`;
    const value = Object.hasOwn(scores, c.id) ? scores[c.id] : undefined;
    if (value === undefined || value === null) problems.push({ path, message: 'Give a score for this criterion.' });
    else if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ path, message: 'The score must be a number.' });
    else if (!Number.isInteger(value)) problems.push({ path, message: 'The score must be a whole number.' });
    else if (value < c.scaleMin || value > c.scaleMax) {
      problems.push({ path, message: `The score must lie between ${c.scaleMin} and ${c.scaleMax}.` });
    }
  }
  for (const id of Object.keys(scores)) {
    if (!known.has(id)) problems.push({ path: `scores.${id}`, message: 'The round has no such criterion.' });
  }
  return problems;
}

/**
 * The weighted score, 0 … 100: each criterion's score placed on its own scale (minimum 0,
 * maximum 1), weighted by its share of the total weight, which for a valid round is
 * weight / 100. Dividing by the total keeps 0 … 100 even for a round whose weights were
 * saved before the sum rule held. Throws on scores that `scoreProblems` would name.
 */
export function weightedScore(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): number {
  const problems = scoreProblems(criteria, scores);
  if (problems.length > 0) throw new RangeError(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (!(total > 0)) throw new RangeError('The criteria weigh nothing.');
  let sum = 0;
  for (const c of criteria) {
    if (c.scaleMax <= c.scaleMin) throw new RangeError(`Criterion ${c.id} has an empty scale.`);
    sum += (c.weight * (scores[c.id]! - c.scaleMin)) / (c.scaleMax - c.scaleMin);
  }
  return (100 * sum) / total;
}

/** How far two reviews of one application lie apart, in points of the weighted score. */
export function disagreement(a: number, b: number): number {
  return Math.abs(a - b);
}

/**
 * True when the two reviews of an application differ by more than `threshold` points, so
 * that a third reviewer must arbitrate. Fewer than two reviews: not yet decidable; three
 * or more: the third review is there already.
 */
export function needsThirdReview(reviews: readonly { readonly score: number }[], threshold: number): boolean {
  if (reviews.length !== 2) return false;
  return disagreement(reviews[0]!.score, reviews[1]!.score) > threshold;
}
