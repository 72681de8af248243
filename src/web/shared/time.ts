/**
 * Times are entered and shown in the browser's time zone and sent to the
 * server as UTC instants.
 */

/** A `datetime-local` value (`2026-03-01T18:30`) in this browser's zone, as a UTC ISO instant. */
export function localInputToInstant(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  // A date-time without an offset is read as local time (ECMAScript Date parsing).
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An instant as a `datetime-local` value in this browser's zone, minutes precision. */
export function instantToLocalInput(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Now as a `datetime-local` value, minutes precision, for the input's `max`. */
export function nowForInput(now = new Date()): string {
  return instantToLocalInput(now);
}

function dayStart(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const dateYearFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "Today, 18:30", "Yesterday, 09:05", "Tue 3 Mar, 18:30" or "3 Mar 2025, 18:30", in local time. */
export function formatWhen(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const days = Math.round((dayStart(now) - dayStart(date)) / 86_400_000);
  const time = timeFormat.format(date);
  if (days === 0) return `Today, ${time}`;
  if (days === 1) return `Yesterday, ${time}`;
  const sameYear = date.getFullYear() === now.getFullYear();
  return `${(sameYear ? dateFormat : dateYearFormat).format(date)}, ${time}`;
}

/** "45 min", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A calendar date (`YYYY-MM-DD`) moved by whole days; no time zone is involved. */
export function addDaysToDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return moved.toISOString().slice(0, 10);
}

const calendarFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const shortCalendarFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

/** "Thursday 26 November" (or "Thu 26 Nov" when `short`) for a `YYYY-MM-DD` date. */
export function formatCalendarDate(date: string, short = false): string {
  const [y, m, d] = date.split('-').map(Number);
  const value = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  if (Number.isNaN(value.getTime())) return date;
  return (short ? shortCalendarFormat : calendarFormat).format(value);
}
