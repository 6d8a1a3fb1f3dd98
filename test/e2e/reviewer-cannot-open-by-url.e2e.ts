import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, login, readableText, startHarness, type Harness } from './harness';
import { ApiSession, runAssignment, setUpReviewScenario, submitReviewAs, type AssignmentRow, type ReviewScenario } from './reviewer-scenario';

let h: Harness;
let scenario: ReviewScenario;
/** Another reviewer's assignment, of an application Rita is not assigned to. */
let notMine: AssignmentRow;
/** Rita's assignment of an application she then declares a conflict with. */
let conflicted: AssignmentRow;
/** Rita's assignment whose other review is submitted while hers is not. */
let open: AssignmentRow;
const OTHER_ASSESSMENT = 'Überzeugendes Konzept mit klarer Beteiligung; die Verstetigung ist noch offen.';

beforeAll(async () => {
  h = await startHarness();
  scenario = await setUpReviewScenario(h);
  const assignments = await runAssignment(h, scenario.roundId);
  const [rita] = scenario.reviewers;
  const ritas = assignments.filter((a) => a.reviewerId === rita.id);
  expect(ritas).toHaveLength(2);
  [conflicted, open] = [ritas[0]!, ritas[1]!];
  notMine = assignments.find((a) => !ritas.some((r) => r.applicationId === a.applicationId))!;
  expect(notMine).toBeDefined();
  const other = assignments.find((a) => a.applicationId === open.applicationId && a.reviewerId !== rita.id)!;
  await submitReviewAs(h, scenario.reviewers.find((r) => r.id === other.reviewerId)!, other.id, 2);
  const ctx = await h.browser.newContext({ baseURL: h.baseUrl });
  try {
    const session = await ApiSession.login(ctx.request, rita.email, rita.password);
    await session.send('POST', `/rounds/${scenario.roundId}/conflicts`, { applicationId: conflicted.applicationId, reason: 'Mein Bruder leitet dort das Projekt.' });
  } finally {
    await ctx.close();
  }
  // The set-up makes many requests; on a busy machine it needs more than the default hook time.
}, 600_000);
afterAll(async () => {
  await h?.close();
});

const titleOf = (applicationId: string) => scenario.applications.find((a) => a.id === applicationId)!.title;

describe('a reviewer typing addresses', () => {
  it('gets no application that is not hers or that she conflicts with, and no other review before submitting her own', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'gutachterin@stadtnetz.example');
      const main = page.getByRole('main');

      // Her own open assignment opens: the addresses below are real ones.
      await page.goto(`/review/assignments/${open.id}`);
      await expectHeading(page, titleOf(open.applicationId));

      // Someone else's assignment, and the application itself: not found, nothing of its content.
      await page.goto(`/review/assignments/${notMine.id}`);
      await expectHeading(page, 'Seite nicht gefunden');
      expect(await readableText(main)).not.toContain(titleOf(notMine.applicationId));
      expect((await page.request.get(`/api/reviews/assignments/${notMine.id}`)).status()).toBe(404);
      await expectAccessible(page, 'assignment of another reviewer');
      await page.goto(`/applications/${notMine.applicationId}`);
      await expectHeading(page, 'Seite nicht gefunden');
      expect(await readableText(main)).not.toContain(titleOf(notMine.applicationId));
      expect((await page.request.get(`/api/applications/${notMine.applicationId}`)).status()).toBe(404);

      // Her own assignment of an application she declared a conflict with: gone as well.
      await page.goto(`/review/assignments/${conflicted.id}`);
      await expectHeading(page, 'Seite nicht gefunden');
      expect(await readableText(main)).not.toContain(titleOf(conflicted.applicationId));
      expect((await page.request.get(`/api/reviews/assignments/${conflicted.id}`)).status()).toBe(404);
      expect((await page.request.get(`/api/reviews/assignments/${conflicted.id}/review`)).status()).toBe(404);
      await expectAccessible(page, 'conflicted assignment');
      await page.goto('/review/assignments');
      await expectHeading(page, 'Meine Begutachtungen');
      expect(await readableText(main)).toContain(titleOf(open.applicationId));
      expect(await readableText(main)).not.toContain(titleOf(conflicted.applicationId));

      // The other review of her open assignment: forbidden until she has submitted.
      await page.goto(`/review/assignments/${open.id}/other-reviews`);
      await expectHeading(page, 'Kein Zugriff');
      expect(await readableText(main)).not.toContain(OTHER_ASSESSMENT);
      expect((await page.request.get(`/api/reviews/assignments/${open.id}/other-review`)).status()).toBe(403);
      await expectAccessible(page, 'other review before submitting');
      // Nor does her assignment page show it.
      await page.goto(`/review/assignments/${open.id}`);
      await expectHeading(page, titleOf(open.applicationId));
      expect(await readableText(main)).not.toContain(OTHER_ASSESSMENT);
    } finally {
      await context.close();
    }
  }, 600_000);
});
