import type { Db } from '../../db/connection';
import { actorLabel, actorUserId, isAdmin, requireAccess, type Actor, type Policy } from '../../lib/access';
import { findChainBreak, GENESIS_HASH, hashEvent, hashPayload, type ChainBreak } from '../../lib/audit-chain';
import * as queries from './audit.queries';
import { reconcileRows, SealIndex, sealsFor, withSeals, type RowProblem } from './seals';
import type { ServiceContext } from '../context';

export interface AuditInput {
  actor: Actor;
  /** `<module>.<verb>`, e.g. `programmes.create`. */
  action: string;
  subjectType: string;
  subjectId: string;
  payload: unknown;
  at: Date;
}

/** Writes one event into the chain; call it inside the transaction of the change it records. */
export async function recordEvent(tx: Db, input: AuditInput): Promise<{ seq: number; hash: string }> {
  await queries.lockChain(tx);
  const last = await queries.lastEvent(tx);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Votes, decisions and reviews: the event carries the hash of each row it wrote (seals.ts).
  const seals = await sealsFor(tx, input);
  // JSON round trip: what is hashed must be exactly what jsonb stores (no undefined, Dates as text).
  const payload = JSON.parse(JSON.stringify(withSeals(input.payload ?? null, seals))) as unknown;
  const payloadHash = hashPayload(payload);
  const occurredAt = new Date(Math.floor(input.at.getTime()));
  const fields = {
    seq,
    occurredAt,
    actorId: actorUserId(input.actor),
    actorLabel: actorLabel(input.actor),
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
  };
  const hash = hashEvent(fields, payloadHash, prevHash);
  await queries.insertEvent(tx, { ...fields, payload, payloadHash, prevHash, hash });
  return { seq, hash };
}

export interface VerifyResult {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  firstBreak: ChainBreak | null;
  /** Sealed rows (votes, decisions, reviews) that no longer match their latest event. */
  rowProblems: RowProblem[];
}

/**
 * Recomputes the whole chain page by page and names the first broken link; then compares each
 * sealed row with its latest event, naming table, row and event of every mismatch.
 */
export async function verifyChain(db: Db, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  const chain = await verifyLinks(db, onProgress);
  const rowProblems = await reconcileRows(db, chain.seals);
  return { ok: chain.firstBreak === null && rowProblems.length === 0, events: chain.events, head: chain.head, firstBreak: chain.firstBreak, rowProblems };
}

async function verifyLinks(
  db: Db,
  onProgress?: (checked: number) => void,
): Promise<{ events: number; head: { seq: number; hash: string } | null; firstBreak: ChainBreak | null; seals: SealIndex }> {
  const pageSize = 5000;
  const seals = new SealIndex();
  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const page = await queries.eventsAfter(db, previous?.seq ?? 0, pageSize);
    if (page.length === 0) break;
    if (previous === null && page[0] && page[0].seq !== 1) {
      return {
        events: checked,
        head: null,
        firstBreak: { seq: page[0].seq, problem: 'event-missing', message: `the chain starts at event ${page[0].seq}: event 1 was removed` },
        seals,
      };
    }
    const broken = findChainBreak(page, previous);
    for (const event of page) if (!broken || event.seq < broken.seq) seals.add(event.seq, event.payload);
    if (broken) return { events: checked, head: previous, firstBreak: broken, seals };
    const last = page[page.length - 1]!;
    previous = { seq: last.seq, hash: last.hash };
    checked += page.length;
    onProgress?.(checked);
  }
  return { events: checked, head: previous, firstBreak: null, seals };
}

const auditPolicy: Policy<null> = {
  'audit.read': (actor) => isAdmin(actor),
};

export async function listLatestEvents(ctx: ServiceContext, limit = 100) {
  requireAccess(ctx.actor, auditPolicy, 'audit.read', null);
  return queries.latestEvents(ctx.db, limit);
}

/** The newest event: what a publication pins as the chain head. */
export async function chainHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  return (await queries.lastEvent(db)) ?? null;
}

export interface ReceiptCheck {
  event: { seq: number; occurredAt: string; action: string; subjectType: string; subjectId: string; hash: string; payload: unknown } | null;
  /** True when the event lies in the chain that ends in the given head: every link from it to the head recomputes. */
  inChainBeforeHead: boolean;
  message: string;
}

/**
 * Checks a receipt (an event's hash) against a published chain head: the event must exist, lie
 * at or before the head, and every event from it up to the head must recompute and link, ending
 * in exactly the published head hash. Needs no login; reads only the stretch between the two.
 */
export async function checkReceipt(db: Db, hash: string, head: { seq: number; hash: string }): Promise<ReceiptCheck> {
  const event = await queries.eventByHash(db, hash.toLowerCase());
  if (!event) return { event: null, inChainBeforeHead: false, message: 'No event of the chain has this hash.' };
  const shown = {
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    hash: event.hash,
    payload: event.payload,
  };
  if (event.seq > head.seq) return { event: shown, inChainBeforeHead: false, message: `Event ${event.seq} comes after the published head (event ${head.seq}).` };
  const pageSize = 5000;
  let previous: { seq: number; hash: string } = { seq: event.seq - 1, hash: event.prevHash };
  let last: { seq: number; hash: string } | null = null;
  for (;;) {
    const page = await queries.eventsFrom(db, previous.seq + 1, head.seq, pageSize);
    if (page.length === 0) break;
    const broken = findChainBreak(page, previous);
    if (broken) return { event: shown, inChainBeforeHead: false, message: `The chain between the receipt and the published head is broken: ${broken.message}.` };
    last = { seq: page[page.length - 1]!.seq, hash: page[page.length - 1]!.hash };
    previous = last;
  }
  if (!last || last.seq !== head.seq || last.hash !== head.hash) {
    return { event: shown, inChainBeforeHead: false, message: `The chain from event ${event.seq} does not end in the published head ${head.hash}.` };
  }
  return { event: shown, inChainBeforeHead: true, message: `Event ${event.seq} is in the chain before the published head (event ${head.seq}).` };
}

/** The hashes of the given events (a decision's receipt is its event's hash), by sequence number. */
export async function eventHashes(db: Db, seqs: number[]): Promise<Map<number, string>> {
  return new Map((await queries.eventsBySeq(db, [...new Set(seqs)])).map((e) => [e.seq, e.hash]));
}
