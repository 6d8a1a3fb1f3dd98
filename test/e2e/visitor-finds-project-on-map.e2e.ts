import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/modules/portal/read-csv';
import { expectAccessible, expectHeading, readableText, screenshot, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a visitor without an account', () => {
  it('finds a funded project on the map, opens it, and downloads the CSV of all funded projects', async () => {
    const { context, page } = await h.newPage({ acceptDownloads: true });
    try {
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Förderportal' }).click();
      await expectHeading(page, 'Förderportal');
      expect(await readableText(page.getByRole('region', { name: 'Kennzahlen' }))).toContain('32 geförderte Projekte');
      // The round's published results are one link away.
      expect(await page.getByRole('link', { name: 'Ergebnisse von „Staffel 2020“' }).count()).toBe(1);
      await expectAccessible(page, 'portal front page');
      await screenshot(page, 'portal-home');

      await page.getByRole('navigation', { name: 'Bereiche des Förderportals' }).getByRole('link', { name: 'Geförderte Projekte' }).click();
      await expectHeading(page, 'Geförderte Projekte');
      await expect.poll(() => readableText(page.locator('main [role="status"].results-line'))).toBe('32 geförderte Projekte');
      const map = page.getByRole('group', { name: /^Karte Deutschlands mit 32 geförderten Projekten/ });
      // Every project is a marker link on the map, and a row of the table beside it.
      expect(await map.getByRole('link').count()).toBe(32);
      expect(await page.getByRole('table', { name: /^Geförderte Projekte:/ }).locator('tbody tr').count()).toBe(32);
      await expectAccessible(page, 'projects map');
      await screenshot(page, 'portal-projects');

      // The marker is reached by keyboard, as a link named after the project.
      const marker = map.getByRole('link', { name: /Smart Region AUF/ });
      await marker.focus();
      await page.keyboard.press('Enter');
      await expectHeading(page, 'Smart Region AUF');
      expect(page.url()).toMatch(/\/portal\/projects\/[0-9a-f-]{36}$/);
      const facts = await readableText(page.getByRole('region', { name: 'Auf einen Blick' }));
      expect(facts).toContain('Gemeinde Fuchstal');
      expect(facts).toContain('Bayern');
      expect(await page.getByRole('region', { name: 'Phasen' }).getByRole('row').count()).toBeGreaterThan(1);
      expect(await readableText(page.getByRole('region', { name: 'Geld' }))).toMatch(/Bewilligte Förderung\s*[\d.]+,\d\d €/);
      // Public: nobody's name or address.
      expect(await readableText(page.locator('main'))).not.toMatch(/Peter Projektleitung|Carlos Sachbearbeitung|@/);
      await expectAccessible(page, 'project page');
      await screenshot(page, 'portal-project');

      await page.goBack();
      await expectHeading(page, 'Geförderte Projekte');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Alle geförderten Projekte als CSV' }).click()]);
      expect(download.suggestedFilename()).toBe('projects.csv');
      const bytes = await readFile((await download.path())!);
      // UTF-8 with a byte-order mark, so Excel reads the umlauts right.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = readCsv(bytes.toString('utf8'));
      expect(rows).toHaveLength(32);
      const auf = rows.find((r) => r.title === 'Smart Region AUF');
      expect(auf).toMatchObject({ organisation: 'Gemeinde Fuchstal mit den Gemeinden Apfeldorn und Unterdießen', land: 'Bayern', round: '2020' });
    } finally {
      await context.close();
    }
  });

  it('reads the statistics, searches across projects, and finds the open data with its DCAT catalogue', async () => {
    const { context, page } = await h.newPage();
    try {
      await page.goto('/portal/statistics');
      await expectHeading(page, 'Statistik');
      const byLand = page.getByRole('table', { name: 'Anträge, geförderte Projekte und Fördermittel nach Land' });
      expect(await byLand.locator('tbody tr').count()).toBe(16);
      expect(await readableText(byLand.locator('tfoot'))).toContain('32');
      expect(await page.getByRole('img', { name: /^Balkendiagramm/ }).count()).toBe(3);
      await expectAccessible(page, 'statistics');

      await page.getByRole('navigation', { name: 'Bereiche des Förderportals' }).getByRole('link', { name: 'Suche' }).click();
      await expectHeading(page, 'Suche im Förderportal');
      await page.getByRole('searchbox', { name: 'Suchbegriff' }).fill('Jena');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === 'Jena');
      await settled(page);
      expect(await readableText(page.getByRole('region', { name: /^Projekte/ }))).toContain('Jena');
      await expectAccessible(page, 'search');

      await page.getByRole('navigation', { name: 'Bereiche des Förderportals' }).getByRole('link', { name: 'Offene Daten' }).click();
      await expectHeading(page, 'Offene Daten');
      expect(await page.getByRole('link', { name: 'DCAT-AP.de-Katalog (Turtle)' }).getAttribute('href')).toBe('/api/open-data/catalog.ttl');
      expect(await page.getByRole('link', { name: 'OpenAPI-Dokumentation der Schnittstelle' }).getAttribute('href')).toBe('/api/docs');
      expect(await page.getByRole('link', { name: 'Geförderte Projekte als CSV' }).getAttribute('href')).toBe('/api/open-data/projects.csv');
      const turtle = await page.request.get('/api/open-data/catalog.ttl');
      expect(await turtle.text()).toContain('dcat:Catalog');
      await expectAccessible(page, 'open data');
    } finally {
      await context.close();
    }
  });
});
