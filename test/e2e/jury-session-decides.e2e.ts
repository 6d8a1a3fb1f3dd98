import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, expectHeading, login, readableText, screenshot, settled, startHarness, type Harness } from './harness';
import { apiAs } from './jury-api';
import { buildJuryRound, juryPeople, JURY_PASSWORD, REQUESTED_CENTS, type Api, type JuryScenario } from '../support/jury-scenario';

let h: Harness;
const contexts: BrowserContext[] = [];
const people = juryPeople('e2e');
let s: JuryScenario;
let office: Api;
let sessionId: string;

beforeAll(async () => {
  h = await startHarness();
  s = await buildJuryRound({ login: (email, password) => apiAs(h, contexts, email, password), now: new Date(), tag: 'e2e', people, addMembers: 11 });
  office = await apiAs(h, contexts, 'programm@stadtnetz.example');
  const created = await office.post(`/api/jury/rounds/${s.roundId}/sessions`, { title: 'Jurysitzung', startsAt: new Date().toISOString() });
  expect(created.status, created.text).toBe(201);
  sessionId = created.body.id;
  expect((await office.post(`/api/jury/sessions/${sessionId}/open`)).status).toBe(200);
  const attendance = await office.put(`/api/jury/sessions/${sessionId}/attendance`, people.map((p) => ({ memberId: s.members.get(p.email)!.memberId, present: true })));
  expect(attendance.body).toMatchObject({ presentCount: 11, quorate: true });
}, 600_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await h?.close();
});

const card = (page: Page, organisation: string) => page.getByRole('region', { name: new RegExp(`: ${organisation}$`) });

async function voteInBrowser(email: string, organisation: string, choice: 'Ja' | 'Nein') {
  const { context, page } = await h.newPage();
  try {
    await login(page, email, JURY_PASSWORD);
    await page.goto(`/jury/sessions/${sessionId}`);
    await expectHeading(page, 'Jurysaal: Jurysitzung');
    const region = card(page, organisation);
    await region.getByRole('button', { name: choice, exact: true }).click();
    await expect.poll(() => readableText(region.getByRole('status'))).toBe(`Ihre Stimme zu ${organisation}: ${choice}.`);
    await expect.poll(() => region.getByRole('button', { name: choice, exact: true }).getAttribute('aria-pressed')).toBe('true');
  } finally {
    await context.close();
  }
}

describe('a jury of eleven', () => {
  it('votes in a session, one member recused, and the chair breaks a tie and records the decision', async () => {
    const wolfsburg = s.names.wolfsburg;
    const recused = people[10]!;
    const recusals = (await office.get(`/api/jury/rounds/${s.roundId}/recusals`)).body;
    expect(recusals).toEqual([expect.objectContaining({ memberId: s.members.get(recused.email)!.memberId, applicationId: s.applications.bonn, source: 'derived' })]);

    // Two members vote through the page; the others through the API, each as themselves.
    await voteInBrowser(people[1]!.email, wolfsburg, 'Ja');
    await voteInBrowser(people[2]!.email, wolfsburg, 'Nein');
    const byApi: Array<[number, 'yes' | 'no' | 'abstain']> = [[3, 'yes'], [4, 'yes'], [5, 'yes'], [6, 'no'], [7, 'no'], [8, 'no'], [9, 'no'], [10, 'abstain']];
    for (const [i, choice] of byApi) {
      const member = await apiAs(h, contexts, people[i]!.email, JURY_PASSWORD);
      const voted = await member.put(`/api/jury/sessions/${sessionId}/applications/${s.applications.wolfsburg}/vote`, { choice });
      expect(voted.status, voted.text).toBe(200);
    }

    // The chair finds the room from the start page, sees the tie, votes yes and decides.
    const { context, page } = await h.newPage();
    try {
      await login(page, people[0]!.email, JURY_PASSWORD);
      await expectHeading(page, 'Jury');
      await page.getByRole('link', { name: 'Jury: Jurytest e2e' }).click();
      await expectHeading(page, 'Jury: Jurytest e2e');
      expect(await page.locator('section[aria-labelledby="jury-members"] tbody tr').count()).toBe(11);
      await expectAccessible(page, 'jury round page');
      await page.getByRole('link', { name: /^Jurysitzung, / }).click();
      await expectHeading(page, 'Jurysaal: Jurysitzung');
      await settled(page);
      const region = card(page, wolfsburg);
      await expect.poll(() => readableText(region)).toContain('Ja 4 · Nein 5 · Enthaltung 1');
      expect(await readableText(page.locator('section[aria-labelledby="jury-money"]'))).toContain('10.000.000,00 €');
      await screenshot(page, 'jury-room-before');
      await expectAccessible(page, 'jury room');

      await region.getByRole('button', { name: 'Ja', exact: true }).click();
      await expect.poll(() => readableText(region)).toContain('Ja 5 · Nein 5 · Enthaltung 1 – Stimmengleichheit; die Stimme des Vorsitzes entscheidet.');

      const form = region.getByRole('form', { name: `Entscheidung zu ${wolfsburg}` });
      await form.getByRole('radio', { name: 'ausgewählt' }).check();
      await form.getByLabel(/^Förderbetrag in Euro/).fill('3.900.000,01');
      await form.getByLabel(/^Begründung/).fill('Überzeugendes Konzept mit hoher Übertragbarkeit.');
      await form.getByRole('button', { name: 'Entscheidung festhalten' }).click();
      // More than requested: refused, with the reason shown.
      await expect.poll(() => readableText(form.getByRole('alert'))).toContain('Der Förderbetrag passt nicht zum Ergebnis');
      await expectAccessible(page, 'jury room with a refused decision');
      await form.getByLabel(/^Förderbetrag in Euro/).fill('3.900.000,00');
      await form.getByRole('button', { name: 'Entscheidung festhalten' }).click();
      await expect.poll(() => readableText(region)).toContain('Entschieden: ausgewählt');
      expect(await readableText(region)).toContain('3.900.000,00 €');
      expect(await region.getByRole('button', { name: 'Ja', exact: true }).count()).toBe(0);
      await expect.poll(() => readableText(page.locator('section[aria-labelledby="jury-money"]'))).toContain('Bisher ausgewählt3.900.000,00 €');
      await screenshot(page, 'jury-room-decided');
      await expectAccessible(page, 'jury room after the decision');
    } finally {
      await context.close();
    }

    const decisions = (await office.get(`/api/jury/rounds/${s.roundId}/decisions`)).body;
    expect(decisions).toEqual([expect.objectContaining({ applicationId: s.applications.wolfsburg, outcome: 'selected', fundingCents: REQUESTED_CENTS, sessionId, auditSeq: expect.any(Number) })]);

    // Bonn: the recused member cannot vote; the others reject it by majority, recorded by the office.
    for (const i of [0, 1, 2, 3]) {
      const member = await apiAs(h, contexts, people[i]!.email, JURY_PASSWORD);
      expect((await member.put(`/api/jury/sessions/${sessionId}/applications/${s.applications.bonn}/vote`, { choice: i === 0 ? 'yes' : 'no' })).status).toBe(200);
    }
    const recusedApi = await apiAs(h, contexts, recused.email, JURY_PASSWORD);
    expect((await recusedApi.put(`/api/jury/sessions/${sessionId}/applications/${s.applications.bonn}/vote`, { choice: 'yes' })).status).toBe(404);
    const rejected = await office.post(`/api/jury/sessions/${sessionId}/applications/${s.applications.bonn}/decision`, { outcome: 'rejected', fundingCents: 0, rationale: 'Zu wenig übertragbar.' });
    expect(rejected.status, rejected.text).toBe(201);
    expect((await office.get(`/api/jury/rounds/${s.roundId}/decisions`)).body).toHaveLength(2);
  });
});
