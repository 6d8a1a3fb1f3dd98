import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, readableText, screenshot, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a visitor without an account', () => {
  it('searches the catalogue in German, narrows it by licence, opens a solution and sees who uses it', async () => {
    const { context, page } = await h.newPage();
    try {
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Lösungskatalog' }).click();
      await expectHeading(page, 'Lösungskatalog');
      await settled(page);
      // Feed readers find the Atom feed from the page itself.
      expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe('/api/catalogue/feed.atom');
      await expectAccessible(page, 'catalogue search page');
      await screenshot(page, 'catalogue-search');

      // A plural finds the singular: the descriptions say "Plattform".
      const field = page.getByRole('searchbox', { name: 'Suchbegriff' });
      await field.fill('Plattformen');
      await field.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === 'Plattformen');
      const status = page.locator('main [role="status"].results-line');
      await expect.poll(() => readableText(status)).toMatch(/^\d+ Lösungen? für „Plattformen“$/);
      const results = page.getByRole('list', { name: 'Ergebnisse' });
      const hitNames = () => results.getByRole('heading', { level: 3 }).allTextContents();
      // Solutions whose texts say "Plattform", in the singular.
      await expect.poll(hitNames).toEqual(expect.arrayContaining(['Ehrenamtsbörse Süderbrarup', 'Stadtteil-Treffpunkt Gera']));
      const all = Number(/^(\d+)/.exec(await readableText(status))![1]);

      // An umlaut written as "ae/oe/ue" finds it as well.
      await field.fill('Ehrenamtsboerse');
      await field.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === 'Ehrenamtsboerse');
      await expect.poll(hitNames).toContain('Ehrenamtsbörse Süderbrarup');

      // Back to the plural, then narrowed to one licence: the facet's checkbox, its count in the label.
      await page.goBack();
      await page.waitForURL((url) => url.searchParams.get('q') === 'Plattformen');
      await expect.poll(() => readableText(status)).toContain('„Plattformen“');
      const licences = page.getByRole('group', { name: 'Lizenz' });
      const eupl = licences.getByRole('checkbox', { name: /^EUPL-1\.2 \(\d+ Treffer\s?\)$/ });
      await eupl.check();
      await page.waitForURL((url) => url.searchParams.get('licence') === 'EUPL-1.2' && url.searchParams.get('q') === 'Plattformen');
      await settled(page);
      await expect.poll(async () => Number(/^(\d+)/.exec(await readableText(status))?.[1] ?? -1)).toBeLessThan(all);
      await expect.poll(hitNames).not.toContain('Stadtteil-Treffpunkt Gera');
      const narrowed = await hitNames();
      expect(narrowed).toContain('Ehrenamtsbörse Süderbrarup');
      expect(narrowed).not.toContain('Stadtteil-Treffpunkt Gera');
      for (const meta of await results.locator('.hit-meta').allTextContents()) expect(meta).toContain('Lizenz: EUPL-1.2');
      expect(await eupl.isChecked()).toBe(true);
      await expectAccessible(page, 'catalogue search with a query and a licence');
      await screenshot(page, 'catalogue-search-filtered');

      // The filtered list is a link: opened afresh, it shows the same.
      await page.reload();
      await settled(page);
      await expect.poll(hitNames).toEqual(narrowed);

      await results.getByRole('link', { name: 'Ehrenamtsbörse Süderbrarup' }).click();
      await expectHeading(page, 'Ehrenamtsbörse Süderbrarup');
      await settled(page);
      const usedBy = page.getByRole('region', { name: /^Genutzt von \d+ Kommunen?$/ });
      const title = await usedBy.getByRole('heading', { level: 2 }).textContent();
      const count = Number(/(\d+)/.exec(title ?? '')![1]);
      expect(count).toBeGreaterThan(0);
      const adopters = usedBy.getByRole('table', { name: 'Wer Ehrenamtsbörse Süderbrarup nutzt' });
      expect(await adopters.locator('tbody tr').count()).toBe(count);
      // The map draws the places; its text alternative names them.
      await expect.poll(() => usedBy.getByRole('img', { name: /^Karte Deutschlands/ }).count()).toBe(1);
      expect(await readableText(page.getByRole('region', { name: 'publiccode.yml' }))).toContain('Gültig');
      // A visitor is offered the login to record a use, not the form.
      expect(await page.getByRole('link', { name: 'Anmelden, um die Nutzung durch Ihre Kommune einzutragen' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Nutzung eintragen' }).count()).toBe(0);
      await expectAccessible(page, 'solution page');
      await screenshot(page, 'catalogue-solution');
    } finally {
      await context.close();
    }
  });

  it('sees the reuse network as a picture and as a table, and the knowledge exchange', async () => {
    const { context, page } = await h.newPage();
    try {
      await page.goto('/catalogue/network');
      await expectHeading(page, 'Nachnutzungsnetz');
      await settled(page);
      await expect.poll(() => page.getByRole('img', { name: /^Netzbild:/ }).count()).toBe(1);
      const table = page.getByRole('table', { name: 'Jede Nachnutzung: Lösung, Herkunft, Nutzer, Stand' });
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(10);
      expect(await readableText(table)).toContain('Ehrenamtsbörse Süderbrarup');
      await expectAccessible(page, 'reuse network');
      await screenshot(page, 'catalogue-network');

      await page.getByRole('navigation', { name: 'Bereiche des Lösungskatalogs' }).getByRole('link', { name: 'Wissen und Austausch' }).click();
      await expectHeading(page, 'Wissen und Austausch');
      await settled(page);
      expect(await page.getByRole('list', { name: 'Erfahrungsberichte und Veranstaltungen' }).getByRole('listitem').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'knowledge page');
    } finally {
      await context.close();
    }
  });
});
