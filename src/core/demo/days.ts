import {
  addDays,
  type LocalDate,
  localDateOf,
  startOfLocalDay,
  zoneOffsetMinutes,
} from '../time.js';
import { DEMO_STORY } from './story.js';

/** Minutes after local midnight, for wall-clock times such as `h(18, 30)`. */
export const h = (hours: number, minutes = 0): number => hours * 60 + minutes;

/** One local calendar day of the demo year and where it sits in the story. */
export interface DemoDay {
  date: LocalDate;
  /** 0 = today, 1 = yesterday, … */
  daysAgo: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  weekend: boolean;
  /** The day's first instant, in epoch milliseconds. */
  start: number;
  lonely: boolean;
  /** 0-based day within the lonely stretch, or -1 outside it. */
  lonelyDay: number;
  digitalDrift: boolean;
  innerQuiet: boolean;
  /** The instant at a local wall-clock time on this day, `minutes` after midnight. */
  at(minutes: number): Date;
}

/** Where a day falls in the story; shared by the timeline and the check-ins. */
export function phaseOf(daysAgo: number) {
  const { lonelyStretch, digitalDrift, innerQuiet } = DEMO_STORY;
  const lonelyDay = lonelyStretch.startsDaysAgo - daysAgo;
  const lonely = lonelyDay >= 0 && lonelyDay < lonelyStretch.days;
  return {
    lonely,
    lonelyDay: lonely ? lonelyDay : -1,
    digitalDrift: daysAgo < digitalDrift.sinceDaysAgo,
    innerQuiet: daysAgo < innerQuiet.lastLiveContactDaysAgo,
  };
}

function makeDay(date: LocalDate, daysAgo: number, timeZone: string): DemoDay {
  const start = startOfLocalDay(date, timeZone).getTime();
  const startOffset = zoneOffsetMinutes(new Date(start), timeZone);
  // Wall-clock midnight of the date, written as if it were UTC.
  const midnight = Date.parse(`${date}T00:00:00Z`);
  // Most days start at midnight and keep one offset (zones switch at most once
  // a day); on those, local time is plain arithmetic.
  const regular =
    start === midnight - startOffset * 60_000 &&
    zoneOffsetMinutes(new Date(start + 1_439 * 60_000), timeZone) === startOffset;
  const weekday = new Date(midnight).getUTCDay();
  return {
    date,
    daysAgo,
    weekday,
    weekend: weekday === 0 || weekday === 6,
    ...phaseOf(daysAgo),
    start,
    at(minutes) {
      const wall = midnight + minutes * 60_000;
      if (regular) return new Date(wall - startOffset * 60_000);
      // A DST switch today (possibly at midnight itself): settle the offset
      // at the target time in two passes, as startOfLocalDay does.
      const guess = wall - startOffset * 60_000;
      return new Date(wall - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000);
    },
  };
}

/** The demo year (the last `DEMO_STORY.days` days), oldest first, ending with today. */
export function demoDays(now: Date, timeZone: string): DemoDay[] {
  const today = localDateOf(now, timeZone);
  const days: DemoDay[] = [];
  for (let daysAgo = DEMO_STORY.days - 1; daysAgo >= 0; daysAgo--) {
    days.push(makeDay(addDays(today, -daysAgo), daysAgo, timeZone));
  }
  return days;
}

/** A local wall-clock time on a date relative to today (positive = future). */
export function localTime(now: Date, timeZone: string, inDays: number, minutes: number): Date {
  const today = localDateOf(now, timeZone);
  return makeDay(addDays(today, inDays), -inDays, timeZone).at(minutes);
}

/** Index of the day an instant falls on, or -1 when it is before the first day. */
export function dayIndexOf(days: readonly DemoDay[], instant: number): number {
  let lo = 0;
  let hi = days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid]?.start ?? Number.POSITIVE_INFINITY) <= instant) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
