import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, login, readableText, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const publicPages = ['/', '/regions', '/portal', '/portal/projects', '/portal/statistics', '/portal/open-data', '/portal/search?q=Jena', '/catalogue', '/catalogue/knowledge', '/catalogue/network'];

/** Opens a page and waits until the app has taken it over: its first own request asks who is logged in. */
async function openAndHydrate(page: Page, path: string): Promise<void> {
  await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/session'), page.goto(path)]);
  await settled(page);
}

describe('the public pages, prerendered on the server', () => {
  it('arrive as HTML that a browser without JavaScript can read', async () => {
    const { context, page } = await h.newPage({ javaScriptEnabled: false });
    try {
      await page.goto('/portal');
      expect(await page.locator('main h1').textContent()).toBe('Förderportal');
      expect(await readableText(page.getByRole('region', { name: 'Kennzahlen' }))).toContain('32 geförderte Projekte');
    } finally {
      await context.close();
    }
  });

  it('can be followed by keyboard and are accessible before the app has arrived', async () => {
    const { context, page } = await h.newPage();
    try {
      // The app's script never arrives: what is on screen is the HTML as the server sent it.
      await context.route('**/assets/*.js', (route) => route.abort());
      await page.goto('/portal/projects');
      const table = page.getByRole('table', { name: /^Geförderte Projekte:/ });
      expect(await table.locator('tbody tr').count()).toBe(32);
      await expectAccessible(page, 'prerendered projects page');

      const project = table.getByRole('link', { name: 'Smart Region AUF' });
      await project.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/portal\/projects\/[0-9a-f-]{36}$/);
      expect(await page.locator('main h1').textContent()).toBe('Smart Region AUF');
      expect(await readableText(page.getByRole('region', { name: 'Auf einen Blick' }))).toContain('Gemeinde Fuchstal');
      await expectAccessible(page, 'prerendered project page');

      // A page whose data the API refuses is not prerendered: the app shows the error instead.
      const missing = await page.request.get('/portal/projects/00000000-0000-4000-8000-000000000000');
      expect(await missing.text()).not.toContain('prerender-data');
    } finally {
      await context.close();
    }
  });

  it('are taken over by the app from the data they came with, without a hydration error, and then navigate in the app', async () => {
    const { context, page } = await h.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    const pageData: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/') && pathname !== '/api/auth/session') pageData.push(`${page.url()} → ${pathname}`);
    });
    try {
      for (const path of publicPages) {
        const html = await (await page.request.get(path)).text();
        expect(html, path).toContain('id="prerender-data"');
        await openAndHydrate(page, path);
      }
      // Every page hydrated from the data it came with: none loaded it again.
      expect(pageData).toEqual([]);
      expect(errors).toEqual([]);

      // Once taken over, links change the page inside the app instead of loading a new document.
      await openAndHydrate(page, '/portal/projects');
      // The map is drawn by the app, not sent with the HTML.
      const map = page.getByRole('group', { name: /^Karte Deutschlands mit 32 geförderten Projekten/ });
      await expect.poll(() => map.getByRole('link').count()).toBe(32);
      await expect.poll(() => map.locator('path.land').count()).toBe(16);
      const documents: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'document') documents.push(request.url());
      });
      await page.getByRole('navigation', { name: 'Bereiche des Förderportals' }).getByRole('link', { name: 'Statistik' }).click();
      await expectHeading(page, 'Statistik');
      expect(documents).toEqual([]);
      // The next page loaded its own data, as the server's belonged to the first page.
      expect(pageData.some((call) => call.endsWith('/api/public/statistics'))).toBe(true);
      await expectAccessible(page, 'statistics after the takeover');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('are rendered by the browser for a logged-in person, never on the server with their session', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'referat@stadtnetz.example');
      const withSession = await page.request.get('/portal');
      expect(await withSession.text()).not.toContain('prerender-data');
      await page.goto('/portal');
      await expectHeading(page, 'Förderportal');
      expect(await page.getByRole('button', { name: 'Abmelden' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
