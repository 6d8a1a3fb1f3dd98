import { describe, expect, it } from 'vitest';
import { fundingProblems, hasQuorum, headroom, outcomesAllowed, quorumNeeded, tally, type CastVote } from './jury.rules';

const votes = (yes: number, no: number, abstain: number, chair?: CastVote['choice']): CastVote[] => [
  ...Array.from({ length: yes }, () => ({ choice: 'yes' as const, byChair: false })),
  ...Array.from({ length: no }, () => ({ choice: 'no' as const, byChair: false })),
  ...Array.from({ length: abstain }, () => ({ choice: 'abstain' as const, byChair: false })),
  ...(chair ? [{ choice: chair, byChair: true }] : []),
];

describe('quorum', () => {
  it('needs two thirds of 11 members rounded up: 8', () => {
    expect(quorumNeeded(11, 6667)).toBe(8);
    expect(hasQuorum(7, 11, 6667)).toBe(false);
    expect(hasQuorum(8, 11, 6667)).toBe(true);
  });
  it('counts exact shares without a float slip and needs at least one member', () => {
    expect(quorumNeeded(9, 6667)).toBe(7);
    expect(quorumNeeded(10, 5000)).toBe(5);
    expect(quorumNeeded(3, 10_000)).toBe(3);
    expect(quorumNeeded(0, 6667)).toBe(1);
    expect(hasQuorum(0, 0, 6667)).toBe(false);
  });
});

describe('tally', () => {
  it('decides by the majority of votes cast; abstentions count for neither side', () => {
    expect(tally(votes(5, 3, 2))).toEqual({ yes: 5, no: 3, abstain: 2, majority: 'yes', tieBrokenByChair: false });
    expect(tally(votes(2, 3, 6))).toMatchObject({ majority: 'no', tieBrokenByChair: false });
    // One yes against six abstentions is still a majority of the votes cast.
    expect(tally(votes(1, 0, 6))).toMatchObject({ majority: 'yes' });
  });
  it('lets the chair break a tie, either way', () => {
    expect(tally(votes(4, 5, 0, 'yes'))).toEqual({ yes: 5, no: 5, abstain: 0, majority: 'yes', tieBrokenByChair: true });
    expect(tally(votes(5, 4, 1, 'no'))).toEqual({ yes: 5, no: 5, abstain: 1, majority: 'no', tieBrokenByChair: true });
  });
  it('gives no majority on a tie when the chair abstains or did not vote, nor when nobody voted yes or no', () => {
    expect(tally(votes(4, 4, 1, 'abstain'))).toEqual({ yes: 4, no: 4, abstain: 2, majority: null, tieBrokenByChair: false });
    expect(tally(votes(4, 4, 0))).toMatchObject({ majority: null });
    expect(tally(votes(0, 0, 3))).toMatchObject({ majority: null });
    expect(tally([])).toMatchObject({ yes: 0, no: 0, majority: null });
  });
  it('counts the chair like everyone else when there is no tie', () => {
    expect(tally(votes(3, 5, 0, 'yes'))).toMatchObject({ yes: 4, no: 5, majority: 'no', tieBrokenByChair: false });
  });
  it('maps a majority to the outcomes it allows', () => {
    expect(outcomesAllowed('yes')).toEqual(['selected', 'waitlisted']);
    expect(outcomesAllowed('no')).toEqual(['rejected']);
    expect(outcomesAllowed(null)).toEqual([]);
  });
});

describe('funding of a decision', () => {
  it('funds a selection above 0 and at most the requested amount', () => {
    expect(fundingProblems('selected', 1_000_00, 1_000_00)).toEqual([]);
    expect(fundingProblems('selected', 500_00, 1_000_00)).toEqual([]);
    expect(fundingProblems('selected', 0, 1_000_00).map((p) => p.path)).toEqual(['fundingCents']);
    expect(fundingProblems('selected', 1_000_01, 1_000_00)[0]!.message).toContain('100000 cents');
    expect(fundingProblems('selected', 10.5, 1_000_00)[0]!.message).toContain('whole number');
  });
  it('funds nothing when rejected or waitlisted', () => {
    expect(fundingProblems('rejected', 0, 1_000_00)).toEqual([]);
    expect(fundingProblems('waitlisted', 1, 1_000_00).map((p) => p.path)).toEqual(['fundingCents']);
  });
  it('computes what is left in the envelope and the budget', () => {
    expect(headroom({ envelopeCents: 100, roundSelectedCents: 30, budgetCents: 500, programmeSelectedCents: 450 })).toEqual({ envelopeLeftCents: 70, budgetLeftCents: 50 });
  });
});
