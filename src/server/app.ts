import { existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/connection';
import type { Actor } from '../lib/access';
import { actorFromSession } from '../modules/accounts/accounts.service';
import { accountsRoutes } from '../modules/accounts';
import { applicationsPlugin } from '../modules/applications';
import { auditRoutes } from '../modules/audit';
import { organisationsRoutes } from '../modules/organisations';
import { programmesRoutes } from '../modules/programmes';
import { regionsRoutes } from '../modules/regions';
import { reviewRoutes } from '../modules/review';
import { settleAssignmentRuns } from '../modules/review/assignment.service';
import { catalogueRoutes } from '../modules/catalogue';
import { juryRoutes } from '../modules/jury';
import { publicationRoutes } from '../modules/publication';
import { fundingRoutes } from '../modules/funding';
import { portalRoutes } from '../modules/portal';
import { createPrerenderer } from './prerender';
import { SESSION_COOKIE } from './request-context';
import type { ServerConfig } from './config';
import { sendProblem, toProblem } from './problem';


declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    clock: () => Date;
    config: ServerConfig;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export interface AppOptions {
  db: Db;
  config: ServerConfig;
  clock?: () => Date;
  logger?: boolean;
}


const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Builds the app without listening, so tests drive it through inject(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: options.config.logLevel } : false,
    bodyLimit: 1_048_576,
    // Validation errors reach the error handler whole, so every field is named.
    ajv: { customOptions: { allErrors: true } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.db);
  app.decorate('clock', options.clock ?? (() => new Date()));
  app.decorate('config', options.config);
  app.decorateRequest('actor', null as never);

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });

  await app.register(fastifyCookie, { secret: options.config.sessionSecret });
  await app.register(fastifyCsrf, {
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: options.config.secureCookies },
  });
  await app.register(fastifyRateLimit, { global: false });
  // Brotli at a low quality: answers are compressed per request, where quality 11 would cost more
  // time than it saves. The web app's files come precompressed from the build instead.
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Stadtnetz API',
        version: '0.1.0',
        description: 'Programmes, rounds, applications, review, jury, funding and the open-source catalogue of a smart-city funding programme.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    request.actor = request.url.startsWith('/api/')
      ? await actorFromSession(app.db, request.cookies[SESSION_COOKIE], app.clock())
      : { kind: 'anonymous' };
  });
  app.addHook('onRequest', (request, reply, done) => {
    if (unsafeMethods.has(request.method) && request.url.startsWith('/api/')) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });

  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok', time: app.clock().toISOString() }));
  await app.register(accountsRoutes, { prefix: '/api' });
  await app.register(programmesRoutes, { prefix: '/api' });
  await app.register(regionsRoutes, { prefix: '/api' });
  await app.register(organisationsRoutes, { prefix: '/api' });
  await app.register(applicationsPlugin, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(reviewRoutes, { prefix: '/api' });
  // Assignment runs work on after their request answered; the database must outlive them.
  app.addHook('onClose', async () => settleAssignmentRuns());
  await app.register(catalogueRoutes, { prefix: '/api' });
  await app.register(juryRoutes, { prefix: '/api' });
  await app.register(publicationRoutes, { prefix: '/api' });
  await app.register(fundingRoutes, { prefix: '/api' });
  await app.register(portalRoutes, { prefix: '/api' });

  const webDir = path.resolve(options.config.webDir);
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      preCompressed: true,
      // Built assets carry a content hash in their names, so they can be cached for good.
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const prerender = createPrerenderer(app, webDir);
  // The single-page app routes on the client: every page gets index.html, public ones prerendered.
  const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
    // Whether a page is prerendered depends on the visitor's cookies.
    reply.header('vary', 'cookie');
    const page = await prerender(request);
    if (page) return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  };
  if (hasWeb) app.get('/', { schema: { hide: true } }, sendPage);
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return sendProblem(reply, toProblem(Object.assign(new Error(`No such address: ${request.method} ${request.url}`), { statusCode: 404 }), request));
    }
    return sendPage(request, reply);
  });
  return app;
}
