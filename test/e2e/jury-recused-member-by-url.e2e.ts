import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { expectAccessible, expectHeading, login, startHarness, type Harness } from './harness';
import { apiAs } from './jury-api';
import { buildJuryRound, juryPeople, JURY_PASSWORD, type JuryScenario } from '../support/jury-scenario';

let h: Harness;
const contexts: BrowserContext[] = [];
const people = juryPeople('url');
let s: JuryScenario;
let sessionId: string;

beforeAll(async () => {
  h = await startHarness();
  s = await buildJuryRound({ login: (email, password) => apiAs(h, contexts, email, password), now: new Date(), tag: 'url', people, addMembers: 11 });
  const office = await apiAs(h, contexts, 'programm@stadtnetz.example');
  sessionId = (await office.post(`/api/jury/rounds/${s.roundId}/sessions`, { title: 'Jurysitzung', startsAt: new Date().toISOString() })).body.id;
  await office.post(`/api/jury/sessions/${sessionId}/open`);
  const attendance = await office.put(`/api/jury/sessions/${sessionId}/attendance`, people.map((p) => ({ memberId: s.members.get(p.email)!.memberId, present: true })));
  expect(attendance.body).toMatchObject({ quorate: true });
}, 600_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await h?.close();
});

describe('a jury member recused from an application', () => {
  it('neither sees it in the jury room nor opens or votes on it by its address', async () => {
    const recused = people[10]!;
    const { context, page } = await h.newPage();
    try {
      await login(page, recused.email, JURY_PASSWORD);
      await page.goto(`/jury/sessions/${sessionId}`);
      await expectHeading(page, 'Jurysaal: Jurysitzung');
      const headings = await page.locator('section[aria-labelledby="jury-applications"] h3').allTextContents();
      expect(headings).toHaveLength(4);
      expect(headings.join('|')).not.toContain(s.names.bonn);
      expect(headings.join('|')).toContain(s.names.wolfsburg);
      await expectAccessible(page, 'jury room of a recused member');

      // The application's jury page by its address: not found, as if it did not exist.
      await page.goto(`/jury/rounds/${s.roundId}/applications/${s.applications.bonn}`);
      await expectHeading(page, 'Seite nicht gefunden');
      expect(await page.locator('main').textContent()).not.toContain(s.names.bonn);
      await expectAccessible(page, 'recused application by address');
      // Another application of the round opens normally.
      await page.goto(`/jury/rounds/${s.roundId}/applications/${s.applications.wolfsburg}`);
      await expectHeading(page, s.names.wolfsburg);

      // Voting by address, with the page's own session and CSRF token: 404 as well, and no vote recorded.
      const answers = await page.evaluate(
        async ({ sessionId, roundId, bonn, wolfsburg }) => {
          const { csrfToken } = await (await fetch('/api/auth/session')).json();
          const vote = (id: string) =>
            fetch(`/api/jury/sessions/${sessionId}/applications/${id}/vote`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ choice: 'yes' }) }).then((r) => r.status);
          return { view: (await fetch(`/api/jury/rounds/${roundId}/applications/${bonn}`)).status, bonn: await vote(bonn), wolfsburg: await vote(wolfsburg) };
        },
        { sessionId, roundId: s.roundId, bonn: s.applications.bonn, wolfsburg: s.applications.wolfsburg },
      );
      expect(answers.view).toBe(404);
      expect(answers.bonn).toBe(404);
      expect(answers.wolfsburg).toBe(200);
    } finally {
      await context.close();
    }
    const office = await apiAs(h, contexts, 'programm@stadtnetz.example');
    const room = (await office.get(`/api/jury/sessions/${sessionId}/room`)).body;
    const bonn = room.applications.find((a: { applicationId: string }) => a.applicationId === s.applications.bonn);
    expect(bonn.votes).toEqual([]);
    const wolfsburg = room.applications.find((a: { applicationId: string }) => a.applicationId === s.applications.wolfsburg);
    expect(wolfsburg.votes).toEqual([expect.objectContaining({ memberId: s.members.get(recused.email)!.memberId, choice: 'yes' })]);
  });
});
