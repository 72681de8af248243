/**
 * Local-calendar arithmetic without a date library. A user's "day" is the
 * calendar day in their IANA time zone; instants are always UTC.
 * Pure: Intl is a lookup table, not I/O.
 */

/** A source of "now", passed in so the core never reads the system clock. */
export type Clock = () => Date;

/** A calendar date, `YYYY-MM-DD`, with no time zone attached. */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Offset of the zone from UTC at an instant, in minutes (east positive). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const truncated = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - truncated) / 60_000);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The user's calendar date at an instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const w = wallClock(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The hour (0–23) a wall clock in `timeZone` shows at an instant. */
export function localHourOf(instant: Date, timeZone: string): number {
  return wallClock(instant, timeZone).hour;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseLocalDate(date: LocalDate): [number, number, number] {
  const m = LOCAL_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parseLocalDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [y1, m1, d1] = parseLocalDate(a);
  const [y2, m2, d2] = parseLocalDate(b);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/**
 * The first instant of a local calendar day. Where a DST jump skips local
 * midnight, the day starts at the first wall-clock time that exists.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = parseLocalDate(date);
  const wallMidnight = Date.UTC(y, m - 1, d);
  // Two passes settle the offset, since the offset at the guess may differ
  // from the offset at the answer near a transition.
  let guess = wallMidnight - zoneOffsetMinutes(new Date(wallMidnight), timeZone) * 60_000;
  guess = wallMidnight - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  // If the guess lands on the previous day (midnight skipped), walk forward.
  if (localDateOf(new Date(guess), timeZone) !== date) {
    const next = startOfLocalDayByScan(date, timeZone, guess);
    return new Date(next);
  }
  // If an earlier instant still falls on the same date (midnight repeated), step back.
  while (localDateOf(new Date(guess - 15 * 60_000), timeZone) === date) {
    guess -= 15 * 60_000;
  }
  return new Date(guess);
}

function startOfLocalDayByScan(date: LocalDate, timeZone: string, from: number): number {
  let t = from;
  for (let i = 0; i < 4 * 24 * 2; i++) {
    t += 15 * 60_000;
    if (localDateOf(new Date(t), timeZone) === date) return t;
  }
  throw new RangeError(`cannot find the start of ${date} in ${timeZone}`);
}

/** The UTC instant range [start, end) covering a local calendar day. */
export function localDayRange(date: LocalDate, timeZone: string): { start: Date; end: Date } {
  return {
    start: startOfLocalDay(date, timeZone),
    end: startOfLocalDay(addDays(date, 1), timeZone),
  };
}

/** Canonical storage form of an instant: UTC, millisecond precision, `Z`. */
export function toInstant(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(value)}`);
  return d.toISOString();
}

/**
 * The instant a wall clock in `timeZone` showed `date` at `hh:mm:ss`. In a
 * DST gap (a time that never existed) it moves forward by the gap; in an
 * overlap (a time that happened twice) it takes the first.
 */
export function instantFromLocal(
  date: LocalDate,
  hours: number,
  minutes: number,
  seconds: number,
  timeZone: string,
): Date {
  const [y, m, d] = parseLocalDate(date);
  const wall = Date.UTC(y, m - 1, d, hours, minutes, seconds);
  let guess = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  // In an overlap, an hour earlier may show the same wall time: take the first.
  const earlier = guess - 3_600_000;
  if (earlier + zoneOffsetMinutes(new Date(earlier), timeZone) * 60_000 === wall)
    return new Date(earlier);
  return new Date(guess);
}

/** ISO 8601 day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const [y, m, d] = parseLocalDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/**
 * The ISO 8601 week a date falls in, as `YYYY-Www` (e.g. `2026-W48`). Weeks
 * start on Monday and belong to the year of their Thursday, so the first days
 * of January can fall in the last week of the year before.
 */
export function isoWeekOf(date: LocalDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${pad(week)}`;
}
