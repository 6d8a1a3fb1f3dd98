import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../support/oidc-provider';
import { expectAccessible, expectHeading, settled, startHarness, type Harness } from './harness';

let h: Harness;
let idp: TestProvider;

/** The server must know its own address before it starts: the provider only sends browsers back to registered addresses. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/oidc/callback`;
  idp = await startTestProvider({
    redirectUris: [redirectUri],
    interactive: true,
    accounts: [{ sub: 'kc-referat', email: 'referat@stadtnetz.example', email_verified: true, name: 'Referat (Keycloak)' }],
  });
  h = await startHarness({
    port,
    config: { oidcProviders: [{ id: 'oidc', name: 'Kommunal-ID', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, redirectUri, scope: 'openid email profile' }] },
  });
});
afterAll(async () => {
  await h?.close();
  await idp?.close();
});

describe('single sign-on in the browser', () => {
  it('a case officer logs in at the provider and lands on the office start page with their roles', async () => {
    const { context, page } = await h.newPage();
    try {
      await page.goto('/login');
      await expectHeading(page, 'Anmelden');
      const button = page.getByRole('link', { name: 'Mit Kommunal-ID anmelden' });
      await button.waitFor();
      await expectAccessible(page, 'login page with single sign-on');
      // Keyboard only: the link is reachable and opens with Enter.
      await button.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.origin === idp.issuer);
      // oidc-provider's development login form: any password.
      await page.locator('input[name="login"]').fill('kc-referat');
      await page.locator('input[name="password"]').fill('beliebig');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.waitForURL((url) => url.origin === h.baseUrl && url.pathname !== '/login', { timeout: 30_000 }).catch(async () => {
        throw new Error(`Still at ${page.url()}: ${(await page.locator('body').innerText()).slice(0, 500)}`);
      });
      expect(new URL(page.url()).pathname).toBe('/office');
      await expectHeading(page, 'Programmbüro');
      await settled(page);
      await expect.poll(() => page.getByRole('main').getByText('Sachbearbeitung').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('a failed single sign-on shows its reason on the login page', async () => {
    const { context, page } = await h.newPage();
    try {
      await page.goto('/login?sso_error=email_unverified');
      await expectHeading(page, 'Anmelden');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('nicht als bestätigt gemeldet');
      await expectAccessible(page, 'login page with a single sign-on error');
      // Password login stays as it was.
      await expect.poll(() => page.getByRole('button', { name: 'Anmelden', exact: true }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
