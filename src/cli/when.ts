import { instantFromLocal, isLocalDate, localDateOf, toInstant } from '../core/time.js';
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
        return instantFromLocal(date, hours, minutes, 0, timeZone).toISOString();
      }
    }
  }
  throw new UsageError(
    `--at must be an instant like 2026-03-01T18:30:00+01:00, a local "2026-03-01 18:30", or "18:30"; not "${text}".`,
  );
}
