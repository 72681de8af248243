import { CHANNELS, type Channel } from '../common.schemas.js';
import type { LocalDate } from '../time.js';
import { type DayNumber, dateOfDay, dayNumber } from './calendar.js';
import { type SimDay, type Simulation, simulate } from './simulate.js';
import type { ModelInput } from './types.js';

/** In-person share of social time (people only, not pets) over a window ending on the day. */
export interface BalanceWindow {
  readonly days: 7 | 30;
  readonly inPersonMinutes: number;
  /** Video, voice, text and social media. */
  readonly digitalMinutes: number;
  /** inPerson / (inPerson + digital), 0–1; null when there was no social time. */
  readonly inPersonShare: number | null;
}

/**
 * The model's states at the end of one local day. Values are unrounded;
 * round for display. Each is a behavioural proxy computed from the log,
 * never a measurement of brain chemistry.
 */
export interface DailyState {
  readonly date: LocalDate;
  /** False before tracking started: the states are zero because nothing is known. */
  readonly tracked: boolean;
  /** Everyday connection, 0–100 (serotonin-linked in the note; a proxy). */
  readonly everyday: number;
  /** Deep bond, 0–100 (oxytocin-linked in the note; a proxy). */
  readonly deepBond: number;
  /** Isolation load, 0–100 (named after tachykinin from mouse research; a proxy). */
  readonly isolationLoad: number;
  readonly technologyBalance: { readonly last7: BalanceWindow; readonly last30: BalanceWindow };
  /** Minutes with people on this day by channel, for trend charts. */
  readonly socialMinutesByChannel: Readonly<Record<Channel, number>>;
}

export interface DateRange {
  readonly from: LocalDate;
  readonly to: LocalDate;
}

const clamp100 = (v: number) => Math.min(100, Math.max(0, v));

function balanceWindow(sim: Simulation, day: DayNumber, days: 7 | 30): BalanceWindow {
  let inPersonMinutes = 0;
  let digitalMinutes = 0;
  // Summing the window directly (not by prefix differences) keeps an empty
  // window exactly zero, so "no social time" is never mistaken for a share.
  for (let d = Math.max(sim.start, day - days + 1); d <= day; d++) {
    const inputs = sim.at(d)?.inputs;
    if (!inputs) continue;
    inPersonMinutes += inputs.inPersonMinutes;
    digitalMinutes += inputs.digitalMinutes;
  }
  const total = inPersonMinutes + digitalMinutes;
  return {
    days,
    inPersonMinutes,
    digitalMinutes,
    inPersonShare: total > 0 ? inPersonMinutes / total : null,
  };
}

function zeroMinutes(): Record<Channel, number> {
  return Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
}

export function stateOf(sim: Simulation, day: DayNumber): DailyState {
  const s: SimDay | undefined = sim.at(day);
  return {
    date: dateOfDay(day),
    tracked: s !== undefined,
    everyday: clamp100(s?.everyday ?? 0),
    deepBond: clamp100(s?.deepBond ?? 0),
    isolationLoad: clamp100(s?.isolationLoad ?? 0),
    technologyBalance: { last7: balanceWindow(sim, day, 7), last30: balanceWindow(sim, day, 30) },
    socialMinutesByChannel: { ...(s?.inputs?.minutesByChannel ?? zeroMinutes()) },
  };
}

/**
 * Daily states for every local day in [from, to]. A pure function of the
 * log and the parameters: pass interactions from `historyStart(from, params)`
 * on, and the result equals a full-history computation to within
 * WINDOW_TOLERANCE_POINTS, at a cost that does not grow with history.
 */
export function computeDailyStates(input: ModelInput, range: DateRange): DailyState[] {
  const from = dayNumber(range.from);
  const to = dayNumber(range.to);
  if (to < from) throw new RangeError(`range ends (${range.to}) before it starts (${range.from})`);
  const sim = simulate(input, from, to);
  const out: DailyState[] = [];
  for (let day = from; day <= to; day++) out.push(stateOf(sim, day));
  return out;
}

/** The states of a single day; same rules as computeDailyStates. */
export function computeDayState(input: ModelInput, date: LocalDate): DailyState {
  const day = dayNumber(date);
  return stateOf(simulate(input, day, day), day);
}
