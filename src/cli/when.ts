import { isLocalDate, localDateOf, startOfLocalDay, toInstant } from '../core/time.js';
import { UsageError } from './output.js';

/**
 * Read a time as a person types it: an ISO instant with offset, a local
 * "YYYY-MM-DD HH:MM" or "YYYY-MM-DD", or "HH:MM" meaning today, in their zone.
 */
export function parseWhen(text: string, timeZone: string, now: Date): string {
  const value = text.trim();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(value) && value.includes('T')) {
    try {
      return toInstant(value);
    } catch {
      // reported below
    }
  }
  const m = /^(?:(\d{4}-\d{2}-\d{2})[ T]?)?(?:(\d{1,2}):(\d{2}))?$/.exec(value);
  if (m && (m[1] || m[2])) {
    const date = m[1] ?? localDateOf(now, timeZone);
    if (isLocalDate(date)) {
      const hours = Number(m[2] ?? 12);
      const minutes = Number(m[3] ?? 0);
      if (hours < 24 && minutes < 60) {
        // Wall-clock minutes after the start of the local day; across a DST
        // change this lands on the time the clock showed.
        const start = startOfLocalDay(date, timeZone);
        const guess = new Date(start.getTime() + (hours * 60 + minutes) * 60_000);
        const drift = wallMinutes(guess, timeZone) - (hours * 60 + minutes);
        return new Date(guess.getTime() - drift * 60_000).toISOString();
      }
    }
  }
  throw new UsageError(
    `--at must be an instant like 2026-03-01T18:30:00+01:00, a local "2026-03-01 18:30", or "18:30"; not "${text}".`,
  );
}

function wallMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return get('hour') * 60 + get('minute');
}
