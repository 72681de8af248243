import type { ImportantDate } from '../connections.schemas.js';
import { daysInMonth, type LocalDate } from '../time.js';
import { dayNumber } from './calendar.js';
import type { ModelParams } from './params.js';
import { byName } from './people.js';
import type { ModelConnection } from './types.js';

export interface DateNudge {
  readonly type: 'date';
  /** `date:<connectionId>:<MM-DD as stored>:<year of this occurrence>`; one key per year. */
  readonly key: `date:${string}`;
  readonly connectionId: string;
  readonly name: string;
  readonly dateKind: ImportantDate['kind'];
  readonly label: string | null;
  /** The day it falls on this time (29 February is kept on 28 February in common years). */
  readonly date: LocalDate;
  readonly daysUntil: number;
  /** Age or years since, when the year is known and in the past. */
  readonly years: number | null;
  readonly text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The next time (on or after `today`) that a yearly date falls. 29 February
 * falls on 28 February in common years: the usual convention, and it keeps
 * the reminder in the right month.
 */
export function nextOccurrence(
  month: number,
  day: number,
  today: LocalDate,
): { date: LocalDate; year: number } {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const date = `${y}-${pad(month)}-${pad(Math.min(day, daysInMonth(y, month)))}`;
    if (date >= today) return { date, year: y };
  }
  throw new Error('unreachable: a yearly date recurs within a year');
}

function describe(
  c: ModelConnection,
  d: ImportantDate,
  daysUntil: number,
  years: number | null,
  date: LocalDate,
): string {
  const what =
    d.kind === 'birthday'
      ? `${c.name}’s birthday${years !== null ? ` (turns ${years})` : ''}`
      : `${d.label ?? (d.kind === 'anniversary' ? 'Anniversary' : 'A date')} with ${c.name}${years !== null ? ` (${years} years)` : ''}`;
  const when =
    daysUntil === 0
      ? 'is today'
      : daysUntil === 1
        ? 'is tomorrow'
        : `is in ${daysUntil} days, on ${date}`;
  return `${what} ${when}.`;
}

/**
 * Birthdays and other dates within the next `upcomingDateDays` days, soonest
 * first. Draining ties are left out: a reminder is a push toward contact.
 */
export function upcomingDates(
  connections: readonly ModelConnection[],
  today: LocalDate,
  params: ModelParams,
): DateNudge[] {
  const start = dayNumber(today);
  const out: DateNudge[] = [];
  const seen = new Set<string>();
  for (const c of [...connections].sort(byName)) {
    if (c.draining) continue;
    for (const d of c.importantDates) {
      const { date, year } = nextOccurrence(d.month, d.day, today);
      const daysUntil = dayNumber(date) - start;
      if (daysUntil > params.upcomingDateDays) continue;
      const key = `date:${c.id}:${pad(d.month)}-${pad(d.day)}:${year}` as const;
      // Two dates of one connection on the same day share a key; show the first.
      if (seen.has(key)) continue;
      seen.add(key);
      const years = d.year !== undefined && year > d.year ? year - d.year : null;
      out.push({
        type: 'date',
        key,
        connectionId: c.id,
        name: c.name,
        dateKind: d.kind,
        label: d.label ?? null,
        date,
        daysUntil,
        years,
        text: describe(c, d, daysUntil, years, date),
      });
    }
  }
  return out.sort((a, b) => a.daysUntil - b.daysUntil);
}
