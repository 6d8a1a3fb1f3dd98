import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
}

export interface ChainEvent extends ChainFields {
  payload: unknown;
  payloadHash: string;
  prevHash: string;
  hash: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** RFC 8785 canonical JSON, so the hash survives jsonb reordering keys. */
export function hashPayload(payload: unknown): string {
  return sha256(canonicalize(payload ?? null) ?? 'null');
}

export function hashEvent(fields: ChainFields, payloadHash: string, prevHash: string): string {
  return sha256(
    canonicalize({
      seq: fields.seq,
      occurredAt: fields.occurredAt.toISOString(),
      actorId: fields.actorId,
      actorLabel: fields.actorLabel,
      action: fields.action,
      subjectType: fields.subjectType,
      subjectId: fields.subjectId,
      payloadHash,
      prevHash,
    }) as string,
  );
}

export interface ChainBreak {
  seq: number;
  problem: 'payload-changed' | 'event-changed' | 'event-missing' | 'link-broken';
  message: string;
}

/**
 * Checks one stretch of the chain. `previous` is the last verified event before the stretch
 * (null at the start), so a long chain can be verified in pages without holding it in memory.
 */
export function findChainBreak(events: readonly ChainEvent[], previous: { seq: number; hash: string } | null): ChainBreak | null {
  let prevSeq = previous?.seq ?? 0;
  let prevHash = previous?.hash ?? GENESIS_HASH;
  for (const event of events) {
    if (event.seq !== prevSeq + 1) {
      return {
        seq: event.seq,
        problem: 'event-missing',
        message: `event ${event.seq} follows event ${prevSeq}: ${event.seq > prevSeq + 1 ? `event ${prevSeq + 1} was removed` : 'events were reordered'}`,
      };
    }
    if (hashPayload(event.payload) !== event.payloadHash) {
      return { seq: event.seq, problem: 'payload-changed', message: `event ${event.seq} (${event.action}): its payload was changed` };
    }
    if (event.prevHash !== prevHash) {
      return {
        seq: event.seq,
        problem: 'link-broken',
        message: `event ${event.seq} (${event.action}): does not link to event ${prevSeq}; events were removed, inserted or reordered`,
      };
    }
    if (hashEvent(event, event.payloadHash, event.prevHash) !== event.hash) {
      return { seq: event.seq, problem: 'event-changed', message: `event ${event.seq} (${event.action}): its fields were changed` };
    }
    prevSeq = event.seq;
    prevHash = event.hash;
  }
  return null;
}
