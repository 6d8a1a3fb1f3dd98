import type { Db } from '../../db/connection';
import { actorLabel, actorUserId, isAdmin, requireAccess, type Actor, type Policy } from '../../lib/access';
import { findChainBreak, GENESIS_HASH, hashEvent, hashPayload, type ChainBreak } from '../../lib/audit-chain';
import * as queries from './audit.queries';
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
  // JSON round trip: what is hashed must be exactly what jsonb stores (no undefined, Dates as text).
  const payload = JSON.parse(JSON.stringify(input.payload ?? null)) as unknown;
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
}

/** Recomputes the whole chain page by page and names the first broken link. */
export async function verifyChain(db: Db, onProgress?: (checked: number) => void): Promise<VerifyResult> {
  const pageSize = 5000;
  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const page = await queries.eventsAfter(db, previous?.seq ?? 0, pageSize);
    if (page.length === 0) break;
    if (previous === null && page[0] && page[0].seq !== 1) {
      return {
        ok: false,
        events: checked,
        head: null,
        firstBreak: { seq: page[0].seq, problem: 'event-missing', message: `the chain starts at event ${page[0].seq}: event 1 was removed` },
      };
    }
    const broken = findChainBreak(page, previous);
    if (broken) return { ok: false, events: checked, head: previous, firstBreak: broken };
    const last = page[page.length - 1]!;
    previous = { seq: last.seq, hash: last.hash };
    checked += page.length;
    onProgress?.(checked);
  }
  return { ok: true, events: checked, head: previous, firstBreak: null };
}

const auditPolicy: Policy<null> = {
  'audit.read': (actor) => isAdmin(actor),
};

export async function listLatestEvents(ctx: ServiceContext, limit = 100) {
  requireAccess(ctx.actor, auditPolicy, 'audit.read', null);
  return queries.latestEvents(ctx.db, limit);
}
