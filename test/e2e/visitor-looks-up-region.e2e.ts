import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a visitor', () => {
  it('looks up St. Wendel in the region search with the keyboard only', async () => {
    const { context, page } = await h.newPage();
    try {
      await page.goto('/regions');
      await expectHeading(page, 'Regionen');
      await expectAccessible(page, 'regions page');

      // Tab from the top of the page to the search field, as a keyboard user would.
      const combobox = page.getByRole('combobox', { name: 'Gemeinde, Kreis oder Land' });
      for (let i = 0; i < 25 && !(await combobox.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      expect(await combobox.evaluate((el) => el === document.activeElement)).toBe(true);

      await page.keyboard.type('St. Wendel');
      await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('true');
      const listbox = page.getByRole('listbox');
      expect(await combobox.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
      const options = listbox.getByRole('option');
      await expect.poll(() => options.count()).toBeGreaterThan(0);
      // "St." is found as "Sankt" too; the municipality itself has the AGS 10046117.
      const texts = await options.allTextContents();
      const target = texts.findIndex((text) => text.includes('10046117'));
      expect(target, `options were: ${texts.join(' | ')}`).toBeGreaterThanOrEqual(0);
      await expectAccessible(page, 'regions page with open list');

      for (let i = 0; i <= target; i++) await page.keyboard.press('ArrowDown');
      const activeId = await combobox.getAttribute('aria-activedescendant');
      expect(activeId).toBeTruthy();
      expect(await page.locator(`[id="${activeId}"]`).getAttribute('aria-selected')).toBe('true');
      expect(await page.locator(`[id="${activeId}"]`).textContent()).toContain('10046117');
      // Focus never left the field while moving through the list.
      expect(await combobox.evaluate((el) => el === document.activeElement)).toBe(true);

      await page.keyboard.press('Enter');
      await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('false');
      const details = page.getByRole('region', { name: /Wendel/ });
      await expect.poll(() => details.textContent()).toContain('10046117');
      expect(await details.textContent()).toMatch(/1004\d{8}/); // the 12-digit ARS of the Kreis 10046
      await expectAccessible(page, 'regions page with a municipality');

      // Escape closes the list, a second Escape empties the field.
      await combobox.fill('');
      await page.keyboard.type('Wendel');
      await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      expect(await combobox.getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Escape');
      expect(await combobox.inputValue()).toBe('');
    } finally {
      await context.close();
    }
  });
});
