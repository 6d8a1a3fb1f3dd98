// Domain rules of the jury: quorum, tally, and what a decision may say. Pure: no I/O.

import type { DecisionOutcome, VoteChoice } from '../../db/schema/jury';

/** Two thirds, rounded up to the basis point, so that 8 of 11 (72.7 %) pass and 7 of 11 (63.6 %) do not. */
export const DEFAULT_QUORUM_BASIS_POINTS = 6667;

/** How many of `members` must be present: the share rounded up, and at least one. */
export function quorumNeeded(members: number, basisPoints: number): number {
  if (members <= 0) return 1;
  // Integer arithmetic: 11 × 6667 / 10000 = 7.3337 must become 8, never 7 by a float slip.
  return Math.max(1, Math.ceil((members * basisPoints) / 10_000));
}

export function hasQuorum(present: number, members: number, basisPoints: number): boolean {
  return members > 0 && present >= quorumNeeded(members, basisPoints);
}

export interface CastVote {
  choice: VoteChoice;
  /** True for the chair's vote: it decides a tie. */
  byChair: boolean;
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  /**
   * 'yes' or 'no' when the votes cast carry a majority; null when yes and no are tied and
   * the chair did not break the tie (the chair abstained, did not vote, or nobody voted).
   */
  majority: 'yes' | 'no' | null;
  /** True when yes and no were tied and the chair's vote decided. */
  tieBrokenByChair: boolean;
}

/**
 * The majority of votes cast: yes against no; abstentions count for neither side. On a tie
 * the chair's yes or no decides; a chair who abstains breaks no tie, so there is no majority
 * and the jury must deliberate and vote again.
 */
export function tally(votes: readonly CastVote[]): Tally {
  let yes = 0;
  let no = 0;
  let abstain = 0;
  for (const v of votes) {
    if (v.choice === 'yes') yes++;
    else if (v.choice === 'no') no++;
    else abstain++;
  }
  if (yes > no) return { yes, no, abstain, majority: 'yes', tieBrokenByChair: false };
  if (no > yes) return { yes, no, abstain, majority: 'no', tieBrokenByChair: false };
  const chair = votes.find((v) => v.byChair);
  if (chair && chair.choice !== 'abstain') return { yes, no, abstain, majority: chair.choice, tieBrokenByChair: true };
  return { yes, no, abstain, majority: null, tieBrokenByChair: false };
}

/**
 * Which outcomes a majority allows: a yes majority selects, or puts the application on the
 * waiting list when the money does not reach; a no majority rejects.
 */
export function outcomesAllowed(majority: Tally['majority']): readonly DecisionOutcome[] {
  if (majority === 'yes') return ['selected', 'waitlisted'];
  if (majority === 'no') return ['rejected'];
  return [];
}

export interface Problem {
  path: string;
  message: string;
}

/** A selection funds more than nothing and at most what was requested; other outcomes fund nothing. */
export function fundingProblems(outcome: DecisionOutcome, fundingCents: number, requestedCents: number): Problem[] {
  if (!Number.isSafeInteger(fundingCents)) return [{ path: 'fundingCents', message: 'The amount must be a whole number of cents.' }];
  if (outcome === 'selected') {
    if (fundingCents <= 0) return [{ path: 'fundingCents', message: 'A selected application needs an amount above 0.' }];
    if (fundingCents > requestedCents) {
      return [{ path: 'fundingCents', message: `The amount may not exceed the ${requestedCents} cents requested.` }];
    }
    return [];
  }
  return fundingCents === 0 ? [] : [{ path: 'fundingCents', message: `An application ${outcome} receives no funding; give 0.` }];
}

export interface Headroom {
  /** What the round may still select: envelope minus what it selected already. */
  envelopeLeftCents: number;
  /** What the programme may still select: budget minus what all its rounds selected. */
  budgetLeftCents: number;
}

/** The money still free, given the envelope, the budget and what was selected so far. */
export function headroom(input: { envelopeCents: number; roundSelectedCents: number; budgetCents: number; programmeSelectedCents: number }): Headroom {
  return {
    envelopeLeftCents: input.envelopeCents - input.roundSelectedCents,
    budgetLeftCents: input.budgetCents - input.programmeSelectedCents,
  };
}
