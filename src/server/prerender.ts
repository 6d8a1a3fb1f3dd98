import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './request-context';

/** web/entry-server.tsx, as `vite build --ssr` writes it to dist/web-ssr. */
interface PrerenderModule {
  prerenderPage(url: string, fetchApi: typeof fetch): Promise<{ html: string; data: string } | null>;
}

/**
 * The public pages: what anyone may see, the same for every visitor without a session. Only these
 * are prerendered, so no page that depends on who asks is ever rendered on the server.
 */
const publicPages: readonly RegExp[] = [
  /^\/$/,
  /^\/regions$/,
  /^\/rounds\/[^/]+(\/results)?$/,
  /^\/catalogue(\/network|\/knowledge(\/[^/]+)?|\/solutions\/[^/]+)?$/,
  /^\/portal(\/projects(\/[^/]+)?|\/statistics|\/search|\/open-data)?$/,
];

/** Matches web/i18n/index.ts: readers of English get their pages drawn by the browser. */
const languageCookie = 'stadtnetz_lang';

export function isPrerenderable(request: Pick<FastifyRequest, 'method' | 'url' | 'cookies'>): boolean {
  if (request.method !== 'GET') return false;
  if (request.cookies[SESSION_COOKIE] || request.cookies[languageCookie] === 'en') return false;
  const pathname = request.url.split('?', 1)[0]!;
  return publicPages.some((page) => page.test(pathname));
}

/** Hands the page's API calls to the server in-process, as a visitor without a session makes them. */
function inProcessFetch(app: FastifyInstance): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://prerender.invalid');
    if (init?.method && init.method !== 'GET') throw new Error(`a prerendered page may only read, not ${init.method}`);
    const answer = await app.inject({ method: 'GET', url: url.pathname + url.search, headers: { accept: 'application/json' } });
    const contentType = answer.headers['content-type'];
    return new Response(answer.statusCode === 204 ? null : answer.body, {
      status: answer.statusCode,
      headers: contentType ? { 'content-type': String(contentType) } : {},
    });
  };
}

/**
 * Puts the prerendered page into the app's index.html. The page is readable as it arrives, so the
 * app's script is asked for only once the page's text is on screen: the first paint waits for
 * neither its download nor its start-up, which on a phone take longer than the page itself.
 */
export function withPrerenderedPage(shell: string, page: { html: string; data: string }): string {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(shell);
  if (!entry) throw new Error('index.html has no module script');
  // Once the page has painted its text (or after two seconds, where paints are not observed).
  const loader =
    `<script>(function(){var started=false;function start(){if(started)return;started=true;var s=document.createElement('script');` +
    `s.type='module';s.crossOrigin='';s.src=${JSON.stringify(entry[1])};document.head.appendChild(s)}` +
    `try{new PerformanceObserver(function(l){if(l.getEntriesByName('first-contentful-paint').length)start()}).observe({type:'paint',buffered:true})}catch(e){}` +
    `setTimeout(start,2000)})()</script>`;
  return shell
    .replace(entry[0], '')
    .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
    .replace('<div id="root"></div>', `<div id="root">${page.html}</div><script type="application/json" id="prerender-data">${page.data}</script>${loader}`);
}

/**
 * Renders public pages on the server so their text arrives with the HTML; the web app then takes
 * the page over (hydrates) with the data it was rendered from. Returns null — and the caller sends
 * the plain app — when there is no server build, the page is not public, or rendering fails.
 */
export function createPrerenderer(app: FastifyInstance, webDir: string): (request: FastifyRequest) => Promise<string | null> {
  const entry = path.join(`${webDir}-ssr`, 'entry-server.js');
  const template = path.join(webDir, 'index.html');
  const fetchApi = inProcessFetch(app);
  let loaded: { mtimeMs: number; module: Promise<PrerenderModule> } | null = null;

  // A rebuilt web app is picked up without a restart, as the static files are.
  const prerenderModule = (): Promise<PrerenderModule> | null => {
    if (!existsSync(entry)) return null;
    const { mtimeMs } = statSync(entry);
    if (loaded?.mtimeMs !== mtimeMs) loaded = { mtimeMs, module: import(`${pathToFileURL(entry).href}?v=${mtimeMs}`) as Promise<PrerenderModule> };
    return loaded.module;
  };

  return async (request) => {
    if (!isPrerenderable(request)) return null;
    const module = prerenderModule();
    if (!module) return null;
    try {
      const page = await (await module).prerenderPage(request.url, fetchApi);
      if (!page) return null;
      return withPrerenderedPage(readFileSync(template, 'utf8'), page);
    } catch (error) {
      request.log.warn({ err: error, url: request.url }, 'prerendering failed; sending the plain app');
      return null;
    }
  };
}
