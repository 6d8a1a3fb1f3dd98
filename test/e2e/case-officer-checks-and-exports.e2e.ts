import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectHeading, heading, login, readableText, screenshot, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const resultLine = (page: Page) => page.locator('.results-line');
/** The applicants in the table, in the order shown (their links in the first column). */
const applicantsShown = (page: Page) => page.locator('table tbody th a').allTextContents();

describe('a case officer', () => {
  it('filters the round’s applications, records a formal check with its reason and exports what the filter shows', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'referat@stadtnetz.example');
      await expectHeading(page, 'Programmbüro');
      await settled(page);
      await page.getByRole('link', { name: 'Anträge: Staffel 2020' }).click();
      await page.waitForURL(/\/office\/rounds\/[0-9a-f-]{36}\/applications$/);
      await expectHeading(page, 'Anträge: Staffel 2020');
      await settled(page);
      await expect.poll(() => readableText(resultLine(page))).toMatch(/^86 Anträge, beantragt zusammen [\d.]+,\d{2} €\.$/);
      expect(await page.locator('table tbody tr').count()).toBe(86);
      await screenshot(page, 'office-all');
      await expectAccessible(page, 'office list of round 2020');

      // Nordrhein-Westfalen's cooperations; the filter goes into the address.
      await page.getByLabel('Land').selectOption({ label: 'Nordrhein-Westfalen' });
      await page.getByLabel('Art').selectOption({ label: 'Interkommunale Kooperation' });
      await page.getByRole('button', { name: 'Filter anwenden' }).click();
      await page.waitForURL((url) => url.searchParams.get('land') === '05' && url.searchParams.get('kind') === 'cooperation');
      await expect.poll(() => readableText(resultLine(page))).toMatch(/^5 Anträge, beantragt zusammen/);
      const names = await applicantsShown(page);
      expect(names).toEqual([
        'Städteregion Aachen mit der Stadt Aachen',
        'Bochum und Herne',
        'Dortmund und Schwerte',
        'Essen mit Mülheim an der Ruhr und Oberhausen',
        'Lemgo und Gemeinde Kalletal',
      ]);
      expect(await readableText(page.locator('table tfoot'))).toContain('Zusammen: 5 Anträge');

      // Sorting by the requested amount, announced to assistive technology through aria-sort.
      await page.getByRole('button', { name: 'Beantragt' }).click();
      await page.waitForURL((url) => url.searchParams.get('sort') === 'requested');
      const requestedHeader = page.getByRole('columnheader', { name: 'Beantragt' });
      await expect.poll(() => requestedHeader.getAttribute('aria-sort')).toBe('ascending');
      const amounts = (await page.locator('table tbody tr td:nth-child(7)').allTextContents()).map((s) => Number(s.replace(/[^\d,]/g, '').replace(',', '.')));
      expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
      await expectAccessible(page, 'filtered and sorted office list');

      // The formal check of one application: "ineligible" needs a reason.
      await page.getByRole('link', { name: 'Bochum und Herne' }).click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
      const title = await heading(page);
      expect(title.length).toBeGreaterThan(3);
      const check = page.getByRole('region', { name: 'Formale Prüfung' });
      await check.getByRole('radio', { name: 'nicht förderfähig' }).check();
      await check.getByLabel(/^Begründung/).fill('');
      await check.getByRole('button', { name: 'Prüfergebnis speichern' }).click();
      const summary = check.getByRole('alert');
      await expect.poll(() => readableText(summary)).toContain('Begründung: Bitte begründen Sie, warum der Antrag nicht förderfähig ist');
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('kern-alert'))).toBe(true);
      expect(await check.getByLabel(/^Begründung/).getAttribute('aria-describedby')).toContain('f-reason-error');
      await screenshot(page, 'office-check-error');
      await expectAccessible(page, 'formal check with error');

      const reason = 'Die Kooperationsvereinbarung mit Herne liegt nicht unterschrieben vor.';
      await check.getByLabel(/^Begründung/).fill(reason);
      await check.getByRole('button', { name: 'Prüfergebnis speichern' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Das Prüfergebnis ist gespeichert: nicht förderfähig.' }).count()).toBe(1);
      expect(await readableText(check)).toContain(reason);
      await expectAccessible(page, 'formal check saved');

      // Back to the list, with the filter and order as they were.
      await page.getByRole('link', { name: 'Zur Antragsliste' }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/applications') && url.searchParams.get('land') === '05' && url.searchParams.get('sort') === 'requested');
      await expectHeading(page, 'Anträge: Staffel 2020');
      await settled(page);
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Bochum und Herne' }) });
      await expect.poll(() => readableText(row)).toContain('nicht förderfähig');
      const shown = await applicantsShown(page);
      expect(shown).toHaveLength(5);

      // The export holds exactly the rows of the filter.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Als Excel-Datei (XLSX) exportieren' }).click()]);
      expect(download.suggestedFilename()).toBe('antraege-mps-2020.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await download.path())!);
      const sheet = workbook.getWorksheet('Anträge')!;
      expect(sheet.rowCount).toBe(1 + 5);
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, 3)).toEqual(['Aktenzeichen', 'Antragsteller', 'Art']);
      const exported: { name: string; kind: unknown; land: unknown; check: unknown; reason: unknown }[] = [];
      for (let r = 2; r <= sheet.rowCount; r++) {
        const values = sheet.getRow(r).values as unknown[];
        exported.push({ name: String(values[2]), kind: values[3], land: values[4], check: values[header.indexOf('Formale Prüfung') + 1], reason: values[header.indexOf('Begründung') + 1] });
      }
      expect(exported.map((e) => e.name).sort()).toEqual([...shown].sort());
      expect(new Set(exported.map((e) => e.kind))).toEqual(new Set(['cooperation']));
      expect(new Set(exported.map((e) => e.land))).toEqual(new Set(['Nordrhein-Westfalen']));
      expect(exported.find((e) => e.name === 'Bochum und Herne')).toMatchObject({ check: 'ineligible', reason });

      // The CSV link carries the same filter.
      const csvHref = await page.getByRole('link', { name: 'Als CSV exportieren' }).getAttribute('href');
      expect(new URL(csvHref!, h.baseUrl).searchParams.toString()).toBe('format=csv&kind=cooperation&land=05');
    } finally {
      await context.close();
    }
  });
});
