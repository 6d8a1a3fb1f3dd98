import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountsRoutes as passwordRoutes } from './accounts.routes';
import { oidcRoutes } from './oidc.routes';

/** Local accounts with passwords, and single sign-on through OpenID Connect beside them. */
export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(passwordRoutes);
  await app.register(oidcRoutes);
};
export * as accountsService from './accounts.service';
