import type { LocalDate } from '../time.js';
import { NOT_MEDICAL_ADVICE } from './about.js';
import { type DayNumber, dayNumber, localDayOf } from './calendar.js';
import { lastContactDates, mergeLastContact, rotatingPick, suggestPerson } from './people.js';
import { LIVE_CHANNELS, rosterOf } from './scoring.js';
import { type Simulation, simulate } from './simulate.js';
import { type DailyState, stateOf } from './states.js';
import type { ModelConnection, ModelInput, ModelInteraction } from './types.js';

export type AlertKind = 'isolation-gentle' | 'isolation-strong' | 'technology-balance';

export interface AlertNudge {
  readonly type: 'alert';
  /** Stable across days, e.g. `alert:isolation-gentle`. */
  readonly key: `alert:${AlertKind}`;
  readonly alert: AlertKind;
  readonly strength: 'gentle' | 'strong';
  readonly title: string;
  readonly message: string;
  /** One concrete next step, naming a person when there is one to name. */
  readonly suggestion: string;
  readonly suggestedConnectionId: string | null;
  /** Where the threshold comes from (SCIENCE.md). */
  readonly sources: readonly string[];
  /** Route to help, shown with strong alerts (SCIENCE.md rule 12). */
  readonly help: string | null;
}

export interface AlertOptions {
  /** Last contact per connection from storage (see lastContactDates). */
  readonly lastContact?: ReadonlyMap<string, LocalDate>;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Enough days logged for a window of `days` to mean something. */
function trackedFor(input: ModelInput, today: DayNumber, days: number): boolean {
  return !input.trackingStart || dayNumber(input.trackingStart) <= today - days + 1;
}

function daysMatching(
  sim: Simulation,
  today: DayNumber,
  days: number,
  test: (i: ModelInteraction) => boolean,
): number {
  let count = 0;
  for (let t = today - days + 1; t <= today; t++) {
    const segs = sim.at(t)?.inputs?.segments ?? [];
    if (segs.some((s) => test(s.interaction))) count++;
  }
  return count;
}

function nameOrSomeone(c: ModelConnection | null): string {
  return c ? c.name : 'someone you trust';
}

function gentle(
  input: ModelInput,
  sim: Simulation,
  today: DayNumber,
  person: ModelConnection | null,
  todayDate: LocalDate,
): AlertNudge | null {
  const p = sim.params;
  if (!trackedFor(input, today, p.gentleAlertDays)) return null;
  const people = input.connections.filter((c) => c.kind === 'person');
  const inner = people.filter((c) => c.ring === 'inner');
  // With no inner circle set up yet, any person stands in for it.
  const circle = new Set((inner.length > 0 ? inner : people).map((c) => c.id));
  const live = daysMatching(
    sim,
    today,
    p.gentleAlertDays,
    (i) => LIVE_CHANNELS.has(i.channel) && i.connectionIds.some((id) => circle.has(id)),
  );
  if (live > 0) return null;
  const joy = person ? rotatingPick(person.sharedJoys, person.id, todayDate) : null;
  return {
    type: 'alert',
    key: 'alert:isolation-gentle',
    alert: 'isolation-gentle',
    strength: 'gentle',
    title: `${p.gentleAlertDays} days without a call or visit with your closest people`,
    message:
      'Regular contact with the people closest to you is one of the simplest buffers against long-term stress. A short call is enough to start.',
    suggestion: person
      ? `Could you call ${person.name} today${joy ? `, maybe about ${joy}` : ''}?`
      : 'Could you call someone you trust today?',
    suggestedConnectionId: person?.id ?? null,
    sources: ['Dunbar: the innermost circle is kept up by about weekly contact'],
    help: null,
  };
}

function strong(
  input: ModelInput,
  sim: Simulation,
  today: DayNumber,
  person: ModelConnection | null,
): AlertNudge | null {
  const p = sim.params;
  const reasons: string[] = [];
  const sources: string[] = [];

  const window = p.strongAlertWindowDays;
  if (trackedFor(input, today, window)) {
    const roster = rosterOf(input.connections);
    const inPersonDays = daysMatching(
      sim,
      today,
      window,
      (i) =>
        i.channel === 'in_person' && i.connectionIds.some((id) => roster.get(id)?.kind !== 'pet'),
    );
    if (inPersonDays < window / 30) {
      reasons.push(
        `You have met someone in person on ${inPersonDays} of the last ${window} days. In a large study of adults over 50, meeting people less than monthly went with more depressive symptoms two years later, while calls and email did not show that link. That is an association, not a verdict on you.`,
      );
      sources.push('Teo et al. 2015, J Am Geriatr Soc');
    }
  }

  const recent = [...(input.checkIns ?? [])]
    .map((c) => ({ c, day: localDayOf(Date.parse(c.at), input.timeZone), at: Date.parse(c.at) }))
    .filter((x) => x.day <= today)
    .sort((a, b) => a.at - b.at || (a.c.id < b.c.id ? -1 : 1))
    .slice(-2);
  const [before, last] = recent;
  if (
    before &&
    last &&
    last.day > today - p.lonelinessRecentDays &&
    before.c.loneliness >= p.lonelinessAlertThreshold &&
    last.c.loneliness >= p.lonelinessAlertThreshold
  ) {
    reasons.push(
      `Your last two check-ins rated loneliness ${before.c.loneliness} and ${last.c.loneliness} out of 10. That is worth taking seriously, and you do not have to sort it out alone.`,
    );
    sources.push('Tend’s own loneliness rating, for self-tracking, not diagnosis');
  }

  if (reasons.length === 0) return null;
  return {
    type: 'alert',
    key: 'alert:isolation-strong',
    alert: 'isolation-strong',
    strength: 'strong',
    title: 'You may be more cut off than you would like',
    message: reasons.join(' '),
    suggestion: person
      ? `Could you arrange to see ${person.name} this week, for a meal or a walk, and tell them how you have been?`
      : 'Could you arrange to see someone you trust this week, for a meal or a walk?',
    suggestedConnectionId: person?.id ?? null,
    sources,
    help: NOT_MEDICAL_ADVICE,
  };
}

function technologyBalance(
  input: ModelInput,
  sim: Simulation,
  today: DayNumber,
  state: DailyState,
  person: ModelConnection | null,
): AlertNudge | null {
  const p = sim.params;
  const month = state.technologyBalance.last30;
  if (!trackedFor(input, today, 30) || month.inPersonShare === null) return null;
  if (month.inPersonShare >= p.balanceAlertShare) return null;
  if (month.digitalMinutes < p.balanceAlertDigitalMinutes) return null;
  const total = Math.round(month.inPersonMinutes + month.digitalMinutes);
  return {
    type: 'alert',
    key: 'alert:technology-balance',
    alert: 'technology-balance',
    strength: 'gentle',
    title: 'Screens have been standing in for meeting up',
    message: `Over the last 30 days, ${pct(month.inPersonShare)} of your time with people was face to face (${Math.round(month.inPersonMinutes)} of ${total} minutes). Messages and calls keep people close; they work best alongside meeting, not instead of it.`,
    suggestion: `Could you turn your next chat with ${nameOrSomeone(person)} into a walk or a coffee?`,
    suggestedConnectionId: person?.id ?? null,
    sources: ['Sherman et al. 2013', 'Teo et al. 2015'],
    help: null,
  };
}

/** Internal form used by computeToday, which has already simulated. */
export function alertsFrom(
  input: ModelInput,
  sim: Simulation,
  todayDate: LocalDate,
  lastContact: ReadonlyMap<string, LocalDate>,
): AlertNudge[] {
  const today = dayNumber(todayDate);
  const state = stateOf(sim, today);
  if (!state.tracked) return [];
  const person = suggestPerson(input.connections, lastContact, todayDate, input.timeZone);
  const strongAlert = strong(input, sim, today, person);
  // A strong alert already says everything the gentle one would.
  const isolation = strongAlert ?? gentle(input, sim, today, person, todayDate);
  const balance = technologyBalance(input, sim, today, state, person);
  return [isolation, balance].filter((a): a is AlertNudge => a !== null);
}

/**
 * Isolation and technology-balance alerts for `today` (SCIENCE.md §6 rule 2).
 * Pass interactions from `historyStart(today, params)` on, the recent
 * check-ins, and, ideally, the last-contact summary from storage.
 */
export function computeAlerts(
  input: ModelInput,
  today: LocalDate,
  options: AlertOptions = {},
): AlertNudge[] {
  const day = dayNumber(today);
  const sim = simulate(input, day, day);
  const lastContact = mergeLastContact(
    options.lastContact,
    lastContactDates(input.interactions, input.timeZone, today),
  );
  return alertsFrom(input, sim, today, lastContact);
}
