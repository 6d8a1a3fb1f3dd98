import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf, SESSION_COOKIE } from '../../server/request-context';
import { AppError } from '../../lib/errors';
import * as service from './accounts.service';
import { grantInput, loginInput, me, passwordChangeInput, userInput, userSummary, userWithGrants } from './accounts.schemas';

const ok = z.object({ ok: z.literal(true) });

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/auth/session', { schema: { tags: ['accounts'], summary: 'Who is logged in, and the CSRF token for changes', response: { 200: me } } }, async (request, reply) => {
    const user = await service.describeMe(contextOf(request));
    return { user, csrfToken: reply.generateCsrf() };
  });

  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: ['accounts'], summary: 'Log in with email and password', body: loginInput, response: { 200: me } },
    },
    async (request, reply) => {
      const result = await service.login(app.db, app.clock(), request.body);
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies,
        expires: result.expiresAt,
      });
      const actor = await service.actorForUser(app.db, result.user);
      const user = await service.describeMe({ db: app.db, actor, now: app.clock });
      return { user, csrfToken: reply.generateCsrf() };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['accounts'], summary: 'Log out', response: { 200: ok } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await service.logout(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.post(
    '/auth/password',
    { schema: { tags: ['accounts'], summary: 'Change the own password', body: passwordChangeInput, response: { 200: ok } } },
    async (request) => {
      await service.changePassword(contextOf(request), request.body, request.cookies[SESSION_COOKIE] ?? null);
      return { ok: true as const };
    },
  );

  app.get('/users', { schema: { tags: ['accounts'], summary: 'All accounts with their roles (administrators)', response: { 200: z.array(userWithGrants) } } }, async (request) =>
    service.listUsers(contextOf(request)),
  );

  app.get(
    '/users/lookup',
    {
      schema: {
        tags: ['accounts'],
        summary: 'One account by its exact e-mail address (programme staff, to invite reviewers or seat jury members)',
        querystring: z.object({ email: z.string().trim().min(3).max(320) }),
        response: { 200: userSummary },
      },
    },
    async (request) => service.lookupUser(contextOf(request), request.query.email),
  );

  app.post(
    '/users',
    { schema: { tags: ['accounts'], summary: 'Create an account (administrators)', body: userInput, response: { 201: userSummary } } },
    async (request, reply) => {
      const user = await service.createUser(contextOf(request), request.body);
      return reply.code(201).send({ id: user.id, email: user.email, displayName: user.displayName, isAdmin: user.isAdmin });
    },
  );

  app.post(
    '/users/:id/grants',
    { schema: { tags: ['accounts'], summary: 'Grant a role for a programme or round', params: z.object({ id: z.uuid() }), body: grantInput, response: { 200: ok } } },
    async (request) => {
      if (request.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      await service.grantRole(contextOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.delete(
    '/users/:id/grants/:grantId',
    { schema: { tags: ['accounts'], summary: 'Take a role away', params: z.object({ id: z.uuid(), grantId: z.uuid() }), response: { 200: ok } } },
    async (request) => {
      await service.revokeRole(contextOf(request), request.params.id, request.params.grantId);
      return { ok: true as const };
    },
  );
};
