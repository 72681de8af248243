import { type DayNumber, dayNumber } from './calendar.js';
import { bucketDays, type DayInputs } from './days.js';
import { DEFAULT_MODEL_PARAMS, type ModelParams } from './params.js';
import { rosterOf } from './scoring.js';
import type { ModelInput } from './types.js';
import { historyWindowDays } from './window.js';

/** One simulated day: the inputs and the states at the end of the day. */
export interface SimDay {
  readonly day: DayNumber;
  readonly inputs: DayInputs | undefined;
  /** Share of the remaining room that the day's contact filled (0–1). */
  readonly everydayFill: number;
  readonly deepFill: number;
  /** Live-contact credit of the day, 0–1. */
  readonly live: number;
  readonly everyday: number;
  readonly deepBond: number;
  readonly isolationLoad: number;
}

export interface Simulation {
  readonly params: ModelParams;
  /** First simulated day; earlier days are before tracking started. */
  readonly start: DayNumber;
  /** Days start..to, in order; empty when tracking starts after `to`. */
  readonly days: readonly SimDay[];
  at(day: DayNumber): SimDay | undefined;
}

/** Everyday connection or deep bond: decay, then fill part of the room left. */
export function fillStep(previous: number, decay: number, fill: number): number {
  const kept = previous * decay;
  return kept + (100 - kept) * fill;
}

/** Isolation load on the 0–1 scale: build without live contact, relief with it. */
export function isolationStep(previous: number, live: number, params: ModelParams): number {
  return (
    previous +
    (1 - previous) * params.isolationBuildPerDay * (1 - live) -
    previous * params.isolationReliefPerDay * live
  );
}

export function decayPerDay(halfLifeDays: number): number {
  return 0.5 ** (1 / halfLifeDays);
}

/**
 * Run the state recurrences from the start of the history window (or the
 * start of tracking, if later) to `to`. All states start at zero, as if
 * nothing had happened before; the window makes that assumption harmless.
 */
export function simulate(input: ModelInput, from: DayNumber, to: DayNumber): Simulation {
  const params = input.params ?? DEFAULT_MODEL_PARAMS;
  const tracking = input.trackingStart ? dayNumber(input.trackingStart) : null;
  const windowStart = from - historyWindowDays(params);
  const start = tracking === null ? windowStart : Math.max(windowStart, tracking);

  const buckets = bucketDays(
    input.interactions,
    rosterOf(input.connections),
    input.timeZone,
    params,
    start,
    to,
  );
  const everydayDecay = decayPerDay(params.everydayHalfLifeDays);
  const deepDecay = decayPerDay(params.deepHalfLifeDays);

  const days: SimDay[] = [];
  let everyday = 0;
  let deepBond = 0;
  let isolation = 0;
  for (let day = start; day <= to; day++) {
    const inputs = buckets.get(day);
    const e = inputs?.everyday ?? 0;
    const d = inputs?.deep ?? 0;
    const live = inputs?.live ?? 0;
    const everydayFill = e / (e + params.everydayHalfFill);
    const deepFill = d / (d + params.deepHalfFill);
    everyday = fillStep(everyday, everydayDecay, everydayFill);
    deepBond = fillStep(deepBond, deepDecay, deepFill);
    isolation = isolationStep(isolation, live, params);
    days.push({
      day,
      inputs,
      everydayFill,
      deepFill,
      live,
      everyday,
      deepBond,
      isolationLoad: 100 * isolation,
    });
  }
  return { params, start, days, at: (day) => days[day - start] };
}
