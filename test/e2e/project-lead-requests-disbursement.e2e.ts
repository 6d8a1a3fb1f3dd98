import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectHeading, login, logout, readableText, screenshot, settled, startHarness, type Harness } from './harness';
import { centsToInput } from '../../web/lib/number-input';

interface Phase {
  id: string;
  availableCents: number;
}
interface GrantDetail {
  id: string;
  title: string;
  pendingCents: number;
  pendingDisbursements: number;
  phases: Phase[];
  disbursements: { id: string; amountCents: number; purpose: string; status: string }[];
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 600_000);
afterAll(async () => {
  await h?.close();
});

/** The project page's grant as the project lead's own session reads it from the API. */
async function grantOf(page: Page, id: string): Promise<GrantDetail> {
  const response = await page.request.get(`/api/grants/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as GrantDetail;
}

async function disbursedInChart(page: Page): Promise<number> {
  const chart = page.getByRole('img', { name: 'Mittel je Förderrunde' });
  return Number(await chart.getAttribute('data-disbursed-cents'));
}

const AMOUNT_CENTS = 1_234_567;
const AMOUNT_TEXT = '12.345,67';
const PURPOSE = 'Sensoren für die Parkplatzerfassung in Apfeldorf (E2E)';

describe('a project lead', () => {
  it('requests a disbursement, is refused above the phase, and the case officer approves it so the budget chart moves', async () => {
    const { context, page } = await h.newPage();
    try {
      // The project lead finds the grant on their start page.
      await login(page, 'projekt@stadtnetz.example');
      await expectHeading(page, 'Geförderte Projekte');
      const list = (await (await page.request.get('/api/grants')).json()) as { items: { id: string; title: string; organisation: { name: string } }[] };
      const mine = list.items.find((g) => g.title.includes('Smart Region AUF') || g.organisation.name.includes('Fuchstal'));
      expect(mine, JSON.stringify(list.items.map((g) => g.title))).toBeDefined();
      const region = page.locator('section[aria-labelledby="my-grants"]');
      await expect.poll(() => readableText(region)).toContain(mine!.title);
      await expectAccessible(page, 'project lead start page');
      await region.getByRole('link', { name: mine!.title }).click();
      await expectHeading(page, mine!.title);
      await screenshot(page, 'project-page');
      await expectAccessible(page, 'project page');

      const before = await grantOf(page, mine!.id);
      const form = page.getByRole('form', { name: 'Mittel abrufen' });
      const phaseId = await form.getByLabel('Phase', { exact: true }).inputValue();
      const phase = before.phases.find((p) => p.id === phaseId)!;
      expect(phase.availableCents).toBeGreaterThan(AMOUNT_CENTS);

      // One euro more than the phase still holds: the server refuses, the amount field says why.
      const amountField = form.getByLabel(/^Betrag in Euro/);
      await amountField.fill(centsToInput(phase.availableCents + 100, 'de'));
      await form.getByLabel(/^Verwendungszweck/).fill(PURPOSE);
      await form.getByRole('button', { name: 'Mittelabruf stellen' }).click();
      await expect.poll(() => readableText(page.locator('#f-amountCents-error'))).toContain('höher als das, was in dieser Phase noch abrufbar ist');
      expect(await amountField.getAttribute('aria-invalid')).toBe('true');
      expect(await readableText(form.getByRole('alert'))).toContain('Der Betrag übersteigt, was in der Phase noch');
      await expectAccessible(page, 'project page with a refused request');
      const unchanged = await grantOf(page, mine!.id);
      expect(unchanged.pendingCents).toBe(before.pendingCents);
      expect(unchanged.disbursements).toHaveLength(before.disbursements.length);

      // A valid amount is requested and shows in the history as pending.
      await amountField.fill(AMOUNT_TEXT);
      await form.getByRole('button', { name: 'Mittelabruf stellen' }).click();
      await expect.poll(() => readableText(form.getByRole('status'))).toContain('Ihr Mittelabruf über 12.345,67 € ist gestellt');
      const history = page.locator('section[aria-labelledby="disbursements"]');
      await expect.poll(() => readableText(history)).toContain(PURPOSE);
      const after = await grantOf(page, mine!.id);
      expect(after.pendingCents).toBe(before.pendingCents + AMOUNT_CENTS);
      expect(after.phases.find((p) => p.id === phaseId)!.availableCents).toBe(phase.availableCents - AMOUNT_CENTS);
      // The project lead cannot decide requests: no approve button anywhere.
      expect(await page.getByRole('button', { name: 'Freigeben' }).count()).toBe(0);
      await expectAccessible(page, 'project page after the request');
      await logout(page);

      // The case officer reads the budget, approves the request in the queue, and reads again.
      await login(page, 'referat@stadtnetz.example');
      await page.getByRole('link', { name: /^Mittelübersicht: / }).first().click();
      await expectHeading(page, 'Mittelübersicht: Modellprojekte Smart Cities');
      const disbursedBefore = await disbursedInChart(page);
      expect(disbursedBefore).toBeGreaterThan(0);
      const budgetUrl = page.url();
      await screenshot(page, 'budget-before');
      await expectAccessible(page, 'budget page');

      await page.goto('/office');
      await page.getByRole('link', { name: 'Offene Mittelabrufe' }).click();
      await expectHeading(page, 'Offene Mittelabrufe');
      const card = page.getByRole('region', { name: `Mittelabruf über 12.345,67 €: ${mine!.title}` });
      await expect.poll(() => readableText(card)).toContain(PURPOSE);
      await expectAccessible(page, 'disbursement queue');
      await card.getByRole('button', { name: 'Freigeben' }).click();
      await expect.poll(() => readableText(page.getByRole('status').filter({ hasText: 'freigegeben' }))).toContain('Mittelabruf über 12.345,67 € freigegeben.');
      expect(await card.count()).toBe(0);
      await expectAccessible(page, 'disbursement queue after approving');

      await page.goto(budgetUrl);
      await expectHeading(page, 'Mittelübersicht: Modellprojekte Smart Cities');
      await settled(page);
      expect(await disbursedInChart(page)).toBe(disbursedBefore + AMOUNT_CENTS);
      await screenshot(page, 'budget-after');

      const approved = (await grantOf(page, mine!.id)).disbursements.find((d) => d.purpose === PURPOSE);
      expect(approved).toMatchObject({ amountCents: AMOUNT_CENTS, status: 'approved' });

      // The office's view of the project: the approval in the history, then the round's grants.
      await page.goto(`/projects/${mine!.id}`);
      await expectHeading(page, mine!.title);
      const officeHistory = page.locator('section[aria-labelledby="disbursements"] tr').filter({ hasText: PURPOSE });
      await expect.poll(() => readableText(officeHistory)).toContain('freigegeben');
      await expectAccessible(page, 'project page as the case officer');
      await page.getByRole('link', { name: /^Alle Zuwendungen der Förderrunde / }).click();
      await expect.poll(() => page.locator('main h1').textContent()).toMatch(/^Zuwendungen: /);
      await settled(page);
      expect(await readableText(page.getByRole('main'))).toContain('Für jeden ausgewählten Antrag ist eine Zuwendung angelegt.');
      await expectAccessible(page, 'grants of the round');
    } finally {
      await context.close();
    }
  });
});
