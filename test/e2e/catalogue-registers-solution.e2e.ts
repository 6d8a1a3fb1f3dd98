import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, login, readableText, screenshot, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** A publiccode.yml (v0.7) the platform's validator accepts; line 8 holds the development status. */
const publiccode = (developmentStatus: string) => `publiccodeYmlVersion: "0.7"
name: Baumkataster Barleben
url: "https://gitlab.opencode.de/barleben/baumkataster.git"
platforms:
  - web
categories:
  - it-asset-management
developmentStatus: ${developmentStatus}
softwareType: standalone/web
description:
  de:
    shortDescription: Bäume der Gemeinde erfassen, prüfen und pflegen.
    longDescription: >
      Das Baumkataster erfasst jeden Baum der Gemeinde mit Standort, Art und Zustand.
      Die Baumkontrolle trägt ihre Prüfungen mobil ein, der Bauhof plant daraus die Pflege.
      Bürgerinnen und Bürger sehen auf einer Karte, welche Bäume gepflanzt und gepflegt werden,
      und können Schäden melden. Die Daten stehen als offene Daten bereit.
    features:
      - Erfassung der Bäume mit Standort und Zustand
      - Mobile Baumkontrolle
legal:
  license: EUPL-1.2
maintenance:
  type: internal
  contacts:
    - name: Bauhof Barleben
localisation:
  localisationReady: true
  availableLanguages:
    - de
`;

describe('a member of a municipality', () => {
  it('registers a solution, is told which line of its publiccode.yml is wrong, fixes it and saves', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'kommune@stadtnetz.example');
      await page.goto('/catalogue');
      await expectHeading(page, 'Lösungskatalog');
      await page.getByRole('navigation', { name: 'Bereiche des Lösungskatalogs' }).getByRole('link', { name: 'Lösung eintragen' }).click();
      await expectHeading(page, 'Lösung eintragen');
      await settled(page);
      await expectAccessible(page, 'empty registration form');

      // Saving with nothing filled in names each missing field and links to it.
      await page.getByRole('button', { name: 'Lösung speichern' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Name der Lösung: Bitte ausfüllen.' });
      await summary.waitFor();
      await summary.getByRole('link', { name: 'Name der Lösung: Bitte ausfüllen.' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-name');

      await page.getByLabel('Name der Lösung').fill('Baumkataster Barleben');
      await page.getByLabel('Kurzbeschreibung').fill('Bäume der Gemeinde erfassen, prüfen und pflegen – mit Karte für alle.');
      await page.getByLabel('Adresse des Quellcodes').fill('https://gitlab.opencode.de/barleben/baumkataster');
      await page.getByLabel('Lizenz (SPDX)').fill('EUPL-1.2');
      await page.getByRole('radio', { name: 'Text einfügen' }).check();
      const text = page.getByLabel(/^Inhalt der publiccode\.yml/);
      await text.fill(publiccode('fertig'));
      await page.getByRole('button', { name: 'Lösung speichern' }).click();

      // The validator's finding, with its line and column, at the top and at the field.
      const problems = page.getByRole('alert').filter({ hasText: 'Die publiccode.yml hat 1 Fehler' });
      await problems.waitFor();
      const link = problems.getByRole('link', { name: /^Zeile 8, Spalte 1 – developmentStatus: / });
      expect(await link.count()).toBe(1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.kern-alert') !== null)).toBe(true);
      expect(await readableText(page.locator('#f-publiccode-error'))).toContain('Zeile 8, Spalte 1 – developmentStatus');
      expect(await text.getAttribute('aria-invalid')).toBe('true');
      expect(await text.getAttribute('aria-describedby')).toContain('f-publiccode-error');
      await expectAccessible(page, 'registration form with a publiccode.yml error');
      await screenshot(page, 'catalogue-register-error');

      // The link puts the caret on the line in question.
      await link.click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-publiccode');
      const selected = await text.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
      expect(selected).toBe('developmentStatus: fertig');

      await text.fill(publiccode('beta'));
      await page.getByRole('button', { name: 'publiccode.yml erneut prüfen und speichern' }).click();
      await expectHeading(page, 'Baumkataster Barleben');
      await settled(page);
      const facts = page.getByRole('region', { name: 'publiccode.yml' });
      await expect.poll(() => readableText(facts)).toContain('Gültig');
      expect(await readableText(facts)).toContain('Version 0.7 des Standards');
      expect(await readableText(page.getByRole('main'))).toContain('EUPL-1.2');
      await expectAccessible(page, 'the registered solution');
      await screenshot(page, 'catalogue-registered');

      // It is in the public catalogue now.
      await page.goto('/catalogue?q=Baumkataster');
      await expect.poll(() => page.getByRole('list', { name: 'Ergebnisse' }).getByRole('heading', { level: 3 }).allTextContents()).toContain('Baumkataster Barleben');
    } finally {
      await context.close();
    }
  });
});
