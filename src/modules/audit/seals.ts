import { asc, gt, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/connection';
import { decisions, juryVotes, reviews } from '../../db/schema';
import { hashPayload } from '../../lib/audit-chain';

/**
 * Row seals: the chain proves its events were not changed, but a vote, decision or review also
 * lives as a row in its own table, where a direct UPDATE would leave the chain intact. So the
 * event that records such a change carries the SHA-256 of each row it wrote ("rowSeals" in its
 * payload, hashed into the chain with it), and verification compares every row of these tables
 * with the seal of its latest event.
 */

export interface RowSeal {
  table: string;
  id: string;
  /** SHA-256 of the row's canonical JSON; null when the event removed the row. */
  hash: string | null;
}

interface EventSubject {
  action: string;
  subjectType: string;
  subjectId: string;
  payload: unknown;
}

interface SealedTable {
  name: string;
  table: PgTable;
  id: PgColumn;
  /** Columns written after the event (pointers to the event itself), left out of the seal. */
  exclude: readonly string[];
  /** The rows of this table an event wrote. */
  rowsOf(event: EventSubject): string[];
}

function idsIn(payload: unknown, ...keys: string[]): string[] {
  if (!payload || typeof payload !== 'object') return [];
  const record = payload as Record<string, unknown>;
  const ids: string[] = [];
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string') ids.push(value);
    else if (Array.isArray(value)) ids.push(...value.filter((v): v is string => typeof v === 'string'));
  }
  return ids;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const sealedTables: readonly SealedTable[] = [
  {
    name: 'reviews',
    table: reviews,
    id: reviews.id,
    exclude: [],
    rowsOf: (e) => (e.subjectType === 'review' ? [e.subjectId] : idsIn(e.payload, 'reviewId', 'reviewIds')),
  },
  {
    name: 'jury_votes',
    table: juryVotes,
    id: juryVotes.id,
    exclude: [],
    // jury.vote records the vote row itself as its payload.
    rowsOf: (e) => (e.action === 'jury.vote' ? idsIn(e.payload, 'id') : idsIn(e.payload, 'voteId', 'voteIds')),
  },
  {
    name: 'decisions',
    table: decisions,
    id: decisions.id,
    // The decision learns its event's sequence number only after the event is written.
    exclude: ['auditSeq'],
    // jury.decide records the decision row itself as its payload.
    rowsOf: (e) => (e.action === 'jury.decide' ? idsIn(e.payload, 'id') : idsIn(e.payload, 'decisionId', 'decisionIds')),
  },
];

export function rowHash(row: Record<string, unknown>, exclude: readonly string[]): string {
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (!exclude.includes(key)) content[key] = value;
  // JSON round trip: Dates become ISO text, exactly as they will be compared later.
  return hashPayload(JSON.parse(JSON.stringify(content)));
}

/** Seals the rows an event wrote; call inside the change's transaction, after its writes. */
export async function sealsFor(tx: Db, event: EventSubject): Promise<RowSeal[]> {
  const seals: RowSeal[] = [];
  for (const sealed of sealedTables) {
    const ids = [...new Set(sealed.rowsOf(event).filter((id) => UUID.test(id)))];
    if (ids.length === 0) continue;
    const rows = (await tx.select().from(sealed.table).where(inArray(sealed.id, ids))) as Array<Record<string, unknown>>;
    const byId = new Map(rows.map((row) => [String(row.id), row]));
    for (const id of ids) {
      const row = byId.get(id);
      seals.push({ table: sealed.name, id, hash: row ? rowHash(row, sealed.exclude) : null });
    }
  }
  return seals;
}

/** Adds the seals to a payload without disturbing what the module recorded. */
export function withSeals(payload: unknown, seals: RowSeal[]): unknown {
  if (seals.length === 0) return payload;
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) return { ...(payload as Record<string, unknown>), rowSeals: seals };
  return { value: payload ?? null, rowSeals: seals };
}

export function sealsIn(payload: unknown): RowSeal[] {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return [];
  const seals = (payload as { rowSeals?: unknown }).rowSeals;
  return Array.isArray(seals) ? (seals as RowSeal[]) : [];
}

export interface RowProblem {
  table: string;
  rowId: string;
  /** The event whose seal the row fails; null when no event ever sealed the row. */
  seq: number | null;
  problem: 'row-changed' | 'row-removed' | 'row-unaudited';
  message: string;
}

/** The latest seal per row, gathered while the chain is read. */
export class SealIndex {
  private readonly latest = new Map<string, { seq: number; hash: string | null }>();

  add(seq: number, payload: unknown): void {
    for (const seal of sealsIn(payload)) this.latest.set(`${seal.table}\u0000${seal.id}`, { seq, hash: seal.hash });
  }

  get(table: string, id: string) {
    return this.latest.get(`${table}\u0000${id}`);
  }

  entries(table: string): Array<[string, { seq: number; hash: string | null }]> {
    const prefix = `${table}\u0000`;
    return [...this.latest].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]);
  }
}

/** Compares every row of the sealed tables with the seal of its latest event. */
export async function reconcileRows(db: Db, index: SealIndex, pageSize = 2000): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  for (const sealed of sealedTables) {
    const seen = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const query = db.select().from(sealed.table);
      const page = (await (after === null ? query : query.where(gt(sealed.id, after))).orderBy(asc(sealed.id)).limit(pageSize)) as Array<Record<string, unknown>>;
      if (page.length === 0) break;
      for (const row of page) {
        const id = String(row.id);
        seen.add(id);
        const seal = index.get(sealed.name, id);
        if (!seal) {
          problems.push({ table: sealed.name, rowId: id, seq: null, problem: 'row-unaudited', message: `${sealed.name} row ${id} has no audit event: it was written around the audited services` });
        } else if (seal.hash !== rowHash(row, sealed.exclude)) {
          problems.push({
            table: sealed.name,
            rowId: id,
            seq: seal.seq,
            problem: 'row-changed',
            message: `${sealed.name} row ${id} differs from what audit event ${seal.seq} recorded: it was changed directly`,
          });
        }
      }
      after = String(page[page.length - 1]!.id);
    }
    for (const [id, seal] of index.entries(sealed.name)) {
      if (seal.hash !== null && !seen.has(id)) {
        problems.push({ table: sealed.name, rowId: id, seq: seal.seq, problem: 'row-removed', message: `${sealed.name} row ${id}, recorded by audit event ${seal.seq}, was removed` });
      }
    }
  }
  return problems;
}
