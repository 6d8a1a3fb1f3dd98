import { describe, expect, it } from 'vitest';
import { findChainBreak, GENESIS_HASH, hashEvent, hashPayload, type ChainEvent } from './audit-chain';

function chain(n: number): ChainEvent[] {
  const events: ChainEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = { seq, occurredAt: new Date(Date.UTC(2026, 0, seq)), actorId: null, actorLabel: 'system:test', action: 'test.do', subjectType: 't', subjectId: String(seq) };
    const payload = { n: seq, nested: { b: 2, a: 1 } };
    const payloadHash = hashPayload(payload);
    const hash = hashEvent(fields, payloadHash, prevHash);
    events.push({ ...fields, payload, payloadHash, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('accepts an untouched chain, also verified in pages', () => {
    const events = chain(6);
    expect(findChainBreak(events, null)).toBeNull();
    expect(findChainBreak(events.slice(3), { seq: 3, hash: events[2]!.hash })).toBeNull();
  });

  it('hashes payloads independent of key order', () => {
    expect(hashPayload({ a: 1, b: [1, 2] })).toBe(hashPayload({ b: [1, 2], a: 1 }));
    expect(hashPayload({ a: 1 })).not.toBe(hashPayload({ a: 2 }));
  });

  it('names a changed payload, a changed field, a removed and a reordered event', () => {
    const changedPayload = chain(5);
    changedPayload[2] = { ...changedPayload[2]!, payload: { n: 99 } };
    expect(findChainBreak(changedPayload, null)).toMatchObject({ seq: 3, problem: 'payload-changed' });

    const changedField = chain(5);
    changedField[1] = { ...changedField[1]!, action: 'test.other' };
    expect(findChainBreak(changedField, null)).toMatchObject({ seq: 2, problem: 'event-changed' });

    const removed = chain(5);
    removed.splice(2, 1);
    expect(findChainBreak(removed, null)).toMatchObject({ seq: 4, problem: 'event-missing' });

    const reordered = chain(5);
    const [a, b] = [reordered[1]!, reordered[3]!];
    reordered[1] = { ...b, seq: 2 };
    reordered[3] = { ...a, seq: 4 };
    expect(findChainBreak(reordered, null)).toMatchObject({ seq: 2, problem: 'link-broken' });
  });
});
