/** An API client for the jury's browser tests: its own browser context (cookies), CSRF-aware like the web app. */
import type { APIResponse, BrowserContext } from 'playwright-core';
import type { Harness } from './harness';
import { DEMO_PASSWORD } from './harness';
import type { Api, ApiAnswer } from '../support/jury-scenario';

export async function apiAs(h: Harness, contexts: BrowserContext[], email: string, password = DEMO_PASSWORD): Promise<Api> {
  const context = await h.browser.newContext({ baseURL: h.baseUrl });
  contexts.push(context);
  let csrf = '';
  const wrap = async (response: APIResponse): Promise<ApiAnswer> => {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (body && typeof body === 'object' && typeof (body as { csrfToken?: unknown }).csrfToken === 'string') csrf = (body as { csrfToken: string }).csrfToken;
    return { status: response.status(), body, text };
  };
  const api: Api = {
    get: async (url) => wrap(await context.request.get(url)),
    post: async (url, payload) => wrap(await context.request.post(url, { data: payload ?? {}, headers: { 'x-csrf-token': csrf } })),
    put: async (url, payload) => wrap(await context.request.put(url, { data: payload, headers: { 'x-csrf-token': csrf } })),
  };
  await api.get('/api/auth/session');
  const answer = await api.post('/api/auth/login', { email, password });
  if (answer.status !== 200) throw new Error(`login of ${email} failed: ${answer.status} ${answer.text}`);
  return api;
}
