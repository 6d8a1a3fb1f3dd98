/**
 * One real server and one real browser per test file: the web app is built if its build is
 * missing or older than its sources, the API runs in-process on a fresh PGlite database with the
 * demo data, and Debian's Chromium drives the pages.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Database } from '../../src/db/connection';
import { openDemoDatabase } from '../support/templates';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-users';
import { buildApp } from '../../src/server/app';
import { configFromEnv, type ServerConfig } from '../../src/server/config';
import { ensureWebBuild } from '../../src/server/web-build';

export { DEMO_PASSWORD };

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage): one visitor. */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

const webDir = 'dist/web';

/** `port` and `config` let a test wire the server to something that must know its address first (a single sign-on provider). */
export async function startHarness(options: { port?: number; config?: Partial<ServerConfig> } = {}): Promise<Harness> {
  await ensureWebBuild(webDir, () => {});
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  // The browser starts while the database is created and seeded: the two are independent.
  const launching = chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    .then((b) => (browser = b));
  try {
    // A private in-memory copy of the demo database that the test setup seeded once.
    database = await openDemoDatabase('pglite');
    app = await buildApp({ db: database.db, config: { ...configFromEnv(), webDir: path.resolve(webDir), ...options.config } });
    await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('The server did not get a TCP port');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    await launching;
    if (!browser) throw new Error('Chromium did not start');
    const theBrowser = browser;
    const theApp = app;
    const theDatabase = database;
    return {
      baseUrl,
      browser: theBrowser,
      async newPage(options = {}) {
        const context = await theBrowser.newContext({ baseURL: baseUrl, locale: 'de-DE', viewport: { width: 1280, height: 900 }, ...options });
        context.setDefaultTimeout(15_000);
        const page = await context.newPage();
        return { context, page };
      },
      async close() {
        await theBrowser.close();
        await theApp.close();
        await theDatabase.close();
      },
    };
  } catch (error) {
    await launching.catch(() => undefined);
    await browser?.close();
    await app?.close();
    await database?.close();
    throw error;
  }
}

/** Logs in through the form, as a person would, and waits until the start page is there. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await expect.poll(() => page.locator('main h1').first().textContent(), { timeout: 15_000 }).not.toBe('Anmelden');
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** WCAG 2.1 A and AA as axe checks them; a failure lists each rule with the elements it hit. */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const report = results.violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`)
    .join('\n');
  expect(results.violations, `Accessibility violations on ${where}:\n${report}`).toEqual([]);
}

/**
 * Waits until the page's h1 says what is expected: navigations run as React transitions, so the
 * old page stays on screen (under the new URL) until the new one, maybe loaded on demand, is ready.
 */
export async function expectHeading(page: Page, expected: string): Promise<void> {
  await expect.poll(() => page.locator('main h1').first().textContent(), { timeout: 15_000 }).toBe(expected);
  expect(await page.locator('main h1').count(), 'exactly one h1 per page').toBe(1);
  await settled(page);
}

/** The page's single h1, once the page has loaded its data and rendered it. */
export async function heading(page: Page): Promise<string> {
  const h1 = page.locator('main h1');
  await h1.first().waitFor();
  await settled(page);
  expect(await h1.count(), 'exactly one h1 per page').toBe(1);
  return (await h1.textContent())?.trim() ?? '';
}

/** Waits until no "Loading" status is shown, so checks see the finished page. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.getByText('Wird geladen …').first().waitFor({ state: 'detached' }).catch(() => {});
  await expect.poll(() => page.getByText(/Wird geladen|Loading …/).count()).toBe(0);
}

/** Text as people read it: the no-break spaces Intl puts into "300.000.000 €" become plain spaces. */
export async function readableText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

/** With E2E_SCREENSHOTS=<dir> set, saves a full-page screenshot there (for looking at pages while developing). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
