import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, login, logout, settled, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const accounts = [
  { email: 'admin@stadtnetz.example', path: '/admin', h1: 'Systemverwaltung', shows: 'Benutzerkonten' },
  { email: 'programm@stadtnetz.example', path: '/office', h1: 'Programmbüro', shows: 'Programmleitung' },
  { email: 'referat@stadtnetz.example', path: '/office', h1: 'Programmbüro', shows: 'Sachbearbeitung' },
  { email: 'gutachterin@stadtnetz.example', path: '/review', h1: 'Begutachtung', shows: 'Staffel 2020' },
  { email: 'jury@stadtnetz.example', path: '/jury', h1: 'Jury', shows: 'Jurymitglied' },
  { email: 'jury-vorsitz@stadtnetz.example', path: '/jury', h1: 'Jury', shows: 'Juryvorsitz' },
  { email: 'kommune@stadtnetz.example', path: '/apply', h1: 'Antragstellung', shows: 'Antragsteller:in' },
  { email: 'projekt@stadtnetz.example', path: '/projects', h1: 'Geförderte Projekte', shows: 'Projektleitung' },
];

describe('every demo account', () => {
  for (const account of accounts) {
    it(`${account.email} lands on ${account.path}`, async () => {
      const { context, page } = await h.newPage();
      try {
        await login(page, account.email);
        expect(new URL(page.url()).pathname).toBe(account.path);
        await expectHeading(page, account.h1);
        await settled(page);
        await expect.poll(() => page.getByRole('main').getByText(account.shows).count()).toBeGreaterThan(0);
        await expect.poll(() => page.title()).toContain(account.h1);
        await expectAccessible(page, `${account.path} as ${account.email}`);
        await logout(page);
        await expect.poll(() => page.getByRole('link', { name: 'Anmelden' }).count()).toBe(1);
      } finally {
        await context.close();
      }
    });
  }

  it('a visitor sent to a protected page logs in and comes back to it', async () => {
    const { context, page } = await h.newPage();
    try {
      await page.goto('/admin/audit');
      await page.waitForURL(/\/login\?next=/);
      await expectHeading(page, 'Anmelden');
      await expectAccessible(page, 'login page');
      await page.getByLabel('E-Mail-Adresse').fill('admin@stadtnetz.example');
      await page.getByLabel('Passwort', { exact: true }).fill('wrong password');
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('E-Mail-Adresse oder Passwort ist falsch');
      await expectAccessible(page, 'login page with error');
      await page.getByLabel('Passwort', { exact: true }).fill('stadtnetz-demo');
      await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/admin/audit');
      await expectHeading(page, 'Audit-Protokoll');
      await settled(page);
      // Every change of the demo data was audited as <module>.<verb>.
      await expect.poll(() => page.getByRole('cell', { name: /^[a-z]+(\.[a-z]+)+$/ }).count()).toBeGreaterThan(0);
      await expectAccessible(page, 'audit log');
    } finally {
      await context.close();
    }
  });

  it('the administrator sees the user list with its forms', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'admin@stadtnetz.example');
      await page.getByRole('link', { name: 'Benutzerkonten' }).first().click();
      await page.waitForURL('**/admin/users');
      await expectHeading(page, 'Benutzerkonten');
      await settled(page);
      await expect.poll(() => page.getByRole('rowheader', { name: 'Dr. Rita Gutachterin' }).count()).toBe(1);
      await expectAccessible(page, 'user administration');
    } finally {
      await context.close();
    }
  });
});
