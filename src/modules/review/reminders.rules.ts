const DAY_MS = 24 * 60 * 60_000;

/**
 * The reminder that is due at `now`: the latest reminder day already reached before the
 * deadline, or null (none reached yet, or the deadline passed). Only the latest is sent, so a
 * scan that first runs a day before the deadline sends one reminder, not the seven-day one too.
 */
export function dueReminderDay(deadline: Date, reminderDays: readonly number[], now: Date): number | null {
  if (now.getTime() >= deadline.getTime()) return null;
  const reached = reminderDays.filter((days) => deadline.getTime() - days * DAY_MS <= now.getTime());
  return reached.length === 0 ? null : Math.min(...reached);
}

/** One reminder per reviewer, round and reminder day: the outbox drops a second one with the same key. */
export function reminderKey(roundId: string, reviewerId: string, days: number): string {
  return `review.reminder:${roundId}:${reviewerId}:${days}`;
}

const berlin = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'full', timeStyle: 'short' });

export interface ReminderText {
  subject: string;
  body: string;
}

/** The reminder mail, in German: the reviewers are German experts. */
export function reminderText(input: { displayName: string; roundName: string; deadline: Date; open: Array<{ reference: string; title: string }> }): ReminderText {
  const due = berlin.format(input.deadline);
  const count = input.open.length === 1 ? 'ein Gutachten' : `${input.open.length} Gutachten`;
  return {
    subject: `Erinnerung: Gutachten für „${input.roundName}“ bis ${due} Uhr`,
    body: [
      `Guten Tag ${input.displayName},`,
      '',
      `für „${input.roundName}“ ist von Ihnen noch ${count} offen. Die Frist endet am ${due} Uhr (Europe/Berlin).`,
      '',
      ...input.open.map((a) => `- ${a.reference}: ${a.title}`),
      '',
      'Sie finden die Anträge in Stadtnetz unter „Begutachtung“. Entwürfe werden automatisch gespeichert; erst mit „Einreichen“ ist ein Gutachten abgegeben.',
      '',
      'Mit freundlichen Grüßen',
      'Ihre Programmgeschäftsstelle',
    ].join('\n'),
  };
}
