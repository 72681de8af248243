import type { Channel } from '../common.schemas.js';
import type { LocalDate } from '../time.js';
import type { StateName } from './about.js';
import { type DayNumber, dateOfDay, dayNumber } from './calendar.js';
import type { ScoredSegment } from './days.js';
import { decayPerDay, isolationStep, type Simulation, simulate } from './simulate.js';
import { type DailyState, stateOf } from './states.js';
import type { ModelInput, ModelInteraction } from './types.js';

/** How much one interaction moved one state. */
export interface Contribution {
  readonly interactionId: string;
  readonly startedAt: string;
  readonly channel: Channel;
  readonly connectionIds: readonly string[];
  /** Points on the 0–100 scale, or minutes for technology balance (in person +, digital −). */
  readonly contribution: number;
}

export interface StateExplanation {
  readonly state: StateName;
  readonly value: number | null;
  /** The value at the end of the previous day; null before tracking started. */
  readonly previous: number | null;
  readonly unit: 'points' | 'minutes';
  /** The rule that applied on this day, in one sentence. */
  readonly rule: string;
  /** The interactions that moved it most, largest effect first. */
  readonly contributors: readonly Contribution[];
}

export interface DayExplanation {
  readonly date: LocalDate;
  readonly tracked: boolean;
  readonly everyday: StateExplanation;
  readonly deepBond: StateExplanation;
  readonly isolationLoad: StateExplanation;
  readonly technologyBalance: StateExplanation;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

function top(totals: Map<ModelInteraction, number>, limit: number, minimum = 0.05): Contribution[] {
  return [...totals]
    .filter(([, v]) => Math.abs(v) >= minimum)
    .sort(([a, x], [b, y]) => Math.abs(y) - Math.abs(x) || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map(([i, contribution]) => ({
      interactionId: i.id,
      startedAt: i.startedAt,
      channel: i.channel,
      connectionIds: i.connectionIds,
      contribution,
    }));
}

/**
 * Exact decomposition of a fill state: unrolling S_d = δ·S_{d−1}·(1 − h_d) + 100·h_d
 * gives S_d = Σ_t 100·h_t·Π_{u>t} δ·(1 − h_u), so each day's fill, split over
 * that day's segments by their share of its weighted contact, is what each
 * interaction still adds today. The parts sum to the value.
 */
function fillContributions(
  sim: Simulation,
  day: DayNumber,
  which: 'everyday' | 'deep',
): Map<ModelInteraction, number> {
  const decay = decayPerDay(
    which === 'everyday' ? sim.params.everydayHalfLifeDays : sim.params.deepHalfLifeDays,
  );
  const totals = new Map<ModelInteraction, number>();
  let carry = 1;
  for (let t = day; t >= sim.start; t--) {
    const s = sim.at(t);
    if (!s) break;
    const fill = which === 'everyday' ? s.everydayFill : s.deepFill;
    const dayTotal = which === 'everyday' ? (s.inputs?.everyday ?? 0) : (s.inputs?.deep ?? 0);
    if (fill > 0 && s.inputs && dayTotal > 0) {
      for (const seg of s.inputs.segments) {
        const share = (which === 'everyday' ? seg.everyday : seg.deep) / dayTotal;
        if (share === 0) continue;
        const add = 100 * fill * share * carry;
        totals.set(seg.interaction, (totals.get(seg.interaction) ?? 0) + add);
      }
    }
    carry *= decay * (1 - fill);
    if (carry < 1e-9) break;
  }
  return totals;
}

/**
 * Isolation load is not a sum of parts (live credit is capped per day), so
 * each interaction's contribution is its leave-one-out effect: how much
 * higher today's load would be without it (reported as a negative number).
 */
function isolationContributions(sim: Simulation, day: DayNumber): Map<ModelInteraction, number> {
  const byInteraction = new Map<ModelInteraction, ScoredSegment[]>();
  for (const s of sim.days) {
    if (s.day > day) break;
    for (const seg of s.inputs?.segments ?? []) {
      if (seg.live <= 0) continue;
      const list = byInteraction.get(seg.interaction) ?? [];
      list.push(seg);
      byInteraction.set(seg.interaction, list);
    }
  }
  const actual = (sim.at(day)?.isolationLoad ?? 0) / 100;
  const totals = new Map<ModelInteraction, number>();
  for (const [interaction, segs] of byInteraction) {
    const firstDay = Math.min(...segs.map((s) => s.day));
    let x = (sim.at(firstDay - 1)?.isolationLoad ?? 0) / 100;
    for (let t = firstDay; t <= day; t++) {
      const s = sim.at(t);
      let live = s?.live ?? 0;
      if (s?.inputs && segs.some((seg) => seg.day === t)) {
        let sum = 0;
        for (const seg of s.inputs.segments) if (seg.interaction !== interaction) sum += seg.live;
        live = Math.min(1, sum);
      }
      x = isolationStep(x, live, sim.params);
    }
    totals.set(interaction, 100 * (actual - x));
  }
  return totals;
}

function balanceContributions(sim: Simulation, day: DayNumber): Map<ModelInteraction, number> {
  const totals = new Map<ModelInteraction, number>();
  for (let t = Math.max(sim.start, day - 6); t <= day; t++) {
    for (const seg of sim.at(t)?.inputs?.segments ?? []) {
      if (!seg.social) continue;
      const signed = seg.interaction.channel === 'in_person' ? seg.minutes : -seg.minutes;
      totals.set(seg.interaction, (totals.get(seg.interaction) ?? 0) + signed);
    }
  }
  return totals;
}

function everydayRule(sim: Simulation, day: DayNumber): string {
  const s = sim.at(day);
  const h = sim.params.everydayHalfLifeDays;
  if (s && s.everydayFill > 0) {
    return `Contact today, weighted by channel, length and delight, filled ${pct(s.everydayFill)} of the room left; earlier contact fades with a half-life of ${h} days.`;
  }
  return `No contact logged today, so it eased by ${pct(1 - decayPerDay(h))} as earlier contact fades (half-life ${h} days).`;
}

function deepRule(sim: Simulation, day: DayNumber): string {
  const s = sim.at(day);
  const h = sim.params.deepHalfLifeDays;
  if (s && s.deepFill > 0) {
    return `A deep bonding moment today (affection, support, pet time or one-to-one time with your inner circle) filled ${pct(s.deepFill)} of the room left; it fades slowly (half-life ${h} days).`;
  }
  return `No deep bonding moment today; casual contact does not move this one. It eased by ${pct(1 - decayPerDay(h))} (half-life ${h} days).`;
}

function isolationRule(sim: Simulation, day: DayNumber): string {
  const s = sim.at(day);
  const p = sim.params;
  const live = s?.live ?? 0;
  if (live <= 0) {
    return `No live contact today, so the load grew by ${pct(p.isolationBuildPerDay)} of the room left. (Named after mouse research on tachykinin; a proxy, not a measurement.)`;
  }
  const segments = s?.inputs?.segments ?? [];
  const inPerson = segments.filter((x) => x.interaction.channel === 'in_person');
  const how = inPerson.some((x) => x.social)
    ? 'Meeting in person'
    : inPerson.length > 0
      ? 'Time with your pet'
      : 'Calls, video or messages';
  const eased = pct(p.isolationReliefPerDay * live);
  const built = pct(p.isolationBuildPerDay * (1 - live));
  const growth = live < 1 ? `, and it grew by ${built} of the room left` : '';
  return `${how} today gave ${pct(live)} of a full day's live contact: ${eased} of the load eased${growth}.`;
}

function balanceRule(state: DailyState): string {
  const { last7, last30 } = state.technologyBalance;
  if (last7.inPersonShare === null) {
    return 'No time with people logged in the last 7 days, so there is no balance to show.';
  }
  const total = Math.round(last7.inPersonMinutes + last7.digitalMinutes);
  const month =
    last30.inPersonShare === null ? '' : ` Over 30 days: ${pct(last30.inPersonShare)} in person.`;
  return `${Math.round(last7.inPersonMinutes)} of ${total} minutes with people in the last 7 days were face to face (${pct(last7.inPersonShare)}).${month}`;
}

/**
 * Why each state has its value on `date`: the rule that applied that day and
 * the interactions that moved it most. Pass the same input as for the states
 * (interactions from `historyStart(date, params)` on).
 */
export function explainDay(
  input: ModelInput,
  date: LocalDate,
  options: { limit?: number } = {},
): DayExplanation {
  const limit = options.limit ?? 5;
  const day = dayNumber(date);
  const sim = simulate(input, day, day);
  const state = stateOf(sim, day);
  const prev = sim.at(day - 1);
  if (!state.tracked) {
    const rule = 'Before tracking started: nothing is known about this day.';
    const empty = (name: StateName, unit: 'points' | 'minutes'): StateExplanation => ({
      state: name,
      value: name === 'technologyBalance' ? null : 0,
      previous: null,
      unit,
      rule,
      contributors: [],
    });
    return {
      date: dateOfDay(day),
      tracked: false,
      everyday: empty('everyday', 'points'),
      deepBond: empty('deepBond', 'points'),
      isolationLoad: empty('isolationLoad', 'points'),
      technologyBalance: empty('technologyBalance', 'minutes'),
    };
  }
  const prevState = prev ? stateOf(sim, day - 1) : null;
  return {
    date: state.date,
    tracked: true,
    everyday: {
      state: 'everyday',
      value: state.everyday,
      previous: prevState?.everyday ?? null,
      unit: 'points',
      rule: everydayRule(sim, day),
      contributors: top(fillContributions(sim, day, 'everyday'), limit),
    },
    deepBond: {
      state: 'deepBond',
      value: state.deepBond,
      previous: prevState?.deepBond ?? null,
      unit: 'points',
      rule: deepRule(sim, day),
      contributors: top(fillContributions(sim, day, 'deep'), limit),
    },
    isolationLoad: {
      state: 'isolationLoad',
      value: state.isolationLoad,
      previous: prevState?.isolationLoad ?? null,
      unit: 'points',
      rule: isolationRule(sim, day),
      contributors: top(isolationContributions(sim, day), limit),
    },
    technologyBalance: {
      state: 'technologyBalance',
      value: state.technologyBalance.last7.inPersonShare,
      previous: prevState?.technologyBalance.last7.inPersonShare ?? null,
      unit: 'minutes',
      rule: balanceRule(state),
      contributors: top(balanceContributions(sim, day), limit, 0.5),
    },
  };
}
