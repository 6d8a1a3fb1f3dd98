import { AppError } from '../../lib/errors';
import { requireAccess } from '../../lib/access';
import type { ServiceContext } from '../context';
import * as programmes from '../programmes/programmes.service';
import { obligationsPolicy } from './catalogue.policy';
import * as q from './catalogue.queries';
import { OBLIGATION_DUE_MONTHS, isOsiLicence, isOverdue, obligationDueOn } from './catalogue.rules';
import type { ObligationRow, Obligations } from './catalogue.schemas';

/** Rounds whose projects are chosen: from then on their obligations run. */
const DECIDED_STATUSES = new Set(['decided', 'published']);

/**
 * The programme office's dashboard: for every funded organisation, whether it has published at
 * least one solution with a valid publiccode.yml and an OSI licence, and whether it took part in
 * an exchange event, and who is overdue.
 *
 * "Funded" is, until the jury's decisions are linked to the catalogue, every submitted application
 * of a decided or published round that the formal check did not find ineligible. `round` looks at
 * one round in any status (e.g. during the jury phase, to see who is on track already).
 */
export async function getObligations(ctx: ServiceContext, programmeIdOrSlug: string, round?: string): Promise<Obligations> {
  const programme = await programmes.getProgramme(ctx, programmeIdOrSlug);
  requireAccess(ctx.actor, obligationsPolicy, 'obligations.read', { programmeId: programme.id });
  const all = await programmes.listRounds(ctx, programme.id);
  const chosen = round ? all.filter((r) => r.id === round || r.slug === round) : all.filter((r) => DECIDED_STATUSES.has(r.status));
  if (round && chosen.length === 0) throw new AppError('NOT_FOUND', 'There is no such round in this programme.');
  const roundById = new Map(chosen.map((r) => [r.id, r]));

  const funded = await q.submittedApplications(ctx.db, chosen.map((r) => r.id));
  const organisationIds = [...new Set(funded.map((f) => f.organisationId))];
  const [solutions, attended] = await Promise.all([q.solutionsOfOrganisations(ctx.db, organisationIds), q.eventsAttendedBy(ctx.db, organisationIds)]);
  const now = ctx.now();

  const items: ObligationRow[] = funded.map((f) => {
    const r = roundById.get(f.roundId)!;
    const own = solutions
      .filter((s) => s.organisationId === f.organisationId)
      .map((s) => ({ id: s.id, slug: s.slug, name: s.name, publiccodeValid: s.publiccodeValid, osiLicence: isOsiLicence(s.licence) }));
    const published = own.some((s) => s.publiccodeValid === true && s.osiLicence);
    const eventsAttended = attended.get(f.organisationId) ?? 0;
    const dueOn = obligationDueOn(new Date(r.closesAt));
    return {
      organisationId: f.organisationId,
      displayName: f.displayName,
      kind: f.kind,
      roundId: r.id,
      roundSlug: r.slug,
      applicationId: f.applicationId,
      dueOn,
      published,
      solutions: own,
      exchange: eventsAttended > 0,
      eventsAttended,
      overdue: isOverdue(dueOn, now, published && eventsAttended > 0),
    };
  });
  return {
    rounds: chosen.map((r) => ({ id: r.id, slug: r.slug, name: r.name, status: r.status })),
    dueAfterMonths: OBLIGATION_DUE_MONTHS,
    items,
    summary: {
      total: items.length,
      published: items.filter((i) => i.published).length,
      exchange: items.filter((i) => i.exchange).length,
      overdue: items.filter((i) => i.overdue).length,
    },
  };
}
