import { randomBytes } from 'node:crypto';
import { oidcProvidersFromEnv, type OidcProviderConfig } from '../modules/accounts/oidc.rules';

export interface ServerConfig {
  port: number;
  host: string;
  /** Signs the CSRF cookie; set SESSION_SECRET in production so restarts keep forms valid. */
  sessionSecret: string;
  /** Secure cookies need HTTPS; on for production, off for localhost development. */
  secureCookies: boolean;
  /** The built web app (vite build) that the server hands out. */
  webDir: string;
  logLevel: string;
  /** smtp:// or smtps:// URL of the mail server; without it notifications wait in the outbox. */
  smtpUrl?: string;
  /** The sender of notifications. */
  mailFrom?: string;
  /** Background jobs (reminder scan, outbox sender); off unless set, so tests start none. */
  backgroundJobs?: boolean;
  /** OpenID Connect providers for single sign-on (OIDC_* variables); none means password login only. */
  oidcProviders?: OidcProviderConfig[];
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    sessionSecret: env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    secureCookies: env.NODE_ENV === 'production' || env.SECURE_COOKIES === 'true',
    webDir: env.STADTNETZ_WEB_DIR ?? 'dist/web',
    logLevel: env.LOG_LEVEL ?? 'info',
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    mailFrom: env.MAIL_FROM ?? 'Stadtnetz <noreply@stadtnetz.invalid>',
    backgroundJobs: env.BACKGROUND_JOBS !== 'off',
    oidcProviders: oidcProvidersFromEnv(env),
  };
}
