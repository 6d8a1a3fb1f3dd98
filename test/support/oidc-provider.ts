/**
 * A real OpenID Connect provider (oidc-provider) in this process, on a random 127.0.0.1 port, for
 * single sign-on tests: one static confidential client, a few accounts, PKCE required.
 *
 * Who logs in is chosen by the test (`nextLogin`) and the provider's login step finishes without a
 * form, so API tests follow the redirects like a browser would. With `interactive: true` the
 * provider shows its development login form instead (any password), for browser tests.
 */
import { generateKeyPairSync } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the provider logs in at the next authorization request; 'cancel' answers access_denied. */
  nextLogin(accountOrCancel: string): void;
  /**
   * Follows the browser's redirects from the authorization address through the provider (a fresh
   * browser each time, so no provider session carries over) and returns where the provider sends it back.
   */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

export const testClient = { clientId: 'stadtnetz-test', clientSecret: 'stadtnetz-test-secret-0123456789abcdef' };

export async function startTestProvider(options: { redirectUris: string[]; accounts: TestAccount[]; interactive?: boolean }): Promise<TestProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  // By subject only: oidc-provider insists the account found has the id it asked for (in the dev form, what was typed as login).
  const accountFor = (id: string) => options.accounts.find((a) => a.sub === id);
  const queue: string[] = [];

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: testClient.clientId,
        client_secret: testClient.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: options.interactive === true } },
    ...(options.interactive ? {} : { interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` } }),
    findAccount: (_ctx, id) => {
      const account = accountFor(id);
      return account ? { accountId: account.sub, claims: () => ({ ...account }) } : undefined;
    },
    // The app is a first-party client: no consent screen, every requested scope is granted.
    loadExistingGrant: async (ctx) => {
      const { client, session, result, provider: self } = ctx.oidc;
      const existing = result?.consent?.grantId ?? (client && session?.grantIdFor(client.clientId));
      if (existing) {
        const found = await self.Grant.find(existing);
        if (found) return found;
      }
      if (!client || !session?.accountId) return undefined;
      const grant = new self.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const providerCallback = provider.callback();

  handle = (req, res) => {
    if (!options.interactive && req.url?.startsWith('/interaction/')) {
      void finishInteraction(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    providerCallback(req, res);
  };

  async function finishInteraction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await provider.interactionDetails(req, res);
    const next = queue.shift();
    if (next === undefined || next === 'cancel') {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
      return;
    }
    const account = accountFor(next);
    if (!account) throw new Error(`No test account ${next}`);
    await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
  }

  return {
    issuer,
    ...testClient,
    nextLogin(accountOrCancel) {
      queue.push(accountOrCancel);
    },
    async authorize(authorizationUrl) {
      const jar = new Map<string, string>();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 10; hop++) {
        if (url.origin !== issuer) return url;
        const response = await fetch(url, { redirect: 'manual', headers: jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {} });
        for (const line of response.headers.getSetCookie()) {
          const [pair] = line.split(';');
          const at = pair!.indexOf('=');
          const name = pair!.slice(0, at).trim();
          const value = pair!.slice(at + 1).trim();
          if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
          else jar.set(name, value);
        }
        const location = response.headers.get('location');
        if (!location) throw new Error(`The provider answered ${response.status} at ${url.pathname} without a redirect: ${(await response.text()).slice(0, 300)}`);
        url = new URL(location, url);
      }
      throw new Error('Too many redirects at the provider');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
