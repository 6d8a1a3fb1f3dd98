/**
 * Converts between the wall-clock time people type into a datetime-local field, which always
 * means Europe/Berlin here, and ISO 8601 instants with an explicit offset, which the API wants.
 * Only Intl is used, so the browser's own time zone never leaks in.
 */

const ZONE = 'Europe/Berlin';
const HOUR = 3_600_000;

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTimeAt(instantMs: number): WallTime {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The wall time read as if it were UTC: a plain number to do arithmetic with. */
function wallAsUtcMs(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Berlin's offset from UTC in minutes at the given instant (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(instantMs: number): number {
  const floored = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallAsUtcMs(wallTimeAt(floored)) - floored) / 60_000);
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2020-04-20T23:59" (Berlin wall time) → "2020-04-20T23:59:00+02:00".
 * A time that occurs twice (the last Sunday of October) means its first occurrence (summer time);
 * a time that does not exist (the last Sunday of March, 02:00–02:59) moves forward by the gap,
 * as clocks do — the same choice as Temporal's "compatible" disambiguation.
 * Returns null when the text is not a datetime-local value.
 */
export function berlinLocalToIso(local: string): string | null {
  const m = localPattern.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;

  // Offsets a day either side bracket any transition; try each and keep those that agree.
  const candidates = [...new Set([berlinOffsetMinutes(wall - 24 * HOUR), berlinOffsetMinutes(wall + 24 * HOUR)])]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => wallAsUtcMs(wallTimeAt(instant)) === wall)
    .sort((a, b) => a - b);
  // In a gap no candidate fits: read the time with the offset that held before the gap.
  const instant = candidates[0] ?? wall - berlinOffsetMinutes(wall - 24 * HOUR) * 60_000;
  return instantToBerlinIso(instant);
}

/** An instant as Berlin wall time with its offset: "2020-04-20T23:59:00+02:00". */
export function instantToBerlinIso(instantMs: number): string {
  const w = wallTimeAt(instantMs);
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const time = `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  return `${date}T${time}${formatOffset(berlinOffsetMinutes(instantMs))}`;
}

/** Any ISO instant (e.g. the API's UTC "2020-04-20T21:59:00.000Z") → "2020-04-20T23:59" for datetime-local. */
export function isoToBerlinLocal(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallTimeAt(ms);
  const base = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  return w.second ? `${base}:${pad(w.second)}` : base;
}
