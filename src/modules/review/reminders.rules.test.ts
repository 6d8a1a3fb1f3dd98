import { describe, expect, it } from 'vitest';
import { dueReminderDay, reminderKey, reminderText } from './reminders.rules';

const deadline = new Date('2020-06-30T21:59:00Z');
const before = (days: number, ms = 0) => new Date(deadline.getTime() - days * 86_400_000 + ms);

describe('dueReminderDay', () => {
  it('is null until the first reminder day is reached', () => {
    expect(dueReminderDay(deadline, [7, 1], before(8))).toBeNull();
    expect(dueReminderDay(deadline, [7, 1], before(7, -1))).toBeNull();
  });
  it('names the latest reminder day reached, whatever order the days come in', () => {
    expect(dueReminderDay(deadline, [7, 1], before(7))).toBe(7);
    expect(dueReminderDay(deadline, [1, 7], before(3))).toBe(7);
    expect(dueReminderDay(deadline, [7, 1], before(1))).toBe(1);
    expect(dueReminderDay(deadline, [7, 1], before(0, -1))).toBe(1);
  });
  it('is null at and after the deadline, and without reminder days', () => {
    expect(dueReminderDay(deadline, [7, 1], deadline)).toBeNull();
    expect(dueReminderDay(deadline, [7, 1], before(-2))).toBeNull();
    expect(dueReminderDay(deadline, [], before(1))).toBeNull();
  });
  it('takes day 0 as the deadline day itself', () => {
    expect(dueReminderDay(deadline, [0], before(0, -1))).toBeNull();
    expect(dueReminderDay(deadline, [2, 0], before(1))).toBe(2);
  });
});

describe('reminders', () => {
  it('key one reminder per round, reviewer and day', () => {
    expect(reminderKey('r', 'u', 7)).toBe('review.reminder:r:u:7');
    expect(reminderKey('r', 'u', 7)).not.toBe(reminderKey('r', 'u', 1));
  });
  it('state the deadline in Berlin time and list the open applications', () => {
    const text = reminderText({ displayName: 'Dr. Rita Gutachterin', roundName: 'Staffel 2020', deadline, open: [{ reference: 'MPS-2020-001', title: 'Smarte Gemeinde' }] });
    expect(text.subject).toBe('Erinnerung: Gutachten für „Staffel 2020“ bis Dienstag, 30. Juni 2020 um 23:59 Uhr');
    expect(text.body).toContain('Guten Tag Dr. Rita Gutachterin,');
    expect(text.body).toContain('noch ein Gutachten offen');
    expect(text.body).toContain('- MPS-2020-001: Smarte Gemeinde');
  });
});
