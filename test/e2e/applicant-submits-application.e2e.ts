import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makePdf } from '../support/pdf';
import { expectAccessible, expectHeading, login, readableText, screenshot, settled, startHarness, type Harness } from './harness';

let h: Harness;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'stadtnetz-e2e-'));
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const saveStatus = (page: Page) => page.locator('#save-status');

/** Waits until the autosave reports the draft saved (after the last change). */
async function waitForSaved(page: Page): Promise<void> {
  await expect.poll(() => saveStatus(page).textContent(), { timeout: 15_000 }).toMatch(/^Gespeichert um \d{2}:\d{2} Uhr · Version \d+$/);
}

describe('an applicant', () => {
  it('starts, fills and saves an application, attaches a PDF, submits it, keeps the receipt and withdraws it', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'kommune@stadtnetz.example');
      await expectHeading(page, 'Antragstellung');
      await settled(page);
      const main = page.getByRole('main');
      await expect.poll(() => readableText(main)).toContain('Gemeinde Barleben');
      await expectAccessible(page, 'applicant start page');
      await screenshot(page, 'apply-start');

      // The practice call is open; Barleben may apply.
      const call = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Übungsaufruf' }) });
      await call.getByRole('button', { name: 'Antrag für Gemeinde Barleben beginnen' }).click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
      await expectHeading(page, 'Antrag ohne Titel');
      await settled(page);
      await expect.poll(() => readableText(main)).toContain('Der Antrag ist angelegt.');
      await expectAccessible(page, 'empty application editor');
      await screenshot(page, 'editor-empty');

      await page.getByLabel('Projekttitel').fill('Digitale Dorfmitte Barleben');
      await page.getByLabel(/^Kurztitel/).fill('DDB');
      await page.getByLabel('Zusammenfassung').fill('Ein offener Dorfplatz im Netz: Termine, Vereine, Mobilität und Verwaltung an einem Ort, gemeinsam mit der Bürgerschaft entwickelt.');
      await page.getByLabel('Ausgangslage und Ziele').fill('Barleben wächst. Wir wollen Teilhabe digital stärken.');
      await page.getByLabel('Strategie und Maßnahmen').fill('Phase A: Strategie mit Beteiligung. Phase B: Umsetzung in drei Reallaboren.');
      await page.getByLabel('Beteiligung und Akteure').fill('Vereine, Schulen, Unternehmen und die Verwaltung gestalten mit.');
      await page.getByLabel('Übertragbarkeit und Open Source').fill('Alle Software erscheint unter EUPL-1.2 auf OpenCoDE.');
      // The count under a section follows the text.
      await expect.poll(() => page.locator('#f-sections-transfer-count').textContent()).toBe('52 von 8.000 Zeichen');

      // The budget plan: a row per year, amounts typed in euros.
      await page.getByRole('button', { name: 'Zeile hinzufügen' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-budget-0-amountCents');
      await page.keyboard.type('1.000.000');
      await page.getByRole('button', { name: 'Zeile hinzufügen' }).click();
      await page.getByLabel('Betrag in Euro, Zeile 2').fill('500.000,50');
      const secondYear = await page.getByLabel('Jahr, Zeile 2').inputValue();
      expect(Number(secondYear)).toBe(Number(await page.getByLabel('Jahr, Zeile 1').inputValue()) + 1);
      await expect.poll(() => readableText(page.locator('#editor-totals'))).toContain('1.500.000,50 €');
      // Leaving the field saves at once; the server's sums follow: 65 % of 1,500,000.50 €, rounded down.
      await page.keyboard.press('Tab');
      await waitForSaved(page);
      await expect.poll(() => readableText(main)).toContain('975.000,32 €');
      expect(await readableText(main)).toContain('525.000,18 €');

      // After a reload everything typed is still there.
      await page.reload();
      await expectHeading(page, 'Digitale Dorfmitte Barleben');
      await settled(page);
      expect(await page.getByLabel('Projekttitel').inputValue()).toBe('Digitale Dorfmitte Barleben');
      expect(await page.getByLabel('Übertragbarkeit und Open Source').inputValue()).toBe('Alle Software erscheint unter EUPL-1.2 auf OpenCoDE.');
      expect(await page.getByLabel('Betrag in Euro, Zeile 2').inputValue()).toBe('500000,50');
      await expectAccessible(page, 'filled application editor');
      await screenshot(page, 'editor-filled');

      // A second tab with the same application: the first saves, the second is told, and keeps its text.
      const other = await context.newPage();
      await other.goto(page.url());
      await expectHeading(other, 'Digitale Dorfmitte Barleben');
      await settled(other);
      await page.getByLabel(/^Kurztitel/).fill('DDB-1');
      await page.keyboard.press('Tab');
      await waitForSaved(page);
      await other.getByLabel(/^Kurztitel/).fill('DDB-2');
      await other.keyboard.press('Tab');
      const conflict = other.getByRole('alert').filter({ hasText: 'Der Antrag wurde inzwischen an anderer Stelle gespeichert' });
      await conflict.waitFor();
      expect(await other.getByLabel(/^Kurztitel/).inputValue()).toBe('DDB-2');
      expect(await saveStatus(other).textContent()).toBe('Nicht gespeichert: Es gibt eine neuere Version.');
      await expectAccessible(other, 'editor with a conflict');
      await screenshot(other, 'editor-conflict');
      await conflict.getByRole('button', { name: 'Neueste Version laden' }).click();
      await expect.poll(() => other.getByLabel(/^Kurztitel/).inputValue()).toBe('DDB-1');
      await expect.poll(() => readableText(other.locator('details.mine'))).toContain('DDB-2');
      await other.close();

      // An earlier version opens read-only.
      const versions = page.getByRole('region', { name: 'Versionen' });
      // Autosave makes many versions: the newest ten are listed, the rest on request.
      await versions.getByRole('button', { name: /^Alle \d+ Versionen zeigen$/ }).click();
      await versions.getByRole('link', { name: 'Version 1', exact: true }).click();
      await expectHeading(page, 'Version 1');
      await settled(page);
      expect(await readableText(main)).toContain('Eine frühere Fassung, nur zum Lesen.');
      expect(await page.getByRole('textbox').count()).toBe(0);
      await expectAccessible(page, 'an earlier version');
      await page.getByRole('link', { name: 'Zurück zum Antrag „Digitale Dorfmitte Barleben“' }).click();
      await expectHeading(page, 'Digitale Dorfmitte Barleben');
      await settled(page);

      // A real PDF is attached, with its size and checksum shown.
      const pdfPath = path.join(dir, 'Projektskizze.pdf');
      await writeFile(pdfPath, await makePdf('Projektskizze Digitale Dorfmitte'));
      const fileInput = page.getByLabel('PDF-Datei anhängen');
      await fileInput.setInputFiles(pdfPath);
      await expect.poll(() => page.getByRole('status').filter({ hasText: '„Projektskizze.pdf“ ist angehängt.' }).count()).toBe(1);
      const attachments = page.getByRole('region', { name: 'Anlagen' });
      await expect.poll(() => attachments.getByRole('link', { name: 'Projektskizze.pdf' }).count()).toBe(1);
      expect(await readableText(attachments)).toMatch(/[0-9a-f]{12}…/);

      // A text file named .pdf is refused by its bytes, and the field says why.
      const fakePath = path.join(dir, 'Kostenplan.pdf');
      await writeFile(fakePath, 'Dies ist gar kein PDF, nur Text.\n');
      await fileInput.setInputFiles(fakePath);
      await expect.poll(() => page.locator('#f-file-error').textContent()).toContain('„Kostenplan.pdf“ ist keine PDF-Datei');
      expect(await fileInput.getAttribute('aria-describedby')).toContain('f-file-error');
      expect(await attachments.getByRole('link', { name: 'Kostenplan.pdf' }).count()).toBe(0);
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Nur PDF-Dateien können angehängt werden' }).count()).toBe(1);
      await expectAccessible(page, 'editor with a refused attachment');
      await screenshot(page, 'editor-refused');

      // Nothing stands in the way any more; submitting asks first.
      await expect.poll(() => readableText(page.getByRole('region', { name: 'Prüfung vor dem Einreichen' }))).toContain('Der Antrag erfüllt alle Voraussetzungen');
      await page.getByRole('button', { name: 'Einreichen', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Antrag verbindlich einreichen?' });
      await dialog.waitFor();
      await expectAccessible(page, 'submit confirmation');
      await screenshot(page, 'submit-dialog');
      await dialog.getByRole('button', { name: 'Verbindlich einreichen' }).click();

      const receipt = page.locator('#receipt');
      await receipt.waitFor();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Der Antrag ist eingereicht' }).count()).toBe(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.kern-alert') !== null)).toBe(true);
      const receiptText = await readableText(receipt);
      expect(receiptText).toMatch(/Aktenzeichen\s*offen-[0-9A-F]{8}/);
      expect(receiptText).toMatch(/Eingegangen am\s*\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2} \(Zeit in Berlin\)/);
      expect(receiptText).toMatch(/[0-9a-f]{64}/);
      expect(await page.locator('.application-status-line .kern-badge').textContent()).toBe('Eingereicht');
      // Submitted means read-only.
      expect(await page.getByLabel('Projekttitel').count()).toBe(0);
      await expectAccessible(page, 'submitted application with receipt');
      await screenshot(page, 'receipt');

      const [download] = await Promise.all([page.waitForEvent('download'), receipt.getByRole('link', { name: 'Eingangsbestätigung (PDF)' }).click()]);
      const receiptPdf = await readFile((await download.path())!);
      expect(receiptPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // Before the deadline the application can be withdrawn, after a question.
      await page.getByRole('button', { name: 'Antrag zurückziehen' }).click();
      const withdrawDialog = page.getByRole('dialog', { name: 'Antrag zurückziehen?' });
      await withdrawDialog.waitFor();
      await withdrawDialog.getByRole('button', { name: 'Zurückziehen' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Der Antrag ist zurückgezogen.' }).count()).toBe(1);
      expect(await page.locator('.application-status-line .kern-badge').textContent()).toBe('Zurückgezogen');
      await expect.poll(() => page.getByRole('button', { name: 'Wieder öffnen' }).count()).toBe(1);
      await expectAccessible(page, 'withdrawn application');
      await screenshot(page, 'withdrawn');

      // The start page lists it as withdrawn.
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Antragstellung' }).click();
      await expectHeading(page, 'Antragstellung');
      await settled(page);
      const row = page.getByRole('region', { name: 'Ihre Anträge' }).getByRole('row').filter({ hasText: 'Digitale Dorfmitte Barleben' });
      await expect.poll(() => readableText(row)).toContain('Zurückgezogen');
    } finally {
      await context.close();
    }
  });
});
