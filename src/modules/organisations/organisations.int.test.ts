import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../db/connection';
import { seedDemoOrganisations } from '../../db/seed/demo-organisations';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { systemActor } from '../../lib/access';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { createUser } from '../accounts/accounts.service';
import type { ServiceContext } from '../context';
import { findRegions, importRegions, type RegionValues } from '../regions/regions.service';
import { organisationSummary } from './organisations.service';

// The regions these tests use, as the register files them; imported only where the demo
// register does not have them (so the tests do not depend on its exact content).
const valid = '2020-12-31';
const kreis = (ars: string, name: string): RegionValues => ({
  ars, ags: ars, level: 'kreis', parentArs: ars.slice(0, 2), name, kind: 'Landkreis', typeCode: '44',
  population: null, areaHa: null, postalCode: null, validOn: valid,
});
const land = (ars: string, name: string): RegionValues => ({ ...kreis(ars, name), level: 'land', parentArs: null, kind: 'Land', typeCode: null });
const verband = (ars: string, name: string): RegionValues => ({ ...kreis(ars, name), level: 'gemeindeverband', parentArs: ars.slice(0, 5), kind: 'Samtgemeinde', typeCode: '52' });
const gemeinde = (ars: string, name: string): RegionValues => ({
  ...kreis(ars, name), ags: ars.slice(0, 5) + ars.slice(9), level: 'gemeinde', parentArs: ars.slice(0, 5), kind: 'Gemeinde', typeCode: '64',
});
const neededRegions: RegionValues[] = [
  land('02', 'Hamburg'), land('03', 'Niedersachsen'), land('05', 'Nordrhein-Westfalen'), land('09', 'Bayern'), land('14', 'Sachsen'), land('15', 'Sachsen-Anhalt'),
  gemeinde('020000000000', 'Hamburg'),
  gemeinde('034040000000', 'Osnabrück'),
  kreis('03459', 'Landkreis Osnabrück'),
  gemeinde('034590012012', 'Bissendorf'),
  gemeinde('034590020020', 'Hagen am Teutoburger Wald'),
  verband('034595401', 'Samtgemeinde Artland'),
  verband('034595403', 'Samtgemeinde Fürstenau'),
  verband('034595404', 'Samtgemeinde Neuenkirchen'),
  gemeinde('059130000000', 'Dortmund'),
  kreis('05978', 'Kreis Unna'),
  gemeinde('059780028028', 'Schwerte'),
  gemeinde('091620000000', 'München'),
  gemeinde('147130000000', 'Leipzig'),
  kreis('15083', 'Landkreis Börde'),
  gemeinde('150830040040', 'Barleben'),
  gemeinde('059580032032', 'Meschede'),
];

const osnabrueck = {
  kind: 'cooperation',
  displayName: 'Osnabrück mit den Gemeinden Hagen am Teutoburger Wald, Bissendorf sowie Samtgemeinden Fürstenau, Artland und Neuenkirchen',
  leadRegion: '03404000',
  partnerRegions: ['03459020', '03459012', '034595403', '034595401', '034595404'],
  budgetEmergency: false,
};

describe.each(testDatabaseKinds())('organisations on %s', (kind) => {
  let t: TestApp;
  let ctx: ServiceContext;
  let anna: TestClient; // kommune@stadtnetz.example, the demo applicant
  let bert: TestClient; // another applicant, of another municipality
  let officer: TestClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    ctx = { db: t.database.db, actor: systemActor('test'), now: () => t.clock.now };
    const present = new Set((await findRegions(ctx, neededRegions.map((r) => r.ars))).map((r) => r.ars));
    const missing = neededRegions.filter((r) => !present.has(r.ars));
    if (missing.length > 0) await importRegions(ctx, missing, { name: 'organisations-test', sha256: 'organisations-test' });
    for (const [email, displayName] of [
      ['bert@meschede.example', 'Bert Meschede'],
      ['neu@barleben.example', 'Nora Neu'],
      ['dritte@example.org', 'Dora Dritte'],
    ] as const) {
      await createUser(ctx, { email, displayName, password: DEMO_PASSWORD, isAdmin: false });
    }
    anna = await t.as('kommune@stadtnetz.example');
    bert = await t.as('bert@meschede.example');
    officer = await t.as('referat@stadtnetz.example');
  });
  afterAll(async () => t?.close());

  it('makes the demo applicant the administrator of Barleben, once', async () => {
    await seedDemoOrganisations(ctx);
    const creates = (await t.events('organisations.create')).length;
    const joins = (await t.events('organisations.join')).length;
    await seedDemoOrganisations(ctx);
    expect(await t.events('organisations.create')).toHaveLength(creates);
    expect(await t.events('organisations.join')).toHaveLength(joins);
    const mine = (await anna.get('/api/organisations')).json();
    const barleben = mine.find((o: { displayName: string }) => o.displayName === 'Gemeinde Barleben');
    expect(barleben).toMatchObject({ kind: 'municipality', sortName: 'Barleben', myRole: 'admin' });
    expect(barleben.regions).toEqual([expect.objectContaining({ ars: '150830040040', ags: '15083040', role: 'lead', level: 'gemeinde' })]);
  });

  it('registers a municipality with the registering user as its administrator, audited', async () => {
    const response = await bert.post('/api/organisations', { kind: 'municipality', displayName: 'Stadt Meschede', leadRegion: '05958032', budgetEmergency: true });
    expect(response.statusCode, response.body).toBe(201);
    const org = response.json();
    expect(org).toMatchObject({ kind: 'municipality', displayName: 'Stadt Meschede', sortName: 'Meschede', view: 'full', budgetEmergency: true, myRole: 'admin' });
    expect(org.regions).toEqual([expect.objectContaining({ ars: '059580032032', role: 'lead', landName: 'Nordrhein-Westfalen' })]);
    expect(org.members).toEqual([expect.objectContaining({ displayName: 'Bert Meschede', role: 'admin' })]);
    expect(org.abilities).toEqual(expect.arrayContaining(['organisation.update', 'organisation.invite']));
    const event = (await t.events('organisations.create')).at(-1);
    expect(event).toMatchObject({ subjectId: org.id, actorLabel: 'bert@meschede.example' });
    expect(event?.payload).toMatchObject({ kind: 'municipality', leadRegion: '059580032032', partnerRegions: [], budgetEmergency: true });

    const again = await anna.post('/api/organisations', { kind: 'municipality', displayName: 'Meschede', leadRegion: '059580032032' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', errors: [{ path: 'leadRegion' }] });
  });

  it('registers a district and cooperations of Gemeinden, Samtgemeinden and Kreise', async () => {
    const district = await officer.post('/api/organisations', { kind: 'district', displayName: 'Landkreis Börde', leadRegion: '15083' });
    expect(district.statusCode, district.body).toBe(201);
    expect(district.json().regions.map((r: { level: string }) => r.level)).toEqual(['kreis']);

    const coop = await anna.post('/api/organisations', { ...osnabrueck, sortName: 'Osnabrück' });
    expect(coop.statusCode, coop.body).toBe(201);
    const body = coop.json();
    expect(body.sortName).toBe('Osnabrück');
    expect(body.regions.map((r: { name: string; role: string }) => `${r.role}:${r.name}`)).toEqual([
      'lead:Osnabrück',
      'partner:Hagen am Teutoburger Wald',
      'partner:Bissendorf',
      'partner:Samtgemeinde Fürstenau',
      'partner:Samtgemeinde Artland',
      'partner:Samtgemeinde Neuenkirchen',
    ]);

    const cut = await anna.post('/api/organisations', {
      kind: 'cooperation',
      displayName: 'Hamburg mit Leipzig und München',
      sortName: 'Hamburg',
      leadRegion: '02000000',
      partnerRegions: ['14713000', '091620000000'],
    });
    expect(cut.statusCode, cut.body).toBe(201);
    const dortmund = await anna.post('/api/organisations', { kind: 'cooperation', displayName: 'Dortmund und Schwerte', leadRegion: '05913000', partnerRegions: ['05978028'] });
    expect(dortmund.statusCode, dortmund.body).toBe(201);
    expect(dortmund.json().sortName).toBe('Dortmund');

    const summary = await organisationSummary(ctx, body.id);
    expect(summary.leadRegion).toMatchObject({ name: 'Osnabrück', landName: 'Niedersachsen' });
    expect(summary.partnerRegions).toHaveLength(5);
    expect(summary.budgetEmergency).toBe(false);
  });

  it('refuses regions that do not fit the kind, naming the field, and creates nothing', async () => {
    const before = (await t.events('organisations.create')).length;
    const wrongLevel = await anna.post('/api/organisations', { kind: 'municipality', displayName: 'Landkreis als Gemeinde', leadRegion: '15083' });
    expect(wrongLevel.statusCode).toBe(422);
    expect(wrongLevel.json()).toMatchObject({ code: 'ORGANISATION_REGIONS_INVALID', errors: [{ path: 'leadRegion' }] });

    const districtOfGemeinde = await anna.post('/api/organisations', { kind: 'district', displayName: 'Barleben als Kreis', leadRegion: '15083040' });
    expect(districtOfGemeinde.json()).toMatchObject({ code: 'ORGANISATION_REGIONS_INVALID', errors: [{ path: 'leadRegion' }] });

    const unknown = await anna.post('/api/organisations', { ...osnabrueck, partnerRegions: ['03459020', '03459012', '03459999'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'ORGANISATION_REGIONS_INVALID', errors: [{ path: 'partnerRegions.2' }] });

    const unknownLead = await anna.post('/api/organisations', { kind: 'municipality', displayName: 'Nirgendwo', leadRegion: '15083999' });
    expect(unknownLead.json()).toMatchObject({ code: 'ORGANISATION_REGIONS_INVALID', errors: [{ path: 'leadRegion' }] });

    const malformed = await anna.post('/api/organisations', { ...osnabrueck, partnerRegions: ['17000000', '0345901'] });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'REGION_CODE_INVALID' });
    expect(malformed.json().errors.map((e: { path: string }) => e.path)).toEqual(['partnerRegions.0', 'partnerRegions.1']);

    const letters = await anna.post('/api/organisations', { ...osnabrueck, leadRegion: 'Osnabrück' });
    expect(letters.statusCode).toBe(400);
    expect(letters.json().errors.map((e: { path: string }) => e.path)).toContain('leadRegion');

    const lonely = await anna.post('/api/organisations', { ...osnabrueck, partnerRegions: [] });
    expect(lonely.statusCode).toBe(422);
    expect(lonely.json()).toMatchObject({ code: 'ORGANISATION_REGIONS_INVALID', errors: [{ path: 'partnerRegions' }] });

    const withPartners = await anna.post('/api/organisations', { kind: 'municipality', displayName: 'Barleben und mehr', leadRegion: '15083040', partnerRegions: ['05958032'] });
    expect(withPartners.json()).toMatchObject({ code: 'ORGANISATION_REGIONS_INVALID', errors: [{ path: 'partnerRegions' }] });

    const twice = await anna.post('/api/organisations', { ...osnabrueck, partnerRegions: ['03459020', '034590020020', '03404000'] });
    expect(twice.json().errors.map((e: { path: string }) => e.path)).toEqual(['partnerRegions.1', 'partnerRegions.2']);

    const tooMany = await anna.post('/api/organisations', { ...osnabrueck, partnerRegions: Array.from({ length: 31 }, () => '03459020') });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors.map((e: { path: string }) => e.path)).toContain('partnerRegions');

    const longName = await anna.post('/api/organisations', { ...osnabrueck, displayName: 'x'.repeat(301) });
    expect(longName.json().errors.map((e: { path: string }) => e.path)).toContain('displayName');

    expect(await t.events('organisations.create')).toHaveLength(before);
    const anonymous = await t.client();
    expect((await anonymous.post('/api/organisations', osnabrueck)).statusCode).toBe(401);
  });

  it('shows members only to members and staff, and lets only its administrators edit it', async () => {
    const mine = (await bert.get('/api/organisations')).json();
    expect(mine.map((o: { displayName: string }) => o.displayName)).toEqual(['Stadt Meschede']);
    const meschede = mine[0].id as string;

    const publicView = (await anna.get(`/api/organisations/${meschede}`)).json();
    expect(publicView).toMatchObject({ view: 'public', displayName: 'Stadt Meschede', myRole: null, abilities: ['organisation.read'] });
    expect(publicView.members).toBeUndefined();
    expect(publicView.budgetEmergency).toBeUndefined();
    expect((await anna.get(`/api/organisations/${meschede}/members`)).statusCode).toBe(403);
    expect((await (await t.client()).get(`/api/organisations/${meschede}/members`)).statusCode).toBe(401);
    const anonymousView = (await (await t.client()).get(`/api/organisations/${meschede}`)).json();
    expect(anonymousView.members).toBeUndefined();

    const forbidden = await anna.patch(`/api/organisations/${meschede}`, { displayName: 'Gekapert' });
    expect(forbidden.statusCode).toBe(403);
    expect((await anna.post(`/api/organisations/${meschede}/invitations`, { email: 'kommune@stadtnetz.example', role: 'admin' })).statusCode).toBe(403);
    expect((await bert.get('/api/organisations/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    const staffView = (await officer.get(`/api/organisations/${meschede}`)).json();
    expect(staffView.view).toBe('full');
    expect(staffView.members).toHaveLength(1);
    expect((await officer.get(`/api/organisations/${meschede}/members`)).json()).toEqual([
      expect.objectContaining({ email: 'bert@meschede.example', role: 'admin' }),
    ]);
    expect((await officer.patch(`/api/organisations/${meschede}`, { displayName: 'x-officer' })).statusCode).toBe(403);

    const all = (await officer.get('/api/organisations')).json();
    expect(all.length).toBeGreaterThanOrEqual(5);
    const filtered = (await officer.get(`/api/organisations?q=${encodeURIComponent('osnabr')}`)).json();
    // The demo's 2020 cooperation and this test's own one.
    expect(filtered.length).toBeGreaterThanOrEqual(2);
    expect(filtered.every((o: { displayName: string }) => o.displayName.includes('Osnabrück'))).toBe(true);
    expect((await (await t.client()).get('/api/organisations')).statusCode).toBe(401);

    const updated = await bert.patch(`/api/organisations/${meschede}`, { displayName: 'Kreisstadt Meschede', budgetEmergency: false });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ displayName: 'Kreisstadt Meschede', budgetEmergency: false, sortName: 'Meschede' });
    expect((await t.events('organisations.update')).at(-1)).toMatchObject({
      subjectId: meschede,
      payload: { changes: { displayName: 'Kreisstadt Meschede', budgetEmergency: false }, before: { displayName: 'Stadt Meschede', budgetEmergency: true } },
    });
    const unchanged = (await t.events('organisations.update')).length;
    expect((await bert.patch(`/api/organisations/${meschede}`, { displayName: 'Kreisstadt Meschede' })).statusCode).toBe(200);
    expect(await t.events('organisations.update')).toHaveLength(unchanged);

    const regions = await bert.patch(`/api/organisations/${meschede}`, { leadRegion: '15083040' });
    expect(regions.statusCode).toBe(400);
    expect(regions.json().errors).toEqual([expect.objectContaining({ path: 'leadRegion', message: expect.stringContaining('fixed') })]);
  });

  it('invites by email; the invited account joins once with the token', async () => {
    const barleben = (await anna.get('/api/organisations')).json().find((o: { sortName: string }) => o.sortName === 'Barleben');
    const invited = await anna.post(`/api/organisations/${barleben.id}/invitations`, { email: 'Neu@Barleben.example', role: 'member' });
    expect(invited.statusCode, invited.body).toBe(201);
    const invitation = invited.json();
    expect(invitation).toMatchObject({ email: 'neu@barleben.example', role: 'member', expiresAt: '2026-12-10T12:00:00.000Z' });
    expect(invitation.token.length).toBeGreaterThanOrEqual(40);
    const inviteEvent = (await t.events('organisations.invite')).at(-1);
    expect(inviteEvent).toMatchObject({ subjectId: barleben.id, payload: { email: 'neu@barleben.example', role: 'member' } });
    expect(JSON.stringify(inviteEvent?.payload)).not.toContain(invitation.token);

    const wrongPerson = await bert.post('/api/invitations/accept', { token: invitation.token });
    expect(wrongPerson.statusCode).toBe(410);
    expect(wrongPerson.json()).toMatchObject({ code: 'INVITATION_INVALID', errors: [{ path: 'token' }] });
    expect((await (await t.client()).post('/api/invitations/accept', { token: invitation.token })).statusCode).toBe(401);
    expect((await bert.post('/api/invitations/accept', { token: 'x'.repeat(43) })).statusCode).toBe(410);

    // A second invitation, for admin rights, sent before the first was used.
    const promotion = (await anna.post(`/api/organisations/${barleben.id}/invitations`, { email: 'neu@barleben.example', role: 'admin' })).json();

    const nora = await t.as('neu@barleben.example');
    const joined = await nora.post('/api/invitations/accept', { token: invitation.token });
    expect(joined.statusCode, joined.body).toBe(200);
    expect(joined.json()).toMatchObject({ id: barleben.id, view: 'full', myRole: 'member' });
    expect(joined.json().members.map((m: { email: string }) => m.email)).toEqual(expect.arrayContaining(['kommune@stadtnetz.example', 'neu@barleben.example']));
    expect((await t.events('organisations.join')).at(-1)).toMatchObject({ subjectId: barleben.id, actorLabel: 'neu@barleben.example', payload: { role: 'member', wasMember: false } });

    const reused = await nora.post('/api/invitations/accept', { token: invitation.token });
    expect(reused.statusCode).toBe(410);
    expect(reused.json()).toMatchObject({ code: 'INVITATION_INVALID', detail: expect.stringContaining('used') });

    // A member sees the organisation and its members, but does not administer it.
    expect((await nora.get('/api/organisations')).json().map((o: { id: string }) => o.id)).toEqual([barleben.id]);
    expect((await nora.get(`/api/organisations/${barleben.id}/members`)).statusCode).toBe(200);
    expect((await nora.patch(`/api/organisations/${barleben.id}`, { sortName: 'Nora' })).statusCode).toBe(403);
    expect((await nora.post(`/api/organisations/${barleben.id}/invitations`, { email: 'x@example.org' })).statusCode).toBe(403);
    expect((await anna.post(`/api/organisations/${barleben.id}/invitations`, { email: 'neu@barleben.example' })).json()).toMatchObject({
      code: 'CONFLICT',
      errors: [{ path: 'email' }],
    });

    // Accepting as a member already is fine: the admin invitation raises the membership.
    const raised = await nora.post('/api/invitations/accept', { token: promotion.token });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().myRole).toBe('admin');
    expect(raised.json().members.filter((m: { email: string }) => m.email === 'neu@barleben.example')).toHaveLength(1);
    expect((await t.events('organisations.join')).at(-1)?.payload).toMatchObject({ role: 'admin', wasMember: true });
  });

  it('refuses an expired invitation', async () => {
    const barleben = (await anna.get('/api/organisations')).json().find((o: { sortName: string }) => o.sortName === 'Barleben');
    const invitation = (await anna.post(`/api/organisations/${barleben.id}/invitations`, { email: 'dritte@example.org', role: 'admin' })).json();
    const started = t.clock.now;
    try {
      t.clock.now = new Date(started.getTime() + 15 * 24 * 3_600_000);
      const dora = await t.as('dritte@example.org'); // sessions end after 12 hours: log in at the new time
      const expired = await dora.post('/api/invitations/accept', { token: invitation.token });
      expect(expired.statusCode).toBe(410);
      expect(expired.json()).toMatchObject({ code: 'INVITATION_INVALID', detail: expect.stringContaining('expired') });
      t.clock.now = new Date(started.getTime() + 13 * 24 * 3_600_000);
      const inTime = await (await t.as('dritte@example.org')).post('/api/invitations/accept', { token: invitation.token });
      expect(inTime.statusCode, inTime.body).toBe(200);
      expect(inTime.json().myRole).toBe('admin');
    } finally {
      t.clock.now = started;
    }
  });
});
