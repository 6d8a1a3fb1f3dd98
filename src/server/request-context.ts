import type { FastifyInstance } from 'fastify';
import type { Actor } from '../lib/access';
import type { ServiceContext } from '../modules/context';

export const SESSION_COOKIE = 'sn_session';

/** The per-request service context: routes hand it to services and nothing else. */
export function contextOf(request: { server: FastifyInstance; actor: Actor }): ServiceContext {
  return { db: request.server.db, actor: request.actor, now: request.server.clock };
}
