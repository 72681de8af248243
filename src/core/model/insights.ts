import {
  CHANNELS,
  type Channel,
  INTERACTION_KINDS,
  type InteractionKind,
} from '../common.schemas.js';
import type { LocalDate } from '../time.js';
import { type DayNumber, dayNumber, localDayOf } from './calendar.js';
import { INSIGHT_METHOD, INSIGHTS_NOTE, labelOf, summarize } from './insight-text.js';
import { DEFAULT_MODEL_PARAMS, type ModelParams } from './params.js';
import { byName } from './people.js';
import { isPetOnly, rosterOf } from './scoring.js';
import { segmentsOf } from './segments.js';
import { mean, welchInterval } from './stats.js';
import type { ModelCheckIn, ModelConnection, ModelInteraction } from './types.js';

export type InsightFactor =
  | { readonly type: 'social' }
  | { readonly type: 'channel'; readonly channel: Channel }
  | { readonly type: 'kind'; readonly kind: InteractionKind }
  | { readonly type: 'connection'; readonly connectionId: string; readonly name: string };

/** Same day: stress on days with vs without. Next day: stress the day after. */
export type InsightTiming = 'same-day' | 'next-day';

export interface InsightGroup {
  readonly label: string;
  readonly days: number;
  /** Mean of day-level stress (0–10). */
  readonly meanStress: number;
}

interface InsightBase {
  /** Stable id, e.g. `same-day:channel:in_person` or `same-day:connection:<id>`. */
  readonly id: string;
  readonly factor: InsightFactor;
  readonly timing: InsightTiming;
  readonly title: string;
}

export interface ShownInsight extends InsightBase {
  readonly status: 'shown';
  readonly with: InsightGroup;
  readonly without: InsightGroup;
  /** with − without, in stress points; negative means calmer with. */
  readonly difference: number;
  readonly ci95: { readonly lower: number; readonly upper: number };
  readonly df: number;
  readonly method: string;
  readonly caveat: 'association, not cause';
  readonly summary: string;
}

export interface WithheldInsight extends InsightBase {
  readonly status: 'withheld';
  readonly daysWith: number;
  readonly daysWithout: number;
  readonly reason: string;
}

export interface InsightsReport {
  readonly shown: readonly ShownInsight[];
  readonly withheld: readonly WithheldInsight[];
  /** Days with at least one check-in in the analysed range. */
  readonly stressDays: number;
  readonly note: string;
}

export interface InsightInput {
  readonly interactions: readonly ModelInteraction[];
  readonly connections: readonly ModelConnection[];
  readonly checkIns: readonly ModelCheckIn[];
  readonly timeZone: string;
  readonly params?: ModelParams;
  /** Days analysed; default from the start of tracking to the last check-in. */
  readonly from?: LocalDate;
  readonly to?: LocalDate;
  /** Before it, days without logged contact are not evidence of no contact. */
  readonly trackingStart?: LocalDate | null;
}

function idOf(f: InsightFactor, timing: InsightTiming): string {
  switch (f.type) {
    case 'social':
      return `${timing}:social`;
    case 'channel':
      return `${timing}:channel:${f.channel}`;
    case 'kind':
      return `${timing}:kind:${f.kind}`;
    case 'connection':
      return `${timing}:connection:${f.connectionId}`;
  }
}

/** What happened on one local day, as sets the factors can test. */
interface DayFacts {
  social: boolean;
  readonly channels: Set<Channel>;
  readonly kinds: Set<InteractionKind>;
  readonly connections: Set<string>;
}

function factsByDay(input: InsightInput, params: ModelParams): Map<DayNumber, DayFacts> {
  const roster = rosterOf(input.connections);
  const days = new Map<DayNumber, DayFacts>();
  for (const i of input.interactions) {
    const person = !isPetOnly(i, roster);
    for (const s of segmentsOf(i, input.timeZone, params)) {
      let f = days.get(s.day);
      if (!f) {
        f = { social: false, channels: new Set(), kinds: new Set(), connections: new Set() };
        days.set(s.day, f);
      }
      // Channels describe time with people; a dog is not "in-person contact".
      if (person) {
        f.social = true;
        f.channels.add(i.channel);
      }
      for (const k of i.kinds) f.kinds.add(k);
      for (const id of i.connectionIds) f.connections.add(id);
    }
  }
  return days;
}

function has(f: DayFacts | undefined, factor: InsightFactor): boolean {
  if (!f) return false;
  switch (factor.type) {
    case 'social':
      return f.social;
    case 'channel':
      return f.channels.has(factor.channel);
    case 'kind':
      return f.kinds.has(factor.kind);
    case 'connection':
      return f.connections.has(factor.connectionId);
  }
}

/** Day-level stress: the mean of that local day's check-ins. */
export function dailyStress(
  checkIns: readonly ModelCheckIn[],
  timeZone: string,
): Map<DayNumber, number> {
  const byDay = new Map<DayNumber, number[]>();
  for (const c of checkIns) {
    const day = localDayOf(Date.parse(c.at), timeZone);
    const list = byDay.get(day) ?? [];
    list.push(c.stress);
    byDay.set(day, list);
  }
  return new Map([...byDay].map(([day, values]) => [day, mean(values)]));
}

function analyse(
  factor: InsightFactor,
  timing: InsightTiming,
  pairs: readonly { contact: DayFacts | undefined; stress: number }[],
  minDays: number,
): ShownInsight | WithheldInsight {
  const label = labelOf(factor);
  const base = {
    id: idOf(factor, timing),
    factor,
    timing,
    title: timing === 'same-day' ? `Stress on days with ${label}` : `Stress the day after ${label}`,
  };
  const withDays: number[] = [];
  const withoutDays: number[] = [];
  for (const p of pairs) (has(p.contact, factor) ? withDays : withoutDays).push(p.stress);

  const withheld = (reason: string): WithheldInsight => ({
    ...base,
    status: 'withheld',
    daysWith: withDays.length,
    daysWithout: withoutDays.length,
    reason,
  });
  if (withDays.length < minDays || withoutDays.length < minDays) {
    return withheld(
      `Needs at least ${minDays} days with a check-in on each side; so far ${withDays.length} with ${label} and ${withoutDays.length} without.`,
    );
  }
  const welch = welchInterval(withDays, withoutDays);
  if (!welch) {
    return withheld(
      'Stress was the same on every one of these days, so there is nothing to compare yet.',
    );
  }
  const w = { label: `with ${label}`, days: welch.nA, meanStress: welch.meanA };
  const wo = { label: `without ${label}`, days: welch.nB, meanStress: welch.meanB };
  return {
    ...base,
    status: 'shown',
    with: w,
    without: wo,
    difference: welch.difference,
    ci95: { lower: welch.lower, upper: welch.upper },
    df: welch.df,
    method: INSIGHT_METHOD,
    caveat: 'association, not cause',
    summary: summarize(label, timing, w, wo, welch.difference, welch.lower, welch.upper),
  };
}

/**
 * Stress on days with and without each kind of contact, the day after, and
 * per connection; each with Welch's 95% interval, or withheld while either
 * side has fewer than `insightMinDaysPerGroup` days.
 */
export function computeInsights(input: InsightInput): InsightsReport {
  const params = input.params ?? DEFAULT_MODEL_PARAMS;
  const stress = dailyStress(input.checkIns, input.timeZone);
  const facts = factsByDay(input, params);

  const stressDays = [...stress.keys()].sort((a, b) => a - b);
  const starts = [input.from, input.trackingStart ?? undefined]
    .filter((d): d is LocalDate => d !== undefined)
    .map(dayNumber);
  // Without a stated start, days before the first logged contact say nothing.
  const firstContact = facts.size > 0 ? Math.min(...facts.keys()) : undefined;
  const lo = starts.length > 0 ? Math.max(...starts) : (firstContact ?? stressDays[0] ?? 0);
  const hi = input.to ? dayNumber(input.to) : (stressDays[stressDays.length - 1] ?? lo);

  const sameDay: { contact: DayFacts | undefined; stress: number }[] = [];
  const nextDay: { contact: DayFacts | undefined; stress: number }[] = [];
  for (const day of stressDays) {
    if (day < lo || day > hi) continue;
    const s = stress.get(day) ?? 0;
    sameDay.push({ contact: facts.get(day), stress: s });
    if (day - 1 >= lo) nextDay.push({ contact: facts.get(day - 1), stress: s });
  }

  const min = params.insightMinDaysPerGroup;
  const general: InsightFactor[] = [
    { type: 'social' },
    ...CHANNELS.map((channel) => ({ type: 'channel' as const, channel })),
    ...INTERACTION_KINDS.map((kind) => ({ type: 'kind' as const, kind })),
  ];
  const results: (ShownInsight | WithheldInsight)[] = [];
  for (const factor of general) {
    results.push(analyse(factor, 'same-day', sameDay, min));
    results.push(analyse(factor, 'next-day', nextDay, min));
  }
  for (const c of [...input.connections].sort(byName)) {
    const factor: InsightFactor = { type: 'connection', connectionId: c.id, name: c.name };
    results.push(analyse(factor, 'same-day', sameDay, min));
  }
  return {
    shown: results.filter((r): r is ShownInsight => r.status === 'shown'),
    withheld: results.filter((r): r is WithheldInsight => r.status === 'withheld'),
    stressDays: sameDay.length,
    note: INSIGHTS_NOTE,
  };
}
