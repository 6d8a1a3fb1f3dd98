import type { Db } from '../db/connection';
import type { Actor } from '../lib/access';
import { recordEvent } from './audit/audit.service';

/** What every use case gets: the database, who is acting, and the server's clock. */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  now: () => Date;
}

export interface ChangeEvent {
  action: string;
  subjectType: string;
  subjectId: string;
  payload: unknown;
}

/**
 * Runs a change as one transaction that also writes its audit event, so a change and its
 * record commit together or not at all.
 */
export async function applyChange<T>(
  ctx: ServiceContext,
  // A null event means the work found nothing to change, so there is nothing to record.
  work: (tx: Db) => Promise<{ result: T; event: ChangeEvent | null }>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const { result, event } = await work(tx as unknown as Db);
    if (event) await recordEvent(tx as unknown as Db, { actor: ctx.actor, at: ctx.now(), ...event });
    return result;
  });
}
