import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, login, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 600_000);
afterAll(async () => {
  await h?.close();
});

describe('a project lead', () => {
  it("cannot open another project's page by its address", async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'projekt@stadtnetz.example');
      const mine = (await (await page.request.get('/api/grants')).json()) as { items: { id: string }[] };
      const ownIds = new Set(mine.items.map((g) => g.id));
      expect(ownIds.size).toBeGreaterThan(0);

      // The office knows every grant of the programme, so the test knows a real address to try.
      const office = await h.newPage();
      let other: { id: string; title: string } | undefined;
      try {
        await login(office.page, 'referat@stadtnetz.example');
        const all = (await (await office.page.request.get('/api/grants')).json()) as { items: { id: string; title: string }[] };
        other = all.items.find((g) => !ownIds.has(g.id));
      } finally {
        await office.context.close();
      }
      expect(other).toBeDefined();

      await page.goto(`/projects/${other!.id}`);
      await expectHeading(page, 'Seite nicht gefunden');
      expect(await page.getByRole('main').textContent()).not.toContain(other!.title);
      expect((await page.request.get(`/api/grants/${other!.id}`)).status()).toBe(404);
      // Nor can the lead request money from it.
      const refused = await page.request.post(`/api/grants/${other!.id}/disbursements`, {
        data: { phaseId: other!.id, amountCents: 100, purpose: 'Versuch' },
        headers: { 'x-csrf-token': (await (await page.request.get('/api/auth/session')).json()).csrfToken },
      });
      expect(refused.status()).toBe(404);
      await expectAccessible(page, 'project of another organisation');
    } finally {
      await context.close();
    }
  });
});
