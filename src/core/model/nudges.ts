import { addDays, type LocalDate } from '../time.js';
import { type AlertNudge, alertsFrom } from './alerts.js';
import { dayNumber } from './calendar.js';
import { type DateNudge, upcomingDates } from './dates.js';
import { DEFAULT_MODEL_PARAMS, type ModelParams } from './params.js';
import { lastContactDates, mergeLastContact } from './people.js';
import { type ReachOutNudge, rankReachOut } from './reach-out.js';
import { simulate } from './simulate.js';
import { type DailyState, stateOf } from './states.js';
import type { ModelInput } from './types.js';

export type Nudge = AlertNudge | DateNudge | ReachOutNudge;

/** What the user did with a nudge; storage keeps the latest per key. */
export interface NudgeDecision {
  readonly key: string;
  readonly action: 'done' | 'snoozed' | 'dismissed';
  /** For snoozes: hidden until this day (it shows again on it). */
  readonly until?: LocalDate | null;
  readonly decidedOn: LocalDate;
}

/**
 * Whether a decision still hides a nudge today.
 * - snoozed: hidden until `until` (the next day when none is given).
 * - reach-out, done or dismissed: hidden until the next contact with that
 *   connection (logged after the decision day) or until one more cadence
 *   has passed, whichever comes first. Either restarts the cycle naturally.
 * - date, done or dismissed: hidden; the key names the year, so next year's
 *   occurrence is a new nudge.
 * - alert, done or dismissed: hidden for `dismissedAlertQuietDays`; after
 *   that it shows again only if its condition still holds.
 */
export function isHidden(
  nudge: Nudge,
  decision: NudgeDecision,
  today: LocalDate,
  params: ModelParams,
): boolean {
  if (decision.action === 'snoozed') {
    return today < (decision.until ?? addDays(decision.decidedOn, 1));
  }
  switch (nudge.type) {
    case 'reach-out': {
      const contactedSince = nudge.lastContact !== null && nudge.lastContact > decision.decidedOn;
      const nextCycle = addDays(decision.decidedOn, nudge.cadenceDays);
      return !contactedSince && today < nextCycle;
    }
    case 'date':
      return true;
    case 'alert':
      return today < addDays(decision.decidedOn, params.dismissedAlertQuietDays);
  }
}

/** The latest decision per key: by decision day, later in the list on ties. */
function latestDecisions(decisions: readonly NudgeDecision[]): Map<string, NudgeDecision> {
  const latest = new Map<string, NudgeDecision>();
  for (const d of decisions) {
    const known = latest.get(d.key);
    if (!known || d.decidedOn >= known.decidedOn) latest.set(d.key, d);
  }
  return latest;
}

/** The nudges that no decision hides today, in their original order. */
export function filterNudges<N extends Nudge>(
  nudges: readonly N[],
  decisions: readonly NudgeDecision[],
  today: LocalDate,
  params: ModelParams = DEFAULT_MODEL_PARAMS,
): N[] {
  const latest = latestDecisions(decisions);
  return nudges.filter((n) => {
    const d = latest.get(n.key);
    return !d || !isHidden(n, d, today, params);
  });
}

export interface TodayOptions {
  /** The user's nudge decisions (all of them; old ones are harmless). */
  readonly decisions?: readonly NudgeDecision[];
  /**
   * Last contact per connection from storage. The loaded interactions only
   * cover the history window, so without this a connection last seen before
   * it would look never contacted.
   */
  readonly lastContact?: ReadonlyMap<string, LocalDate>;
}

export interface Today {
  readonly date: LocalDate;
  readonly state: DailyState;
  readonly alerts: readonly AlertNudge[];
  readonly dates: readonly DateNudge[];
  /** Ranked, hidden ones removed, then cut to `reachOutMax`. */
  readonly reachOut: readonly ReachOutNudge[];
  /** How many nudges the user's decisions are hiding today. */
  readonly hidden: number;
}

/**
 * Everything the Today screen needs in one pure call: the day's states,
 * alerts, upcoming dates and the reach-out list, with decisions applied.
 */
export function computeToday(
  input: ModelInput,
  today: LocalDate,
  options: TodayOptions = {},
): Today {
  const day = dayNumber(today);
  const sim = simulate(input, day, day);
  const params = sim.params;
  const state = stateOf(sim, day);
  const lastContact = mergeLastContact(
    options.lastContact,
    lastContactDates(input.interactions, input.timeZone, today),
  );
  const decisions = options.decisions ?? [];

  const alerts = alertsFrom(input, sim, today, lastContact);
  const dates = upcomingDates(input.connections, today, params);
  const ranked = rankReachOut(input.connections, {
    today,
    timeZone: input.timeZone,
    params,
    lastContact,
    state,
  });
  const shown = {
    alerts: filterNudges(alerts, decisions, today, params),
    dates: filterNudges(dates, decisions, today, params),
    reachOut: filterNudges(ranked, decisions, today, params),
  };
  const hidden =
    alerts.length +
    dates.length +
    ranked.length -
    (shown.alerts.length + shown.dates.length + shown.reachOut.length);
  return {
    date: today,
    state,
    alerts: shown.alerts,
    dates: shown.dates,
    reachOut: shown.reachOut.slice(0, params.reachOutMax),
    hidden,
  };
}
