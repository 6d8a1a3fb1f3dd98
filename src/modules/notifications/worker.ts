import PgBoss from 'pg-boss';
import type { Database } from '../../db/connection';
import type { Mailer } from './mailer';
import { sendDue } from './outbox.service';

/** Work a module wants done now and then, e.g. the review reminder scan; it takes the time to judge by. */
export interface PeriodicTask {
  name: string;
  run(now: Date): Promise<unknown>;
}

/** The server's background work, whichever engine runs it. */
export interface BackgroundJobs {
  engine: 'pg-boss' | 'interval';
  /** Runs every task and then sends what is due, through the engine, and waits until done. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export interface BackgroundJobOptions {
  database: Database;
  /** Null when SMTP is not configured: messages stay in the outbox until it is. */
  mailer: Mailer | null;
  tasks: PeriodicTask[];
  clock?: () => Date;
  /** How often the in-process worker runs (PGlite); default one minute. */
  intervalMs?: number;
  log?: (line: string) => void;
}

/**
 * Starts the background work: pg-boss on PostgreSQL (cron schedules and queues survive restarts
 * and are shared by several server processes, each job done once), an in-process interval on
 * PGlite (one process owns the data dir anyway).
 */
export async function startBackgroundJobs(options: BackgroundJobOptions): Promise<BackgroundJobs> {
  return options.database.kind === 'postgres' && options.database.url ? startPgBoss(options, options.database.url) : startInterval(options);
}

function reporter(log: (line: string) => void) {
  return (what: string, error: unknown) => log(`background job ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
}

function startInterval(options: BackgroundJobOptions): BackgroundJobs {
  const clock = options.clock ?? (() => new Date());
  const fail = reporter(options.log ?? console.error);
  let running: Promise<void> | null = null;
  const cycle = async () => {
    for (const task of options.tasks) await task.run(clock()).catch((error: unknown) => fail(task.name, error));
    if (options.mailer) await sendDue(options.database.db, options.mailer, clock()).catch((error: unknown) => fail('outbox', error));
  };
  // One cycle at a time: a slow SMTP server must not pile cycles up.
  const tick = () => (running ??= cycle().finally(() => (running = null)));
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  timer.unref();
  return {
    engine: 'interval',
    runNow: async () => {
      await running;
      await tick();
    },
    async stop() {
      clearInterval(timer);
      await running;
      options.mailer?.close();
    },
  };
}

const SEND_QUEUE = 'stadtnetz.outbox-send';
const taskQueue = (task: PeriodicTask) => `stadtnetz.${task.name}`;

async function startPgBoss(options: BackgroundJobOptions, url: string): Promise<BackgroundJobs> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? console.error;
  const boss = new PgBoss({ connectionString: url, max: 2 });
  boss.on('error', (error) => reporter(log)('pg-boss', error));
  await boss.start();
  const queues = [...options.tasks.map(taskQueue), SEND_QUEUE];
  for (const name of queues) await boss.createQueue(name);
  for (const task of options.tasks) {
    await boss.schedule(taskQueue(task), '*/15 * * * *', {}, { tz: 'Europe/Berlin' });
    await boss.work(taskQueue(task), async () => {
      await task.run(clock());
      // What the scan enqueued goes out now rather than at the next minute.
      await boss.send(SEND_QUEUE, {});
    });
  }
  await boss.schedule(SEND_QUEUE, '* * * * *', {}, { tz: 'Europe/Berlin' });
  await boss.work(SEND_QUEUE, async () => {
    if (options.mailer) await sendDue(options.database.db, options.mailer, clock());
  });

  async function finished(queue: string, id: string | null): Promise<void> {
    if (!id) return;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = await boss.getJobById(queue, id);
      if (job?.state === 'completed') return;
      if (job?.state === 'failed' || job?.state === 'cancelled') throw new Error(`job ${queue} ${job.state}`);
      if (Date.now() > deadline) throw new Error(`job ${queue} did not finish in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    engine: 'pg-boss',
    async runNow() {
      for (const task of options.tasks) await finished(taskQueue(task), await boss.send(taskQueue(task), {}));
      await finished(SEND_QUEUE, await boss.send(SEND_QUEUE, {}));
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      options.mailer?.close();
    },
  };
}
