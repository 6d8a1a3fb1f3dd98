import type { Db } from '../db/connection';
import { buildApp } from './app';

/** The OpenAPI document as the routes' schemas generate it, without a database behind it. */
export async function generateOpenApi(): Promise<string> {
  const app = await buildApp({
    db: null as unknown as Db,
    config: { port: 0, host: '127.0.0.1', sessionSecret: 'openapi', secureCookies: false, webDir: 'dist/none', logLevel: 'error' },
  });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
