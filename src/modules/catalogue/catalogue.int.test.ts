import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { testDatabaseKinds } from '../../db/connection';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { publiccodeYmlOf, demoSolutions } from '../../db/seed/demo-catalogue.data';

interface Item {
  id: string;
  slug: string;
  name: string;
  rank: number;
  licence: string;
  usedBy: number;
  highlights: string[];
}
interface FacetValue {
  value: string;
  label: string;
  count: number;
}

const validYml = publiccodeYmlOf(demoSolutions.find((s) => s.name === 'Urbane Datenplattform Jena')!);

/** A stand-in for a code forge, answering on 127.0.0.1 only: the tests never reach the internet. */
function startForge(): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/stadt/gut/-/raw/HEAD/publiccode.yml') {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(validYml);
    } else if (request.url?.startsWith('/stadt/langsam/')) {
      // Never answers: the fetch must give up on its own.
      setTimeout(() => response.destroy(), 8_000);
    } else {
      response.writeHead(404);
      response.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe.each(testDatabaseKinds())('catalogue on %s', (kind) => {
  let t: TestApp;
  let anonymous: TestClient;
  let applicant: TestClient;
  let manager: TestClient;
  let forge: { server: Server; base: string };
  let barlebenId: string;
  let kielId: string;

  const search = async (query: string) => {
    const response = await anonymous.get(`/api/catalogue/solutions?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { total: number; items: Item[]; facets: Record<string, FacetValue[]> };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    forge = await startForge();
    anonymous = await t.client();
    applicant = await t.as('kommune@stadtnetz.example');
    manager = await t.as('programm@stadtnetz.example');
    barlebenId = (await anonymous.get('/api/catalogue/solutions/barleben-gemeinde-app')).json().organisationId;
    kielId = (await anonymous.get('/api/catalogue/solutions/smart-city-dashboard-kielregion')).json().organisationId;
    // The first run after a code change builds the demo template, slow on a busy machine.
  }, 600_000);
  afterAll(async () => {
    forge?.server.close();
    await t?.close();
  });

  it('finds the singular from a plural and the umlaut from its spelt-out form, ranked by relevance', async () => {
    const plural = await search('q=Dashboards');
    expect(plural.items[0]!.name).toBe('Smart City Dashboard KielRegion');
    expect(plural.items[0]!.highlights).toContain('Dashboard');
    const singular = await search('q=Dashboard');
    expect(singular.items.map((i) => i.id)).toEqual(plural.items.map((i) => i.id));

    const platform = await search('q=Plattformen');
    expect(platform.total).toBeGreaterThan(0);
    expect(platform.items.map((i) => i.name)).toContain('LoRaWAN-Sensorplattform Ulm');

    const umlaut = await search(`q=${encodeURIComponent('Bürgerbeteiligung')}`);
    const spelt = await search('q=Buergerbeteiligung');
    expect(umlaut.total).toBeGreaterThan(0);
    expect(spelt.items.map((i) => i.id)).toEqual(umlaut.items.map((i) => i.id));
    const trees = await search('q=Stadtbaeume');
    expect(trees.items.map((i) => i.name)).toEqual(['Gießkannen-Karte Stadtbäume']);

    // The name weighs more than the text: the dashboard itself before solutions that mention dashboards.
    const ranks = plural.items.map((i) => i.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(ranks[0]!).toBeGreaterThan(ranks[1]!);

    // Stop words alone and tsquery syntax are harmless.
    expect((await search(`q=${encodeURIComponent("die & | ! ( ' :*")}`)).total).toBe(27);
  });

  it('counts facets under every other filter and filters by licence, Land and kind', async () => {
    const all = await search('pageSize=50');
    expect(all.total).toBe(27);
    const eupl = all.facets.licence!.find((f) => f.value === 'EUPL-1.2')!;
    expect(eupl.count).toBe(all.items.filter((i) => i.licence === 'EUPL-1.2').length);

    const filtered = await search('licence=EUPL-1.2&pageSize=50');
    expect(filtered.total).toBe(eupl.count);
    expect(filtered.items.every((i) => i.licence === 'EUPL-1.2')).toBe(true);
    // The licence facet still shows the alternatives, the others count within EUPL only.
    expect(filtered.facets.licence).toEqual(all.facets.licence);
    const kinds = filtered.facets.applicantKind!.reduce((sum, f) => sum + f.count, 0);
    expect(kinds).toBe(eupl.count);

    const thueringen = await search('land=16');
    expect(thueringen.items.map((i) => i.name).sort()).toEqual(['Stadtteil-Treffpunkt Gera', 'Urbane Datenplattform Jena']);
    expect(all.facets.land!.find((f) => f.value === '16')).toEqual({ value: '16', label: 'Thüringen', count: 2 });
    const districts = await search('applicantKind=district');
    expect(districts.items.map((i) => i.name)).toEqual(['Smart Region Fichtelgebirge Sensorik']);
    const combined = await search(`q=Daten&licence=EPL-2.0&maturity=stable`);
    expect(combined.items.map((i) => i.name)).toEqual(['Urbane Datenplattform Jena']);

    const bad = await anonymous.get('/api/catalogue/solutions?land=Bayern&pageSize=500');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['land', 'pageSize']);
  });

  it('takes several values per facet: any of them within a facet, all facets together, each facet counted without its own filter', async () => {
    const all = await search('pageSize=50');
    const countOf = (pred: (i: Item & { categories?: string[]; applicantKind?: string }) => boolean) => all.items.filter(pred).length;
    const [l1, l2] = all.facets.licence!.map((f) => f.value);
    const either = await search(`licence=${encodeURIComponent(l1!)}&licence=${encodeURIComponent(l2!)}&pageSize=50`);
    expect(either.total).toBe(countOf((i) => i.licence === l1 || i.licence === l2));
    expect(either.total).toBeGreaterThan(countOf((i) => i.licence === l1));
    expect(new Set(either.items.map((i) => i.licence))).toEqual(new Set([l1, l2]));
    // The chosen facet keeps its alternatives; the others count within the chosen licences.
    expect(either.facets.licence).toEqual(all.facets.licence);
    expect(either.facets.applicantKind!.reduce((sum, f) => sum + f.count, 0)).toBe(either.total);
    // Order and repetition of the values change nothing.
    const reversed = await search(`licence=${encodeURIComponent(l2!)}&licence=${encodeURIComponent(l1!)}&licence=${encodeURIComponent(l2!)}&pageSize=50`);
    expect(reversed.items.map((i) => i.id)).toEqual(either.items.map((i) => i.id));

    // AND across facets, and the licence facet counted under the kind filter only.
    const detailed = (await search('pageSize=50&sort=name')).items as Array<Item & { applicantKind: string; categories: string[] }>;
    const kinds = await search(`licence=${encodeURIComponent(l1!)}&licence=${encodeURIComponent(l2!)}&applicantKind=municipality&applicantKind=district&pageSize=50`);
    const inKinds = detailed.filter((i) => i.applicantKind === 'municipality' || i.applicantKind === 'district');
    expect(kinds.total).toBe(inKinds.filter((i) => i.licence === l1 || i.licence === l2).length);
    for (const f of kinds.facets.licence!) expect(f.count, f.value).toBe(inKinds.filter((i) => i.licence === f.value).length);
    expect(kinds.facets.applicantKind!.reduce((sum, f) => sum + f.count, 0)).toBe(either.total);

    // Categories: a solution in any of the chosen ones.
    const [c1, c2] = all.facets.category!.map((f) => f.value);
    const cats = await search(`category=${encodeURIComponent(c1!)}&category=${encodeURIComponent(c2!)}&pageSize=50`);
    expect(cats.total).toBe(detailed.filter((i) => i.categories.includes(c1!) || i.categories.includes(c2!)).length);
    expect(cats.facets.category).toEqual(all.facets.category);

    const bad = await anonymous.get('/api/catalogue/solutions?land=16&land=Bayern');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['land.1']);
  });

  it('shows a solution with its publiccode.yml, validation result and adopters on a map', async () => {
    const response = await anonymous.get('/api/catalogue/solutions/urbane-datenplattform-jena');
    expect(response.statusCode).toBe(200);
    const jena = response.json();
    expect(jena).toMatchObject({ licence: 'EPL-2.0', landName: 'Thüringen', usedBy: 5, publiccode: { valid: true, version: '0.7', errors: [], source: 'paste' } });
    expect(jena.publiccode.fields.descriptions.de.features.length).toBeGreaterThan(0);
    expect(jena.applicationId).toEqual(expect.any(String));
    expect(jena.adoptions).toHaveLength(5);
    for (const a of jena.adoptions) expect(a.region).toMatchObject({ latitude: expect.any(Number), longitude: expect.any(Number) });
    expect(jena.abilities).toEqual([]);
    expect((await anonymous.get(`/api/catalogue/solutions/${jena.id}`)).json().slug).toBe('urbane-datenplattform-jena');
    expect((await anonymous.get('/api/catalogue/solutions/gibt-es-nicht')).statusCode).toBe(404);

    const broken = (await anonymous.get('/api/catalogue/solutions/mitfahrbank-app-partheland')).json();
    expect(broken.publiccode.valid).toBe(false);
    expect(broken.publiccode.errors.map((e: { key: string }) => e.key).sort()).toEqual(['developmentStatus', 'legal.license']);
    expect(broken.publiccode.errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  it('lets members register their own solution and the office any, and refuses non-OSI licences naming the field', async () => {
    const input = { organisationId: barlebenId, name: 'Rufbus Börde', description: 'Rufbus buchen im ländlichen Raum.', repositoryUrl: `${forge.base}/stadt/gut`, licence: 'EUPL-1.2' };
    expect((await anonymous.post('/api/catalogue/solutions', input)).statusCode).toBe(401);
    expect((await applicant.post('/api/catalogue/solutions', { ...input, organisationId: kielId })).statusCode).toBe(403);
    const reviewer = await t.as('gutachterin@stadtnetz.example');
    expect((await reviewer.post('/api/catalogue/solutions', input)).statusCode).toBe(403);

    for (const licence of ['LicenseRef-Proprietaer', 'CC0-1.0', 'EUPL-1.2 AND Kein-Open-Source']) {
      const refused = await applicant.post('/api/catalogue/solutions', { ...input, licence });
      expect(refused.statusCode, licence).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'LICENCE_NOT_OPEN_SOURCE', errors: [{ path: 'licence' }] });
    }

    const created = await applicant.post('/api/catalogue/solutions', { ...input, licence: 'AGPL-3.0-or-later OR EUPL-1.2' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'rufbus-boerde', publiccode: null, abilities: ['solution.update', 'solution.adopt'], land: '15', applicantKind: 'municipality' });
    const byOffice = await manager.post('/api/catalogue/solutions', { ...input, organisationId: kielId, name: 'Rufbus Börde' });
    expect(byOffice.statusCode, byOffice.body).toBe(201);
    expect(byOffice.json().slug).toBe('rufbus-boerde-2');
    expect((await t.events('catalogue.solution.create')).at(-1)!.payload).toMatchObject({ name: 'Rufbus Börde', organisationId: kielId });
    expect((await search('q=Rufbus')).items.map((i) => i.slug)).toEqual(expect.arrayContaining(['rufbus-boerde', 'rufbus-boerde-2']));
  });

  it('lets members of the owning organisation and the office edit a solution, refusing stale edits and non-OSI licences', async () => {
    const before = (await anonymous.get('/api/catalogue/solutions/barleben-gemeinde-app')).json();
    const url = `/api/catalogue/solutions/${before.id}`;
    const change = { updatedAt: before.updatedAt, description: 'Die Gemeinde-App mit Mängelmelder und Abfallkalender für Barleben.', categories: ['citizen-engagement', 'waste-management'] };
    expect((await anonymous.patch(url, change)).statusCode).toBe(401);
    const reviewer = await t.as('gutachterin@stadtnetz.example');
    expect((await reviewer.patch(url, change)).statusCode).toBe(403);
    const kiel = (await anonymous.get('/api/catalogue/solutions/smart-city-dashboard-kielregion')).json();
    expect((await applicant.patch(`/api/catalogue/solutions/${kiel.id}`, { updatedAt: kiel.updatedAt, description: 'Fremd.' })).statusCode).toBe(403);
    expect((await applicant.patch('/api/catalogue/solutions/00000000-0000-4000-8000-000000000000', change)).statusCode).toBe(404);
    const proprietary = await applicant.patch(url, { ...change, licence: 'LicenseRef-Proprietaer' });
    expect(proprietary.statusCode).toBe(422);
    expect(proprietary.json()).toMatchObject({ code: 'LICENCE_NOT_OPEN_SOURCE', errors: [{ path: 'licence' }] });
    const badUrl = await applicant.patch(url, { ...change, repositoryUrl: 'ftp://example.org/x' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().errors.map((e: { path: string }) => e.path)).toEqual(['repositoryUrl']);
    expect((await applicant.patch(url, { description: 'Ohne Token.' })).json().errors.map((e: { path: string }) => e.path)).toEqual(['updatedAt']);

    const edited = await applicant.patch(url, change);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ slug: 'barleben-gemeinde-app', description: change.description, categories: change.categories, licence: before.licence });
    expect(edited.json().updatedAt).not.toBe(before.updatedAt);
    expect((await t.events('catalogue.solution.update')).at(-1)!.payload).toMatchObject({
      changed: ['description', 'categories'],
      before: { description: before.description },
      after: { description: change.description },
    });
    expect((await search(`q=${encodeURIComponent('Mängelmelder')}`)).items.map((i) => i.slug)).toContain('barleben-gemeinde-app');

    // Someone else's edit in between: the old token is refused, nothing is overwritten.
    const stale = await manager.patch(url, { updatedAt: before.updatedAt, description: 'Veraltet.' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION' });
    expect((await anonymous.get(url)).json().description).toBe(change.description);

    // The programme office may edit too; a rename keeps the slug, and maturity can be cleared.
    const byOffice = await manager.patch(url, { updatedAt: edited.json().updatedAt, name: 'Barleben App', licence: 'EUPL-1.2 OR AGPL-3.0-or-later', maturity: null });
    expect(byOffice.statusCode, byOffice.body).toBe(200);
    expect(byOffice.json()).toMatchObject({ name: 'Barleben App', slug: 'barleben-gemeinde-app', licence: 'EUPL-1.2 OR AGPL-3.0-or-later', maturity: null });
    expect((await anonymous.get('/api/catalogue/solutions/barleben-gemeinde-app')).json().abilities).toEqual([]);
    expect((await applicant.get('/api/catalogue/solutions/barleben-gemeinde-app')).json().abilities).toContain('solution.update');
  });

  it('stores an uploaded publiccode.yml with its errors and warnings, and reads it from a repository within 5 seconds', async () => {
    const solution = (await anonymous.get('/api/catalogue/solutions/barleben-gemeinde-app')).json();
    const url = `/api/catalogue/solutions/${solution.id}/publiccode`;
    expect((await anonymous.post(url, { source: 'paste', text: validYml })).statusCode).toBe(401);
    expect((await manager.post(`/api/catalogue/solutions/${(await anonymous.get('/api/catalogue/solutions/urbane-datenplattform-jena')).json().id}/publiccode`, { source: 'paste', text: validYml })).statusCode).toBe(200);

    const invalid = await applicant.post(url, { source: 'upload', text: 'publiccodeYmlVersion: "0.7"\nname: Gemeinde-App\nurl: nicht-eine-adresse\n' });
    expect(invalid.statusCode, invalid.body).toBe(200);
    const stored = invalid.json().publiccode;
    expect(stored).toMatchObject({ source: 'upload', valid: false, version: '0.7' });
    expect(stored.errors.map((e: { key: string }) => e.key)).toEqual(expect.arrayContaining(['url', 'legal', 'developmentStatus']));
    // A broken file does not blank the catalogue entry.
    expect(invalid.json().categories).toEqual(solution.categories);
    expect((await applicant.post(url, { source: 'paste', text: '' })).statusCode).toBe(400);

    const members = await t.as('admin@stadtnetz.example');
    const own = (await members.post('/api/catalogue/solutions', { organisationId: barlebenId, name: 'Forge-Test gut', description: 'Test.', repositoryUrl: `${forge.base}/stadt/gut`, licence: 'MIT' })).json();
    const fetched = await applicant.post(`/api/catalogue/solutions/${own.id}/publiccode`, { source: 'repository' });
    expect(fetched.statusCode, fetched.body).toBe(200);
    expect(fetched.json()).toMatchObject({ publiccode: { source: 'repository', valid: true }, maturity: 'stable' });
    expect(fetched.json().categories).toEqual(['data-analytics', 'data-collection', 'data-visualization']);

    const missing = (await members.post('/api/catalogue/solutions', { organisationId: barlebenId, name: 'Forge-Test fehlt', description: 'Test.', repositoryUrl: `${forge.base}/stadt/fehlt`, licence: 'MIT' })).json();
    const notFound = await applicant.post(`/api/catalogue/solutions/${missing.id}/publiccode`, { source: 'repository' });
    expect(notFound.statusCode).toBe(502);
    expect(notFound.json()).toMatchObject({ code: 'PUBLICCODE_UNREACHABLE', url: `${forge.base}/stadt/fehlt/-/raw/HEAD/publiccode.yml` });
    expect(notFound.json().detail).toContain('HTTP 404');

    const slow = (await members.post('/api/catalogue/solutions', { organisationId: barlebenId, name: 'Forge-Test langsam', description: 'Test.', repositoryUrl: `${forge.base}/stadt/langsam`, licence: 'MIT' })).json();
    const started = Date.now();
    const timedOut = await applicant.post(`/api/catalogue/solutions/${slow.id}/publiccode`, { source: 'repository' });
    const took = Date.now() - started;
    expect(timedOut.statusCode).toBe(502);
    expect(timedOut.json().detail).toContain('no answer within 5 seconds');
    expect(took).toBeGreaterThanOrEqual(4_900);
    expect(took).toBeLessThan(7_500);
  }, 20_000);

  it('records adoptions by members for their own organisation, moves their status, and counts them', async () => {
    const jena = (await anonymous.get('/api/catalogue/solutions/urbane-datenplattform-jena')).json();
    const url = `/api/catalogue/solutions/${jena.id}/adoptions`;
    const input = { organisationId: barlebenId, status: 'evaluating', since: '2026-10-01', notes: 'Prüfen für den Bauhof.' };
    expect((await anonymous.post(url, input)).statusCode).toBe(401);
    expect((await applicant.post(url, { ...input, organisationId: kielId })).statusCode).toBe(403);
    expect((await manager.post(url, input)).statusCode).toBe(403);
    const bad = await applicant.post(url, { ...input, status: 'begeistert', since: '1.10.2026' });
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['since', 'status']);

    const first = await applicant.post(url, input);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'evaluating', organisation: { id: barlebenId }, region: { name: 'Barleben', latitude: expect.any(Number) } });
    const again = await applicant.post(url, { ...input, status: 'production' });
    expect(again.json()).toMatchObject({ id: first.json().id, status: 'production' });
    expect((await t.events('catalogue.adoption.record')).at(-1)!.payload).toMatchObject({ status: 'production', previousStatus: 'evaluating' });

    const detail = (await applicant.get('/api/catalogue/solutions/urbane-datenplattform-jena')).json();
    expect(detail.usedBy).toBe(6);
    expect(detail.myOrganisations).toEqual([{ id: barlebenId, displayName: 'Gemeinde Barleben', adoptionStatus: 'production' }]);
    expect(detail.abilities).toEqual(['solution.adopt']);
    expect((await search('q=Datenplattform')).items.find((i) => i.id === jena.id)!.usedBy).toBe(6);

    const own = (await anonymous.get('/api/catalogue/solutions/barleben-gemeinde-app')).json();
    const self = await applicant.post(`/api/catalogue/solutions/${own.id}/adoptions`, input);
    expect(self.json().errors).toMatchObject([{ path: 'organisationId' }]);
  });

  it('draws the reuse network with replication figures per solution and per providing organisation', async () => {
    const network = (await anonymous.get('/api/catalogue/reuse-network')).json();
    const ids = new Set(network.nodes.map((n: { id: string }) => n.id));
    for (const e of network.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    const kielBoard = network.bySolution.find((s: { slug: string }) => s.slug === 'smart-city-dashboard-kielregion');
    expect(kielBoard).toMatchObject({ adopters: 5, production: 2, piloting: 1, evaluating: 2 });
    const cut = network.byOrganisation.find((o: { displayName: string }) => o.displayName === 'Hamburg mit Leipzig und München');
    expect(cut).toMatchObject({ solutions: 2, adoptions: 3, adopters: 3 });
    const gera = network.nodes.find((n: { label: string }) => n.label === 'Stadt Gera');
    expect(gera).toMatchObject({ type: 'organisation', role: 'both', latitude: expect.any(Number) });
  });

  it('publishes an Atom feed of the newest solutions that parses back', async () => {
    const response = await anonymous.get('/api/catalogue/feed.atom');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/atom+xml');
    const doc = xml2js(response.body) as Element;
    const feed = doc.elements!.find((e) => e.name === 'feed')!;
    expect(feed.attributes!.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = feed.elements!.filter((e) => e.name === 'entry');
    expect(entries.length).toBeGreaterThanOrEqual(27);
    const text = (entry: Element, name: string) => entry.elements!.find((e) => e.name === name)!.elements![0]!.text ?? entry.elements!.find((e) => e.name === name)!.elements![0]!.cdata;
    const updated = entries.map((e) => String(text(e, 'updated')));
    expect([...updated].sort().reverse()).toEqual(updated);
    const kiel = entries.find((e) => text(e, 'title') === 'Smart City Dashboard KielRegion')!;
    expect(kiel.elements!.find((e) => e.name === 'link')!.attributes!.href).toMatch(/\/catalogue\/smart-city-dashboard-kielregion$/);
  });

  it('keeps lessons learned and exchange events searchable beside the solutions, with attendance', async () => {
    const found = (await anonymous.get('/api/catalogue/knowledge?q=Datenplattformen')).json();
    expect(found.items.map((i: { title: string }) => i.title)).toEqual(
      expect.arrayContaining(['Was wir beim Aufbau der urbanen Datenplattform gelernt haben', 'Transferwerkstatt Urbane Datenplattformen']),
    );
    const both = (await anonymous.get('/api/catalogue/search?q=Dashboards')).json();
    expect(both.solutions[0].name).toBe('Smart City Dashboard KielRegion');
    expect(both.knowledge.map((k: { title: string }) => k.title)).toContain('Dashboards, die Verwaltung und Bürgerschaft wirklich nutzen');
    expect((await anonymous.get('/api/catalogue/knowledge?kind=event')).json().total).toBe(3);

    const article = { kind: 'article', title: 'Straßenbeleuchtung nachgenutzt', body: 'Wie Barleben die Steuerung aus Eichenzell übernahm.', organisationId: barlebenId };
    expect((await anonymous.post('/api/catalogue/knowledge', article)).statusCode).toBe(401);
    expect((await applicant.post('/api/catalogue/knowledge', { ...article, organisationId: kielId })).statusCode).toBe(403);
    const written = await applicant.post('/api/catalogue/knowledge', article);
    expect(written.statusCode, written.body).toBe(201);
    expect((await anonymous.get(`/api/catalogue/knowledge?q=${encodeURIComponent('Strassenbeleuchtung')}`)).json().items[0].title).toBe('Straßenbeleuchtung nachgenutzt');

    const event = { kind: 'event', title: 'Netzwerktreffen Nachnutzung', body: 'Austausch der Projekte.', startsAt: '2026-12-03T09:00:00+01:00', location: 'Bonn' };
    expect((await applicant.post('/api/catalogue/knowledge', event)).statusCode).toBe(403);
    expect((await manager.post('/api/catalogue/knowledge', { ...event, startsAt: null })).json().errors).toMatchObject([{ path: 'startsAt' }]);
    const held = await manager.post('/api/catalogue/knowledge', event);
    expect(held.statusCode, held.body).toBe(201);
    const attendanceUrl = `/api/catalogue/knowledge/${held.json().id}/attendance`;
    expect((await applicant.post(attendanceUrl, { organisationIds: [barlebenId] })).statusCode).toBe(403);
    expect((await manager.post(`/api/catalogue/knowledge/${written.json().id}/attendance`, { organisationIds: [barlebenId] })).statusCode).toBe(403);
    const recorded = await manager.post(attendanceUrl, { organisationIds: [barlebenId, kielId, barlebenId] });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ attendees: 2, abilities: ['knowledge.attendance'] });
    const unknown = await manager.post(attendanceUrl, { organisationIds: [barlebenId, '00000000-0000-4000-8000-000000000000'] });
    expect(unknown.json().errors).toMatchObject([{ path: 'organisationIds.1' }]);
  });

  it('shows the office who published a solution with a valid publiccode.yml and took part in the exchange, and who is overdue', async () => {
    const url = '/api/programmes/mps/obligations';
    expect((await anonymous.get(url)).statusCode).toBe(401);
    expect((await applicant.get(url)).statusCode).toBe(403);
    const officer = await t.as('referat@stadtnetz.example');
    // By default the decided and published rounds (round 2019's applications are not in the demo).
    const rounds = (await officer.get('/api/programmes/mps/rounds')).json() as Array<{ slug: string; status: string }>;
    const decidedSlugs = rounds.filter((r) => r.status === 'decided' || r.status === 'published').map((r) => r.slug);
    const decided = (await officer.get(url)).json();
    expect(decided.rounds.map((r: { slug: string }) => r.slug).sort()).toEqual(decidedSlugs.sort());
    expect(decided.items.every((i: { roundSlug: string }) => decidedSlugs.includes(i.roundSlug))).toBe(true);

    const response = await manager.get(`${url}?round=2020`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.dueAfterMonths).toBe(24);
    const row = (name: string) => body.items.find((i: { displayName: string }) => i.displayName === name);
    expect(row('Jena')).toMatchObject({ published: true, exchange: true, overdue: false, dueOn: '2022-04-20' });
    expect(row('Köln')).toMatchObject({ published: false, exchange: false, overdue: true, solutions: [{ name: 'Veedel-Sensorik Köln', publiccodeValid: null, osiLicence: true }] });
    expect(row('Bamberg')).toMatchObject({ published: true, exchange: true, overdue: false });
    expect(row('Münster')).toMatchObject({ published: true, exchange: false, overdue: true });
    expect(body.summary.total).toBe(body.items.length);
    expect(body.summary.overdue).toBe(body.items.filter((i: { overdue: boolean }) => i.overdue).length);
    expect((await manager.get(`${url}?round=1999`)).statusCode).toBe(404);
  });

  it('suggests catalogue solutions similar to a draft, with the words that match', async () => {
    const draft = { text: 'Wir wollen eine urbane Datenplattform aufbauen und die Daten in Dashboards für Verwaltung und Bürgerschaft zeigen.' };
    expect((await anonymous.post('/api/catalogue/similar', draft)).statusCode).toBe(401);
    const response = await applicant.post('/api/catalogue/similar', draft);
    expect(response.statusCode, response.body).toBe(200);
    const suggestions = response.json();
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    expect(suggestions.map((s: { name: string }) => s.name).slice(0, 2)).toEqual(expect.arrayContaining(['Urbane Datenplattform Jena']));
    const jena = suggestions.find((s: { name: string }) => s.name === 'Urbane Datenplattform Jena');
    expect(jena.matchedTerms).toEqual(expect.arrayContaining(['datenplattform']));
    expect((await applicant.post('/api/catalogue/similar', { text: '' })).json()).toEqual([]);
  });
});
