import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../modules/context';
import * as organisations from '../../modules/organisations/organisations.service';
import * as programmes from '../../modules/programmes/programmes.service';
import * as catalogue from '../../modules/catalogue/catalogue.service';
import * as knowledge from '../../modules/catalogue/knowledge.service';
import * as reuse from '../../modules/catalogue/reuse.service';
import * as cq from '../../modules/catalogue/catalogue.queries';
import { slugify } from '../../modules/catalogue/catalogue.rules';
import { sortNameOf } from './demo-applications.data';
import { demoKnowledge, demoOrganisationRefs, demoSolutions, publiccodeYmlOf, type DemoOrganisationRef } from './demo-catalogue.data';

function at(ctx: ServiceContext, iso: string): ServiceContext {
  const time = new Date(iso);
  return { db: ctx.db, actor: ctx.actor, now: () => time };
}

/** The organisation as registered before (by the applications seed or an earlier run), or registered now. */
async function ensureOrganisation(ctx: ServiceContext, ref: DemoOrganisationRef): Promise<string | null> {
  if (ref.kind === 'cooperation') {
    // Cooperations may share a lead, so the register does not refuse a second one: look by name.
    const found = await organisations.listOrganisations(ctx, { q: ref.displayName.slice(0, 100), limit: 500 });
    const same = found.find((o) => o.kind === 'cooperation' && o.displayName === ref.displayName && o.regions.some((r) => r.role === 'lead' && r.ars === ref.lead));
    if (same) return same.id;
  }
  try {
    const made = await organisations.createOrganisation(ctx, {
      kind: ref.kind,
      displayName: ref.displayName,
      sortName: sortNameOf(ref.displayName, ref.kind),
      leadRegion: ref.lead,
      partnerRegions: ref.partners ?? [],
      budgetEmergency: false,
    });
    return made.id;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'CONFLICT' && typeof error.details?.organisationId === 'string') return error.details.organisationId;
    // A region missing from a smaller register: leave that organisation out of the demo.
    if (error.code === 'ORGANISATION_REGIONS_INVALID' || error.code === 'VALIDATION_FAILED' || error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * The catalogue of the demo: solutions of the 2019 and 2020 projects with their publiccode.yml,
 * adoptions by other municipalities, lessons learned and exchange events with attendance.
 * Looks everything up first, so a second run creates nothing. Returns lines for the seed report.
 */
export async function seedDemoCatalogue(ctx: ServiceContext): Promise<string[]> {
  const report: string[] = [];
  const ids = new Map<string, string>();
  const organisationId = async (key: string): Promise<string | null> => {
    if (!ids.has(key)) {
      const ref = demoOrganisationRefs[key];
      const id = ref ? await ensureOrganisation(at(ctx, '2021-01-15T09:00:00Z'), ref) : null;
      if (id) ids.set(key, id);
      else return null;
    }
    return ids.get(key)!;
  };

  // 2020 solutions are linked to their application: the later grant is reached through it.
  let applicationOf = new Map<string, string>();
  try {
    const round2020 = await programmes.getRoundBySlug(ctx, 'mps', '2020');
    applicationOf = new Map((await cq.submittedApplications(ctx.db, [round2020.id])).map((a) => [a.organisationId, a.applicationId]));
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
  }

  let solutions = 0;
  let adoptions = 0;
  const solutionIds = new Map<string, string>();
  for (const s of demoSolutions) {
    const owner = await organisationId(s.owner);
    if (!owner) continue;
    let row = await cq.findSolution(ctx.db, slugify(s.name));
    if (!row) {
      const publiccode = s.publiccode ?? 'valid';
      await catalogue.createSolution(at(ctx, s.registeredAt), {
        organisationId: owner,
        name: s.name,
        description: s.short,
        longDescription: s.long,
        repositoryUrl: s.repositoryUrl,
        licence: s.licence,
        categories: s.categories,
        maturity: s.developmentStatus,
        softwareType: s.softwareType,
        applicationId: s.round === '2020' ? (applicationOf.get(owner) ?? null) : null,
        ...(publiccode === 'none' ? {} : { publiccodeYml: publiccodeYmlOf(s) }),
      });
      row = (await cq.findSolution(ctx.db, slugify(s.name)))!;
      solutions += 1;
    }
    solutionIds.set(s.name, row.id);
    const existing = new Set((await cq.adoptionsOf(ctx.db, [row.id])).map((a) => a.adoption.organisationId));
    for (const a of s.adoptions) {
      const adopter = await organisationId(a.by);
      if (!adopter || existing.has(adopter)) continue;
      await reuse.recordAdoption(at(ctx, `${a.since}T10:00:00Z`), row.id, { organisationId: adopter, status: a.status, since: a.since, notes: a.notes ?? '' });
      adoptions += 1;
    }
  }
  if (solutions > 0) report.push(`${solutions} catalogue solutions`);
  if (adoptions > 0) report.push(`${adoptions} adoptions`);

  let items = 0;
  const known = await knowledge.listKnowledge(ctx, { page: 1, pageSize: 50 });
  for (const k of demoKnowledge) {
    let id = known.items.find((i) => i.title === k.title)?.id;
    if (!id) {
      const author = k.author ? await organisationId(k.author) : null;
      const made = await knowledge.createKnowledge(at(ctx, k.createdAt), {
        kind: k.kind,
        title: k.title,
        body: k.body,
        organisationId: author,
        solutionId: k.solution ? (solutionIds.get(k.solution) ?? null) : null,
        startsAt: k.startsAt ?? null,
        location: k.location ?? '',
      });
      id = made.id;
      items += 1;
    }
    if (k.attendees?.length) {
      const attendees = (await Promise.all(k.attendees.map((a) => organisationId(a)))).filter((a): a is string => a !== null);
      if (attendees.length > 0) await knowledge.recordAttendance(at(ctx, k.startsAt ?? k.createdAt), id, attendees);
    }
  }
  if (items > 0) report.push(`${items} articles and exchange events`);
  return report;
}
