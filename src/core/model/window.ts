import { addDays, type LocalDate } from '../time.js';
import type { ModelParams } from './params.js';

/**
 * How far back the model must look so that "today" costs the same after ten
 * years of logging as after ten days.
 *
 * Each state forgets its past geometrically: everyday connection and deep
 * bond keep at most a factor δ = 0.5^(1/half-life) of yesterday's value per
 * day, and isolation load at most max(1 − build, 1 − relief). Starting the
 * computation W days early from zero therefore differs from the full history
 * by at most 100 · factor^W points. W is chosen so that this bound is below
 * WINDOW_TOLERANCE_POINTS (0.5 % of the 0–100 scale).
 *
 * On top: the 30-day technology balance and the strong alert's window need
 * their days exactly, and an interaction may last up to 7 days, so one that
 * started just before the window can still touch its first days; a 7-day
 * margin lets that difference fade as well.
 */
export const WINDOW_TOLERANCE_POINTS = 0.5;

/** An interaction lasts at most 10 080 minutes, so it touches at most 7 days after its first. */
const MAX_SPAN_DAYS = 7;

function daysToForget(factorPerDay: number): number {
  return Math.ceil(Math.log(WINDOW_TOLERANCE_POINTS / 100) / Math.log(factorPerDay));
}

/** Days before the first requested day whose interactions must be loaded. */
export function historyWindowDays(params: ModelParams): number {
  const everyday = daysToForget(0.5 ** (1 / params.everydayHalfLifeDays));
  const deep = daysToForget(0.5 ** (1 / params.deepHalfLifeDays));
  const isolation = daysToForget(
    Math.max(1 - params.isolationBuildPerDay, 1 - params.isolationReliefPerDay),
  );
  const exactWindows = Math.max(29, params.strongAlertWindowDays - 1);
  return Math.max(everyday, deep, isolation, exactWindows) + MAX_SPAN_DAYS;
}

/**
 * The first local day whose interactions are needed for states from `from`:
 * load interactions with `startedAt >= startOfLocalDay(historyStart(from))`.
 */
export function historyStart(from: LocalDate, params: ModelParams): LocalDate {
  return addDays(from, -historyWindowDays(params));
}
