import { AppError } from '../../lib/errors';
import { requireAccess } from '../../lib/access';
import { isUniqueViolation } from '../../db/errors';
import { applyChange, type ServiceContext } from '../context';
import * as q from './review.queries';
import { roundReviewPolicy } from './review.policy';
import { loadRound, scopeOf } from './reviewers.service';
import type { ReviewSettings, ReviewSettingsInput } from './review.schemas';

/** Points of weighted score two reviews may lie apart before a third review is needed, unless the round says otherwise. */
export const DEFAULT_DISAGREEMENT_THRESHOLD = 20;
export const DEFAULT_REMINDER_DAYS = [7, 1];

function present(roundId: string, row: q.ReviewSettingsRow | undefined): ReviewSettings {
  return {
    roundId,
    reviewDeadline: row?.reviewDeadline?.toISOString() ?? null,
    reminderDays: row?.reminderDays ?? DEFAULT_REMINDER_DAYS,
    disagreementThreshold: row?.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function getReviewSettings(ctx: ServiceContext, roundId: string): Promise<ReviewSettings> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.settings.read', scopeOf(round));
  return present(round.id, await q.findSettings(ctx.db, round.id));
}

/** The round's disagreement threshold, for callers that checked the caller's rights already. */
export async function disagreementThresholdOf(ctx: ServiceContext, roundId: string): Promise<number> {
  return (await q.findSettings(ctx.db, roundId))?.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD;
}

/**
 * The office sets the review deadline, the reminder days and the disagreement threshold. Version
 * 0 saves the first time; afterwards the version must match (two officers, two tabs).
 */
export async function saveReviewSettings(ctx: ServiceContext, roundId: string, input: ReviewSettingsInput): Promise<ReviewSettings> {
  const round = await loadRound(ctx, roundId);
  requireAccess(ctx.actor, roundReviewPolicy, 'review.settings.edit', scopeOf(round));
  const values = {
    reviewDeadline: input.reviewDeadline ? new Date(input.reviewDeadline) : null,
    reminderDays: [...input.reminderDays].sort((a, b) => b - a),
    disagreementThreshold: input.disagreementThreshold,
    updatedAt: ctx.now(),
  };
  const stale = (current: number) =>
    new AppError('STALE_VERSION', 'The review settings were changed elsewhere in the meantime. Reload to see them.', { details: { currentVersion: current } });
  try {
    const row = await applyChange(ctx, async (tx) => {
      const existing = await q.findSettings(tx, round.id);
      let saved: q.ReviewSettingsRow | undefined;
      if (!existing) {
        if (input.version !== 0) throw stale(0);
        saved = await q.insertSettings(tx, { roundId: round.id, ...values, version: 1 });
      } else {
        saved = await q.updateSettings(tx, round.id, input.version, { ...values, version: input.version + 1 });
        if (!saved) throw stale(existing.version);
      }
      return {
        result: saved,
        event: {
          action: 'review.settings',
          subjectType: 'round',
          subjectId: round.id,
          payload: { reviewDeadline: input.reviewDeadline, reminderDays: values.reminderDays, disagreementThreshold: values.disagreementThreshold, version: saved.version },
        },
      };
    });
    return present(round.id, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw stale(1);
    throw error;
  }
}
