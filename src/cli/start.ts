import type { Command } from 'commander';
import type { Database } from '../db/connection';
import { reportFailure } from './database';

export function register(program: Command): void {
  program
    .command('start')
    .description('Start the server (PGlite in ./data unless DATABASE_URL is set); fills an empty database with demo data')
    .option('--no-demo', 'do not add demo data')
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .action(async (options: { demo: boolean; port?: string; host?: string }) => {
      const started = Date.now();
      const { databaseOptionsFromEnv, openDatabase } = await import('../db/connection');
      const { seedDemo } = await import('../db/seed/demo');
      const { DEMO_PASSWORD, demoUsers } = await import('../db/seed/demo-users');
      const { buildApp } = await import('../server/app');
      const { configFromEnv } = await import('../server/config');
      const { ensureWebBuild } = await import('../server/web-build');
      const config = configFromEnv({ ...process.env, ...(options.port ? { PORT: options.port } : {}), ...(options.host ? { HOST: options.host } : {}) });
      const dbOptions = databaseOptionsFromEnv();
      let database: Database | undefined;
      try {
        await ensureWebBuild(config.webDir, (line) => console.log(line));
        console.log(dbOptions.kind === 'postgres' ? 'Database: PostgreSQL (DATABASE_URL)' : `Database: PGlite in ${dbOptions.dataDir}`);
        database = await openDatabase(dbOptions);
        if (options.demo) {
          const report = await seedDemo(database.db);
          if (report.created.length > 0) console.log(`Demo data created: ${report.created.length} items.`);
        }
        const { recoverInterruptedRuns } = await import('../modules/review/assignment.service');
        const { systemActor } = await import('../lib/access');
        // PGlite has one server process, so a run still marked running was cut off; PostgreSQL may have others.
        const recovered = await recoverInterruptedRuns({ db: database.db, actor: systemActor('startup'), now: () => new Date() }, { onlyStale: database.kind === 'postgres' });
        if (recovered > 0) console.log(`Assignment runs cut off by the last stop, now marked failed: ${recovered}`);
        const app = await buildApp({ db: database.db, config, logger: true });
        let jobs: import('../modules/notifications').BackgroundJobs | undefined;
        if (config.backgroundJobs) {
          const notifications = await import('../modules/notifications');
          const { scanReviewReminders } = await import('../modules/review/reminders.service');
          const { sendReportReminders } = await import('../modules/funding/reports.service');
          const db = database.db;
          jobs = await notifications.startBackgroundJobs({
            database,
            mailer: config.smtpUrl ? notifications.smtpMailer(config.smtpUrl, config.mailFrom!) : null,
            tasks: [
              { name: 'review-reminders', run: (now) => scanReviewReminders(db, now) },
              { name: 'report-reminders', run: (now) => sendReportReminders({ db, actor: systemActor('funding.reminders'), now: () => now }) },
            ],
            log: (line) => app.log.error(line),
          });
          const pending = await notifications.pendingCount(db);
          console.log(
            config.smtpUrl
              ? `Mail: via ${new URL(config.smtpUrl).host}, background jobs on ${jobs.engine} (${pending} waiting in the outbox)`
              : `Mail: SMTP_URL is not set, so notifications stay in the outbox (${pending} waiting); background jobs on ${jobs.engine}`,
          );
        } else console.log('Background jobs: off (BACKGROUND_JOBS=off); reminders are not scanned, mail is not sent');
        const close = async () => {
          await app.close();
          await jobs?.stop();
          await database?.close();
          process.exit(0);
        };
        process.once('SIGINT', close);
        process.once('SIGTERM', close);
        await app.listen({ port: config.port, host: config.host });
        const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
        console.log(`\nStadtnetz is running at ${url} (ready after ${((Date.now() - started) / 1000).toFixed(1)} s)`);
        console.log(`API documentation: ${url}/api/docs`);
        if (options.demo) {
          console.log(`\nDemo accounts (password "${DEMO_PASSWORD}"):`);
          for (const u of demoUsers) console.log(`  ${u.email.padEnd(34)} ${u.role ?? 'system administrator'}`);
        }
      } catch (error) {
        await database?.close();
        reportFailure(error);
      }
    });
}
