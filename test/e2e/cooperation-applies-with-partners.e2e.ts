import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, expectAccessible, expectHeading, login, readableText, screenshot, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const EMAIL = 'kooperation@detmold.example';
const PASSWORD = 'Lippe-Kooperation-2026';

/** The system administrator creates the account and makes it an applicant, through the API. */
async function createApplicant(request: APIRequestContext): Promise<void> {
  const anonymous = (await (await request.get('/api/auth/session')).json()) as { csrfToken: string };
  const session = await request.post('/api/auth/login', { headers: { 'x-csrf-token': anonymous.csrfToken }, data: { email: 'admin@stadtnetz.example', password: DEMO_PASSWORD } });
  expect(session.ok(), await session.text()).toBe(true);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const user = await request.post('/api/users', { headers, data: { email: EMAIL, displayName: 'Kim Kooperation', password: PASSWORD } });
  expect(user.status(), await user.text()).toBe(201);
  const { id } = (await user.json()) as { id: string };
  const programme = (await (await request.get('/api/programmes/uebung')).json()) as { id: string };
  const grant = await request.post(`/api/users/${id}/grants`, { headers, data: { role: 'applicant', programmeId: programme.id } });
  expect(grant.ok(), await grant.text()).toBe(true);
}

/** Types into a region combobox and takes the suggestion named `expected` with the keyboard, as a keyboard user would. */
async function chooseRegion(page: Page, label: string, text: string, expected: string): Promise<void> {
  const field = page.getByRole('combobox', { name: label });
  await field.fill(text);
  const listbox = page.getByRole('listbox', { name: label });
  await listbox.getByRole('option', { name: new RegExp(`^${expected}\\b`) }).first().waitFor();
  const names = await listbox.getByRole('option').evaluateAll((els) => els.map((e) => e.querySelector('.combobox__name')?.textContent ?? ''));
  const index = names.indexOf(expected);
  expect(index, `suggestions: ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await field.press('ArrowDown');
  await field.press('Enter');
  await expect.poll(() => page.getByRole('status').filter({ hasText: `${expected} ausgewählt.` }).count()).toBeGreaterThan(0);
}

describe('a cooperation', () => {
  it('registers with a lead and two partner regions, applies in the practice call and names its partners', async () => {
    const admin = await h.newPage();
    try {
      await createApplicant(admin.context.request);
    } finally {
      await admin.context.close();
    }

    const { context, page } = await h.newPage();
    try {
      await login(page, EMAIL, PASSWORD);
      await expectHeading(page, 'Antragstellung');
      await settled(page);
      const main = page.getByRole('main');
      await expect.poll(() => readableText(main)).toContain('Sie gehören noch zu keiner antragstellenden Organisation.');
      expect(await readableText(page.getByRole('article').filter({ hasText: 'Übungsaufruf' }))).toContain('Registrieren Sie zuerst Ihre Organisation');
      await expectAccessible(page, 'start page without organisation');

      await page.getByRole('radio', { name: 'Interkommunale Kooperation' }).check();
      await chooseRegion(page, 'Federführende Kommune oder Kreis', 'Detmold', 'Detmold');
      // The name follows the lead until it is typed by hand.
      expect(await page.getByLabel('Name der Organisation').inputValue()).toBe('Detmold');

      // Without partners it is no cooperation: the form says so at the partner field.
      await page.getByRole('button', { name: 'Organisation registrieren' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Eine Kooperation braucht mindestens eine Partnerregion.' });
      await expect.poll(() => summary.count()).toBe(1);
      expect(await page.locator('#f-partnerRegions').getAttribute('aria-describedby')).toContain('f-partnerRegions-error');
      await expectAccessible(page, 'registration form with error');

      const partners = page.getByRole('group', { name: /^Partnerregionen/ });
      await chooseRegion(page, 'Partnerregion hinzufügen', 'Siegburg', 'Siegburg');
      await chooseRegion(page, 'Partnerregion hinzufügen', 'Meschede', 'Meschede');
      await chooseRegion(page, 'Partnerregion hinzufügen', 'Unna', 'Unna');
      await expect.poll(() => partners.getByRole('listitem').count()).toBe(3);
      // The field is empty again for the next one; a partner is removed with its own button.
      expect(await page.getByRole('combobox', { name: 'Partnerregion hinzufügen' }).inputValue()).toBe('');
      await partners.getByRole('button', { name: 'Unna entfernen' }).click();
      await expect.poll(() => partners.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Siegburg'), expect.stringContaining('Meschede')]);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Meschede entfernen');

      const name = 'Detmold mit den Städten Siegburg und Meschede';
      await page.getByLabel('Name der Organisation').fill(name);
      await screenshot(page, 'coop-form');
      await page.getByRole('button', { name: 'Organisation registrieren' }).click();
      const created = page.getByRole('status').filter({ hasText: `${name} ist registriert.` });
      await expect.poll(() => created.count()).toBe(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('ist registriert');
      const orgRow = page.getByRole('region', { name: 'Ihre Organisationen' }).getByRole('row').filter({ hasText: name });
      await expect.poll(() => readableText(orgRow)).toContain('Interkommunale Kooperation');
      expect(await readableText(orgRow)).toContain('Detmold mit 2 Partnerregionen');
      await expectAccessible(page, 'start page with the new cooperation');

      // The practice call now offers it an application.
      await page.getByRole('button', { name: `Antrag für ${name} beginnen` }).click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
      await expectHeading(page, 'Antrag ohne Titel');
      await settled(page);
      await page.getByLabel('Projekttitel').fill('Lippe-Sieg-Sauerland vernetzt');
      await page.getByRole('button', { name: '2 Partnerregionen der Kooperation übernehmen' }).click();
      await expect.poll(() => page.getByLabel(/^Partner \d$/).count()).toBe(2);
      expect(await page.getByLabel('Partner 1').inputValue()).toBe('Siegburg');
      expect(await page.getByLabel('Partner 2').inputValue()).toBe('Meschede');
      await page.getByRole('button', { name: 'Partner hinzufügen' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-partners-2');
      await page.keyboard.type('Technische Hochschule Ostwestfalen-Lippe');
      await page.keyboard.press('Tab');
      await expect.poll(() => page.locator('#save-status').textContent(), { timeout: 15_000 }).toMatch(/^Gespeichert um/);
      await screenshot(page, 'coop-editor');
      await expectAccessible(page, 'cooperation application with partners');

      await page.reload();
      await expectHeading(page, 'Lippe-Sieg-Sauerland vernetzt');
      await settled(page);
      expect(await page.getByLabel(/^Partner \d$/).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
        'Siegburg',
        'Meschede',
        'Technische Hochschule Ostwestfalen-Lippe',
      ]);

      // The organisation's page shows the lead and both partners from the register.
      await page.goto('/apply');
      await expectHeading(page, 'Antragstellung');
      await settled(page);
      await page.getByRole('link', { name, exact: true }).click();
      await expectHeading(page, name);
      await settled(page);
      const regions = page.getByRole('region', { name: `Regionen von ${name}` });
      const rows = await regions.getByRole('row').allTextContents();
      expect(rows.slice(1).map((r) => r.replace(/\s+/g, ' '))).toEqual([
        expect.stringMatching(/^Detmoldfederführend.*05766020/),
        expect.stringMatching(/^SiegburgPartner.*05382060/),
        expect.stringMatching(/^MeschedePartner.*05958032/),
      ]);
      expect(await readableText(main)).toContain('Kim Kooperation');
      await screenshot(page, 'coop-organisation');
      await expectAccessible(page, 'organisation page');
    } finally {
      await context.close();
    }
  });
});
