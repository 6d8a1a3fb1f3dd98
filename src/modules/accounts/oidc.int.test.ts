import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDatabaseKinds } from '../../db/connection';
import { programmes, roleGrants, userIdentities, users } from '../../db/schema';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app';
import { startTestProvider, type TestProvider } from '../../../test/support/oidc-provider';
import { hashPassword } from './accounts.service';
import { DEFAULT_SCOPE, type OidcProviderConfig } from './oidc.rules';

// The app is driven through inject(), so nothing listens here: the test hands the provider's redirect back itself.
const redirectUri = 'http://127.0.0.1:3999/api/auth/oidc/oidc/callback';

const accounts = [
  { sub: 'neu-1', email: 'neu.sso@kommune.example', email_verified: true, name: 'Neue Person' },
  { sub: 'ref-1', email: 'Referat@Stadtnetz.example', email_verified: true, name: 'Referat' },
  { sub: 'jury-1', email: 'jury@stadtnetz.example', email_verified: false, name: 'Jury' },
  { sub: 'fremd-1', email: 'fremd@kommune.example', email_verified: false, name: 'Fremd' },
];

const PASSWORD = 'ein-langes-passwort';

/** Two local accounts with passwords, one of them a case officer, in an otherwise empty database. */
async function seedLocalAccounts(t: TestApp): Promise<void> {
  const db = t.database.db;
  const [programme] = await db.insert(programmes).values({ slug: 'mps', name: 'Modellprojekte', defaultRateBp: 6500, raisedRateBp: 9000 }).returning();
  const passwordHash = await hashPassword(PASSWORD);
  const [referat] = await db.insert(users).values({ email: 'referat@stadtnetz.example', displayName: 'Referat', passwordHash }).returning();
  await db.insert(users).values({ email: 'jury@stadtnetz.example', displayName: 'Jury', passwordHash });
  await db.insert(roleGrants).values({ userId: referat!.id, role: 'case_officer', programmeId: programme!.id });
}

/** A port nothing listens on: the provider that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(testDatabaseKinds())('single sign-on on %s', (kind) => {
  let t: TestApp;
  let idp: TestProvider;

  beforeAll(async () => {
    idp = await startTestProvider({ redirectUris: [redirectUri], accounts });
    const providers: OidcProviderConfig[] = [
      { id: 'oidc', name: 'Test-Login', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, redirectUri, scope: DEFAULT_SCOPE },
      {
        id: 'down',
        name: 'Abgeschaltet',
        issuer: `http://127.0.0.1:${await closedPort()}`,
        clientId: 'x',
        clientSecret: 'y',
        redirectUri: 'http://127.0.0.1:3999/api/auth/oidc/down/callback',
        scope: DEFAULT_SCOPE,
      },
    ];
    t = await createTestApp(kind, { demo: false, config: { oidcProviders: providers } });
    await seedLocalAccounts(t);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** Login button → provider → back to the callback, as a browser goes; returns the callback's answer. */
  async function ssoLogin(client: TestClient, who: string, tamper?: (callback: URL) => void) {
    const start = await client.get('/api/auth/oidc/oidc/login');
    expect(start.statusCode).toBe(302);
    const authorization = new URL(String(start.headers.location));
    expect(authorization.origin).toBe(idp.issuer);
    idp.nextLogin(who);
    const callback = await idp.authorize(authorization.href);
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    tamper?.(callback);
    return { authorization, callback, response: await client.get(`${callback.pathname}${callback.search}`) };
  }

  const identitiesOf = (subject: string) => t.database.db.select().from(userIdentities).where(eq(userIdentities.subject, subject));

  it('lists the configured providers for the login page', async () => {
    const response = await (await t.client()).get('/api/auth/providers');
    expect(response.json()).toEqual([
      { id: 'oidc', name: 'Test-Login', loginUrl: '/api/auth/oidc/oidc/login' },
      { id: 'down', name: 'Abgeschaltet', loginUrl: '/api/auth/oidc/down/login' },
    ]);
  });

  it('creates an account without password or roles at the first login, and reuses it at the second', async () => {
    const client = await t.client();
    const { authorization, response } = await ssoLogin(client, 'neu-1');
    // Authorization code flow with PKCE, state and nonce.
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({ response_type: 'code', code_challenge_method: 'S256', scope: 'openid email profile' });
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(authorization.searchParams.get(parameter)).toBeTruthy();
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login');
    expect(response.cookies.find((c) => c.name === 'sn_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const session = (await client.get('/api/auth/session')).json();
    expect(session.user).toMatchObject({ email: 'neu.sso@kommune.example', displayName: 'Neue Person', isAdmin: false, grants: [] });
    expect((await client.get('/api/users/lookup?email=jury@stadtnetz.example')).statusCode).toBe(403);
    const [created] = await t.database.db.select().from(users).where(eq(users.id, session.user.id));
    expect(created!.passwordHash).toBeNull();
    expect(await identitiesOf('neu-1')).toEqual([expect.objectContaining({ issuer: idp.issuer, userId: session.user.id })]);
    const createEvents = await t.events('accounts.create_user_sso');
    expect(createEvents).toHaveLength(1);
    expect(createEvents[0]).toMatchObject({ subjectId: session.user.id, actorLabel: 'system:sso:oidc' });

    // A password login with this account's address finds no password to check.
    const passwordTry = await (await t.client()).post('/api/auth/login', { email: 'neu.sso@kommune.example', password: 'irgendein-passwort' });
    expect(passwordTry.statusCode).toBe(401);

    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const laterBrowser = await t.client();
    const again = await ssoLogin(laterBrowser, 'neu-1');
    expect(again.response.headers.location).toBe('/login');
    expect((await laterBrowser.get('/api/auth/session')).json().user.id).toBe(session.user.id);
    expect(await t.events('accounts.create_user_sso')).toHaveLength(1);
    const [identity] = await identitiesOf('neu-1');
    expect(identity!.lastLoginAt).toEqual(t.clock.now);
    expect(await t.database.db.select().from(users).where(eq(users.email, 'neu.sso@kommune.example'))).toHaveLength(1);
  });

  it('links a verified address to the existing local account, whose roles then apply; the password still works', async () => {
    const [local] = await t.database.db.select().from(users).where(eq(users.email, 'referat@stadtnetz.example'));
    const client = await t.client();
    const { response } = await ssoLogin(client, 'ref-1');
    expect(response.headers.location).toBe('/login');
    const me = (await client.get('/api/auth/session')).json().user;
    expect(me.id).toBe(local!.id);
    expect(me.grants).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'case_officer', programmeSlug: 'mps' })]));
    // The role works: looking up accounts by address is for programme staff only.
    expect((await client.get('/api/users/lookup?email=jury@stadtnetz.example')).statusCode).toBe(200);
    expect(await identitiesOf('ref-1')).toEqual([expect.objectContaining({ userId: local!.id })]);
    expect(await t.events('accounts.link_identity')).toEqual([expect.objectContaining({ subjectId: local!.id })]);
    const passwordLogin = await (await t.client()).post('/api/auth/login', { email: 'referat@stadtnetz.example', password: PASSWORD });
    expect(passwordLogin.json().user.id).toBe(local!.id);
  });

  it('does not link or create an account for an address the provider has not verified', async () => {
    const client = await t.client();
    const known = await ssoLogin(client, 'jury-1');
    expect(known.response.statusCode).toBe(303);
    expect(known.response.headers.location).toBe('/login?sso_error=email_unverified');
    expect(known.response.cookies.find((c) => c.name === 'sn_session')).toBeUndefined();
    expect((await client.get('/api/auth/session')).json().user).toBeNull();
    expect(await identitiesOf('jury-1')).toEqual([]);

    const stranger = await ssoLogin(client, 'fremd-1');
    expect(stranger.response.headers.location).toBe('/login?sso_error=email_unverified');
    expect(await t.database.db.select().from(users).where(eq(users.email, 'fremd@kommune.example'))).toEqual([]);
  });

  it('refuses a tampered state, and the code cannot be redeemed afterwards', async () => {
    const client = await t.client();
    let original = '';
    const { callback, response } = await ssoLogin(client, 'neu-1', (url) => {
      original = url.search;
      url.searchParams.set('state', `${url.searchParams.get('state')}x`);
    });
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?sso_error=state');
    expect((await client.get('/api/auth/session')).json().user).toBeNull();
    // The transaction was used up by the refused attempt, so the genuine answer is refused too.
    const replay = await client.get(`/api/auth/oidc/oidc/callback${original}`);
    expect(replay.headers.location).toBe('/login?sso_error=state');
    expect((await client.get('/api/auth/session')).json().user).toBeNull();
  });

  it('refuses a callback in a browser that did not start the login', async () => {
    const starter = await t.client();
    const { callback } = await ssoLogin(starter, 'neu-1', () => {});
    const otherBrowser = await t.client();
    const response = await otherBrowser.get(`/api/auth/oidc/oidc/callback${callback.search}`);
    expect(response.headers.location).toBe('/login?sso_error=state');
    expect((await otherBrowser.get('/api/auth/session')).json().user).toBeNull();
  });

  it('sends a cancelled login back to the login page', async () => {
    const client = await t.client();
    const { callback, response } = await ssoLogin(client, 'cancel');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(response.headers.location).toBe('/login?sso_error=cancelled');
  });

  it('answers a provider that is down with the login page, not a 500', async () => {
    const response = await (await t.client()).get('/api/auth/oidc/down/login');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?sso_error=unavailable');
  });

  it('keeps where the person wanted to go, inside the app only', async () => {
    const client = await t.client();
    const start = await client.get('/api/auth/oidc/oidc/login?next=%2Foffice%3Ftab%3D2');
    idp.nextLogin('ref-1');
    const callback = await idp.authorize(String(start.headers.location));
    const response = await client.get(`${callback.pathname}${callback.search}`);
    expect(response.headers.location).toBe('/login?next=%2Foffice%3Ftab%3D2');

    const outside = await t.client();
    const evil = await outside.get('/api/auth/oidc/oidc/login?next=%2F%2Fevil.example%2F');
    idp.nextLogin('ref-1');
    const evilCallback = await idp.authorize(String(evil.headers.location));
    expect((await outside.get(`${evilCallback.pathname}${evilCallback.search}`)).headers.location).toBe('/login');
  });

  it('answers 404 for a provider that is not configured', async () => {
    const response = await (await t.client()).get('/api/auth/oidc/keycloak/login');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe.each(testDatabaseKinds())('without single sign-on configured on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { demo: false });
    await seedLocalAccounts(t);
  });
  afterAll(async () => t?.close());

  it('lists no provider and has no login or callback address', async () => {
    const client = await t.client();
    expect((await client.get('/api/auth/providers')).json()).toEqual([]);
    expect((await client.get('/api/auth/oidc/oidc/login')).statusCode).toBe(404);
    expect((await client.get('/api/auth/oidc/oidc/callback?code=x&state=y')).statusCode).toBe(404);
    // Password login is unchanged.
    expect((await client.post('/api/auth/login', { email: 'referat@stadtnetz.example', password: PASSWORD })).statusCode).toBe(200);
  });
});
