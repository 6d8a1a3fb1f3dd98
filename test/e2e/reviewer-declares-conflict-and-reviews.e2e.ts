import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectHeading, login, readableText, screenshot, settled, startHarness, type Harness } from './harness';
import { runAssignment, setUpReviewScenario, submitReviewAs, type ReviewScenario, type ScenarioApplication } from './reviewer-scenario';

let h: Harness;
let scenario: ReviewScenario;
let toDeclare: ScenarioApplication;
let toReview: ScenarioApplication;
const OTHER_ASSESSMENT = 'Überzeugendes Konzept mit klarer Beteiligung; die Verstetigung ist noch offen.';

beforeAll(async () => {
  h = await startHarness();
  scenario = await setUpReviewScenario(h);
  const assignments = await runAssignment(h, scenario.roundId);
  const [rita] = scenario.reviewers;
  const ritas = assignments.filter((a) => a.reviewerId === rita.id);
  expect(ritas).toHaveLength(2);
  toDeclare = scenario.applications.find((a) => a.id === ritas[0]!.applicationId)!;
  toReview = scenario.applications.find((a) => a.id === ritas[1]!.applicationId)!;
  // The other reviewer of the application Rita reviews has submitted already.
  const other = assignments.find((a) => a.applicationId === toReview.id && a.reviewerId !== rita.id)!;
  await submitReviewAs(h, scenario.reviewers.find((r) => r.id === other.reviewerId)!, other.id, 4);
  // The set-up makes many requests; on a busy machine it needs more than the default hook time.
}, 600_000);
afterAll(async () => {
  await h?.close();
});

const saveStatus = (page: Page) => page.locator('#save-status');

async function waitForSaved(page: Page): Promise<void> {
  await expect.poll(() => saveStatus(page).textContent(), { timeout: 15_000 }).toMatch(/^Gespeichert um \d{2}:\d{2} Uhr · Version \d+$/);
}

describe('a reviewer', () => {
  it('declares a conflict with one application, reviews another with autosave, submits once and then reads the other review', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'gutachterin@stadtnetz.example');
      await expectHeading(page, 'Begutachtung');
      await settled(page);
      // The demo may give her reviews in round 2020 too; the two of the practice call are open.
      await expect.poll(() => readableText(page.getByRole('main'))).toMatch(/\d+ Anträge zugewiesen, davon \d+ offen/);
      for (const app of [toDeclare, toReview]) expect(await page.getByRole('main').getByRole('link', { name: app.title }).count()).toBe(1);
      await expectAccessible(page, 'reviewer start page');

      await page.getByRole('link', { name: 'Meine Begutachtungen' }).click();
      await expectHeading(page, 'Meine Begutachtungen');
      const main = page.getByRole('main');
      await expect.poll(() => main.getByRole('link', { name: toDeclare.title }).count()).toBe(1);
      expect(await main.getByRole('link', { name: toReview.title }).count()).toBe(1);
      await expectAccessible(page, 'my assignments');
      await screenshot(page, 'review-mine');

      // The conflict: a reason is needed, then the application leaves the list.
      const declareRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: toDeclare.title }) });
      await declareRow.getByRole('button', { name: /^Befangenheit anzeigen/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Befangenheit anzeigen' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Befangenheit anzeigen', exact: true }).click();
      await expect.poll(() => readableText(dialog.getByRole('alert'))).toContain('Bitte begründen Sie die Befangenheit');
      await expectAccessible(page, 'conflict dialog with error');
      await dialog.getByLabel(/^Begründung/).fill('Ich habe die Projektskizze dieser Gemeinde mitgeschrieben.');
      await dialog.getByRole('button', { name: 'Befangenheit anzeigen', exact: true }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Die Befangenheit ist angezeigt.' }).count()).toBe(1);
      await expect.poll(() => main.getByRole('link', { name: toDeclare.title }).count()).toBe(0);
      expect(await main.getByRole('link', { name: toReview.title }).count()).toBe(1);
      await expectAccessible(page, 'my assignments after the conflict');

      // The application to review, and the form built from the round's criteria.
      await main.getByRole('link', { name: toReview.title }).click();
      await page.waitForURL(/\/review\/assignments\/[0-9a-f-]{36}$/);
      await expectHeading(page, toReview.title);
      expect(await readableText(main)).toContain(toReview.organisation);
      await expectAccessible(page, 'assignment with the empty review form');

      // Submitting too early names what is missing, each linked to its field.
      await page.getByRole('button', { name: 'Gutachten einreichen' }).click();
      const missing = page.getByRole('alert').filter({ hasText: 'Das Gutachten ist noch nicht vollständig' });
      await expect.poll(() => missing.count()).toBe(1);
      expect(await readableText(missing)).toContain('Die Empfehlung fehlt.');
      await expectAccessible(page, 'review form with missing parts');

      const criteria = page.locator('fieldset[id^="f-scores-"]');
      const count = await criteria.count();
      expect(count).toBeGreaterThan(3);
      for (let i = 0; i < count; i++) await criteria.nth(i).getByRole('radio', { name: String(i % 2 === 0 ? 3 : 5), exact: true }).check();
      await page.getByLabel(/^Bewertung für die Jury/).fill('Tragfähiges Konzept für den ländlichen Raum; die Datenplattform ist gut durchdacht.');
      await page.getByLabel(/^Rückmeldung an die Antragsteller/).fill('Beschreiben Sie die Finanzierung nach Ende der Förderung genauer.');
      await page.getByRole('group', { name: 'Empfehlung' }).getByRole('radio', { name: 'fördern', exact: true }).check();
      await page.keyboard.press('Tab');
      await waitForSaved(page);
      await expectAccessible(page, 'review form filled and saved');

      // Autosaved: after a reload everything is still there.
      await page.reload();
      await expectHeading(page, toReview.title);
      expect(await page.getByLabel(/^Bewertung für die Jury/).inputValue()).toContain('Tragfähiges Konzept');
      expect(await criteria.nth(0).getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
      expect(await page.getByRole('group', { name: 'Empfehlung' }).getByRole('radio', { name: 'fördern', exact: true }).isChecked()).toBe(true);
      // Before submitting, the other review stays hidden.
      expect(await readableText(main)).not.toContain(OTHER_ASSESSMENT);

      // Submitting asks first, then is final.
      await page.getByRole('button', { name: 'Gutachten einreichen' }).click();
      const confirm = page.getByRole('dialog', { name: 'Gutachten endgültig einreichen?' });
      await confirm.waitFor();
      await expectAccessible(page, 'submit confirmation');
      await confirm.getByRole('button', { name: 'Endgültig einreichen' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Ihr Gutachten ist eingereicht.' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Gutachten einreichen' }).count()).toBe(0);
      expect(await page.locator('textarea').count()).toBe(0);

      // Now the other review of the same application is there.
      const others = page.getByRole('region', { name: 'Die anderen Gutachten' });
      await expect.poll(() => readableText(others)).toContain(OTHER_ASSESSMENT);
      expect(await readableText(others)).toContain('mit Auflagen fördern');
      await settled(page);
      await screenshot(page, 'review-submitted');
      await expectAccessible(page, 'submitted review with the other review');

      await page.getByRole('link', { name: 'Meine Begutachtungen' }).click();
      await expectHeading(page, 'Meine Begutachtungen');
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: toReview.title }) });
      await expect.poll(() => readableText(row)).toContain('eingereicht');
    } finally {
      await context.close();
    }
  }, 600_000);
});
