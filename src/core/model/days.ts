import type { Channel } from '../common.schemas.js';
import { type DayNumber, localDayOf } from './calendar.js';
import type { ModelParams } from './params.js';
import {
  contactWeight,
  DIGITAL_CHANNELS,
  isDeepMoment,
  isPetOnly,
  liveCredit,
  type Roster,
} from './scoring.js';
import { type Segment, segmentsOf } from './segments.js';
import type { ModelInteraction } from './types.js';

/** A segment with what it does to each state. */
export interface ScoredSegment extends Segment {
  readonly everyday: number;
  readonly deep: number;
  readonly live: number;
  /** Counts toward technology balance: at least one person, not only pets. */
  readonly social: boolean;
}

/** Everything the states need from one local day. */
export interface DayInputs {
  readonly segments: ScoredSegment[];
  everyday: number;
  deep: number;
  /** Live-contact credit, capped at 1. */
  live: number;
  inPersonMinutes: number;
  digitalMinutes: number;
  readonly minutesByChannel: Record<Channel, number>;
}

function emptyDay(): DayInputs {
  return {
    segments: [],
    everyday: 0,
    deep: 0,
    live: 0,
    inPersonMinutes: 0,
    digitalMinutes: 0,
    minutesByChannel: { in_person: 0, video: 0, voice: 0, text: 0, social: 0 },
  };
}

/**
 * Sorting first makes every sum independent of the order records arrive in.
 * Each instant is parsed once: parsing inside the comparator dominated the cost.
 */
export function canonicalOrder(
  list: readonly ModelInteraction[],
): { interaction: ModelInteraction; start: number }[] {
  return list
    .map((interaction) => ({ interaction, start: Date.parse(interaction.startedAt) }))
    .sort((a, b) => {
      if (a.start !== b.start) return a.start - b.start;
      const x = a.interaction.id;
      const y = b.interaction.id;
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

/** The earliest local day any interaction touches, or null for none. */
export function firstDayOf(list: readonly ModelInteraction[], timeZone: string): DayNumber | null {
  let first: DayNumber | null = null;
  for (const i of list) {
    const d = localDayOf(Date.parse(i.startedAt), timeZone);
    if (first === null || d < first) first = d;
  }
  return first;
}

/**
 * Bucket interactions by local day: one pass over the interactions, so the
 * cost is O(interactions + days), never O(days × interactions). Segments
 * outside [from, to] are dropped.
 */
export function bucketDays(
  interactions: readonly ModelInteraction[],
  roster: Roster,
  timeZone: string,
  params: ModelParams,
  from: DayNumber,
  to: DayNumber,
): Map<DayNumber, DayInputs> {
  const days = new Map<DayNumber, DayInputs>();
  for (const { interaction: i, start } of canonicalOrder(interactions)) {
    const deepMoment = isDeepMoment(i, roster);
    const social = !isPetOnly(i, roster);
    for (const s of segmentsOf(i, timeZone, params, start)) {
      if (s.day < from || s.day > to) continue;
      let day = days.get(s.day);
      if (!day) {
        day = emptyDay();
        days.set(s.day, day);
      }
      const everyday = contactWeight(s, params);
      const scored: ScoredSegment = {
        interaction: i,
        day: s.day,
        minutes: s.minutes,
        everyday,
        deep: deepMoment ? everyday : 0,
        live: liveCredit(s, roster, params),
        social,
      };
      day.segments.push(scored);
      day.everyday += scored.everyday;
      day.deep += scored.deep;
      day.live = Math.min(1, day.live + scored.live);
      if (social) {
        day.minutesByChannel[i.channel] += s.minutes;
        if (i.channel === 'in_person') day.inPersonMinutes += s.minutes;
        else if (DIGITAL_CHANNELS.has(i.channel)) day.digitalMinutes += s.minutes;
      }
    }
  }
  return days;
}
