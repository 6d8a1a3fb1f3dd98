/**
 * Single sign-on with OpenID Connect: which providers are configured, what their claims must
 * say, and how a person coming back from a provider is matched to an account. No I/O here.
 */

export interface OidcProviderConfig {
  /** Short name used in addresses: /api/auth/oidc/<id>/login. */
  id: string;
  /** What the login button says: "Mit <name> anmelden". */
  name: string;
  issuer: string;
  clientId: string;
  /** Absent for a public client, which then relies on PKCE alone. */
  clientSecret?: string;
  redirectUri: string;
  scope: string;
}

/** Why a single sign-on attempt ended without a session; sent to the login page as ?sso_error=. */
export const ssoErrorCodes = [
  'unavailable',
  'state',
  'cancelled',
  'failed',
  'email_missing',
  'email_unverified',
  'already_linked',
] as const;
export type SsoErrorCode = (typeof ssoErrorCodes)[number];

export class SsoFailure extends Error {
  constructor(
    readonly code: SsoErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SsoFailure';
  }
}

export const DEFAULT_SCOPE = 'openid email profile';
/** Long enough to type a password and answer a second factor at the provider, short enough to be useless when stolen. */
export const TRANSACTION_MINUTES = 10;

const idPattern = /^[a-z][a-z0-9-]{0,30}$/;

function isLoopbackHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** Plain http is allowed only on the loopback interface (tests, development); anything else must be https. */
export function allowsPlainHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname);
}

function requireUrl(value: string, variable: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`${variable} must be an absolute URL, not "${value}"`);
  }
  if (parsed.protocol !== 'https:' && !allowsPlainHttp(value)) throw new Error(`${variable} must use https (plain http only on 127.0.0.1/localhost)`);
  return value;
}

/**
 * Reads providers from the environment. One provider: OIDC_ISSUER, OIDC_CLIENT_ID,
 * OIDC_CLIENT_SECRET, OIDC_NAME, OIDC_REDIRECT_URI (or PUBLIC_URL), OIDC_SCOPE.
 * Several: OIDC_PROVIDERS=keycloak,land and the same variables as OIDC_KEYCLOAK_ISSUER, …
 * Nothing set means no single sign-on.
 */
export function oidcProvidersFromEnv(env: NodeJS.ProcessEnv): OidcProviderConfig[] {
  const ids = env.OIDC_PROVIDERS
    ? env.OIDC_PROVIDERS.split(',').map((id) => id.trim().toLowerCase()).filter(Boolean)
    : env.OIDC_ISSUER
      ? ['oidc']
      : [];
  const seen = new Set<string>();
  return ids.map((id) => {
    if (!idPattern.test(id)) throw new Error(`OIDC_PROVIDERS: "${id}" must be lower-case letters, digits and dashes`);
    if (seen.has(id)) throw new Error(`OIDC_PROVIDERS names "${id}" twice`);
    seen.add(id);
    const prefix = env.OIDC_PROVIDERS ? `OIDC_${id.toUpperCase().replace(/-/g, '_')}_` : 'OIDC_';
    const read = (name: string) => env[`${prefix}${name}`]?.trim() || undefined;
    const issuer = read('ISSUER');
    const clientId = read('CLIENT_ID');
    if (!issuer) throw new Error(`${prefix}ISSUER is missing`);
    if (!clientId) throw new Error(`${prefix}CLIENT_ID is missing`);
    const publicUrl = env.PUBLIC_URL?.trim().replace(/\/+$/, '');
    const redirectUri = read('REDIRECT_URI') ?? (publicUrl ? `${publicUrl}/api/auth/oidc/${id}/callback` : undefined);
    if (!redirectUri) throw new Error(`${prefix}REDIRECT_URI or PUBLIC_URL must be set for single sign-on`);
    const clientSecret = read('CLIENT_SECRET');
    return {
      id,
      name: read('NAME') ?? 'Single Sign-on',
      issuer: requireUrl(issuer, `${prefix}ISSUER`),
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      redirectUri: requireUrl(redirectUri, `${prefix}REDIRECT_URI`),
      scope: read('SCOPE') ?? DEFAULT_SCOPE,
    };
  });
}

/** What the app needs to know about a person from the provider's ID token and userinfo. */
export interface SsoPerson {
  subject: string;
  email: string;
  emailVerified: boolean;
  displayName: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The claims the app relies on: a subject and an e-mail address (accounts are addressed by
 * e-mail). Some identity services send email_verified as the string "true".
 */
export function personFromClaims(claims: Record<string, unknown>): SsoPerson {
  const subject = text(claims.sub);
  if (!subject) throw new SsoFailure('failed', 'The provider sent no subject.');
  const email = text(claims.email);
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 320) throw new SsoFailure('email_missing', 'The provider sent no usable e-mail address.');
  const fullName = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  const displayName = text(claims.name) ?? (fullName || undefined) ?? text(claims.preferred_username) ?? email.split('@')[0]!;
  return {
    subject,
    email,
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    displayName: displayName.slice(0, 200),
  };
}

export type AccountMatch =
  | { kind: 'known'; userId: string }
  | { kind: 'link'; userId: string }
  | { kind: 'create' };

/**
 * Who this person is here. The issuer + subject pair decides once it is known. Before that an
 * e-mail address links to a local account only when the provider vouches for it, otherwise anyone
 * who can enter an address at some provider could take over the account behind it; for the same
 * reason an unverified address never claims a new account either. A local account already linked
 * to another subject at the same provider is not linked a second time: the provider reassigned
 * the address, or someone holds two logins there.
 */
export function matchAccount(input: {
  identityUserId: string | null;
  person: SsoPerson;
  accountWithEmail: { id: string; linkedAtThisIssuer: boolean } | null;
}): AccountMatch {
  if (input.identityUserId) return { kind: 'known', userId: input.identityUserId };
  if (!input.person.emailVerified) throw new SsoFailure('email_unverified', 'The provider has not verified this e-mail address.');
  if (!input.accountWithEmail) return { kind: 'create' };
  if (input.accountWithEmail.linkedAtThisIssuer) throw new SsoFailure('already_linked', 'This account is already linked to another login at this provider.');
  return { kind: 'link', userId: input.accountWithEmail.id };
}

/** Only a path inside the app may be where a person lands afterwards, never another site or the API. */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/api/') || next.length > 500) return null;
  return next;
}

/** Where the browser goes after the callback: the login page, which knows each person's start page. */
export function loginPageRedirect(outcome: { next: string | null } | { error: SsoErrorCode }): string {
  if ('error' in outcome) return `/login?sso_error=${outcome.error}`;
  return outcome.next ? `/login?next=${encodeURIComponent(outcome.next)}` : '/login';
}

/** What the browser carries (signed, httpOnly) from the login redirect to the callback. */
export interface SsoTransaction {
  provider: string;
  state: string;
  nonce: string;
  /** The PKCE code verifier; only its hash went to the provider. */
  verifier: string;
  next: string | null;
  /** Milliseconds since the epoch, judged by the server clock. */
  expiresAt: number;
}

export function encodeTransaction(transaction: SsoTransaction): string {
  return Buffer.from(JSON.stringify(transaction)).toString('base64url');
}

/** The transaction back from its cookie; null when it is not one (the signature was checked before). */
export function decodeTransaction(raw: string | null | undefined): SsoTransaction | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<SsoTransaction>;
    const strings = [value.provider, value.state, value.nonce, value.verifier];
    if (strings.some((s) => typeof s !== 'string' || s === '') || typeof value.expiresAt !== 'number') return null;
    return { provider: value.provider!, state: value.state!, nonce: value.nonce!, verifier: value.verifier!, next: safeNextPath(value.next), expiresAt: value.expiresAt };
  } catch {
    return null;
  }
}

/** The provider's answer belongs to this browser's transaction: same provider, not expired, same state. */
export function checkTransaction(transaction: SsoTransaction | null, providerId: string, returnedState: string | undefined, now: Date): SsoTransaction {
  if (!transaction || transaction.provider !== providerId) throw new SsoFailure('state', 'There is no login under way in this browser.');
  if (transaction.expiresAt <= now.getTime()) throw new SsoFailure('state', 'The login took too long.');
  if (returnedState === undefined || !sameText(returnedState, transaction.state)) throw new SsoFailure('state', 'The state parameter does not match this browser\'s login.');
  return transaction;
}

/** Compares in time independent of where the strings differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The provider's own error answer (RFC 6749 4.1.2.1): the person cancelled, or something failed there. */
export function failureFromProviderError(error: string): SsoFailure {
  return error === 'access_denied' || error === 'login_required' || error === 'consent_required' || error === 'interaction_required'
    ? new SsoFailure('cancelled', 'The login at the provider was cancelled.')
    : new SsoFailure('failed', `The provider answered "${error.slice(0, 100)}".`);
}
