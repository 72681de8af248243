import type { Channel, InteractionKind } from '../common.schemas.js';
import type { ModelParams } from './params.js';
import type { Segment } from './segments.js';
import type { ModelConnection, ModelInteraction } from './types.js';

/**
 * How much one day-segment of an interaction moves each state. Each rule is
 * one small function so that the states, the explanations and the docs all
 * say the same thing.
 */

/** Kinds that are deep bonding moments by themselves (SCIENCE.md §3: Coan 2006, Cohen 2015). */
export const DEEP_KINDS: ReadonlySet<InteractionKind> = new Set<InteractionKind>([
  'physical_affection',
  'support_given',
  'support_received',
  'pet_time',
]);

/** Channels that count as live contact: a voice can be heard (SCIENCE.md §6 rule 2). */
export const LIVE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'in_person',
  'video',
  'voice',
]);

export const DIGITAL_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'video',
  'voice',
  'text',
  'social',
]);

export type Roster = ReadonlyMap<string, ModelConnection>;

export function rosterOf(connections: readonly ModelConnection[]): Roster {
  return new Map(connections.map((c) => [c.id, c]));
}

/** Unknown ids (a connection deleted since) are treated as people, not pets. */
export function isPetOnly(i: ModelInteraction, roster: Roster): boolean {
  return i.connectionIds.every((id) => roster.get(id)?.kind === 'pet');
}

/**
 * A deep bonding moment: affection, support or pet time of any kind, or
 * one-to-one live time with a trusted inner-ring connection. Casual contact
 * never counts, whatever its length (the note's claim, weakly supported:
 * SCIENCE.md §5 — hence a proxy, not a measurement).
 */
export function isDeepMoment(i: ModelInteraction, roster: Roster): boolean {
  if (i.kinds.some((k) => DEEP_KINDS.has(k))) return true;
  if (!LIVE_CHANNELS.has(i.channel) || i.connectionIds.length !== 1) return false;
  const only = i.connectionIds[0] === undefined ? undefined : roster.get(i.connectionIds[0]);
  return only !== undefined && only.ring === 'inner' && !only.draining;
}

/** Saturating in duration: an afternoon is worth more than a coffee, but not ten times more. */
export function durationFactor(minutes: number, params: ModelParams): number {
  return minutes / (minutes + params.durationHalfSaturationMinutes);
}

/** 1 at the neutral 3 or when unrated; stays above 0.4 for any valid slope. */
export function delightFactor(delight: number | null, params: ModelParams): number {
  return delight === null ? 1 : 1 + params.delightSlope * (delight - 3);
}

/** Weighted contact of one segment: channel × duration × delight (rule 3). */
export function contactWeight(s: Segment, params: ModelParams): number {
  return (
    params.channelWeights[s.interaction.channel] *
    durationFactor(s.minutes, params) *
    delightFactor(s.interaction.delight, params)
  );
}

/**
 * Live-contact credit of one segment, before the day's total is capped at 1:
 * in person counts fully, calls partly, text barely; pets count a share.
 */
export function liveCredit(s: Segment, roster: Roster, params: ModelParams): number {
  const base =
    params.isolationChannelWeights[s.interaction.channel] *
    Math.min(1, s.minutes / params.meaningfulLiveMinutes);
  return isPetOnly(s.interaction, roster) ? base * params.petLiveFactor : base;
}
