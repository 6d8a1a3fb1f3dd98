import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, readableText, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a visitor', () => {
  it('switches the site to English and back, and the choice is remembered', async () => {
    const { context, page } = await h.newPage();
    try {
      await page.goto('/');
      await expectHeading(page, 'Förderprogramme und Förderrunden');
      await settled(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      expect(await readableText(page.getByRole('main'))).toContain('820.000.000 €');
      expect(await page.getByRole('link', { name: 'Zum Inhalt springen' }).count()).toBe(1);
      await expectAccessible(page, 'home page (de)');

      await page.getByRole('button', { name: 'English' }).click();
      await expectHeading(page, 'Funding programmes and rounds');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.title()).toBe('Funding programmes and rounds – Stadtnetz');
      expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
      expect(await readableText(page.getByRole('main'))).toContain('€820,000,000');
      expect(await page.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(1);
      await expectAccessible(page, 'home page (en)');

      // The choice survives a reload and applies to other pages.
      await page.goto('/rounds/' + (await firstRoundId(page)));
      await settled(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByRole('heading', { name: 'Assessment criteria' }).count()).toBe(1);
      await expectAccessible(page, 'round page (en)');

      await page.getByRole('button', { name: 'Deutsch' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Bewertungskriterien' }).count()).toBe(1);
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
    } finally {
      await context.close();
    }
  });
});

async function firstRoundId(page: import('playwright-core').Page): Promise<string> {
  const rounds = (await (await page.request.get('/api/programmes/mps/rounds')).json()) as { id: string; slug: string }[];
  return rounds.find((r) => r.slug === '2020')!.id;
}
