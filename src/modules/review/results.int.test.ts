import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/connection';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { resetRoundReview, runToEnd } from '../../../test/support/review';
import { weightedScore, type Criterion } from './review.rules';

interface Pair {
  id: string;
  applicationId: string;
  reviewerId: string;
}

interface Result {
  applicationId: string;
  organisation: string;
  title: string;
  requestedCents: number;
  reviews: Array<{ reviewerId: string; weightedScore: number; recommendation: string | null }>;
  rawMean: number;
  calibrated: number;
  rank: number;
  disagreement: number | null;
  needsThirdReview: boolean;
}

/** Three reviewers without profiles (so without conflicts); the first one scores leniently. */
const pool = [
  { email: 'mild@gutachten.example', name: 'Mila Milde' },
  { email: 'x@gutachten.example', name: 'Xaver Streng' },
  { email: 'y@gutachten.example', name: 'Yvonne Streng' },
];

describe.each(testDatabaseKinds())('review results on %s', (kind) => {
  let t: TestApp;
  let roundId: string;
  let manager: TestClient;
  let criteria: Criterion[];
  const reviewers: Array<{ id: string; client: TestClient }> = [];
  /** Application id → reviewer id → scores submitted. */
  const submitted = new Map<string, Map<string, Record<string, number>>>();
  const chosen: Record<'p' | 'q' | 'r' | 'r2' | 's' | 'u', string> = { p: '', q: '', r: '', r2: '', s: '', u: '' };

  const put = (client: TestClient, url: string, payload: unknown) => client.request({ method: 'PUT', url, payload: payload as never });
  /** Every criterion at `level`; `lenient` adds one point on the first six (52 % of the weight: +10.4 points). */
  const scores = (level: number, lenient = false) => Object.fromEntries(criteria.map((c, i) => [c.id, Math.min(c.scaleMax, level + (lenient && i < 6 ? 1 : 0))]));
  const review = async (pair: Pair, values: Record<string, number>, submit = true) => {
    const client = reviewers.find((r) => r.id === pair.reviewerId)!.client;
    const saved = await put(client, `/api/reviews/assignments/${pair.id}/review`, { version: 0, scores: values, assessment: 'Begründung.', recommendation: 'fund' });
    expect(saved.statusCode, saved.body).toBe(200);
    if (!submit) return;
    const done = await client.post(`/api/reviews/assignments/${pair.id}/review/submit`, { version: 1 });
    expect(done.statusCode, done.body).toBe(200);
    const byReviewer = submitted.get(pair.applicationId) ?? new Map<string, Record<string, number>>();
    byReviewer.set(pair.reviewerId, values);
    submitted.set(pair.applicationId, byReviewer);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    // The test client drops cookies whose expiry lies before the real time; the app's fixed
    // clock would make sessions expire at once once the real date passed it.
    t.clock.now = new Date();
    manager = await t.as('programm@stadtnetz.example');
    const admin = await t.as('admin@stadtnetz.example');
    const rounds = (await manager.get('/api/programmes/mps/rounds')).json();
    roundId = rounds.find((r: { slug: string }) => r.slug === '2020').id;
    await resetRoundReview(t.database, roundId);
    for (const r of pool) {
      const created = await admin.post('/api/users', { email: r.email, displayName: r.name, password: 'sicheres-passwort' });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      // 3 × 58 ≥ 86 × 2: every reviewer gets about a third, so every pair of reviewers shares applications.
      const invited = await manager.post(`/api/rounds/${roundId}/reviewers`, { userId: id, minLoad: 0, maxLoad: 58 });
      expect(invited.statusCode, invited.body).toBe(201);
      reviewers.push({ id, client: await t.as(r.email, 'sicheres-passwort') });
    }
    expect((await runToEnd(manager, roundId)).status).toBe('optimal');
    const pairs: Pair[] = (await manager.get(`/api/rounds/${roundId}/assignments`)).json();
    const [mild, x, y] = reviewers.map((r) => r.id);
    const byApplication = new Map<string, Pair[]>();
    for (const p of pairs) byApplication.set(p.applicationId, [...(byApplication.get(p.applicationId) ?? []), p]);
    const withPair = (a: string, b: string) =>
      [...byApplication.entries()].filter(([, two]) => two.length === 2 && two.some((p) => p.reviewerId === a) && two.some((p) => p.reviewerId === b)).map(([id, two]) => ({ id, two }));
    const of = (two: Pair[], reviewerId: string) => two.find((p) => p.reviewerId === reviewerId)!;
    const [p, s] = withPair(mild!, x!);
    const [q] = withPair(mild!, y!);
    const [r, r2, u] = withPair(x!, y!);
    for (const [key, found] of Object.entries({ p, q, r, r2, s, u })) {
      expect(found, key).toBeDefined();
      chosen[key as keyof typeof chosen] = found!.id;
    }

    const view = (await reviewers[0]!.client.get(`/api/reviews/assignments/${of(p!.two, mild!).id}`)).json();
    criteria = view.criteria;
    expect(criteria).toHaveLength(12);

    // The lenient reviewer gives 10.4 points more than their co-reviewer every time.
    await review(of(p!.two, mild!), scores(3, true));
    await review(of(p!.two, x!), scores(3));
    await review(of(s!.two, mild!), scores(1, true));
    await review(of(s!.two, x!), scores(1));
    await review(of(q!.two, mild!), scores(2, true));
    await review(of(q!.two, y!), scores(2));
    // X and Y disagree by 80 points on r and on r2, once each way: neither is lenient overall.
    await review(of(r!.two, x!), scores(5));
    await review(of(r!.two, y!), scores(1));
    await review(of(r2!.two, x!), scores(1));
    await review(of(r2!.two, y!), scores(5));
    // u has one submitted review and one draft.
    await review(of(u!.two, x!), scores(4));
    await review(of(u!.two, y!), scores(0), false);
  }, 300_000);
  afterAll(async () => t?.close());

  const results = async (client: TestClient, query = '?threshold=20') => {
    const response = await client.get(`/api/rounds/${roundId}/review-results${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { applications: Result[]; reviewers: Array<{ reviewerId: string; displayName: string; bias: number; count: number }> };
  };

  it('lists the applications with submitted reviews and their weighted scores', async () => {
    const body = await results(manager);
    expect(body.applications.map((a) => a.applicationId).sort()).toEqual([...submitted.keys()].sort());
    for (const a of body.applications) {
      const expected = submitted.get(a.applicationId)!;
      expect(a.reviews.map((r) => r.reviewerId).sort()).toEqual([...expected.keys()].sort());
      for (const r of a.reviews) {
        expect(r.weightedScore).toBeCloseTo(weightedScore(criteria, expected.get(r.reviewerId)!), 9);
        expect(r.recommendation).toBe('fund');
      }
      expect(a.rawMean).toBeCloseTo(a.reviews.reduce((sum, r) => sum + r.weightedScore, 0) / a.reviews.length, 6);
      expect(a.calibrated).toEqual(expect.any(Number));
      expect(a.title).toEqual(expect.any(String));
      expect(a.organisation).toEqual(expect.any(String));
      expect(a.requestedCents).toBeGreaterThan(0);
    }
    const u = body.applications.find((a) => a.applicationId === chosen.u)!;
    expect(u.reviews).toHaveLength(1);
    expect(u.disagreement).toBeNull();
  });

  it('flags the application whose two reviews differ by more than the threshold', async () => {
    const body = await results(manager);
    const flagged = body.applications.filter((a) => a.needsThirdReview).map((a) => a.applicationId);
    expect(flagged.sort()).toEqual([chosen.r, chosen.r2].sort());
    const r = body.applications.find((a) => a.applicationId === chosen.r)!;
    expect(r.disagreement).toBeCloseTo(80, 9);
    const p = body.applications.find((a) => a.applicationId === chosen.p)!;
    expect(p.disagreement).toBeCloseTo(10.4, 9);
    // A looser threshold flags nothing; a stricter one flags the lenient reviewer's applications too.
    expect((await results(manager, '?threshold=90')).applications.some((a) => a.needsThirdReview)).toBe(false);
    expect((await results(manager, '?threshold=10')).applications.filter((a) => a.needsThirdReview)).toHaveLength(5);
    const bad = await manager.get(`/api/rounds/${roundId}/review-results?threshold=-1`);
    expect(bad.statusCode).toBe(400);
  });

  it('calibrates for the lenient reviewer and ranks by the calibrated score', async () => {
    const body = await results(manager);
    expect(body.applications.map((a) => a.rank)).toEqual(body.applications.map((_, i) => i + 1));
    const calibrated = body.applications.map((a) => a.calibrated);
    expect(calibrated).toEqual([...calibrated].sort((a, b) => b - a));
    const [mild, x, y] = reviewers.map((r) => r.id);
    const bias = new Map(body.reviewers.map((r) => [r.reviewerId, r]));
    expect(bias.get(mild!)).toMatchObject({ displayName: 'Mila Milde', count: 3 });
    expect(bias.get(x!)).toMatchObject({ count: 5 });
    expect(bias.get(y!)).toMatchObject({ count: 3 });
    expect(bias.get(mild!)!.bias).toBeGreaterThan(0);
    expect(bias.get(mild!)!.bias).toBeGreaterThan(bias.get(x!)!.bias);
    expect(bias.get(mild!)!.bias).toBeGreaterThan(bias.get(y!)!.bias);
    for (const key of ['p', 's', 'q'] as const) {
      const a = body.applications.find((b) => b.applicationId === chosen[key])!;
      expect(a.calibrated, key).toBeLessThan(a.rawMean);
    }
  });

  it('answers the office, and refuses the jury (its room filters recusals), applicants, reviewers and anonymous callers', async () => {
    const url = `/api/rounds/${roundId}/review-results`;
    expect((await (await t.client()).get(url)).statusCode).toBe(401);
    const applicant = await (await t.as('kommune@stadtnetz.example')).get(url);
    expect(applicant.statusCode).toBe(403);
    expect(applicant.headers['content-type']).toContain('application/problem+json');
    expect((await reviewers[1]!.client.get(url)).statusCode).toBe(403);
    const officer = await results(await t.as('referat@stadtnetz.example'));
    expect(officer.applications).toHaveLength(6);
    expect((await (await t.as('jury@stadtnetz.example')).get(url)).statusCode).toBe(403);
    expect((await manager.get('/api/rounds/00000000-0000-4000-8000-000000000000/review-results')).statusCode).toBe(404);
  });
});
