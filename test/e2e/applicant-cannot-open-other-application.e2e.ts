import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectHeading, login, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('an applicant', () => {
  it("cannot open another organisation's application by its address", async () => {
    // The office looks up Berlin's 2020 application, so the test knows a real address to try.
    const office = await h.newPage();
    let berlinId: string;
    try {
      await login(office.page, 'referat@stadtnetz.example');
      const rounds = await (await office.page.request.get('/api/programmes/mps/rounds')).json();
      const round2020 = rounds.find((r: { slug: string }) => r.slug === '2020');
      const rows = await (await office.page.request.get(`/api/rounds/${round2020.id}/applications`)).json();
      berlinId = rows.find((r: { organisation: string }) => r.organisation === 'Berlin').id;
      await office.page.goto(`/applications/${berlinId}`);
      await expectHeading(office.page, 'Berlin lebenswert smart');
    } finally {
      await office.context.close();
    }

    const { context, page } = await h.newPage();
    try {
      await login(page, 'kommune@stadtnetz.example');
      await page.goto(`/applications/${berlinId}`);
      await expectHeading(page, 'Seite nicht gefunden');
      expect(await page.getByRole('main').textContent()).not.toContain('Berlin lebenswert smart');
      const api = await page.request.get(`/api/applications/${berlinId}`);
      expect(api.status()).toBe(404);
      await expectAccessible(page, 'application of another organisation');
    } finally {
      await context.close();
    }
  });
});
