import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../lib/errors';
import { SESSION_COOKIE } from '../../server/request-context';
import * as service from './oidc.service';
import { decodeTransaction, encodeTransaction, loginPageRedirect, SsoFailure, type OidcProviderConfig } from './oidc.rules';

/** Holds the transaction between the redirect to the provider and the callback. */
const TRANSACTION_COOKIE = 'sn_oidc';

const providerSummary = z.object({ id: z.string(), name: z.string(), loginUrl: z.string() });
const providerParams = z.object({ provider: z.string().max(40) });

function transactionCookiePath(provider: OidcProviderConfig): string {
  return `/api/auth/oidc/${provider.id}`;
}

export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const providers = () => app.config.oidcProviders ?? [];
  const providerNamed = (id: string): OidcProviderConfig => {
    const provider = providers().find((p) => p.id === id);
    // Without that provider configured the address does not exist, as the OpenAPI document says.
    if (!provider) throw new AppError('NOT_FOUND', 'There is no such single sign-on provider.');
    return provider;
  };

  // A failed single sign-on is a page the person reads, not an API error: back to the login form with a reason.
  const toLoginPage = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (error instanceof SsoFailure) request.log.warn({ err: error, cause: error.cause }, 'single sign-on refused');
    else request.log.error({ err: error }, 'single sign-on failed');
    return reply.redirect(loginPageRedirect({ error: error instanceof SsoFailure ? error.code : 'failed' }), 303);
  };

  app.get(
    '/auth/providers',
    { schema: { tags: ['accounts'], summary: 'The single sign-on providers the login page offers (none when unconfigured)', response: { 200: z.array(providerSummary) } } },
    async () => service.listProviders(providers()),
  );

  app.get(
    '/auth/oidc/:provider/login',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['accounts'],
        summary: 'Start a single sign-on: redirects to the OpenID Connect provider (authorization code flow with PKCE)',
        params: providerParams,
        querystring: z.object({ next: z.string().max(500).optional() }),
      },
    },
    async (request, reply) => {
      const provider = providerNamed(request.params.provider);
      try {
        const { url, transaction } = await service.beginLogin(provider, request.query.next, app.clock());
        reply.setCookie(TRANSACTION_COOKIE, encodeTransaction(transaction), {
          path: transactionCookiePath(provider),
          httpOnly: true,
          // Lax, not strict: the provider sends the browser back with a top-level GET from its own site.
          sameSite: 'lax',
          secure: app.config.secureCookies,
          signed: true,
          expires: new Date(transaction.expiresAt),
        });
        return reply.redirect(url, 302);
      } catch (error) {
        return toLoginPage(request, reply, error);
      }
    },
  );

  app.get(
    '/auth/oidc/:provider/callback',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Where the OpenID Connect provider sends the browser back; logs in and redirects to the app',
        params: providerParams,
        querystring: z.object({
          code: z.string().optional(),
          state: z.string().optional(),
          iss: z.string().optional(),
          error: z.string().optional(),
          error_description: z.string().optional(),
          session_state: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const provider = providerNamed(request.params.provider);
      const signed = request.cookies[TRANSACTION_COOKIE];
      const unsigned = signed ? request.unsignCookie(signed) : null;
      const transaction = unsigned?.valid ? decodeTransaction(unsigned.value) : null;
      // One transaction, one attempt: whatever happens next, it cannot be replayed.
      reply.clearCookie(TRANSACTION_COOKIE, { path: transactionCookiePath(provider) });
      // The provider redirected to the registered address, so that (not whatever Host this request names) is what the token request repeats.
      const callbackUrl = new URL(provider.redirectUri);
      callbackUrl.search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      try {
        const result = await service.completeLogin(app.db, app.clock(), provider, transaction, callbackUrl);
        reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: app.config.secureCookies,
          expires: result.expiresAt,
        });
        return reply.redirect(loginPageRedirect({ next: result.next }), 303);
      } catch (error) {
        return toLoginPage(request, reply, error);
      }
    },
  );
};
