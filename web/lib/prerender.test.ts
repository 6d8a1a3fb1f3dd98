import { describe, expect, it } from 'vitest';
import { PrerenderCollector, serializePrerenderData } from './prerender';

describe('the data a prerendered page travels with', () => {
  it('cannot close its <script> element or open a comment, and reads back unchanged', () => {
    const data = { a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: 'a & b \u2028 \u2029', d: [1, null, { e: 'ü' }] };
    const json = serializePrerenderData(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('collecting what a page loads on the server', () => {
  it('loads each key once, needs another pass while loads were pending, and hands out the answers', async () => {
    const collector = new PrerenderCollector();
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    expect(collector.lookup('k')).toEqual({ found: false });
    collector.request('k', load);
    collector.request('k', load);
    expect(await collector.settle()).toBe(true);
    expect(collector.lookup('k')).toEqual({ found: true, value: 1 });
    // Asking again for what is loaded starts nothing; with nothing pending no further pass is needed.
    collector.request('k', load);
    expect(await collector.settle()).toBe(false);
    expect(calls).toBe(1);
    expect(collector.data()).toEqual({ k: 1 });
    expect(collector.failed).toBeNull();
  });

  it('remembers the first failure, so the page is left to the browser', async () => {
    const collector = new PrerenderCollector();
    const refused = new Error('refused');
    collector.request('a', () => Promise.reject(refused));
    collector.request('b', () => Promise.reject(new Error('later')));
    collector.request('c', () => Promise.resolve('fine'));
    await collector.settle();
    expect(collector.failed).toBe(refused);
    expect(collector.lookup('c')).toEqual({ found: true, value: 'fine' });
  });
});
