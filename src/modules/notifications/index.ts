export { enqueue, sendDue, pendingCount, type OutgoingMessage } from './outbox.service';
export { smtpMailer, type Mailer, type Mail } from './mailer';
export { startBackgroundJobs, type BackgroundJobs, type PeriodicTask } from './worker';
