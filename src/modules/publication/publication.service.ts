import { AppError } from '../../lib/errors';
import { requireAccess, systemActor } from '../../lib/access';
import { formatCents } from '../../lib/money';
import { defaultSortName, groupOf, publishedGroups, totalFunding } from '../../lib/results/published-list';
import { applyChange, type ServiceContext } from '../context';
import * as audit from '../audit/audit.service';
import * as applicationsService from '../applications/applications.service';
import * as office from '../applications/office.service';
import * as jury from '../jury/sessions.service';
import { enqueue } from '../notifications';
import * as organisations from '../organisations/organisations.service';
import * as programmes from '../programmes/programmes.service';
import type { Round } from '../programmes/programmes.schemas';
import * as q from './publication.queries';
import { publicationPolicy, type RoundScope } from './publication.policy';
import type { Publication, PublicResults, PublishInput, ReceiptCheckResult } from './publication.schemas';

/** Reads of other modules whatever the caller may see there; this module's policy decides first. */
export function asSystem(ctx: ServiceContext): ServiceContext {
  return { ...ctx, actor: systemActor('publication') };
}

export function scopeOf(round: Pick<Round, 'id' | 'programmeId' | 'status'>): RoundScope {
  return { programmeId: round.programmeId, roundId: round.id, published: round.status === 'published' };
}

/** An unknown round and an unpublished one look alike from outside: both are 404. */
export async function loadRound(ctx: ServiceContext, roundId: string): Promise<Round> {
  return programmes.getRound(asSystem(ctx), roundId);
}

function toPublication(row: q.PublicationRow, entries: readonly { fundingCents: number }[]): Publication {
  return {
    roundId: row.roundId,
    publishedAt: row.publishedAt.toISOString(),
    chainHead: { seq: row.chainHeadSeq, hash: row.chainHeadHash },
    count: entries.length,
    totalFundingCents: totalFunding(entries),
  };
}

/**
 * Publishes a decided round: every submitted application must have its decision; the selected
 * ones become the public list, each with its decision's receipt (the hash of the audit event that
 * recorded it), and the round moves to "published" with the chain head pinned beside the list.
 * One transaction: the status change, the list, the notifications to applicants and the event.
 */
export async function publishRound(ctx: ServiceContext, roundId: string, input: PublishInput): Promise<Publication> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, publicationPolicy, 'publication.publish', scopeOf(round));
  if (round.status !== 'decided') {
    throw new AppError('ROUND_NOT_DECIDED', `Only a decided round can be published; round "${round.slug}" is in status "${round.status}".`, {
      details: { roundStatus: round.status },
    });
  }
  const sys = asSystem(ctx);
  const applications = await office.listRoundApplications(sys, round.id, { status: 'submitted' });
  const decisions = new Map((await jury.listDecisions(sys, round.id)).map((d) => [d.applicationId, d]));
  const undecided = applications.filter((a) => !decisions.has(a.id));
  if (undecided.length > 0) {
    throw new AppError(
      'PUBLICATION_INCOMPLETE',
      `${undecided.length} application(s) have no decision yet: ${undecided.slice(0, 5).map((a) => a.organisation).join(', ')}${undecided.length > 5 ? ', …' : ''}.`,
      { details: { undecided: undecided.map((a) => a.id) } },
    );
  }
  const byId = new Map(applications.map((a) => [a.id, a]));
  const unknown = Object.keys(input.sortNames).filter((id) => decisions.get(id)?.outcome !== 'selected');
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Sort names can only be given for selected applications of the round.', {
      fields: unknown.map((id) => ({ path: `sortNames.${id}`, message: 'Not a selected application of this round.' })),
    });
  }
  const selected = [...decisions.values()].filter((d) => d.outcome === 'selected');
  const hashes = await audit.eventHashes(ctx.db, selected.map((d) => d.auditSeq ?? 0));
  const entries = selected.map((d) => {
    const application = byId.get(d.applicationId);
    const receiptHash = d.auditSeq === null ? undefined : hashes.get(d.auditSeq);
    if (!application || d.auditSeq === null || !receiptHash) throw new Error(`Decision ${d.id} lacks its application or audit event`);
    return {
      roundId: round.id,
      applicationId: d.applicationId,
      decisionId: d.id,
      kind: application.kind,
      name: application.organisation,
      sortName: input.sortNames[d.applicationId] ?? defaultSortName(application.organisation),
      fundingCents: d.fundingCents,
      receiptHash,
      receiptSeq: d.auditSeq,
    };
  });
  const letters = await recipientsOf(sys, applications);

  const publication = await ctx.db.transaction(async (tx) => {
    const inTx: ServiceContext = { ...ctx, db: tx as never };
    await programmes.transitionRound(inTx, round.id, 'published', input.version);
    return applyChange(inTx, async (db) => {
      const head = await audit.chainHead(db);
      if (!head) throw new Error('The audit chain is empty');
      const row = { roundId: round.id, publishedAt: ctx.now(), chainHeadHash: head.hash, chainHeadSeq: head.seq, publishedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null };
      await q.insertPublication(db, row, entries);
      for (const letter of letters) {
        const decision = decisions.get(letter.applicationId)!;
        await enqueue(db, {
          kind: 'publication.letter',
          recipient: letter.email,
          subject: `Förderentscheidung ${round.name}: ${letter.reference}`,
          body: letterNotice(round.name, letter.organisation, decision.outcome, decision.fundingCents),
          dedupeKey: `publication.letter:${letter.applicationId}:${letter.email}`,
          createdAt: ctx.now(),
        });
      }
      const result = toPublication(row, entries);
      return {
        result,
        event: {
          action: 'publication.publish',
          subjectType: 'round',
          subjectId: round.id,
          payload: { chainHead: result.chainHead, count: result.count, totalFundingCents: result.totalFundingCents, sortNames: input.sortNames, notified: letters.length },
        },
      };
    });
  });
  return publication;
}

/** Everyone who belongs to an applicant organisation hears of its decision. */
async function recipientsOf(ctx: ServiceContext, applications: Array<{ id: string; organisation: string; reference: string }>) {
  const recipients: Array<{ applicationId: string; organisation: string; reference: string; email: string }> = [];
  for (const a of applications) {
    const { organisation } = await applicationsService.getApplication(ctx, a.id);
    for (const member of await organisations.listMembers(ctx, organisation.id)) {
      recipients.push({ applicationId: a.id, organisation: a.organisation, reference: a.reference, email: member.email });
    }
  }
  return recipients;
}

function letterNotice(roundName: string, organisation: string, outcome: string, fundingCents: number): string {
  const result =
    outcome === 'selected'
      ? `Ihr Projekt wurde zur Förderung ausgewählt (Förderung: ${formatCents(fundingCents)}).`
      : outcome === 'waitlisted'
        ? 'Ihr Projekt wurde auf die Nachrückliste gesetzt.'
        : 'Ihr Projekt konnte leider nicht zur Förderung ausgewählt werden.';
  return [
    'Guten Tag,',
    '',
    `die Jury hat über die Anträge in „${roundName}“ entschieden; die Ergebnisse sind veröffentlicht.`,
    `${organisation}: ${result}`,
    '',
    'Den Bescheid mit den Rückmeldungen der Gutachterinnen und Gutachter finden Sie in Stadtnetz bei Ihrem Antrag.',
  ].join('\n');
}

/** The published results: public, without login; before publication the round's results do not exist (404). */
export async function getPublicResults(ctx: ServiceContext, roundId: string): Promise<PublicResults> {
  const round = await loadRound(ctx, roundId).catch((error: unknown) => {
    // A draft round is hidden from the public; say "not found" the same way for every cause.
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', 'There are no published results for this round.');
    throw error;
  });
  requireAccess(ctx.actor, publicationPolicy, 'publication.results.read', scopeOf(round));
  const publication = await q.findPublication(ctx.db, round.id);
  if (!publication) throw new AppError('NOT_FOUND', 'There are no published results for this round.');
  const programme = await programmes.getProgramme(asSystem(ctx), round.programmeId);
  const entries = (await q.publishedResultsOf(ctx.db, round.id)).map((r) => ({
    applicationId: r.applicationId,
    name: r.name,
    sortName: r.sortName,
    kind: r.kind,
    fundingCents: r.fundingCents,
    receipt: r.receiptHash,
    receiptSeq: r.receiptSeq,
  }));
  return {
    roundId: round.id,
    round: round.slug,
    roundName: round.name,
    programme: { slug: programme.slug, name: programme.name },
    publishedAt: publication.publishedAt.toISOString(),
    chainHead: { seq: publication.chainHeadSeq, hash: publication.chainHeadHash },
    count: entries.length,
    totalFundingCents: totalFunding(entries),
    groups: publishedGroups(entries).map((g) => ({ title: g.title, count: g.entries.length, totalFundingCents: totalFunding(g.entries), entries: g.entries })),
  };
}

/** The same, found by the round's key ("2020"); the programme's key is needed only when several have such a round. */
export async function getPublicResultsBySlug(ctx: ServiceContext, roundSlug: string, programmeSlug?: string): Promise<PublicResults> {
  const sys = asSystem(ctx);
  const candidates: Round[] = [];
  for (const programme of await programmes.listProgrammes(sys)) {
    if (programmeSlug && programme.slug !== programmeSlug) continue;
    const round = (await programmes.listRounds(sys, programme.id)).find((r) => r.slug === roundSlug);
    if (round) candidates.push(round);
  }
  if (candidates.length === 0) throw new AppError('NOT_FOUND', `There is no round "${roundSlug}"${programmeSlug ? ` in programme "${programmeSlug}"` : ''}.`);
  const published = candidates.filter((r) => r.status === 'published');
  if (published.length === 0) {
    throw new AppError('NOT_FOUND', `Round "${roundSlug}" is not published (status "${candidates[0]!.status}"); its results are not public yet.`);
  }
  if (published.length > 1) {
    throw new AppError('BAD_REQUEST', `Several programmes have a published round "${roundSlug}"; name the programme.`, { fields: [{ path: 'programme', message: 'Needed.' }] });
  }
  return getPublicResults(ctx, published[0]!.id);
}

/**
 * Checks a receipt: the event it names, the published entry it belongs to, and whether the event
 * lies in the chain before the head its round's publication pinned (or the newest publication's
 * head, for any other event). Public: anyone may check.
 */
export async function checkReceipt(ctx: ServiceContext, receipt: string): Promise<ReceiptCheckResult> {
  const hash = receipt.toLowerCase();
  const [entry] = await q.publishedByReceipt(ctx.db, hash);
  const head = entry ? entry.head : await q.latestPublication(ctx.db);
  if (!head) return { receipt: hash, event: null, entry: null, chainHead: null, inChainBeforeHead: false, message: 'Nothing has been published yet, so there is no chain head to check against.' };
  const chainHead = { seq: head.chainHeadSeq, hash: head.chainHeadHash };
  const checked = await audit.checkReceipt(ctx.db, hash, chainHead);
  return {
    receipt: hash,
    event: checked.event
      ? { seq: checked.event.seq, occurredAt: checked.event.occurredAt, action: checked.event.action, subjectType: checked.event.subjectType, subjectId: checked.event.subjectId, hash: checked.event.hash }
      : null,
    entry: entry ? { roundId: entry.roundId, name: entry.name, fundingCents: entry.fundingCents } : null,
    chainHead,
    inChainBeforeHead: checked.inChainBeforeHead,
    message: checked.message,
  };
}

export { groupOf };
