import { describe, expect, it } from 'vitest';
import { demoApplicants2020 } from './demo-applications.data';
import { demoRegions } from './demo-regions.data';
import { demoReviewerProfile, demoReviewers, disputedApplications, meritOf, reviewTimeOf, REVIEW_TIMELINE, scoresFor } from './demo-reviews.data';

const criteria = Array.from({ length: 12 }, (_, i) => ({ id: `c${i}`, scaleMin: 0, scaleMax: 5 }));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('demo reviewers', () => {
  it('are forty distinct experts living in regions of the demo register, across ten or more Länder', () => {
    expect(demoReviewers).toHaveLength(40);
    expect(new Set(demoReviewers.map((r) => r.email)).size).toBe(40);
    const ags = new Set(demoRegions.map((r) => r.ags));
    for (const r of [...demoReviewers, demoReviewerProfile]) {
      expect(ags.has(r.home), r.home).toBe(true);
      expect(r.keywords.length).toBeGreaterThanOrEqual(2);
      expect(r.expertise.length).toBeGreaterThan(40);
      expect(r.minLoad).toBeLessThanOrEqual(r.maxLoad);
    }
    expect(new Set(demoReviewers.map((r) => r.home.slice(0, 2))).size).toBeGreaterThanOrEqual(10);
    // Enough capacity for two reviews of each of the 83 eligible applications, and not too much minimum.
    const all = [...demoReviewers, demoReviewerProfile];
    expect(all.reduce((s, r) => s + r.maxLoad, 0)).toBeGreaterThanOrEqual(166);
    expect(all.reduce((s, r) => s + r.minLoad, 0)).toBeLessThanOrEqual(166);
    expect(demoReviewers.filter((r) => r.leniency !== 0).map((r) => Math.sign(r.leniency)).sort()).toEqual([-1, 1]);
  });

  it('name disputed applications that exist and were found eligible', () => {
    for (const name of disputedApplications) {
      const a = demoApplicants2020.find((d) => d.displayName === name);
      expect(a, name).toBeDefined();
      expect(a!.ineligibleReason).toBeUndefined();
    }
  });
});

describe('demo scores', () => {
  it('are deterministic whole numbers on the scale', () => {
    const input = { application: 'Bamberg', funded: true, reviewerEmail: 'a@gutachten.example', leniency: 0, position: 0, criteria };
    const first = scoresFor(input);
    expect(scoresFor(input)).toEqual(first);
    for (const value of Object.values(first.scores)) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(5);
    }
    expect(first.assessment.length).toBeGreaterThan(40);
  });

  it('rate the funded higher on average, with overlap', () => {
    const merit = (funded: boolean) => demoApplicants2020.filter((a) => a.funded === funded).map((a) => meritOf(a.displayName, funded));
    const [yes, no] = [merit(true), merit(false)];
    expect(mean(yes) - mean(no)).toBeGreaterThan(0.15);
    expect(Math.min(...yes)).toBeLessThan(Math.max(...no));
  });

  it('set the second review of a disputed application far apart, and a lenient reviewer higher', () => {
    const score = (s: Record<string, number>) => mean(Object.values(s)) * 20;
    const base = { application: disputedApplications[0]!, funded: true, reviewerEmail: 'a@gutachten.example', leniency: 0, criteria };
    expect(Math.abs(score(scoresFor({ ...base, position: 0 }).scores) - score(scoresFor({ ...base, position: 1 }).scores))).toBeGreaterThan(20);
    const lenient = demoApplicants2020.map((a) => score(scoresFor({ ...base, application: a.displayName, funded: a.funded, position: 0, leniency: 12 }).scores));
    const plain = demoApplicants2020.map((a) => score(scoresFor({ ...base, application: a.displayName, funded: a.funded, position: 0 }).scores));
    expect(mean(lenient) - mean(plain)).toBeGreaterThan(8);
  });

  it('are written within the review weeks, submitted after saving', () => {
    for (const a of demoApplicants2020.slice(0, 20)) {
      const { savedAt, submittedAt } = reviewTimeOf('a@gutachten.example', a.displayName);
      expect(savedAt.getTime()).toBeGreaterThanOrEqual(REVIEW_TIMELINE.reviewsFrom.getTime());
      expect(submittedAt.getTime()).toBeGreaterThan(savedAt.getTime());
      expect(submittedAt.getTime()).toBeLessThan(REVIEW_TIMELINE.deadline.getTime());
    }
  });
});
