import { type DayNumber, localDayOf, localDayStart } from './calendar.js';
import type { ModelParams } from './params.js';
import type { ModelInteraction } from './types.js';

/** The part of one interaction that falls on one local day. */
export interface Segment {
  readonly interaction: ModelInteraction;
  readonly day: DayNumber;
  readonly minutes: number;
}

const MS_PER_MINUTE = 60_000;

/**
 * Minutes of social time an interaction stands for, and whether they were
 * recorded. Unknown durations get a per-channel default; messages without a
 * duration count a little each. A recorded 0 means "brief", never nothing:
 * SCIENCE.md rule 3 says no contact scores zero.
 */
export function minutesOf(
  i: ModelInteraction,
  params: ModelParams,
): { minutes: number; recorded: boolean } {
  if (i.durationMinutes !== null && i.durationMinutes > 0) {
    return { minutes: i.durationMinutes, recorded: true };
  }
  const digital = i.channel === 'text' || i.channel === 'social';
  if (digital && i.messageCount !== null && i.messageCount > 0) {
    return { minutes: i.messageCount * params.minutesPerMessage, recorded: false };
  }
  if (i.durationMinutes === 0) return { minutes: 1, recorded: false };
  return { minutes: params.defaultMinutes[i.channel], recorded: false };
}

/**
 * Split an interaction over the local days it covers. Only recorded
 * durations are split (a dinner from 22:00 to 01:00 gives 120 minutes to
 * the first day and 60 to the second); assumed minutes stay on the day the
 * interaction starts, because splitting a guess would invent precision.
 */
export function segmentsOf(
  i: ModelInteraction,
  timeZone: string,
  params: ModelParams,
  start: number = Date.parse(i.startedAt),
): Segment[] {
  const startDay = localDayOf(start, timeZone);
  const { minutes, recorded } = minutesOf(i, params);
  if (!recorded) return [{ interaction: i, day: startDay, minutes }];

  const end = start + minutes * MS_PER_MINUTE;
  const out: Segment[] = [];
  let cursor = start;
  for (let day = startDay; cursor < end; day++) {
    const next = Math.min(end, localDayStart(day + 1, timeZone));
    if (next > cursor) {
      out.push({ interaction: i, day, minutes: (next - cursor) / MS_PER_MINUTE });
      cursor = next;
    }
  }
  return out;
}
