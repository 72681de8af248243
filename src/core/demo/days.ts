import {
  addDays,
  type LocalDate,
  localDateOf,
  startOfLocalDay,
  zoneOffsetMinutes,
} from '../time.js';
import { DEMO_STORY } from './story.js';

/** One local calendar day of the demo year and where it sits in the story. */
export interface DemoDay {
  date: LocalDate;
  /** 0 = today, 1 = yesterday, … */
  daysAgo: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  weekend: boolean;
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
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return {
    date,
    daysAgo,
    weekday,
    weekend: weekday === 0 || weekday === 6,
    ...phaseOf(daysAgo),
    at(minutes) {
      // Midnight plus elapsed time is off by an hour after a DST switch
      // within the day; correcting by the offset change keeps wall-clock times right.
      const naive = start + minutes * 60_000;
      const shift = zoneOffsetMinutes(new Date(naive), timeZone) - startOffset;
      return new Date(naive - shift * 60_000);
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
