import { describe, expect, it } from 'vitest';
import {
  checkTransaction,
  decodeTransaction,
  encodeTransaction,
  failureFromProviderError,
  loginPageRedirect,
  matchAccount,
  oidcProvidersFromEnv,
  personFromClaims,
  safeNextPath,
  SsoFailure,
  type SsoTransaction,
} from './oidc.rules';

function failureCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SsoFailure) return error.code;
    throw error;
  }
  return undefined;
}

describe('oidcProvidersFromEnv', () => {
  it('is empty without OIDC variables', () => {
    expect(oidcProvidersFromEnv({})).toEqual([]);
  });

  it('reads one provider and derives the redirect address from PUBLIC_URL', () => {
    expect(
      oidcProvidersFromEnv({ OIDC_ISSUER: 'https://id.kommune.example/realms/verwaltung', OIDC_CLIENT_ID: 'stadtnetz', OIDC_CLIENT_SECRET: 's3cret', OIDC_NAME: 'Kommunal-ID', PUBLIC_URL: 'https://stadtnetz.example/' }),
    ).toEqual([
      {
        id: 'oidc',
        name: 'Kommunal-ID',
        issuer: 'https://id.kommune.example/realms/verwaltung',
        clientId: 'stadtnetz',
        clientSecret: 's3cret',
        redirectUri: 'https://stadtnetz.example/api/auth/oidc/oidc/callback',
        scope: 'openid email profile',
      },
    ]);
  });

  it('reads several providers by prefix', () => {
    const providers = oidcProvidersFromEnv({
      OIDC_PROVIDERS: 'keycloak, land-id',
      OIDC_KEYCLOAK_ISSUER: 'https://kc.example/realms/a',
      OIDC_KEYCLOAK_CLIENT_ID: 'a',
      OIDC_LAND_ID_ISSUER: 'https://land.example',
      OIDC_LAND_ID_CLIENT_ID: 'b',
      OIDC_LAND_ID_REDIRECT_URI: 'https://stadtnetz.example/api/auth/oidc/land-id/callback',
      OIDC_LAND_ID_SCOPE: 'openid email',
      PUBLIC_URL: 'https://stadtnetz.example',
    });
    expect(providers.map((p) => [p.id, p.redirectUri, p.scope, p.clientSecret])).toEqual([
      ['keycloak', 'https://stadtnetz.example/api/auth/oidc/keycloak/callback', 'openid email profile', undefined],
      ['land-id', 'https://stadtnetz.example/api/auth/oidc/land-id/callback', 'openid email', undefined],
    ]);
  });

  it('refuses incomplete or insecure settings at start-up', () => {
    expect(() => oidcProvidersFromEnv({ OIDC_ISSUER: 'https://id.example', PUBLIC_URL: 'https://a.example' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => oidcProvidersFromEnv({ OIDC_ISSUER: 'https://id.example', OIDC_CLIENT_ID: 'x' })).toThrow(/PUBLIC_URL/);
    expect(() => oidcProvidersFromEnv({ OIDC_ISSUER: 'http://id.example', OIDC_CLIENT_ID: 'x', PUBLIC_URL: 'https://a.example' })).toThrow(/https/);
    expect(() => oidcProvidersFromEnv({ OIDC_ISSUER: 'http://127.0.0.1:8080/realms/x', OIDC_CLIENT_ID: 'x', PUBLIC_URL: 'http://localhost:3000' })).not.toThrow();
  });
});

describe('personFromClaims', () => {
  it('takes the name from name, given and family name, or the address', () => {
    expect(personFromClaims({ sub: '1', email: 'a@b.example', email_verified: true, name: 'Anna Beispiel' })).toEqual({ subject: '1', email: 'a@b.example', emailVerified: true, displayName: 'Anna Beispiel' });
    expect(personFromClaims({ sub: '1', email: 'a@b.example', given_name: 'Anna', family_name: 'Beispiel' }).displayName).toBe('Anna Beispiel');
    expect(personFromClaims({ sub: '1', email: 'anna@b.example' }).displayName).toBe('anna');
  });

  it('counts only true (or "true") as verified', () => {
    expect(personFromClaims({ sub: '1', email: 'a@b.example', email_verified: 'true' }).emailVerified).toBe(true);
    expect(personFromClaims({ sub: '1', email: 'a@b.example', email_verified: 'yes' }).emailVerified).toBe(false);
    expect(personFromClaims({ sub: '1', email: 'a@b.example' }).emailVerified).toBe(false);
  });

  it('needs an e-mail address', () => {
    expect(failureCode(() => personFromClaims({ sub: '1' }))).toBe('email_missing');
    expect(failureCode(() => personFromClaims({ sub: '1', email: 'no address' }))).toBe('email_missing');
  });
});

describe('matchAccount', () => {
  const person = { subject: 's', email: 'a@b.example', emailVerified: true, displayName: 'A' };
  it('lets a known identity decide', () => {
    expect(matchAccount({ identityUserId: 'u1', person: { ...person, emailVerified: false }, accountWithEmail: null })).toEqual({ kind: 'known', userId: 'u1' });
  });
  it('links a verified address to its local account, or creates one', () => {
    expect(matchAccount({ identityUserId: null, person, accountWithEmail: { id: 'u2', linkedAtThisIssuer: false } })).toEqual({ kind: 'link', userId: 'u2' });
    expect(matchAccount({ identityUserId: null, person, accountWithEmail: null })).toEqual({ kind: 'create' });
  });
  it('neither links nor creates for an unverified address, and does not link twice at one provider', () => {
    const unverified = { ...person, emailVerified: false };
    expect(failureCode(() => matchAccount({ identityUserId: null, person: unverified, accountWithEmail: { id: 'u2', linkedAtThisIssuer: false } }))).toBe('email_unverified');
    expect(failureCode(() => matchAccount({ identityUserId: null, person: unverified, accountWithEmail: null }))).toBe('email_unverified');
    expect(failureCode(() => matchAccount({ identityUserId: null, person, accountWithEmail: { id: 'u2', linkedAtThisIssuer: true } }))).toBe('already_linked');
  });
});

describe('the transaction', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const transaction: SsoTransaction = { provider: 'oidc', state: 'abc', nonce: 'n', verifier: 'v', next: '/office', expiresAt: now.getTime() + 60_000 };

  it('survives its cookie and rejects what is not one', () => {
    expect(decodeTransaction(encodeTransaction(transaction))).toEqual(transaction);
    expect(decodeTransaction('not-json')).toBeNull();
    expect(decodeTransaction(Buffer.from(JSON.stringify({ provider: 'oidc' })).toString('base64url'))).toBeNull();
    expect(decodeTransaction(encodeTransaction({ ...transaction, next: '//evil.example' }))?.next).toBeNull();
  });

  it('must match provider, time and state', () => {
    expect(checkTransaction(transaction, 'oidc', 'abc', now)).toBe(transaction);
    expect(failureCode(() => checkTransaction(null, 'oidc', 'abc', now))).toBe('state');
    expect(failureCode(() => checkTransaction(transaction, 'other', 'abc', now))).toBe('state');
    expect(failureCode(() => checkTransaction(transaction, 'oidc', 'abd', now))).toBe('state');
    expect(failureCode(() => checkTransaction(transaction, 'oidc', undefined, now))).toBe('state');
    expect(failureCode(() => checkTransaction(transaction, 'oidc', 'abc', new Date(transaction.expiresAt)))).toBe('state');
  });
});

describe('redirects', () => {
  it('stay inside the app', () => {
    expect(safeNextPath('/office')).toBe('/office');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', '/api/users', 42, undefined]) expect(safeNextPath(bad)).toBeNull();
    expect(loginPageRedirect({ next: '/jury?x=1' })).toBe('/login?next=%2Fjury%3Fx%3D1');
    expect(loginPageRedirect({ next: null })).toBe('/login');
    expect(loginPageRedirect({ error: 'cancelled' })).toBe('/login?sso_error=cancelled');
  });

  it('tell a cancelled login from a failed one', () => {
    expect(failureFromProviderError('access_denied').code).toBe('cancelled');
    expect(failureFromProviderError('server_error').code).toBe('failed');
  });
});
