import * as client from 'openid-client';
import type { Db } from '../../db/connection';
import { isUniqueViolation } from '../../db/errors';
import { systemActor } from '../../lib/access';
import { applyChange, type ServiceContext } from '../context';
import * as q from './accounts.queries';
import * as oq from './oidc.queries';
import { startSession, type LoginResult } from './accounts.service';
import {
  allowsPlainHttp,
  checkTransaction,
  failureFromProviderError,
  matchAccount,
  personFromClaims,
  safeNextPath,
  SsoFailure,
  TRANSACTION_MINUTES,
  type OidcProviderConfig,
  type SsoPerson,
  type SsoTransaction,
} from './oidc.rules';

/** Seconds the app waits for the provider (discovery, token, userinfo) before telling the person it is unavailable. */
const PROVIDER_TIMEOUT_SECONDS = 5;
/** Discovery is cached this long; signing keys rotate on their own (unknown key ids are re-fetched). */
const DISCOVERY_TTL_MS = 60 * 60_000;

const discovered = new Map<string, { at: number; configuration: Promise<client.Configuration> }>();

/** The provider's metadata and this client's settings, discovered once and shared by all requests. */
async function configurationOf(provider: OidcProviderConfig): Promise<client.Configuration> {
  const key = JSON.stringify([provider.issuer, provider.clientId, provider.clientSecret ?? null]);
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  const configuration = client.discovery(
    new URL(provider.issuer),
    provider.clientId,
    provider.clientSecret,
    provider.clientSecret ? undefined : client.None(),
    { timeout: PROVIDER_TIMEOUT_SECONDS, execute: allowsPlainHttp(provider.issuer) ? [client.allowInsecureRequests] : [] },
  );
  discovered.set(key, { at: Date.now(), configuration });
  try {
    return await configuration;
  } catch (error) {
    // A provider that was down is asked again next time, not remembered as down.
    discovered.delete(key);
    throw new SsoFailure('unavailable', `The provider ${provider.issuer} could not be reached.`, { cause: error });
  }
}

/** Starts the authorization code flow: where to send the browser, and what it must bring back. */
export async function beginLogin(provider: OidcProviderConfig, next: unknown, now: Date): Promise<{ url: string; transaction: SsoTransaction }> {
  const configuration = await configurationOf(provider);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: provider.redirectUri,
    scope: provider.scope,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return {
    url: url.href,
    transaction: { provider: provider.id, state, nonce, verifier, next: safeNextPath(next), expiresAt: now.getTime() + TRANSACTION_MINUTES * 60_000 },
  };
}

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'AbortError' || error.name === 'TimeoutError' || (error instanceof TypeError && /fetch failed/i.test(error.message));
}

/** The ID token's claims, completed from userinfo when the token leaves the e-mail address out (as oidc-provider does by default). */
async function claimsOf(configuration: client.Configuration, callbackUrl: URL, transaction: SsoTransaction): Promise<Record<string, unknown>> {
  try {
    // openid-client checks state, the ID token's signature, issuer, audience, expiry and nonce, and sends the PKCE verifier.
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: transaction.verifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new SsoFailure('failed', 'The provider sent no ID token.');
    if (typeof idClaims.email === 'string' && idClaims.email_verified !== undefined) return idClaims;
    if (!configuration.serverMetadata().userinfo_endpoint) return idClaims;
    const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    return { ...userinfo, ...idClaims, email: idClaims.email ?? userinfo.email, email_verified: idClaims.email_verified ?? userinfo.email_verified };
  } catch (error) {
    if (error instanceof SsoFailure) throw error;
    if (isNetworkFailure(error)) throw new SsoFailure('unavailable', 'The provider could not be reached.', { cause: error });
    throw new SsoFailure('failed', 'The provider\'s answer was refused.', { cause: error });
  }
}

/**
 * Finishes the flow at the callback: checks the browser's transaction, redeems the code, finds or
 * makes the account and starts a session like a password login does.
 */
export async function completeLogin(
  db: Db,
  now: Date,
  provider: OidcProviderConfig,
  transaction: SsoTransaction | null,
  callbackUrl: URL,
): Promise<LoginResult & { next: string | null }> {
  const checked = checkTransaction(transaction, provider.id, callbackUrl.searchParams.get('state') ?? undefined, now);
  const providerError = callbackUrl.searchParams.get('error');
  if (providerError) throw failureFromProviderError(providerError);
  const configuration = await configurationOf(provider);
  const person = personFromClaims(await claimsOf(configuration, callbackUrl, checked));
  const ctx: ServiceContext = { db, actor: systemActor(`sso:${provider.id}`), now: () => now };
  const user = await accountFor(ctx, configuration.serverMetadata().issuer, provider.id, person);
  return { ...(await startSession(db, user, now)), next: checked.next };
}

async function accountFor(ctx: ServiceContext, issuer: string, providerId: string, person: SsoPerson, retried = false): Promise<q.UserRow> {
  try {
    return await findOrMakeAccount(ctx, issuer, providerId, person);
  } catch (error) {
    // Two first logins of the same person at once: the loser finds what the winner stored.
    if (!retried && isUniqueViolation(error)) return accountFor(ctx, issuer, providerId, person, true);
    throw error;
  }
}

async function findOrMakeAccount(ctx: ServiceContext, issuer: string, providerId: string, person: SsoPerson): Promise<q.UserRow> {
  const identity = await oq.findIdentity(ctx.db, issuer, person.subject);
  const local = identity ? undefined : await q.findUserByEmail(ctx.db, person.email);
  const match = matchAccount({
    identityUserId: identity?.userId ?? null,
    person,
    accountWithEmail: local ? { id: local.id, linkedAtThisIssuer: await oq.hasIdentityAt(ctx.db, local.id, issuer) } : null,
  });
  const now = ctx.now();
  const identityPayload = { provider: providerId, issuer, subject: person.subject, email: person.email };
  switch (match.kind) {
    case 'known': {
      await oq.touchIdentity(ctx.db, issuer, person.subject, now);
      const user = await q.findUser(ctx.db, match.userId);
      if (!user) throw new SsoFailure('failed', 'The linked account is gone.');
      return user;
    }
    case 'link':
      return applyChange(ctx, async (tx) => {
        await oq.insertIdentity(tx, { issuer, subject: person.subject, userId: match.userId, at: now });
        return { result: local!, event: { action: 'accounts.link_identity', subjectType: 'user', subjectId: match.userId, payload: identityPayload } };
      });
    case 'create':
      return applyChange(ctx, async (tx) => {
        // No password and no roles: the provider vouches for who this is, the programme office decides what they may do.
        const user = await q.insertUser(tx, { email: person.email, displayName: person.displayName, passwordHash: null, isAdmin: false });
        await oq.insertIdentity(tx, { issuer, subject: person.subject, userId: user.id, at: now });
        return { result: user, event: { action: 'accounts.create_user_sso', subjectType: 'user', subjectId: user.id, payload: { ...identityPayload, displayName: person.displayName } } };
      });
  }
}

/** What the login page needs to draw one button per provider. */
export function listProviders(providers: readonly OidcProviderConfig[]) {
  return providers.map((p) => ({ id: p.id, name: p.name, loginUrl: `/api/auth/oidc/${p.id}/login` }));
}
