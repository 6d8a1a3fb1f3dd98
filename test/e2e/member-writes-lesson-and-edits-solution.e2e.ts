import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, login, readableText, screenshot, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a member of a municipality', () => {
  it("edits her organisation's solution and writes a lessons-learned article that the knowledge search finds", async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'kommune@stadtnetz.example');
      await page.goto('/catalogue/solutions/barleben-gemeinde-app');
      await expectHeading(page, 'Barleben Gemeinde-App');
      await settled(page);
      await expectAccessible(page, 'solution page with the edit button');

      await page.getByRole('button', { name: 'Beschreibung bearbeiten' }).click();
      const form = page.getByRole('form', { name: 'Lösung bearbeiten' });
      await expect.poll(() => form.count()).toBe(1);
      await expectAccessible(page, 'solution edit form');
      const description = 'Die Gemeinde-App für Barleben: Mängelmelder, Abfallkalender und Nachrichten aus dem Rathaus.';
      await form.getByLabel('Kurzbeschreibung', { exact: true }).fill(description);
      await form.getByRole('button', { name: 'Änderungen speichern' }).click();

      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Die Änderungen sind gespeichert.' }).count()).toBe(1);
      await expect.poll(() => form.count()).toBe(0);
      await expect.poll(async () => readableText(page.locator('main'))).toContain(description);
      await expectAccessible(page, 'solution page after editing');
      await screenshot(page, 'catalogue-solution-edited');

      await page.goto('/catalogue/knowledge');
      await expectHeading(page, 'Wissen und Austausch');
      await settled(page);
      await page.getByRole('button', { name: 'Erfahrungsbericht schreiben' }).click();
      const write = page.getByRole('form', { name: 'Neuer Beitrag' });
      await expect.poll(() => write.count()).toBe(1);
      expect(await readableText(write)).toContain('Gemeinde Barleben');
      await expectAccessible(page, 'knowledge page with the article form');
      const title = 'Was die Gemeinde-App Barleben über Mängelmeldungen gelehrt hat';
      await write.getByLabel('Titel', { exact: true }).fill(title);
      await write.getByLabel('Text des Erfahrungsberichts').fill('Drei Jahre Mängelmelder: Fotos helfen dem Bauhof mehr als lange Texte, und Rückmeldungen an die Bürgerinnen und Bürger halten die Beteiligung hoch.');
      await write.getByRole('button', { name: 'Erfahrungsbericht veröffentlichen' }).click();

      await page.waitForURL(/\/catalogue\/knowledge\/[0-9a-f-]{36}$/);
      await expectHeading(page, title);
      await settled(page);
      expect(await readableText(page.locator('main'))).toContain('Gemeinde Barleben');
      await expectAccessible(page, 'the new article');

      // The knowledge search finds it by a plural of a word in its text, spelt without the umlaut.
      await page.goto('/catalogue/knowledge');
      await expectHeading(page, 'Wissen und Austausch');
      const field = page.getByRole('searchbox', { name: 'Suchbegriff' });
      await field.fill('Maengelmelder Bauhoefe');
      await field.press('Enter');
      const hits = page.getByRole('list', { name: 'Erfahrungsberichte und Veranstaltungen' });
      await expect.poll(() => hits.getByRole('link', { name: title }).count()).toBe(1);
      await expectAccessible(page, 'knowledge search with the new article');
    } finally {
      await context.close();
    }
  });
});

describe('the programme office', () => {
  it('announces an exchange event and records which organisations attended, picked by name', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'programm@stadtnetz.example');
      await page.goto('/catalogue/knowledge');
      await expectHeading(page, 'Wissen und Austausch');
      await settled(page);
      await page.getByRole('button', { name: 'Erfahrungsbericht oder Veranstaltung eintragen' }).click();
      const write = page.getByRole('form', { name: 'Neuer Beitrag' });
      await expect.poll(() => write.count()).toBe(1);
      await write.getByRole('radio', { name: 'Veranstaltung' }).check();
      await write.getByLabel('Titel', { exact: true }).fill('Nachnutzungswerkstatt Gemeinde-Apps');
      await write.getByLabel('Beschreibung der Veranstaltung').fill('Kommunen zeigen einander ihre Apps und verabreden Nachnutzungen.');
      await write.getByLabel('Beginn').fill('2026-12-10T10:00');
      await write.getByLabel(/^Ort/).fill('Magdeburg');
      await expectAccessible(page, 'knowledge page with the event form');
      await write.getByRole('button', { name: 'Veranstaltung ankündigen' }).click();

      await page.waitForURL(/\/catalogue\/knowledge\/[0-9a-f-]{36}$/);
      await expectHeading(page, 'Nachnutzungswerkstatt Gemeinde-Apps');
      await settled(page);
      expect(await readableText(page.locator('main'))).toContain('10.12.2026, 10:00');
      const attendance = page.getByRole('form', { name: 'Teilnahme eintragen' });
      const picker = attendance.getByRole('combobox', { name: 'Organisation suchen' });
      await picker.fill('Barle');
      await expect.poll(() => attendance.getByRole('option', { name: 'Gemeinde Barleben' }).count(), { timeout: 10_000 }).toBe(1);
      await picker.press('ArrowDown');
      await picker.press('Enter');
      await expect.poll(async () => readableText(attendance.getByRole('list', { name: 'Ausgewählte Organisationen' }))).toContain('Gemeinde Barleben');
      await expectAccessible(page, 'event page with the attendance form');
      await attendance.getByRole('button', { name: '1 Teilnahme eintragen' }).click();

      await expect.poll(() => page.getByRole('status').filter({ hasText: '1 Teilnahme ist eingetragen.' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('heading', { level: 2, name: '1 teilnehmende Organisation' }).count()).toBe(1);
      expect(await readableText(page.getByRole('region', { name: '1 teilnehmende Organisation' }).getByRole('list').first())).toContain('Gemeinde Barleben');
      await expectAccessible(page, 'event page after recording attendance');
    } finally {
      await context.close();
    }
  });
});

describe('a visitor', () => {
  it('chooses two licences at once and gets the solutions under either, the licence counts unchanged', async () => {
    const { context, page } = await h.newPage();
    try {
      await page.goto('/catalogue');
      await expectHeading(page, 'Lösungskatalog');
      await settled(page);
      const status = page.locator('main [role="status"].results-line');
      const shown = async () => Number(/^(\d+)/.exec(await readableText(status))?.[1] ?? -1);
      const licences = page.getByRole('group', { name: 'Lizenz' });
      // The count a licence's checkbox label gives, e.g. "EUPL-1.2 (9 Treffer)".
      const countOf = async (name: RegExp) => Number(/\((\d+) Treffer/.exec(await readableText(licences.locator('label').filter({ hasText: name })))?.[1] ?? NaN);
      const eupl = /^EUPL-1\.2 \(\d+ Treffer\s?\)$/;
      const agpl = /^AGPL-3\.0-or-later \(\d+ Treffer\s?\)$/;
      const [euplCount, agplCount] = [await countOf(eupl), await countOf(agpl)];
      expect(euplCount).toBeGreaterThan(0);
      expect(agplCount).toBeGreaterThan(0);

      await licences.getByRole('checkbox', { name: eupl }).check();
      await page.waitForURL((url) => url.searchParams.getAll('licence').join() === 'EUPL-1.2');
      await expect.poll(shown).toBe(euplCount);
      await licences.getByRole('checkbox', { name: agpl }).check();
      await page.waitForURL((url) => url.searchParams.getAll('licence').sort().join() === 'AGPL-3.0-or-later,EUPL-1.2');
      await expect.poll(shown).toBe(euplCount + agplCount);
      expect(await licences.getByRole('checkbox', { name: eupl }).isChecked()).toBe(true);
      // Counted under every filter but its own, the licence facet still shows what each would give.
      expect([await countOf(eupl), await countOf(agpl)]).toEqual([euplCount, agplCount]);
      await expectAccessible(page, 'catalogue search with two licences');
    } finally {
      await context.close();
    }
  });
});
