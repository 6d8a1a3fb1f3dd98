/**
 * Data for the deadline rush (benchmark and crash test): an open call and many applicants, each
 * with a session and a complete draft, and the check that what was acknowledged is stored whole.
 *
 * Users, sessions and organisations are written through the queries directly: 1,000 users through
 * the API would spend a minute hashing passwords, and the organisation service refuses a second
 * municipality on the same Gemeinde, while the demo register has only a few dozen of them. Rounds
 * and drafts go through the services, so they carry their ordinary audit events.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../src/db/connection';
import { applications, auditEvents, submissions } from '../../src/db/schema';
import type { ApplicationContent } from '../../src/db/schema/applications';
import { demoRegions } from '../../src/db/seed/demo-regions.data';
import { seedDemoRegions } from '../../src/db/seed/demo-regions';
import { systemActor } from '../../src/lib/access';
import * as accountsQueries from '../../src/modules/accounts/accounts.queries';
import { SESSION_HOURS } from '../../src/modules/accounts/accounts.rules';
import { actorForUser, hashToken } from '../../src/modules/accounts/accounts.service';
import { createApplication, saveDraft } from '../../src/modules/applications/applications.service';
import type { Receipt } from '../../src/modules/applications/applications.schemas';
import type { ServiceContext } from '../../src/modules/context';
import * as organisationsQueries from '../../src/modules/organisations/organisations.queries';
import { programmeInput, roundInput } from '../../src/modules/programmes/programmes.schemas';
import { createProgramme, createRound, transitionRound } from '../../src/modules/programmes/programmes.service';

export interface Applicant {
  index: number;
  email: string;
  userId: string;
  organisationId: string;
  applicationId: string;
  /** The draft's version, which the submit names. */
  version: number;
  /** The raw session token: the value of the sn_session cookie. */
  sessionToken: string;
  content: ApplicationContent;
}

export interface Rush {
  programmeId: string;
  roundId: string;
  roundYear: number;
  applicants: Applicant[];
}

const formSections = [
  { key: 'ausgangslage', title: 'Ausgangslage und Ziele', maxLength: 10_000, required: true },
  { key: 'massnahmen', title: 'Strategie und Maßnahmen', maxLength: 15_000, required: true },
  { key: 'beteiligung', title: 'Beteiligung und Akteure', maxLength: 8_000, required: true },
  { key: 'transfer', title: 'Übertragbarkeit und Open Source', maxLength: 8_000, required: false },
];
const costCategories = ['Personal', 'Sach- und Dienstleistungen', 'Investitionen'];

/** A complete application of about 2.5 kB of JSON, varied a little per applicant. */
export function completeContent(index: number, year: number): ApplicationContent {
  const place = `Kommune ${index + 1}`;
  const paragraph = (topic: string) =>
    `${topic} in ${place}: Die Kommune verbindet Daseinsvorsorge, Mobilität und Verwaltung über eine offene Datenplattform. ` +
    'Bürgerinnen und Bürger, Vereine, Hochschulen und die lokale Wirtschaft wirken in Werkstätten mit; ' +
    'Ergebnisse werden unter offenen Lizenzen veröffentlicht, damit andere Kommunen sie nachnutzen können. ';
  return {
    title: `Smarte Daseinsvorsorge ${place}`,
    acronym: `SD${index + 1}`,
    summary: `Eine integrierte Smart-City-Strategie für ${place}: offene Daten, digitale Beteiligung und vernetzte Mobilität.`,
    sections: {
      ausgangslage: paragraph('Ausgangslage').repeat(2),
      massnahmen: paragraph('Maßnahmen').repeat(3),
      beteiligung: paragraph('Beteiligung'),
      transfer: paragraph('Transfer'),
    },
    partners: ['Hochschule für Technik', 'Stadtwerke', 'Landkreis'],
    budget: [
      { year, category: 'Personal', amountCents: 400_000_00 + index * 100 },
      { year, category: 'Sach- und Dienstleistungen', amountCents: 150_000_00 },
      { year: year + 1, category: 'Investitionen', amountCents: 900_000_00 },
      { year: year + 2, category: 'Personal', amountCents: 420_000_00 },
    ],
    budgetEmergency: false,
  };
}

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await work(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/**
 * Opens a call (open since yesterday, closing tomorrow, by the real clock the server runs on) and
 * prepares `count` applicants, each a user with a live session, the administrator of a municipality
 * of its own (led by one of the demo register's Gemeinden, several may share one) and a complete
 * draft ready to submit. `concurrency` > 1 only pays on PostgreSQL.
 */
export async function prepareRush(db: Db, options: { count: number; concurrency?: number; slug?: string; onProgress?: (done: number) => void }): Promise<Rush> {
  const now = new Date();
  const system: ServiceContext = { db, actor: systemActor('bench'), now: () => new Date() };
  await seedDemoRegions(system);
  const gemeinden = demoRegions.filter((r) => r.level === 'gemeinde');
  if (gemeinden.length === 0) throw new Error('the demo register has no Gemeinden');
  const slug = options.slug ?? 'rush';
  const programme = await createProgramme(system, programmeInput.parse({ slug, name: `Deadline rush ${slug}`, defaultRateBp: 6500, raisedRateBp: 9000 }));
  const year = now.getUTCFullYear() + 1;
  const draftRound = await createRound(
    system,
    programme.id,
    roundInput.parse({
      slug: `${slug}-${year}`,
      name: `Staffel ${year} (Lasttest)`,
      year,
      opensAt: new Date(now.getTime() - 24 * 3_600_000).toISOString(),
      closesAt: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
      envelopeCents: 1_000_000_000_00,
      eligibleKinds: ['municipality', 'cooperation'],
      maxRequestCents: 17_500_000_00,
      criteria: [{ name: 'Gesamteindruck', weight: 100 }],
      formSections,
      costCategories,
    }),
  );
  const round = await transitionRound(system, draftRound.id, 'open', draftRound.version);

  const applicants: Applicant[] = new Array(options.count);
  let done = 0;
  const runId = randomBytes(3).toString('hex');
  await inParallel([...Array(options.count).keys()], options.concurrency ?? 1, async (index) => {
    const region = gemeinden[index % gemeinden.length]!;
    const email = `antrag-${runId}-${index}@rush.example`;
    const user = await accountsQueries.insertUser(db, { email, displayName: `Antragstellerin ${index + 1}`, passwordHash: null });
    const sessionToken = randomBytes(32).toString('base64url');
    await accountsQueries.insertSession(db, { tokenHash: hashToken(sessionToken), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000) });
    const organisation = await organisationsQueries.insertOrganisation(db, {
      kind: 'municipality',
      displayName: `${region.name} (Antrag ${index + 1})`,
      sortName: region.name,
      budgetEmergency: false,
      createdAt: now,
    });
    await organisationsQueries.insertRegions(db, [{ organisationId: organisation.id, ars: region.ars, role: 'lead', position: 0 }]);
    await organisationsQueries.insertMember(db, { organisationId: organisation.id, userId: user.id, role: 'admin', joinedAt: now });

    const ctx: ServiceContext = { db, actor: await actorForUser(db, user), now: () => new Date() };
    const draft = await createApplication(ctx, { roundId: round.id, organisationId: organisation.id });
    const content = completeContent(index, year);
    const saved = await saveDraft(ctx, draft.id, { version: draft.version, content });
    applicants[index] = { index, email, userId: user.id, organisationId: organisation.id, applicationId: saved.id, version: saved.version, sessionToken, content };
    done += 1;
    options.onProgress?.(done);
  });
  return { programmeId: programme.id, roundId: round.id, roundYear: year, applicants };
}

/** What the snapshot of a submission looks like: the bare-insert baseline writes rows like it. */
export function snapshotLike(applicant: Applicant, roundId: string): Record<string, unknown> {
  return {
    applicationId: applicant.applicationId,
    roundId,
    organisationId: applicant.organisationId,
    version: applicant.version,
    content: applicant.content,
    financials: { eligibleCostsCents: 1_870_000_00, rateBp: 6500, requestedCents: 1_215_500_00 },
    attachments: [],
  };
}

export interface StoredCheck {
  /** Each a sentence naming the application; empty when everything holds. */
  problems: string[];
  acknowledged: number;
  submitted: number;
  /** Submitted (committed) but never acknowledged to the client, e.g. cut off by a crash. */
  committedUnacknowledged: number;
  submissionRows: number;
  submitEvents: number;
}

/**
 * Checks what the database holds for the given applications against the receipts the clients got:
 * every acknowledged submission is stored exactly once with the receipt's hash and time, its
 * application submitted at that version, its audit event written; nothing is half-written (no
 * submitted application without its submission, no submission of an application not submitted at
 * that version, one audit event per submission).
 */
export async function checkStored(db: Db, applicationIds: readonly string[], acknowledged: ReadonlyMap<string, Receipt>): Promise<StoredCheck> {
  const problems: string[] = [];
  const ids = [...applicationIds];
  const appRows = ids.length
    ? await db
        .select({ id: applications.id, status: applications.status, version: applications.version, receiptHash: applications.receiptHash, submittedAt: applications.submittedAt })
        .from(applications)
        .where(inArray(applications.id, ids))
    : [];
  const subRows = ids.length
    ? await db
        .select({ applicationId: submissions.applicationId, version: submissions.version, contentHash: submissions.contentHash, submittedAt: submissions.submittedAt })
        .from(submissions)
        .where(inArray(submissions.applicationId, ids))
    : [];
  const eventRows = ids.length
    ? await db
        .select({ subjectId: auditEvents.subjectId, payload: auditEvents.payload })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'applications.submit'), inArray(auditEvents.subjectId, ids)))
    : [];
  const apps = new Map(appRows.map((a) => [a.id, a]));
  const subsOf = new Map<string, typeof subRows>();
  for (const s of subRows) subsOf.set(s.applicationId, [...(subsOf.get(s.applicationId) ?? []), s]);
  const eventsOf = new Map<string, Array<{ contentHash?: string; version?: number }>>();
  for (const e of eventRows) eventsOf.set(e.subjectId, [...(eventsOf.get(e.subjectId) ?? []), e.payload as { contentHash?: string; version?: number }]);

  let committedUnacknowledged = 0;
  for (const id of ids) {
    const app = apps.get(id);
    const subs = subsOf.get(id) ?? [];
    const events = eventsOf.get(id) ?? [];
    if (!app) {
      problems.push(`${id}: the application is gone`);
      continue;
    }
    const receipt = acknowledged.get(id);
    if (receipt) {
      if (subs.length !== 1) problems.push(`${id}: acknowledged, but ${subs.length} submission rows`);
      const sub = subs.find((s) => s.version === receipt.version);
      if (!sub) problems.push(`${id}: acknowledged version ${receipt.version}, but no submission row of that version`);
      else {
        if (sub.contentHash !== receipt.contentHash) problems.push(`${id}: stored hash ${sub.contentHash} ≠ receipt ${receipt.contentHash}`);
        if (sub.submittedAt.toISOString() !== receipt.submittedAt) problems.push(`${id}: stored time ${sub.submittedAt.toISOString()} ≠ receipt ${receipt.submittedAt}`);
      }
      if (app.status !== 'submitted') problems.push(`${id}: acknowledged, but the application is ${app.status}`);
      if (app.receiptHash !== receipt.contentHash) problems.push(`${id}: the application's receipt hash ${app.receiptHash} ≠ receipt ${receipt.contentHash}`);
      if (!events.some((e) => e.contentHash === receipt.contentHash)) problems.push(`${id}: acknowledged, but no audit event with its hash`);
    } else if (app.status === 'submitted') {
      committedUnacknowledged += 1;
    }
    if (app.status === 'submitted' && !subs.some((s) => s.version === app.version)) problems.push(`${id}: submitted at version ${app.version} without a submission row`);
    for (const s of subs) {
      if (app.status !== 'submitted' || app.version !== s.version) problems.push(`${id}: a submission of version ${s.version}, but the application is ${app.status} at version ${app.version}`);
    }
    if (events.length !== subs.length) problems.push(`${id}: ${subs.length} submission rows but ${events.length} submit events`);
  }
  return {
    problems,
    acknowledged: ids.filter((id) => acknowledged.has(id)).length,
    submitted: appRows.filter((a) => a.status === 'submitted').length,
    committedUnacknowledged,
    submissionRows: subRows.length,
    submitEvents: eventRows.length,
  };
}
