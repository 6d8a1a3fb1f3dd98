import { systemActor } from '../../lib/access';
import type { Db } from '../../db/connection';
import type { ServiceContext } from '../context';
import { enqueue } from '../notifications';
import * as programmes from '../programmes/programmes.service';
import * as q from './review.queries';
import { applicationFacts, conflictsOf, personFacts } from './reviewers.service';
import { dueReminderDay, reminderKey, reminderText } from './reminders.rules';

/**
 * The reminder scan (a background job; safe to run any time, as often as wanted): for every
 * round in review whose deadline is ahead and whose reminder day is reached, one reminder per
 * reviewer with reviews not yet submitted. The outbox's dedupe key makes a second scan a no-op.
 * Returns how many reminders it enqueued.
 */
export async function scanReviewReminders(db: Db, now: Date): Promise<number> {
  const ctx: ServiceContext = { db, actor: systemActor('review.reminders'), now: () => now };
  let enqueued = 0;
  for (const settings of await q.settingsWithDeadlineAfter(db, now)) {
    const days = dueReminderDay(settings.reviewDeadline!, settings.reminderDays, now);
    if (days === null) continue;
    const round = await programmes.getRound(ctx, settings.roundId);
    if (round.status !== 'review') continue;
    const open = await q.openReviewsOfRound(db, round.id);
    const facts = new Map((await applicationFacts(ctx, [...new Set(open.map((o) => o.applicationId))])).map((a) => [a.id, a]));
    const byReviewer = new Map<string, typeof open>();
    for (const o of open) byReviewer.set(o.reviewerId, [...(byReviewer.get(o.reviewerId) ?? []), o]);
    for (const [reviewerId, rows] of byReviewer) {
      // An assignment the reviewer conflicts with is hidden from them; it is the office's to move, not theirs to do.
      const person = await personFacts(ctx, reviewerId);
      const visible = rows.filter((r) => conflictsOf(person, facts.get(r.applicationId)!).length === 0);
      if (visible.length === 0) continue;
      const text = reminderText({
        displayName: rows[0]!.displayName,
        roundName: round.name,
        deadline: settings.reviewDeadline!,
        open: visible.map((r) => ({ reference: facts.get(r.applicationId)!.reference, title: facts.get(r.applicationId)!.content.title })),
      });
      const added = await enqueue(db, {
        kind: 'review.reminder',
        recipient: rows[0]!.email,
        subject: text.subject,
        body: text.body,
        dedupeKey: reminderKey(round.id, reviewerId, days),
        createdAt: now,
      });
      if (added) enqueued += 1;
    }
  }
  return enqueued;
}
