/**
 * Tend's connection model: pure, deterministic functions from the log to
 * daily states, explanations, alerts, nudges and insights. No I/O and no
 * clock: callers pass `today` and the user's time zone. docs/model.md has
 * every formula, parameter and citation.
 *
 * ## Parameters
 * - `ModelParamsSchema` (zod): validate a user's partial overrides with it;
 *   parsing fills every default (`resolveModelParams(overrides)` does the same).
 * - `DEFAULT_MODEL_PARAMS`, types `ModelParams`, `ModelParamsOverrides`.
 *
 * ## Loading only what is needed
 * - `historyWindowDays(params)`: days before the first requested day whose
 *   interactions are needed. `historyStart(from, params)` is that day: load
 *   interactions with `startedAt >= startOfLocalDay(historyStart(from))` and
 *   `< startOfLocalDay(to + 1 day)`. Results then equal a full-history
 *   computation to within `WINDOW_TOLERANCE_POINTS` (0.5 on the 0–100
 *   scale); the cost does not grow with the length of the history.
 * - `ModelInput.trackingStart`: pass the first day the log covers
 *   (min of account creation and the earliest record). Interactions before
 *   it are ignored; states start from zero on it.
 *
 * ## States
 * - `computeDailyStates(input, { from, to }): DailyState[]`, one per local day.
 * - `computeDayState(input, date): DailyState`.
 * - `explainDay(input, date, { limit? }): DayExplanation`: per state, the
 *   rule that applied and the interactions that moved it most.
 * - `STATE_INFO`: labels and honest descriptions (proxies, not chemistry).
 *
 * ## Today: alerts and nudges
 * - `computeToday(input, today, { decisions?, lastContact? }): Today`:
 *   state, alerts, upcoming dates and the reach-out list, with the user's
 *   nudge decisions applied. Pass `checkIns` (recent ones suffice) in the
 *   input for the loneliness alert, and `lastContact` (latest contact day per
 *   connection, e.g. from `lastContactDates` over each connection's latest
 *   interactions) so that people last seen before the window are not taken
 *   for never contacted.
 * - Parts on their own: `computeAlerts`, `rankReachOut`, `upcomingDates`,
 *   `filterNudges`, `isHidden`, `lastContactDates`.
 * - Nudge keys: `alert:isolation-gentle`, `alert:isolation-strong`,
 *   `alert:technology-balance`, `reach-out:<connectionId>`,
 *   `date:<connectionId>:<MM-DD>:<year>`.
 *
 * ## Insights
 * - `computeInsights({ interactions, connections, checkIns, timeZone, … })`:
 *   Welch 95% intervals of stress on days with vs without each kind of
 *   contact, or withheld with a reason. Not windowed: pass the span to analyse.
 * - Statistics: `welchInterval`, `studentTQuantile`, `studentTCdf`,
 *   `regularizedIncompleteBeta`, `mean`, `sampleVariance`.
 */

export { NOT_MEDICAL_ADVICE, STATE_INFO, type StateName } from './about.js';
export { type AlertKind, type AlertNudge, type AlertOptions, computeAlerts } from './alerts.js';
export { type DateNudge, nextOccurrence, upcomingDates } from './dates.js';
export {
  type Contribution,
  type DayExplanation,
  explainDay,
  type StateExplanation,
} from './explain.js';
export { INSIGHT_METHOD, INSIGHTS_NOTE } from './insight-text.js';
export {
  computeInsights,
  dailyStress,
  type InsightFactor,
  type InsightGroup,
  type InsightInput,
  type InsightsReport,
  type InsightTiming,
  type ShownInsight,
  type WithheldInsight,
} from './insights.js';
export {
  computeToday,
  filterNudges,
  isHidden,
  type Nudge,
  type NudgeDecision,
  type Today,
  type TodayOptions,
} from './nudges.js';
export {
  DEFAULT_MODEL_PARAMS,
  type ModelParams,
  type ModelParamsOverrides,
  ModelParamsSchema,
  resolveModelParams,
} from './params.js';
export { lastContactDates, mergeLastContact } from './people.js';
export {
  balanceTipped,
  isolationBoost,
  type ReachOutContext,
  type ReachOutNudge,
  rankReachOut,
} from './reach-out.js';
export {
  type BalanceWindow,
  computeDailyStates,
  computeDayState,
  type DailyState,
  type DateRange,
} from './states.js';
export {
  mean,
  regularizedIncompleteBeta,
  sampleVariance,
  studentTCdf,
  studentTQuantile,
  type WelchResult,
  welchInterval,
} from './stats.js';
export type { ModelCheckIn, ModelConnection, ModelInput, ModelInteraction } from './types.js';
export { historyStart, historyWindowDays, WINDOW_TOLERANCE_POINTS } from './window.js';
