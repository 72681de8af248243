/**
 * The subscribable calendar feed (RFC 5545): plans, birthdays and reminders
 * as a VCALENDAR a calendar app can poll. Pure: the caller passes `now`.
 */
import { isLocalDate } from '../core/time.js';

export type FeedTime = { date: string } | { instant: string };

export interface FeedEvent {
  /** Stable across feed refreshes, so apps update instead of duplicating. */
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  /** `date` (YYYY-MM-DD) for all-day events, `instant` (ISO, any offset) for timed ones. */
  start: FeedTime;
  /** Exclusive end; all-day events default to one day, timed ones to none. */
  end?: FeedTime;
  /** Repeats every year on the start's month and day (birthdays, anniversaries). */
  yearly?: boolean;
}

export interface FeedCalendar {
  name: string;
  events: FeedEvent[];
  now: Date;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

export function writeCalendar(input: FeedCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tend//Tend//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
  ];
  const stamp = utcStamp(input.now);
  for (const event of input.events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}

function eventLines(event: FeedEvent, stamp: string): string[] {
  const allDay = 'date' in event.start;
  const end = event.end ?? ('date' in event.start ? { date: nextDay(event.start.date) } : null);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART${dateValue(event.start)}`,
  ];
  if (end) lines.push(`DTEND${dateValue(end)}`);
  if (event.yearly) lines.push(yearlyRule(event.start));
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  // A birthday should not mark the whole day busy.
  if (allDay) lines.push('TRANSP:TRANSPARENT');
  lines.push('END:VEVENT');
  return lines;
}

function yearlyRule(start: FeedTime): string {
  const monthDay =
    'date' in start ? start.date.slice(5) : new Date(start.instant).toISOString().slice(5, 10);
  // 29 February: the last day of February, so non-leap years still get a day.
  return monthDay === '02-29' ? 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'RRULE:FREQ=YEARLY';
}

/** The `;VALUE=DATE:…` or `:…Z` tail of a DTSTART/DTEND line. */
function dateValue(time: FeedTime): string {
  if ('date' in time) {
    if (!isLocalDate(time.date)) throw new RangeError(`not a calendar date: ${time.date}`);
    return `;VALUE=DATE:${time.date.replaceAll('-', '')}`;
  }
  const at = new Date(time.instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${time.instant}`);
  return `:${utcStamp(at)}`;
}

function utcStamp(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function nextDay(date: string): string {
  if (!isLocalDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** RFC 5545 §3.3.11 TEXT; other control characters are not allowed at all. */
export function escapeText(value: string): string {
  return value
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/(?!\t)\p{Cc}/gu, '');
}

const encoder = new TextEncoder();

/** Folds at 75 octets (§3.1), never inside a UTF-8 sequence or surrogate pair. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}
