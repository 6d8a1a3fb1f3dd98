import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { applicationsRoutes } from './applications.routes';
import { officeRoutes } from './office.routes';

export const applicationsPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(applicationsRoutes);
  await app.register(officeRoutes);
};
export * as applicationsService from './applications.service';
