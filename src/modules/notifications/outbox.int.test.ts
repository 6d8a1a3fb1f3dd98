import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseKinds, type Database } from '../../db/connection';
import { outbox } from '../../db/schema';
import { enqueue, sendDue, smtpMailer, startBackgroundJobs } from '.';
import { MAX_ATTEMPTS } from './outbox.service';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port that keeps what it receives. */
async function startSmtp(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The header and the text of a received message, decoded (RFC 2047 words, quoted-printable). */
function decode(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const unfolded = head!.replace(/\r\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/im.exec(unfolded)![1]!;
  const subject = subjectLine.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
  );
  const body = rest.join('\r\n\r\n');
  const text = /quoted-printable/i.test(head!) ? qp(body.replace(/=\r\n/g, '')) : body;
  return { subject, text: text.replace(/\r\n/g, '\n').trimEnd() };
}

function qp(s: string): string {
  return Buffer.from(s.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

describe.each(testDatabaseKinds())('the outbox on %s', (kind) => {
  let database: Database;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const now = new Date('2026-11-26T12:00:00Z');
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
  const row = async (dedupeKey: string) => (await database.db.select().from(outbox).where(eq(outbox.dedupeKey, dedupeKey)))[0]!;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
    await database?.close();
  });

  it("joins the caller's transaction and takes each dedupe key once", async () => {
    const message = { kind: 'test', recipient: 'a@example.org', subject: 'S', body: 'B', dedupeKey: 'tx-1', createdAt: now };
    await expect(
      database.db.transaction(async (tx) => {
        await enqueue(tx as never, message);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await database.db.select().from(outbox).where(eq(outbox.dedupeKey, 'tx-1'))).toEqual([]);
    expect(await database.db.transaction(async (tx) => enqueue(tx as never, message))).toBe(true);
    expect(await enqueue(database.db, { ...message, subject: 'again' })).toBe(false);
    expect((await row('tx-1')).subject).toBe('S');
  });

  it('sends what is due through SMTP, once, and keeps the rest until its time', async () => {
    await enqueue(database.db, {
      kind: 'review.reminder',
      recipient: 'rita@gutachten.example',
      subject: 'Erinnerung: Gutachten für „Staffel 2020“',
      body: 'Guten Tag,\n\nes ist noch ein Gutachten offen.\n\nGrüße',
      dedupeKey: 'mail-1',
      createdAt: now,
    });
    await enqueue(database.db, { kind: 'test', recipient: 'later@example.org', subject: 'Später', body: 'x', dedupeKey: 'mail-2', createdAt: now, sendAfter: minutes(30) });
    const mailer = smtpMailer(smtp.url, 'Stadtnetz <noreply@stadtnetz.example>');
    try {
      const before = smtp.received.length;
      expect(await sendDue(database.db, mailer, now)).toEqual({ sent: 2, failed: 0 });
      const got = smtp.received.slice(before);
      expect(got.map((m) => m.to[0]).sort()).toEqual(['a@example.org', 'rita@gutachten.example']);
      const rita = got.find((m) => m.to[0] === 'rita@gutachten.example')!;
      expect(rita.from).toBe('noreply@stadtnetz.example');
      expect(decode(rita.raw)).toEqual({ subject: 'Erinnerung: Gutachten für „Staffel 2020“', text: 'Guten Tag,\n\nes ist noch ein Gutachten offen.\n\nGrüße' });
      expect(await row('mail-1')).toMatchObject({ sentAt: now, attempts: 1, lastError: null });
      expect((await row('mail-2')).sentAt).toBeNull();

      expect(await sendDue(database.db, mailer, minutes(1))).toEqual({ sent: 0, failed: 0 });
      expect(await sendDue(database.db, mailer, minutes(30))).toEqual({ sent: 1, failed: 0 });
      expect(smtp.received.slice(before).map((m) => m.to[0])).toHaveLength(3);
      expect(smtp.received.at(-1)!.to).toEqual(['later@example.org']);
    } finally {
      mailer.close();
    }
  });

  it('keeps a message the server refused, with its error, and tries again later', async () => {
    await enqueue(database.db, { kind: 'test', recipient: 'b@example.org', subject: 'S', body: 'B', dedupeKey: 'fail-1', createdAt: now });
    // Nothing listens on port 9 (discard): the connection is refused.
    const broken = smtpMailer('smtp://127.0.0.1:9', 'noreply@stadtnetz.example');
    expect(await sendDue(database.db, broken, now)).toEqual({ sent: 0, failed: 1 });
    broken.close();
    const failed = await row('fail-1');
    expect(failed).toMatchObject({ sentAt: null, attempts: 1, sendAfter: minutes(1) });
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
    const mailer = smtpMailer(smtp.url, 'noreply@stadtnetz.example');
    expect(await sendDue(database.db, mailer, now)).toEqual({ sent: 0, failed: 0 });
    expect(await sendDue(database.db, mailer, minutes(1))).toEqual({ sent: 1, failed: 0 });
    mailer.close();
    expect(await row('fail-1')).toMatchObject({ attempts: 2, lastError: null, sentAt: minutes(1) });
    expect(MAX_ATTEMPTS).toBeGreaterThan(2);
  });

  it(`runs tasks and sends mail in the background on ${kind === 'postgres' ? 'pg-boss' : 'an in-process interval'}, and stops cleanly`, async () => {
    const seen: Date[] = [];
    const jobs = await startBackgroundJobs({
      database,
      mailer: smtpMailer(smtp.url, 'noreply@stadtnetz.example'),
      clock: () => now,
      intervalMs: 3_600_000,
      tasks: [
        {
          name: 'test-scan',
          async run(at) {
            seen.push(at);
            await enqueue(database.db, { kind: 'test', recipient: 'job@example.org', subject: 'Aus dem Hintergrund', body: 'ok', dedupeKey: 'job-1', createdAt: at });
          },
        },
      ],
      log: (line) => {
        throw new Error(line);
      },
    });
    try {
      expect(jobs.engine).toBe(kind === 'postgres' ? 'pg-boss' : 'interval');
      const before = smtp.received.length;
      await jobs.runNow();
      expect(seen).toEqual([now]);
      expect(smtp.received.slice(before).map((m) => m.to[0])).toEqual(['job@example.org']);
      expect((await row('job-1')).sentAt).toEqual(now);
      // Again: the task runs, the dedupe key keeps the mail from going twice.
      await jobs.runNow();
      expect(seen).toHaveLength(2);
      expect(smtp.received.slice(before)).toHaveLength(1);
    } finally {
      await jobs.stop();
    }
  }, 60_000);
});
