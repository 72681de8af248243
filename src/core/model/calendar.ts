import {
  isLocalDate,
  type LocalDate,
  localDateOf,
  startOfLocalDay,
  zoneOffsetMinutes,
} from '../time.js';

/**
 * Internally the model counts days as integers (days since 1970-01-01 of
 * the local calendar): arithmetic and Map keys on numbers are cheaper and
 * harder to get wrong than on strings. Only the edges speak `LocalDate`.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export function dayNumber(date: LocalDate): DayNumber {
  if (!isLocalDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function dateOfDay(day: DayNumber): LocalDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/*
 * Intl lookups cost microseconds each, and a year of history has thousands
 * of instants. The zone's offset is therefore looked up once per UTC
 * midnight and memoised (a pure function of zone and instant, so caching
 * changes no result). Within a UTC day whose two midnights share an offset,
 * the offset is constant: tz transitions are weeks apart, never two in a day.
 * Days that contain a transition fall back to the exact lookup.
 */
const offsetMemo = new Map<string, Map<number, number>>();
const dayStartMemo = new Map<string, Map<DayNumber, number>>();
const MEMO_LIMIT = 50_000;

function memoFor<V>(memo: Map<string, Map<number, V>>, timeZone: string): Map<number, V> {
  let m = memo.get(timeZone);
  if (!m || m.size > MEMO_LIMIT) {
    m = new Map();
    memo.set(timeZone, m);
  }
  return m;
}

function offsetAtUtcMidnight(utcDay: number, timeZone: string): number {
  const memo = memoFor(offsetMemo, timeZone);
  let offset = memo.get(utcDay);
  if (offset === undefined) {
    offset = zoneOffsetMinutes(new Date(utcDay * MS_PER_DAY), timeZone);
    memo.set(utcDay, offset);
  }
  return offset;
}

/** The local calendar day (in `timeZone`) of an instant given in epoch ms. */
export function localDayOf(ms: number, timeZone: string): DayNumber {
  const utcDay = Math.floor(ms / MS_PER_DAY);
  const before = offsetAtUtcMidnight(utcDay, timeZone);
  if (before === offsetAtUtcMidnight(utcDay + 1, timeZone)) {
    return Math.floor((ms + before * MS_PER_MINUTE) / MS_PER_DAY);
  }
  return dayNumber(localDateOf(new Date(ms), timeZone));
}

/** Epoch ms of the first instant of a local day (DST-safe, from time.ts). */
export function localDayStart(day: DayNumber, timeZone: string): number {
  const memo = memoFor(dayStartMemo, timeZone);
  let start = memo.get(day);
  if (start === undefined) {
    start = startOfLocalDay(dateOfDay(day), timeZone).getTime();
    memo.set(day, start);
  }
  return start;
}
