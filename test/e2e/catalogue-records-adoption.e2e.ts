import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, login, readableText, screenshot, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const countIn = (text: string | null) => Number(/Genutzt von (\d+) Kommunen?/.exec(text ?? '')?.[1] ?? NaN);

describe('a member of a municipality', () => {
  it('records that Barleben pilots a solution, and the catalogue counts and lists it', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'kommune@stadtnetz.example');
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Lösungskatalog' }).click();
      await expectHeading(page, 'Lösungskatalog');
      const field = page.getByRole('searchbox', { name: 'Suchbegriff' });
      await field.fill('Dorfladen');
      await field.press('Enter');
      const results = page.getByRole('list', { name: 'Ergebnisse' });
      await results.getByRole('link', { name: 'Dorfladen-Buchung' }).click();
      await expectHeading(page, 'Dorfladen-Buchung');
      await settled(page);

      const heading = page.getByRole('heading', { level: 2, name: /^Genutzt von \d+ Kommunen?$/ });
      const before = countIn(await heading.textContent());
      expect(before).toBeGreaterThanOrEqual(0);
      const adopters = page.getByRole('table', { name: 'Wer Dorfladen-Buchung nutzt' });
      expect(await readableText(adopters)).not.toContain('Gemeinde Barleben');

      const form = page.getByRole('form', { name: 'Wir nutzen diese Lösung' });
      await expectAccessible(page, 'solution page with the adoption form');
      expect(await readableText(form)).toContain('Gemeinde Barleben');
      await form.getByRole('radio', { name: 'Erprobt' }).check();
      await form.getByLabel('Seit', { exact: true }).fill('2026-09-01');
      await form.getByLabel(/^Anmerkungen/).fill('Pilot im Ortsteil Ebendorf mit dem Dorfladen am Markt.');
      await form.getByRole('button', { name: 'Nutzung eintragen' }).click();

      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Eingetragen: Gemeinde Barleben – Dorfladen-Buchung (Erprobt).' }).count()).toBe(1);
      await expect.poll(async () => countIn(await heading.textContent())).toBe(before + 1);
      const row = adopters.getByRole('row').filter({ hasText: 'Gemeinde Barleben' });
      await expect.poll(() => row.count()).toBe(1);
      expect(await readableText(row)).toContain('Erprobt');
      expect(await readableText(row)).toContain('1. September 2026');
      expect(await adopters.locator('tbody tr').count()).toBe(before + 1);
      // The form now offers to change Barleben's status rather than count it twice.
      await expect.poll(() => form.getByRole('button', { name: 'Stand aktualisieren' }).count()).toBe(1);
      await expectAccessible(page, 'solution page after recording an adoption');
      await screenshot(page, 'catalogue-adopted');

      // The reuse network shows the new journey too.
      await page.getByRole('navigation', { name: 'Bereiche des Lösungskatalogs' }).getByRole('link', { name: 'Nachnutzungsnetz' }).click();
      await expectHeading(page, 'Nachnutzungsnetz');
      await settled(page);
      const journey = page.getByRole('table', { name: 'Jede Nachnutzung: Lösung, Herkunft, Nutzer, Stand' }).getByRole('row').filter({ hasText: 'Dorfladen-Buchung' }).filter({ hasText: 'Gemeinde Barleben' });
      await expect.poll(() => journey.count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe('an applicant drafting an application', () => {
  it('is shown similar catalogue solutions beside the draft, with the words they share', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'kommune@stadtnetz.example');
      await expectHeading(page, 'Antragstellung');
      await settled(page);
      const call = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Übungsaufruf' }) });
      await call.getByRole('button', { name: 'Antrag für Gemeinde Barleben beginnen' }).click();
      await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
      await expectHeading(page, 'Antrag ohne Titel');
      await settled(page);
      const panel = page.getByRole('complementary', { name: 'Erst nachnutzen: ähnliche Lösungen im Katalog' });
      expect(await readableText(panel)).toContain('Sobald Ihr Entwurf etwas Text hat');

      await page.getByLabel('Zusammenfassung').fill('Eine Ehrenamtsbörse für unsere Vereine: Gesuche und Angebote für ehrenamtliche Hilfe an einem Ort.');
      await expect.poll(() => panel.getByRole('listitem').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await panel.getByRole('listitem').count()).toBeLessThanOrEqual(5);
      expect(await panel.getByRole('link').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Ehrenamtsbörse Süderbrarup')]));
      expect(await readableText(panel)).toContain('Gemeinsame Begriffe:');
      await expectAccessible(page, 'application editor with similar solutions');
      await screenshot(page, 'catalogue-reuse-first');
    } finally {
      await context.close();
    }
  });
});

describe('the programme office', () => {
  it('opens the obligations dashboard from its start page and sees who is overdue', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'programm@stadtnetz.example');
      await expectHeading(page, 'Programmbüro');
      await page.getByRole('link', { name: /^Auflagen zu Open Source und Austausch: / }).first().click();
      await expectHeading(page, 'Auflagen: Open Source und Austausch');
      await settled(page);
      const table = page.getByRole('table', { name: 'Auflagen je gefördertem Projekt, Verzug zuerst' });
      await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
      const states = await table.locator('tbody tr td:last-child').allTextContents();
      // Overdue projects come first.
      const firstOnTrack = states.indexOf('In Ordnung');
      if (firstOnTrack >= 0) expect(states.slice(firstOnTrack)).not.toContain('Im Verzug');
      expect(await readableText(page.getByRole('list', { name: 'Übersicht' }))).toMatch(/\d+ im Verzug/);
      await expectAccessible(page, 'obligations dashboard');
      await screenshot(page, 'catalogue-obligations');
    } finally {
      await context.close();
    }
  });
});
