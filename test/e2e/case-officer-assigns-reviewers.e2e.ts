import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { expectAccessible, expectHeading, login, readableText, screenshot, settled, startHarness, type Harness } from './harness';
import { ApiSession, setUpReviewScenario, type ReviewScenario } from './reviewer-scenario';

/** The text of several rows at once (readableText reads exactly one element). */
const rowsText = async (rows: Locator) => (await rows.allTextContents()).join('\n').replace(/[\u00a0\u202f]/g, ' ');

let h: Harness;
let scenario: ReviewScenario;
const DECLARED = 'Ich berate die Gemeinde Barleben bei ihrer Digitalstrategie.';

beforeAll(async () => {
  h = await startHarness();
  scenario = await setUpReviewScenario(h);
  // The third reviewer declares a conflict with Barleben's application before the run.
  const dirk = scenario.reviewers[2];
  const ctx = await h.browser.newContext({ baseURL: h.baseUrl });
  try {
    const session = await ApiSession.login(ctx.request, dirk.email, dirk.password);
    await session.send('POST', `/rounds/${scenario.roundId}/conflicts`, { applicationId: scenario.applications[0]!.id, reason: DECLARED });
  } finally {
    await ctx.close();
  }
  // The set-up makes many requests; on a busy machine it needs more than the default hook time.
}, 600_000);
afterAll(async () => {
  await h?.close();
});

describe('a case officer', () => {
  it('runs the assignment with its progress, reads the result and overrides one pair', async () => {
    const [rita, zora, dirk] = scenario.reviewers;
    const { context, page } = await h.newPage();
    try {
      await login(page, 'referat@stadtnetz.example');
      await expectHeading(page, 'Programmbüro');
      await settled(page);
      await page.getByRole('link', { name: 'Begutachtung: Übungsaufruf' }).click();
      await page.waitForURL(/\/office\/rounds\/[0-9a-f-]{36}\/review$/);
      await expectHeading(page, 'Begutachtung: Übungsaufruf');
      await settled(page);

      const pool = page.getByRole('region', { name: 'Gutachterpool' });
      for (const r of scenario.reviewers) expect(await readableText(pool)).toContain(r.name);
      const conflicts = page.getByRole('region', { name: 'Befangenheiten' });
      expect(await readableText(conflicts)).toContain(`selbst angezeigt: Selbst angezeigter Interessenkonflikt mit diesem Antrag: ${DECLARED}`);
      expect(await readableText(page.getByRole('region', { name: 'Zuweisungen' }))).toContain('Noch keine Zuweisungen.');
      await expectAccessible(page, 'office review page before the run');
      await screenshot(page, 'office-review-before');

      // The run: its progress bar shows (however briefly), then the outcome is announced.
      await page.evaluate(() => {
        const w = window as unknown as { progressSeen: boolean };
        w.progressSeen = false;
        new MutationObserver(() => {
          if (document.getElementById('run-progress')) w.progressSeen = true;
        }).observe(document.body, { subtree: true, childList: true });
      });
      await page.getByRole('button', { name: 'Zuweisung berechnen' }).click();
      const outcome = page.locator('.run-status');
      await expect.poll(() => readableText(outcome), { timeout: 30_000 }).toMatch(/Die Zuweisung ist optimal: Zielwert [\d,.]+, berechnet in [\d,.]+ s\./);
      expect(await page.evaluate(() => (window as unknown as { progressSeen: boolean }).progressSeen)).toBe(true);
      expect(await outcome.getAttribute('role')).toBe('status');

      const runs = page.getByRole('region', { name: 'Zuweisung berechnen' }).getByRole('table');
      await expect.poll(() => readableText(runs)).toContain('optimal');
      expect(await readableText(runs)).toContain('3 Anträge × 3 Gutachter');

      // Two reviewers per application, never Dirk on Barleben's; the fit is explained by terms.
      const table = page.getByRole('region', { name: 'Zuweisungen' }).getByRole('table');
      await expect.poll(() => table.locator('tbody tr').count()).toBe(6);
      const barleben = table.locator('tbody tr').filter({ hasText: 'Barleben' });
      expect(await barleben.count()).toBe(2);
      expect(await rowsText(barleben)).not.toContain(dirk.name);
      expect((await readableText(table)).toLowerCase()).toMatch(/mobilität|bürgerbeteiligung|klimaanpassung|sensoren|open data/);
      await settled(page);
      await expectAccessible(page, 'office review page after the run');
      await screenshot(page, 'office-review-after');

      // Giving Rita's Barleben review to Dirk is refused: he declared a conflict; the reason is shown.
      const ritaOnBarleben = barleben.filter({ hasText: rita.name });
      await ritaOnBarleben.getByRole('button', { name: /^Ändern/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Gutachter/in ändern' });
      await dialog.waitFor();
      await dialog.getByLabel(/^Neue Gutachterin oder neuer Gutachter/).selectOption({ label: `${dirk.name} (${dirk.email})` });
      await dialog.getByRole('button', { name: 'Zuweisung ändern' }).click();
      const refused = dialog.getByRole('alert');
      await expect.poll(() => readableText(refused)).toContain('Die Gutachterin oder der Gutachter ist bei diesem Antrag befangen');
      expect(await readableText(refused)).toContain(DECLARED);
      await expectAccessible(page, 'override refused for a conflict');
      await dialog.getByRole('button', { name: 'Abbrechen' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);

      // Another pair goes to the one reviewer of the pool not on that application yet.
      const fulda = table.locator('tbody tr').filter({ hasText: 'Fulda' });
      const fuldaText = await rowsText(fulda);
      const absent = [rita, zora, dirk].find((r) => !fuldaText.includes(r.name))!;
      await fulda
        .first().getByRole('button', { name: /^Ändern/ }).click();
      await dialog.waitFor();
      await dialog.getByLabel(/^Neue Gutachterin oder neuer Gutachter/).selectOption({ label: `${absent.name} (${absent.email})` });
      await dialog.getByRole('button', { name: 'Zuweisung ändern' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: `wird jetzt von ${absent.name} begutachtet.` }).count()).toBe(1);
      const overridden = table.locator('tbody tr').filter({ hasText: 'Fulda' }).filter({ hasText: absent.name });
      await expect.poll(() => readableText(overridden)).toContain('manuell geändert');
      await expectAccessible(page, 'after the override');

      // The override is stored: after a reload the table still shows it.
      await page.reload();
      await expectHeading(page, 'Begutachtung: Übungsaufruf');
      await settled(page);
      const again = page.getByRole('region', { name: 'Zuweisungen' }).locator('tbody tr').filter({ hasText: 'Fulda' }).filter({ hasText: absent.name });
      await expect.poll(() => readableText(again)).toContain('manuell geändert');
      expect(await readableText(again)).toContain('von referat@stadtnetz.example');
    } finally {
      await context.close();
    }
  }, 600_000);
});
