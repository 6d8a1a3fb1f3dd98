import { describe, expect, it } from 'vitest';
import { isPrerenderable, withPrerenderedPage } from './prerender';
import { SESSION_COOKIE } from './request-context';

const visit = (url: string, cookies: Record<string, string> = {}, method = 'GET') => ({ method, url, cookies });

describe('which pages the server prerenders', () => {
  it('prerenders the public pages for a visitor without a session', () => {
    for (const url of ['/', '/portal', '/portal/projects?land=09', '/portal/projects/0d10216e', '/portal/statistics', '/portal/search?q=Jena', '/portal/open-data', '/catalogue', '/catalogue/solutions/abc', '/catalogue/knowledge', '/catalogue/knowledge/1', '/catalogue/network', '/regions', '/rounds/r1', '/rounds/r1/results']) {
      expect(isPrerenderable(visit(url)), url).toBe(true);
    }
  });

  it('leaves pages that depend on who asks, and every page of a logged-in person or a reader of English, to the browser', () => {
    for (const url of ['/login', '/account', '/office/disbursements', '/projects/p1', '/rounds/r1/edit', '/rounds/r1/review-results', '/catalogue/new', '/portal/unknown', '/applications/a1']) {
      expect(isPrerenderable(visit(url)), url).toBe(false);
    }
    expect(isPrerenderable(visit('/portal', { [SESSION_COOKIE]: 'some-session' }))).toBe(false);
    expect(isPrerenderable(visit('/portal', { stadtnetz_lang: 'en' }))).toBe(false);
    expect(isPrerenderable(visit('/portal', { stadtnetz_lang: 'de' }))).toBe(true);
    expect(isPrerenderable(visit('/portal', {}, 'HEAD'))).toBe(false);
  });
});

describe('the prerendered page in the app shell', () => {
  const shell =
    '<html><head><script type="module" crossorigin src="/assets/index-abc.js"></script>\n' +
    '    <link rel="modulepreload" crossorigin href="/assets/page-def.js">\n' +
    '    <link rel="stylesheet" crossorigin href="/assets/style-123.css">\n' +
    '</head><body><div id="root"></div></body></html>';

  it('puts the markup and its data in the root, keeps the stylesheet, and asks for the script only after the first paint', () => {
    const html = withPrerenderedPage(shell, { html: '<h1>Förderportal</h1>', data: '{"k":1}' });
    expect(html).toContain('<div id="root"><h1>Förderportal</h1></div><script type="application/json" id="prerender-data">{"k":1}</script>');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/style-123.css">');
    expect(html).not.toContain('<script type="module"');
    expect(html).not.toContain('modulepreload');
    expect(html).toMatch(/<script>.*s\.src="\/assets\/index-abc\.js".*first-contentful-paint.*<\/script><\/body>/);
  });

  it('refuses a shell without the app script rather than send a page that never starts', () => {
    expect(() => withPrerenderedPage('<div id="root"></div>', { html: '', data: '{}' })).toThrow(/module script/);
  });
});
