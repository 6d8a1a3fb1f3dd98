import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectHeading, login, readableText, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const criterion = (page: Page, n: number) => page.getByRole('group', { name: `Kriterium ${n}`, exact: true });

async function roundSlugs(page: Page): Promise<string[]> {
  const response = await page.request.get('/api/programmes/mps/rounds');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { slug: string }[]).map((r) => r.slug);
}

describe('a programme administrator', () => {
  it('creates a round, is stopped at weights of 90 %, saves at 100 %, opens it, and the public sees it', async () => {
    // A browser in New York: the times typed and shown must still be Berlin's.
    const { context, page } = await h.newPage({ timezoneId: 'America/New_York' });
    try {
      await login(page, 'programm@stadtnetz.example');
      expect(new URL(page.url()).pathname).toBe('/office');
      await settled(page);
      await expectAccessible(page, 'office start page');

      await page.getByRole('link', { name: 'Neue Förderrunde' }).click();
      await page.waitForURL('**/programmes/mps/rounds/new');
      await expectHeading(page, 'Neue Förderrunde');
      await settled(page);
      await expectAccessible(page, 'empty round form');

      await page.getByLabel('Name', { exact: true }).fill('Staffel 2026');
      await page.getByLabel('Kurzname für Adressen').fill('2026');
      await page.getByLabel('Jahr').fill('2026');
      await page.getByLabel(/^Motto/).fill('Daten für das Gemeinwohl');
      await page.getByLabel(/^Text des Aufrufs/).fill('Gesucht werden Kommunen, die ihre Daten dem Gemeinwohl öffnen.\n\nDie Förderung beträgt 65 %.');
      await page.getByLabel('Beginn der Ausschreibung').fill('2026-02-01T09:00');
      await page.getByLabel('Einreichungsfrist').fill('2026-04-30T23:59');
      await page.getByLabel('Mittelrahmen in Euro').fill('300.000.000');

      await criterion(page, 1).getByLabel(/^Gruppe/).fill('Gemeinwohl');
      await criterion(page, 1).getByLabel('Kriterium', { exact: true }).fill('Nachhaltigkeit und integrierte Stadtentwicklung');
      await criterion(page, 1).getByLabel('Gewicht in %').fill('50');
      await page.getByRole('button', { name: 'Kriterium hinzufügen' }).click();
      // The new row takes the group of the row above and the weight still missing.
      expect(await criterion(page, 2).getByLabel(/^Gruppe/).inputValue()).toBe('Gemeinwohl');
      expect(await criterion(page, 2).getByLabel('Gewicht in %').inputValue()).toBe('50');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-criteria-1-name');
      await page.keyboard.type('Beteiligung lokaler Akteure');
      await criterion(page, 2).getByLabel('Gewicht in %').fill('40');
      await expect.poll(() => page.locator('#weight-total').textContent()).toContain('Summe der Gewichte: 90 %');

      // Saving at 90 %: the server refuses, the message sits at the criteria, nothing is created.
      await page.getByRole('button', { name: 'Förderrunde anlegen' }).click();
      const summary = page.getByRole('alert');
      await expect.poll(() => summary.textContent()).toContain('Die Gewichte der Kriterien ergeben nicht 100 %');
      const fieldError = page.locator('#f-criteria-error');
      await expect.poll(() => fieldError.textContent()).toContain('Die Gewichte ergeben zusammen 90 %, sie müssen 100 % ergeben.');
      expect(await page.locator('#f-criteria').getAttribute('aria-describedby')).toContain('f-criteria-error');
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('kern-alert'))).toBe(true);
      expect(new URL(page.url()).pathname).toBe('/programmes/mps/rounds/new');
      expect(await roundSlugs(page)).not.toContain('2026');
      await expectAccessible(page, 'round form with errors');

      // The summary links to the field in question.
      await summary.getByRole('link').first().click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-criteria');

      await page.getByRole('button', { name: 'Kriterium hinzufügen' }).click();
      expect(await criterion(page, 3).getByLabel('Gewicht in %').inputValue()).toBe('10');
      await criterion(page, 3).getByLabel(/^Gruppe/).fill('Stadtnetzwerk');
      await criterion(page, 3).getByLabel('Kriterium', { exact: true }).fill('Übertragbarkeit und Wissenstransfer');
      await expect.poll(() => page.locator('#weight-total').textContent()).toBe('Summe der Gewichte: 100 %');
      await page.getByRole('button', { name: 'Förderrunde anlegen' }).click();

      await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
      await expectHeading(page, 'Staffel 2026');
      await settled(page);
      const main = page.getByRole('main');
      await expect.poll(() => readableText(main)).toContain('Die Förderrunde ist als Entwurf angelegt.');
      const shown = await readableText(main);
      expect(shown).toContain('Entwurf');
      expect(shown).toContain('01.02.2026, 09:00 (Zeit in Berlin)');
      expect(shown).toContain('30.04.2026, 23:59 (Zeit in Berlin)');
      expect(shown).toContain('300.000.000 €');
      await expectAccessible(page, 'draft round page');

      // Berlin wall time went to the server with its offset: 23:59 CEST is 21:59 UTC.
      const roundId = new URL(page.url()).pathname.split('/').pop()!;
      const stored = (await (await page.request.get(`/api/rounds/${roundId}`)).json()) as { closesAt: string; opensAt: string };
      expect(stored.opensAt).toBe('2026-02-01T08:00:00.000Z');
      expect(stored.closesAt).toBe('2026-04-30T21:59:00.000Z');

      await page.getByRole('button', { name: 'Weiter zu: Ausschreibung offen' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Der Status ist jetzt' }).textContent()).toContain('Ausschreibung offen');
      await expect.poll(() => page.getByRole('button', { name: 'Zurück zu: Entwurf' }).count()).toBe(1);
      await expectAccessible(page, 'open round page');
    } finally {
      await context.close();
    }

    const visitor = await h.newPage();
    try {
      await visitor.page.goto('/');
      await expectHeading(visitor.page, 'Förderprogramme und Förderrunden');
      await settled(visitor.page);
      const card = visitor.page.getByRole('article').filter({ has: visitor.page.getByRole('link', { name: 'Staffel 2026' }) });
      await expect.poll(() => card.count()).toBe(1);
      const cardText = await readableText(card);
      expect(cardText).toContain('Ausschreibung offen');
      expect(cardText).toContain('„Daten für das Gemeinwohl“');
      expect(cardText).toContain('01.02.2026, 09:00 – 30.04.2026, 23:59');
      await expectAccessible(visitor.page, 'home page');

      await card.getByRole('link', { name: 'Staffel 2026' }).click();
      await visitor.page.waitForURL(/\/rounds\//);
      await expectHeading(visitor.page, 'Staffel 2026');
      await settled(visitor.page);
      const groups = visitor.page.getByRole('heading', { level: 3 });
      await expect.poll(() => groups.allTextContents()).toEqual(['Gemeinwohl (zusammen 90 %)', 'Stadtnetzwerk (zusammen 10 %)']);
      // The public sees no buttons that change anything.
      expect(await visitor.page.getByRole('button', { name: /Weiter zu|Zurück zu/ }).count()).toBe(0);
      await expectAccessible(visitor.page, 'public round page');
    } finally {
      await visitor.context.close();
    }
  });
});
