import type { Channel, InteractionKind } from '../common.schemas.js';
import type { Ring } from '../connections.schemas.js';
import type { LocalDate } from '../time.js';
import type { ModelParams } from './params.js';
import { byName, daysSinceContact, overdueRatio, rotatingPick } from './people.js';
import type { DailyState } from './states.js';
import type { ModelConnection } from './types.js';

export interface ReachOutNudge {
  readonly type: 'reach-out';
  /** `reach-out:<connectionId>` */
  readonly key: `reach-out:${string}`;
  readonly connectionId: string;
  readonly name: string;
  readonly ring: Ring;
  readonly connectionKind: 'person' | 'pet';
  /** Null when never in touch; the count then runs from when the connection was added. */
  readonly lastContact: LocalDate | null;
  readonly daysSinceContact: number;
  readonly cadenceDays: number;
  /** Days since contact ÷ cadence: 1 means due today. */
  readonly overdueRatio: number;
  /** Ranking score: overdue ratio × ring weight × isolation boost. */
  readonly score: number;
  readonly channel: Channel;
  readonly kind: InteractionKind;
  /** One of the connection's shared joys, rotating day by day; null when none are set. */
  readonly activity: string | null;
  readonly text: string;
}

export interface ReachOutContext {
  readonly today: LocalDate;
  readonly timeZone: string;
  readonly params: ModelParams;
  readonly lastContact: ReadonlyMap<string, LocalDate>;
  /** Today's state: isolation load boosts people, a tipped balance suggests meeting. */
  readonly state: Pick<DailyState, 'isolationLoad' | 'technologyBalance'>;
}

/** In-person share below the tipping point: suggest meeting rather than messaging. */
export function balanceTipped(
  state: Pick<DailyState, 'technologyBalance'>,
  params: ModelParams,
): boolean {
  const share = state.technologyBalance.last30.inPersonShare;
  return share !== null && share < params.balanceTippedShare;
}

/** 1 below the high-isolation threshold, rising linearly to 1 + boost at full load. */
export function isolationBoost(isolationLoad: number, params: ModelParams): number {
  const over = Math.max(0, isolationLoad - params.highIsolationLoad);
  return 1 + (params.isolationReachOutBoost * over) / (100 - params.highIsolationLoad);
}

const RING_CHANNEL: Record<Ring, Channel> = {
  inner: 'in_person',
  close: 'in_person',
  friends: 'voice',
  wider: 'text',
};

function suggestChannel(c: ModelConnection, ctx: ReachOutContext): Channel {
  if (c.kind === 'pet') return 'in_person';
  const high = ctx.state.isolationLoad >= ctx.params.highIsolationLoad;
  // In-person contact is what eases isolation and what a tipped balance lacks.
  if (high || balanceTipped(ctx.state, ctx.params)) return 'in_person';
  return RING_CHANNEL[c.ring];
}

const HOW: Record<Channel, string> = {
  in_person: 'Meet up',
  video: 'Have a video call',
  voice: 'Give them a call',
  text: 'Send a message',
  social: 'Say hello',
};

function describe(
  c: ModelConnection,
  days: number,
  never: boolean,
  channel: Channel,
  activity: string | null,
): string {
  const since = never
    ? `You added ${c.name} ${days} days ago and have not logged contact yet`
    : `${days} ${days === 1 ? 'day' : 'days'} since you were last in touch with ${c.name}`;
  const aim = `you aim for every ${c.cadenceDays === 1 ? 'day' : `${c.cadenceDays} days`}`;
  const how = c.kind === 'pet' ? 'Time together' : HOW[channel];
  return `${since} (${aim}). ${how}${activity ? `, maybe ${activity}` : ''}?`;
}

/**
 * Every connection that is due, most overdue first (weighted by ring, and for
 * people by isolation load). Draining ties are never listed (SCIENCE.md
 * rule 5). The list is not cut to `reachOutMax` here: computeToday cuts it
 * after hiding snoozed and dismissed nudges, so hidden ones leave no gap.
 */
export function rankReachOut(
  connections: readonly ModelConnection[],
  ctx: ReachOutContext,
): ReachOutNudge[] {
  const p = ctx.params;
  const boost = isolationBoost(ctx.state.isolationLoad, p);
  const out: ReachOutNudge[] = [];
  for (const c of [...connections].sort(byName)) {
    if (c.draining) continue;
    const { days, lastContact } = daysSinceContact(c, ctx.lastContact, ctx.today, ctx.timeZone);
    const ratio = overdueRatio(days, c.cadenceDays);
    const factor = c.kind === 'person' ? boost : 1;
    if (ratio * factor < p.reachOutDueRatio) continue;
    const channel = suggestChannel(c, ctx);
    const activity = rotatingPick(c.sharedJoys, c.id, ctx.today);
    const kind: InteractionKind =
      c.kind === 'pet' ? 'pet_time' : activity ? 'shared_activity' : 'conversation';
    out.push({
      type: 'reach-out',
      key: `reach-out:${c.id}`,
      connectionId: c.id,
      name: c.name,
      ring: c.ring,
      connectionKind: c.kind,
      lastContact,
      daysSinceContact: days,
      cadenceDays: c.cadenceDays,
      overdueRatio: ratio,
      score: ratio * p.ringWeights[c.ring] * factor,
      channel,
      kind,
      activity,
      text: describe(c, days, lastContact === null, channel, activity),
    });
  }
  // Stable: equal scores keep name order from the sort above.
  return out.sort((a, b) => b.score - a.score);
}
