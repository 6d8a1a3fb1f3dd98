import type { Db } from '../../db/connection';
import * as q from './outbox.queries';
import type { Mailer } from './mailer';

export interface OutgoingMessage {
  /** What the message is about, e.g. "review.reminder". */
  kind: string;
  recipient: string;
  subject: string;
  /** Plain text. */
  body: string;
  /** A message with a key enqueued before is dropped, so a repeated scan never sends twice. */
  dedupeKey: string;
  /** Not before this time (default: at once). */
  sendAfter?: Date;
  /** The enqueueing clock (default: the database's). */
  createdAt?: Date;
}

/**
 * Puts a message into the outbox within the caller's transaction (pass the `tx` of applyChange),
 * so it is sent exactly when the change that caused it commits. Returns false for a duplicate key.
 */
export async function enqueue(tx: Db, message: OutgoingMessage): Promise<boolean> {
  const row = await q.insertUnlessDuplicate(tx, {
    kind: message.kind,
    recipient: message.recipient,
    subject: message.subject,
    body: message.body,
    dedupeKey: message.dedupeKey,
    ...(message.createdAt ? { createdAt: message.createdAt } : {}),
    ...(message.sendAfter || message.createdAt ? { sendAfter: message.sendAfter ?? message.createdAt } : {}),
  });
  return row !== undefined;
}

/** After this many failed attempts a message stays in the outbox, unsent, with its last error. */
export const MAX_ATTEMPTS = 8;
/** How long a worker holds a message it is sending before another may try. */
const LEASE_MS = 5 * 60_000;

/** Minutes until the next try: 1, 4, 9, 16 … after the 1st, 2nd, 3rd, 4th failure. */
export function retryDelayMs(attempts: number): number {
  return attempts * attempts * 60_000;
}

export interface SendReport {
  sent: number;
  failed: number;
}

/** Sends what is due, in batches, until nothing due is left; each message on its own. */
export async function sendDue(db: Db, mailer: Mailer, now: Date, batch = 50): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: 0 };
  for (;;) {
    const claimed = await q.claimDue(db, now, new Date(now.getTime() + LEASE_MS), MAX_ATTEMPTS, batch);
    for (const row of claimed) {
      try {
        await mailer.send({ to: row.recipient, subject: row.subject, text: row.body });
        await q.markSent(db, row.id, now);
        report.sent += 1;
      } catch (error) {
        await q.markFailed(db, row.id, error instanceof Error ? error.message : String(error), new Date(now.getTime() + retryDelayMs(row.attempts)));
        report.failed += 1;
      }
    }
    if (claimed.length < batch) return report;
  }
}

export const pendingCount = q.pendingCount;
