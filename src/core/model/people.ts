import type { Ring } from '../connections.schemas.js';
import type { LocalDate } from '../time.js';
import { type DayNumber, dateOfDay, dayNumber, localDayOf } from './calendar.js';
import { DEFAULT_MODEL_PARAMS } from './params.js';
import { segmentsOf } from './segments.js';
import type { ModelConnection, ModelInteraction } from './types.js';

/**
 * Per-connection facts shared by the reach-out list and the alerts: when
 * you were last in touch, how overdue that is, and whom to suggest.
 */

/**
 * The last local day each connection was in touch, by any channel: the last
 * day an interaction's recorded time touched. Storage can pass the latest
 * interactions per connection here, so the reach-out list does not need the
 * whole history. Days after `today`, if given, are ignored.
 */
export function lastContactDates(
  interactions: readonly ModelInteraction[],
  timeZone: string,
  today?: LocalDate,
): Map<string, LocalDate> {
  const limit = today === undefined ? Number.POSITIVE_INFINITY : dayNumber(today);
  const last = new Map<string, DayNumber>();
  for (const i of interactions) {
    let day: DayNumber | null = null;
    // Only recorded durations are split, so the parameters cannot move the last day.
    for (const s of segmentsOf(i, timeZone, DEFAULT_MODEL_PARAMS)) if (s.day <= limit) day = s.day;
    if (day === null) continue;
    for (const id of i.connectionIds) {
      const known = last.get(id);
      if (known === undefined || day > known) last.set(id, day);
    }
  }
  return new Map([...last].map(([id, day]) => [id, dateOfDay(day)]));
}

/** Keep the later date of two sources (stored summary and loaded interactions). */
export function mergeLastContact(
  ...sources: readonly (ReadonlyMap<string, LocalDate> | undefined)[]
): Map<string, LocalDate> {
  const out = new Map<string, LocalDate>();
  for (const source of sources) {
    for (const [id, date] of source ?? []) {
      const known = out.get(id);
      if (known === undefined || date > known) out.set(id, date);
    }
  }
  return out;
}

/**
 * Days since the last contact; a connection never contacted counts from the
 * day it was added, so it becomes due one cadence after that.
 */
export function daysSinceContact(
  c: ModelConnection,
  lastContact: ReadonlyMap<string, LocalDate>,
  today: LocalDate,
  timeZone: string,
): { days: number; lastContact: LocalDate | null } {
  const last = lastContact.get(c.id) ?? null;
  const from = last ?? dateOfDay(localDayOf(Date.parse(c.createdAt), timeZone));
  return { days: Math.max(0, dayNumber(today) - dayNumber(from)), lastContact: last };
}

/** How many cadences have passed since the last contact (1 = due today). */
export function overdueRatio(days: number, cadenceDays: number): number {
  return days / Math.max(1, cadenceDays);
}

export const byName = (a: ModelConnection, b: ModelConnection) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The person to name in an alert: never a draining tie (SCIENCE.md rule 5)
 * and never a pet; from the inner ring, else the close ring; the one most
 * overdue, so the suggestion is also the most useful contact.
 */
export function suggestPerson(
  connections: readonly ModelConnection[],
  lastContact: ReadonlyMap<string, LocalDate>,
  today: LocalDate,
  timeZone: string,
  rings: readonly Ring[] = ['inner', 'close'],
): ModelConnection | null {
  for (const ring of rings) {
    const candidates = connections.filter(
      (c) => c.ring === ring && c.kind === 'person' && !c.draining,
    );
    let best: { c: ModelConnection; ratio: number } | null = null;
    for (const c of [...candidates].sort(byName)) {
      const { days } = daysSinceContact(c, lastContact, today, timeZone);
      const ratio = overdueRatio(days, c.cadenceDays);
      if (best === null || ratio > best.ratio) best = { c, ratio };
    }
    if (best) return best.c;
  }
  return null;
}

/** A deterministic pick that changes from day to day: same day, same choice. */
export function rotatingPick<T>(items: readonly T[], seed: string, today: LocalDate): T | null {
  if (items.length === 0) return null;
  let hash = 2166136261;
  for (let k = 0; k < seed.length; k++) {
    hash ^= seed.charCodeAt(k);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  const index = (hash + dayNumber(today)) % items.length;
  return items[index] ?? null;
}
