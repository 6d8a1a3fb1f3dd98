/**
 * Catalogue search benchmark: 10,000 solutions on PostgreSQL, the real server over real HTTP,
 * 32 concurrent clients sending varied German queries; beside a bare Fastify JSON route measured
 * in the same run, with the server's resident memory.
 *
 *   TEST_DATABASE_URL=postgres://… npx tsx bench/catalogue-search.bench.ts
 *        [--solutions 10000] [--concurrency 32] [--seconds 20] [--warmup 3] [--log-level warn] [--keep]
 *
 * Goal (issue 6): p99 under 50 ms, at least a third of the bare route's throughput, and the
 * server under 500 MB RSS. Exits 1 when a search answers anything but 200.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import pg from 'pg';
import { openDatabase, type Db } from '../src/db/connection';
import { catalogueAdoptions, catalogueSolutions, organisationRegions, organisations } from '../src/db/schema';
import { systemActor } from '../src/lib/access';
import { seedDemoRegions } from '../src/db/seed/demo-regions';
import { demoRegions } from '../src/db/seed/demo-regions.data';
import { demoSolutions } from '../src/db/seed/demo-catalogue.data';
import { searchNameOf, searchTextOf, slugify } from '../src/modules/catalogue/catalogue.rules';
import { freePort, httpRequest, startServer, summarise, type LatencySummary } from './support/rush-server';

interface Args {
  solutions: number;
  concurrency: number;
  seconds: number;
  warmup: number;
  logLevel: string;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { solutions: 10_000, concurrency: 32, seconds: 20, warmup: 3, logLevel: 'warn', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => Number(argv[++i]);
    if (flag === '--solutions') args.solutions = value();
    else if (flag === '--concurrency') args.concurrency = value();
    else if (flag === '--seconds') args.seconds = value();
    else if (flag === '--warmup') args.warmup = value();
    else if (flag === '--log-level') args.logLevel = argv[++i] ?? 'warn';
    else if (flag === '--keep') args.keep = true;
    else throw new Error(`unknown option ${flag}`);
  }
  return args;
}

/** Seeded (mulberry32), so every run writes the same catalogue. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const licences = ['EUPL-1.2', 'EUPL-1.2', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'GPL-3.0-or-later', 'MIT', 'Apache-2.0', 'EPL-2.0', 'MPL-2.0', 'AGPL-3.0-or-later OR EUPL-1.2'];
const statuses = ['concept', 'development', 'beta', 'stable', 'stable'];
const kinds = ['municipality', 'municipality', 'municipality', 'district', 'cooperation'] as const;
const adoptionStatuses = ['evaluating', 'piloting', 'production'] as const;

/** Words that vary the generated names, so they are not 10,000 copies of 27. */
const places = ['Nord', 'Süd', 'Ost', 'West', 'Altstadt', 'Hafen', 'Land', 'Kreis', 'Region', 'Quartier', 'Dorf', 'Tal', 'Berg', 'See', 'Heide', 'Mark'];
const extras = [
  'Die Lösung wurde mit Bürgerinnen und Bürgern erprobt und für kleine Gemeinden vereinfacht.',
  'Schnittstellen nach offenen Standards verbinden sie mit der urbanen Datenplattform.',
  'Ein Handbuch beschreibt Betrieb, Datenschutz und Barrierefreiheit.',
  'Sensoren liefern Messwerte über das LoRaWAN-Funknetz der Stadtwerke.',
  'Die Verwaltung pflegt die Inhalte ohne Programmierkenntnisse.',
  'Das Mobilitätsangebot im ländlichen Raum wird damit planbar.',
  'Klimaschutz und Klimaanpassung werden messbar und verständlich.',
  'Vereine und Ehrenamtliche organisieren sich damit selbst.',
];

async function seedCatalogue(db: Db, count: number): Promise<number> {
  const ctx = { db, actor: systemActor('bench'), now: () => new Date() };
  await seedDemoRegions(ctx);
  const rand = random(20260101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const gemeinden = demoRegions.filter((r) => r.level === 'gemeinde');
  // 400 organisations written through the tables: the service allows one per Gemeinde.
  const orgs: Array<{ id: string; name: string; land: string; kind: (typeof kinds)[number] }> = [];
  for (let i = 0; i < 400; i++) {
    const region = gemeinden[i % gemeinden.length]!;
    const kind = pick(kinds);
    const [row] = await db.insert(organisations).values({ kind, displayName: `${region.name} ${i}`, sortName: region.name }).returning({ id: organisations.id });
    await db.insert(organisationRegions).values({ organisationId: row!.id, ars: region.ars, role: 'lead', position: 0 });
    orgs.push({ id: row!.id, name: `${region.name} ${i}`, land: region.ars.slice(0, 2), kind });
  }
  const ids: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 500); i++) {
      const template = demoSolutions[i % demoSolutions.length]!;
      const owner = pick(orgs);
      const name = `${template.name} ${pick(places)} ${i}`;
      const description = template.short;
      const longDescription = `${template.long} ${pick(extras)} ${pick(extras)}`;
      const licence = pick(licences);
      rows.push({
        slug: slugify(name),
        organisationId: owner.id,
        name,
        description,
        longDescription,
        repositoryUrl: `https://gitlab.opencode.de/bench/${i}`,
        licence,
        categories: template.categories,
        maturity: pick(statuses),
        softwareType: template.softwareType,
        landArs: owner.land,
        applicantKind: owner.kind,
        searchName: searchNameOf({ name }),
        searchText: searchTextOf({ description, longDescription, categories: template.categories, features: template.features, organisationName: owner.name, licence }),
        createdAt: new Date(Date.UTC(2021, 0, 1) + i * 3_600_000),
        updatedAt: new Date(Date.UTC(2021, 0, 1) + i * 3_600_000),
      });
    }
    const made = await db.insert(catalogueSolutions).values(rows).returning({ id: catalogueSolutions.id });
    ids.push(...made.map((m) => m.id));
  }
  // About two adoptions per solution, by other organisations.
  const adoptions = new Map<string, { solutionId: string; organisationId: string; status: (typeof adoptionStatuses)[number]; since: string }>();
  for (let i = 0; i < count * 2; i++) {
    const solutionId = pick(ids);
    const organisationId = pick(orgs).id;
    adoptions.set(`${solutionId}|${organisationId}`, { solutionId, organisationId, status: pick(adoptionStatuses), since: '2023-01-01' });
  }
  const list = [...adoptions.values()];
  for (let start = 0; start < list.length; start += 1000) await db.insert(catalogueAdoptions).values(list.slice(start, start + 1000));
  // As autovacuum would have done by the time anyone searches: statistics, and the GIN pending list merged.
  await db.execute('vacuum analyze');
  return list.length;
}

/** Varied German queries: plurals, umlauts and their spelt-out forms, two-word queries, filters and a second page. */
const searchPaths = [
  'q=Plattformen',
  'q=B%C3%BCrgerbeteiligung',
  'q=Buergerbeteiligung',
  'q=Dashboards',
  'q=Mobilit%C3%A4t',
  'q=Klimaschutz',
  'q=Sensoren',
  'q=offene%20Daten',
  'q=Parkpl%C3%A4tze',
  'q=Stra%C3%9Fenbeleuchtung',
  'q=Stadtb%C3%A4ume%20gie%C3%9Fen',
  'q=App',
  'q=Verwaltung%20digital',
  'q=Energie',
  'q=Ehrenamt',
  'q=Datenplattform',
  'q=Beteiligung%20Karte',
  'q=Rufbus',
  'q=Hochwasser%20Warnung',
  'q=Chatbot',
  'q=Nahversorgung',
  'q=Dorf',
  'q=digitaler%20Zwilling',
  'q=Schnittstellen',
  'q=Daten&licence=EUPL-1.2',
  'q=Klima&land=05',
  'q=App&applicantKind=municipality&maturity=stable',
  'q=Sensor&page=2',
  'licence=MIT',
  'category=data-visualization',
  'q=Mitfahr',
  'q=Gemeinde',
].map((q) => `/api/catalogue/solutions?${q}`);

interface LoadResult {
  label: string;
  requests: number;
  seconds: number;
  rps: number;
  latency: LatencySummary;
  errors: number;
  maxRssMb: number | null;
}

function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Closed loop: `concurrency` clients, each sending its next request as soon as the last one is answered. */
async function load(label: string, base: string, paths: readonly string[], args: Args, pid?: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: args.concurrency });
  const run = async (seconds: number, record: boolean) => {
    const times: number[] = [];
    let errors = 0;
    let next = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: args.concurrency }, async () => {
        while (performance.now() < end) {
          const path = paths[next++ % paths.length]!;
          const started = performance.now();
          try {
            const result = await httpRequest(agent, base, { method: 'GET', path, timeoutMs: 10_000 });
            if (result.status !== 200) errors += 1;
          } catch {
            errors += 1;
          }
          if (record) times.push(performance.now() - started);
        }
      }),
    );
    return { times, errors };
  };
  await run(args.warmup, false);
  let maxRss = rssMb(pid);
  const sampler = setInterval(() => {
    const now = rssMb(pid);
    if (now !== null && (maxRss === null || now > maxRss)) maxRss = now;
  }, 200);
  const started = performance.now();
  const { times, errors } = await run(args.seconds, true);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  agent.destroy();
  return { label, requests: times.length, seconds, rps: times.length / seconds, latency: summarise(times), errors, maxRssMb: maxRss };
}

/** The same Fastify version with nothing but one JSON route: the ceiling of this machine and client. */
async function startBare(port: number): Promise<{ url: string; pid: number | undefined; stop: () => void }> {
  const code = `const f=require('fastify')({logger:false});f.get('/bare',async()=>({hello:'world'}));f.listen({port:${port},host:'127.0.0.1'}).then(()=>console.log('ready'));`;
  const child = spawn(process.execPath, ['-e', code], { cwd: new URL('..', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.once('exit', () => reject(new Error('the bare server exited')));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

function machineLines(): string[] {
  return [
    `machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
    `load average: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  ];
}

function line(r: LoadResult): string {
  const l = r.latency;
  return `${r.label.padEnd(28)} ${String(r.requests).padStart(7)} req  ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${l.p50.toFixed(1).padStart(6)} ms  p95 ${l.p95.toFixed(1).padStart(6)} ms  p99 ${l.p99.toFixed(1).padStart(6)} ms  max ${l.max.toFixed(0).padStart(5)} ms  errors ${r.errors}${r.maxRssMb !== null ? `  RSS max ${r.maxRssMb} MB` : ''}`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error('The catalogue benchmark runs against PostgreSQL: set TEST_DATABASE_URL (or DATABASE_URL), e.g.');
    console.error('TEST_DATABASE_URL=postgres://stadtnetz@127.0.0.1:55432/postgres npx tsx bench/catalogue-search.bench.ts');
    return 2;
  }
  for (const l of machineLines()) console.log(l);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  console.log(`database: ${(await admin.query('select version()')).rows[0].version.split(' on ')[0]}`);
  const name = `sn_bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${name}`;
  const url = dbUrl.toString();
  console.log(`run: ${args.solutions} solutions, ${args.concurrency} clients, ${args.seconds} s per target after ${args.warmup} s warm-up, ${searchPaths.length} different searches\n`);

  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let bare: Awaited<ReturnType<typeof startBare>> | undefined;
  let failed: boolean;
  try {
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
    const setupStart = performance.now();
    const adoptions = await seedCatalogue(database.db, args.solutions);
    await database.close();
    console.log(`setup: ${args.solutions} solutions, ${adoptions} adoptions (${((performance.now() - setupStart) / 1000).toFixed(1)} s, not timed)`);

    const results: LoadResult[] = [];
    bare = await startBare(await freePort());
    results.push(await load('bare Fastify GET /bare', bare.url, ['/bare'], args, bare.pid));
    console.log(line(results.at(-1)!));
    bare.stop();
    bare = undefined;

    // First without the search cache: every request reaches PostgreSQL.
    process.env.CATALOGUE_SEARCH_CACHE = 'off';
    server = await startServer({ port: await freePort(), database: { url }, sessionSecret: randomBytes(32).toString('hex'), logLevel: args.logLevel });
    const sample = JSON.parse((await httpRequest(new http.Agent(), server.url, { method: 'GET', path: searchPaths[0]! })).body) as { total: number; items: unknown[] };
    console.log(`check: "${decodeURIComponent(searchPaths[0]!.split('q=')[1]!)}" finds ${sample.total} solutions, ${sample.items.length} on the page; server RSS after start ${rssMb(server.child.pid)} MB`);
    results.push(await load('search, no cache', server.url, searchPaths, args, server.child.pid));
    console.log(line(results.at(-1)!));
    await server.stop();

    // Then as configured by default: answers kept for SEARCH_CACHE_MS per query.
    delete process.env.CATALOGUE_SEARCH_CACHE;
    server = await startServer({ port: await freePort(), database: { url }, sessionSecret: randomBytes(32).toString('hex'), logLevel: args.logLevel });
    results.push(await load('search, default (cache)', server.url, searchPaths, args, server.child.pid));
    console.log(line(results.at(-1)!));
    results.push(await load('server GET /api/health', server.url, ['/api/health'], args, server.child.pid));
    console.log(line(results.at(-1)!));

    const [bareRun, uncached, cached] = results as [LoadResult, LoadResult, LoadResult];
    for (const run of [uncached, cached]) {
      console.log(`\n${run.label}: throughput ${((run.rps / bareRun.rps) * 100).toFixed(1)} % of the bare route (goal ≥ 33.3 %), p99 ${run.latency.p99.toFixed(1)} ms (goal < 50 ms), server RSS max ${run.maxRssMb} MB (goal < 500 MB)`);
    }
    failed = uncached.errors + cached.errors > 0;
    for (const l of machineLines().slice(1)) console.log(`end ${l}`);
  } finally {
    bare?.stop();
    await server?.stop();
    if (!args.keep) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
