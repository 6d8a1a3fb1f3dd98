import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { expectAccessible, expectHeading, login, readableText, screenshot, settled, startHarness, type Harness } from './harness';
import { apiAs } from './jury-api';
import { buildJuryRound, juryPeople, type Api, type JuryScenario } from '../support/jury-scenario';

let h: Harness;
const contexts: BrowserContext[] = [];
// Three accounts: the chair and one member join through the API; the third is unknown to the programme.
const people = juryPeople('office').slice(0, 3);
let s: JuryScenario;
let office: Api;

beforeAll(async () => {
  h = await startHarness();
  s = await buildJuryRound({ login: (email, password) => apiAs(h, contexts, email, password), now: new Date(), tag: 'office', people, addMembers: 2 });
  office = await apiAs(h, contexts, 'referat@stadtnetz.example');
}, 600_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await h?.close();
});

describe('a case officer', () => {
  it('adds a member, sets the quorum, plans a session, records attendance and opens it, by keyboard', async () => {
    const { context, page } = await h.newPage();
    try {
      await login(page, 'referat@stadtnetz.example');
      await page.goto(`/rounds/${s.roundId}`);
      await expectHeading(page, 'Jurytest office');
      const setUp = page.getByRole('link', { name: 'Jury einrichten' });
      await setUp.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/office\/rounds\/[0-9a-f-]{36}\/jury$/);
      await expectHeading(page, 'Jury einrichten: Jurytest office');
      const members = page.getByRole('region', { name: 'Mitglieder' });
      expect(await members.locator('tbody tr').count()).toBe(2);
      await expectAccessible(page, 'jury set-up page');

      // An address no account has is refused with the reason, on the field.
      const addForm = page.getByRole('form', { name: 'Mitglied aufnehmen' });
      const email = addForm.getByLabel('E-Mail-Adresse');
      await email.focus();
      await page.keyboard.type('niemand@stadtnetz.example');
      await page.keyboard.press('Enter');
      await expect.poll(() => readableText(addForm.getByRole('alert'))).toContain('Zu dieser Adresse gibt es kein Konto.');
      await expectAccessible(page, 'jury set-up page with a refused member');

      // A juror of the 2020 round joins, typed and submitted from the keyboard.
      await email.fill('');
      await email.focus();
      await page.keyboard.type('jury@stadtnetz.example');
      await addForm.getByLabel('Zugehörigkeit').selectOption({ label: 'Praxis' });
      await email.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => readableText(addForm.getByRole('status').first())).toBe('Prof. Jan Jurymitglied ist Mitglied der Jury.');
      await expect.poll(() => members.locator('tbody tr').count()).toBe(3);
      expect(await readableText(members.locator('tbody tr').filter({ hasText: 'Prof. Jan Jurymitglied' }))).toContain('Praxis');

      // Half of the three members make the jury quorate.
      const quorum = page.getByRole('region', { name: 'Beschlussfähigkeit' });
      const share = quorum.getByLabel(/^Anteil der Mitglieder/);
      expect(await share.inputValue()).toBe('66,67');
      await share.fill('50');
      await share.press('Enter');
      await expect.poll(() => readableText(quorum.getByRole('status'))).toBe('Beschlussfähig ab 2 von 3 Mitgliedern.');

      // A session in Berlin time.
      const sessions = page.getByRole('region', { name: 'Sitzungen' });
      const plan = sessions.getByRole('form', { name: 'Sitzung planen' });
      await plan.getByLabel('Titel').fill('Auswahlsitzung');
      await plan.getByLabel('Beginn (Berliner Zeit)').fill('2027-03-01T10:00');
      const create = plan.getByRole('button', { name: 'Sitzung planen' });
      await create.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => readableText(plan.getByRole('status'))).toBe('Die Sitzung „Auswahlsitzung“ ist geplant.');
      const session = sessions.getByRole('region', { name: /^Auswahlsitzung, 01\.03\.2027, 10:00$/ });
      expect(await readableText(session)).toContain('Status: geplant');

      // The chair and the new member are present: ticked with the space bar, saved at once.
      for (const name of [people[0]!.name, 'Prof. Jan Jurymitglied']) {
        await session.getByRole('checkbox', { name }).focus();
        await page.keyboard.press('Space');
      }
      await session.getByRole('button', { name: 'Anwesenheit speichern' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => readableText(session.getByRole('status'))).toBe('Anwesenheit gespeichert: 2 von 3 anwesend.');
      await expect.poll(() => readableText(session)).toContain('Die Sitzung ist beschlussfähig (2 von 3 anwesend, 2 nötig).');

      await session.getByRole('button', { name: 'Sitzung öffnen' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => readableText(session.getByRole('status'))).toBe('Die Sitzung ist geöffnet.');
      expect(await readableText(session)).toContain('Status: geöffnet');
      await expect.poll(() => session.getByRole('button', { name: 'Sitzung schließen' }).count()).toBe(1);
      await settled(page);
      await screenshot(page, 'office-jury-set-up');
      await expectAccessible(page, 'jury set-up page with an open session');

      // What the page did is what the API holds.
      const overview = (await office.get(`/api/jury/rounds/${s.roundId}`)).body;
      expect(overview.settings).toMatchObject({ quorumBasisPoints: 5000, memberCount: 3, quorumNeeded: 2 });
      expect(overview.members).toContainEqual(expect.objectContaining({ email: 'jury@stadtnetz.example', role: 'member', affiliation: 'practice' }));
      const [planned] = overview.sessions;
      expect(planned).toMatchObject({ title: 'Auswahlsitzung', startsAt: '2027-03-01T09:00:00.000Z', status: 'open', presentCount: 2, quorate: true });
      const chairId = s.members.get(people[0]!.email)!.memberId;
      expect(planned.attendance).toContainEqual({ memberId: chairId, present: true });
      expect(planned.attendance).toContainEqual({ memberId: s.members.get(people[1]!.email)!.memberId, present: false });

      // The way into the jury room.
      await session.getByRole('link', { name: 'Jurysaal öffnen' }).click();
      await expectHeading(page, 'Jurysaal: Auswahlsitzung');
    } finally {
      await context.close();
    }
  });
});
