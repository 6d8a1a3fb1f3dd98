import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Parser, type Quad } from 'n3';
import { testDatabaseKinds } from '../../db/connection';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { demoJury } from '../../db/seed/demo-jury.data';
import { demoUsers } from '../../db/seed/demo-users';
import { readCsv } from './read-csv';

// Everyone the demo knows by name: staff, applicants, the project lead and the jury.
const personal = [...demoUsers, ...demoJury].flatMap((u) => [u.displayName, u.email]);

function expectNoPersonalData(body: string) {
  expect(body).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  for (const p of personal) expect(body).not.toContain(p);
  expect(body).not.toMatch(/project_?lead|case_?officer|requested_?by|decided_?by|created_?by|userId/i);
}

interface Item {
  id: string;
  title: string;
  organisation: { name: string; kind: string };
  land: { code: string; name: string } | null;
  latitude: number | null;
  longitude: number | null;
  approvedCents: number;
  currentPhase: string | null;
  round: { slug: string };
}

describe.each(testDatabaseKinds())('public portal and open data on %s', (kind) => {
  let t: TestApp;
  let visitor: TestClient;
  let items: Item[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    visitor = await t.client();
    items = (await visitor.get('/api/public/projects')).json<{ items: Item[] }>().items;
  }, 900_000);
  afterAll(async () => t?.close());

  // The demo (src/db/seed/demo-funding.ts) makes a grant of each of the 32 selected applications of round 2020.
  it('lists the 32 funded projects of 2020 with place, Land and phase, in German order', async () => {
    expect(items).toHaveLength(32);
    const jena = items.find((i) => i.organisation.name.includes('Jena'))!;
    expect(jena).toMatchObject({ land: { code: '16', name: 'Thüringen' }, round: { slug: '2020' } });
    expect(jena.latitude).toBeCloseTo(50.93, 1);
    expect(items.every((i) => i.latitude !== null && i.longitude !== null && i.land !== null)).toBe(true);
    // The test clock stands at 26 Nov 2026: inside every project's implementation or strategy phase.
    expect(items.every((i) => i.currentPhase !== null)).toBe(true);
    const names = items.map((i) => i.organisation.name);
    expect(names.indexOf('Gemeinde Barleben')).toBeLessThan(names.findIndex((n) => n.includes('Jena')));
  });

  it('filters by round, Land and kind, and refuses bad filters as problem+json naming the field', async () => {
    const thueringen = (await visitor.get('/api/public/projects?land=16')).json<{ items: Item[] }>().items;
    expect(thueringen.length).toBeGreaterThan(0);
    expect(thueringen.every((i) => i.land?.code === '16')).toBe(true);
    const districts = (await visitor.get('/api/public/projects?kind=district&round=2020')).json<{ items: Item[] }>().items;
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.every((i) => i.organisation.kind === 'district')).toBe(true);
    expect((await visitor.get('/api/public/projects?round=1999')).json<{ total: number }>().total).toBe(0);
    for (const bad of ['land=99', 'land=Bayern', 'kind=city', 'round=%20drop%20table']) {
      const response = await visitor.get(`/api/public/projects?${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(response.json())).toContain(bad.split('=')[0]);
    }
  });

  it('shows one project with money, phases, solutions and lessons, and 404 for unknown ids', async () => {
    const jena = items.find((i) => i.organisation.name.includes('Jena'))!;
    const response = await visitor.get(`/api/public/projects/${jena.id}`);
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.title).toBe(jena.title);
    expect(detail.summary.length).toBeGreaterThan(20);
    expect(detail.approvedCents).toBe(jena.approvedCents);
    expect(detail.phases.length).toBeGreaterThan(0);
    expect(detail.phases.reduce((s: number, p: { approvedCents: number }) => s + p.approvedCents, 0)).toBe(detail.approvedCents);
    expect(detail.phases.filter((p: { current: boolean }) => p.current)).toHaveLength(1);
    expectNoPersonalData(response.body);
    expect((await visitor.get('/api/public/projects/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await visitor.get('/api/public/projects/not-a-uuid')).statusCode).toBe(400);
  });

  it('keeps personal data out of every public answer', async () => {
    for (const url of [
      '/api/public/overview',
      '/api/public/projects',
      '/api/public/statistics',
      '/api/public/search?q=Plattform',
      ...items.slice(0, 8).map((i) => `/api/public/projects/${i.id}`),
      '/api/open-data',
      '/api/open-data/projects.csv',
      '/api/open-data/projects.json',
      '/api/open-data/solutions.csv',
      '/api/open-data/statistics.json',
      '/api/open-data/results-2020.csv',
      '/api/open-data/catalog.ttl',
    ]) {
      const response = await visitor.get(url);
      expect(response.statusCode, url).toBe(200);
      expectNoPersonalData(response.body);
    }
  });

  it('counts applications, funded projects and money by Land, kind and round', async () => {
    const stats = (await visitor.get('/api/public/statistics')).json();
    expect(stats.totals.funded).toBe(32);
    expect(stats.totals.applications).toBeGreaterThanOrEqual(32);
    const sum = items.reduce((s, i) => s + i.approvedCents, 0);
    expect(stats.totals.approvedCents).toBe(sum);
    expect(stats.byLand).toHaveLength(16);
    expect(stats.byLand.reduce((s: number, r: { funded: number }) => s + r.funded, 0)).toBe(32);
    expect(stats.byKind.map((r: { code: string }) => r.code).sort()).toEqual(['cooperation', 'district', 'municipality']);
    expect(stats.byRound.find((r: { code: string }) => r.code === '2020')).toMatchObject({ funded: 32, approvedCents: sum });
  });

  it('searches projects, solutions and lessons in German', async () => {
    const result = (await visitor.get('/api/public/search?q=Jena')).json();
    expect(result.projects.some((p: Item) => p.organisation.name.includes('Jena'))).toBe(true);
    const umlaut = (await visitor.get(`/api/public/search?q=${encodeURIComponent('Thüringen')}`)).json();
    const spelt = (await visitor.get('/api/public/search?q=Thueringen')).json();
    expect(spelt.projectTotal + spelt.solutionTotal + spelt.lessonTotal).toBe(umlaut.projectTotal + umlaut.solutionTotal + umlaut.lessonTotal);
    const plattform = (await visitor.get('/api/public/search?q=Plattformen')).json();
    expect(plattform.solutionTotal + plattform.projectTotal).toBeGreaterThan(0);
    expect((await visitor.get('/api/public/search?q=')).statusCode).toBe(400);
  });

  it('offers the projects as CSV (UTF-8 with BOM, ";") and JSON that agree', async () => {
    const csvResponse = await visitor.get('/api/open-data/projects.csv');
    expect(csvResponse.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csvResponse.headers['content-disposition']).toContain('projects.csv');
    const raw = csvResponse.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(raw.toString('utf8'));
    const json = (await visitor.get('/api/open-data/projects.json')).json<Array<Record<string, string | number | null>>>();
    expect(rows).toHaveLength(32);
    expect(json).toHaveLength(32);
    rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(Object.keys(json[i]!));
      for (const [key, value] of Object.entries(json[i]!)) expect(row[key], key).toBe(value === null ? '' : String(value));
    });
    const barleben = rows.find((r) => r.organisation === 'Gemeinde Barleben')!;
    expect(barleben.approved_cents).toBe('615000000');
    expect(barleben.approved_eur).toBe('6150000,00');
  });

  it('offers solutions, statistics and round results, 404 for an unpublished or unknown round', async () => {
    const solutions = (await visitor.get('/api/open-data/solutions.json')).json<unknown[]>();
    const catalogue = (await visitor.get('/api/catalogue/solutions?pageSize=1')).json<{ total: number }>();
    expect(solutions).toHaveLength(catalogue.total);
    const statistics = (await visitor.get('/api/open-data/statistics.csv')).body;
    expect(statistics).toContain('land;01;Schleswig-Holstein');
    const results = (await visitor.get('/api/open-data/results-2020.json')).json<Array<{ name: string }>>();
    expect(results).toHaveLength(32);
    expect(results.map((r) => r.name)).toContain('Gemeinde Barleben');
    expect((await visitor.get('/api/open-data/results-1999.csv')).statusCode).toBe(404);
    expect((await visitor.get('/api/open-data/projects.xml')).statusCode).toBe(400);
  });

  it('describes the datasets in DCAT-AP.de Turtle that parses back', async () => {
    const response = await visitor.get('/api/open-data/catalog.ttl');
    expect(response.headers['content-type']).toBe('text/turtle; charset=utf-8');
    const quads: Quad[] = new Parser({ baseIRI: 'http://localhost/' }).parse(response.body);
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const DCT = 'http://purl.org/dc/terms/';
    const TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
    const ofType = (type: string) => quads.filter((q) => q.predicate.value === TYPE && q.object.value === type).map((q) => q.subject.value);
    const objects = (subject: string, predicate: string) => quads.filter((q) => q.subject.value === subject && q.predicate.value === predicate).map((q) => q.object);
    expect(ofType(`${DCAT}Catalog`)).toHaveLength(1);
    const datasets = ofType(`${DCAT}Dataset`);
    expect(datasets.map((d) => objects(d, `${DCT}identifier`)[0]!.value).sort()).toEqual(['projects', 'results-2020', 'solutions', 'statistics']);
    for (const d of datasets) {
      const titles = objects(d, `${DCT}title`) as Array<{ language: string }>;
      expect(titles.map((l) => l.language).sort()).toEqual(['de', 'en']);
      expect(objects(d, `${DCT}publisher`)).toHaveLength(1);
      const distributions = objects(d, `${DCAT}distribution`).map((o) => o.value);
      expect(distributions).toHaveLength(2);
      for (const dist of distributions) {
        expect(objects(dist, `${DCT}license`).map((o) => o.value)).toEqual(['http://dcat-ap.de/def/licenses/dl-by-de/2.0']);
        expect(objects(dist, `${DCAT}downloadURL`).map((o) => o.value)).toEqual([dist]);
        expect(objects(dist, `${DCAT}accessURL`)).toHaveLength(1);
        expect(objects(dist, `${DCT}format`)[0]!.value).toMatch(/file-type\/(CSV|JSON)$/);
        expect(objects(dist, `${DCAT}mediaType`)[0]!.value).toMatch(/media-types\/(text\/csv|application\/json)$/);
        // Every advertised download exists.
        expect((await visitor.get(new URL(dist).pathname)).statusCode, dist).toBe(200);
      }
    }
  });
});
