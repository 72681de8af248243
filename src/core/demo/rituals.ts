import type { Channel, InteractionKind } from '../common.schemas.js';
import { type DemoDay, h } from './days.js';
import type { CastKey } from './people.js';

type Range = readonly [number, number];

/** A recurring get-together: the backbone of a social life (SCIENCE.md design rule 7). */
export interface Ritual {
  host: CastKey;
  /** Others who may join, and how many of them usually do. */
  guests?: { from: readonly CastKey[]; count: Range };
  withPet?: boolean;
  channel: Channel;
  on: (day: DemoDay) => boolean;
  chance: number;
  /** Label of one of the host's shared joys. */
  joy?: string;
  window: Range;
  duration: Range;
  kinds?: InteractionKind[];
  note?: string;
}

const dayOfMonth = (day: DemoDay) => Number(day.date.slice(8, 10));
/** Alternating weeks, counted from a fixed Monday so the rhythm doesn't depend on `now`. */
const evenWeek = (day: DemoDay) =>
  Math.floor((Date.parse(`${day.date}T00:00:00Z`) / 86_400_000 + 3) / 7) % 2 === 0;

export const RITUALS: readonly Ritual[] = [
  {
    host: 'jonas',
    channel: 'in_person',
    on: (d) => d.weekday === 4,
    chance: 0.85,
    joy: 'trail running',
    window: [h(18, 30), h(19)],
    duration: [60, 100],
  },
  {
    host: 'kenji',
    channel: 'in_person',
    on: (d) => d.weekday === 6,
    chance: 0.45,
    joy: 'Saturday parkrun',
    window: [h(8, 45), h(9)],
    duration: [60, 110],
  },
  {
    host: 'priya',
    guests: { from: ['ravi', 'chloe', 'tomas', 'jonas', 'mateo'], count: [2, 4] },
    channel: 'in_person',
    on: (d) => d.weekday === 5 && evenWeek(d),
    chance: 0.8,
    joy: 'board games',
    window: [h(19), h(19, 30)],
    duration: [180, 240],
    kinds: ['conversation', 'shared_meal', 'shared_activity'],
  },
  {
    host: 'hannah',
    guests: { from: ['elif', 'chloe', 'fatima'], count: [1, 2] },
    channel: 'in_person',
    on: (d) => d.weekday === 3 && dayOfMonth(d) <= 7,
    chance: 0.85,
    joy: 'book club',
    window: [h(19), h(19)],
    duration: [110, 150],
  },
  {
    host: 'olga',
    guests: { from: ['tomas'], count: [0, 1] },
    channel: 'in_person',
    on: (d) => d.weekday === 2,
    chance: 0.15,
    joy: 'bouldering',
    window: [h(18, 30), h(19)],
    duration: [90, 150],
  },
  {
    host: 'samuel',
    withPet: true,
    channel: 'in_person',
    on: (d) => d.weekend,
    chance: 0.4,
    joy: 'dog park chats',
    window: [h(8), h(9, 30)],
    duration: [30, 60],
    kinds: ['conversation', 'pet_time'],
  },
  {
    host: 'lena',
    guests: { from: ['sabine'], count: [0, 1] },
    channel: 'video',
    on: (d) => d.weekday === 0,
    chance: 0.75,
    window: [h(17), h(18)],
    duration: [30, 75],
    note: 'Sunday call',
  },
  {
    // Seoul's evening is the morning here.
    host: 'daniel',
    channel: 'video',
    on: (d) => d.weekend,
    chance: 0.1,
    window: [h(7, 30), h(9)],
    duration: [40, 90],
  },
];

/** Visits in person with people who live far away: who, and what the days look like. */
export const VISIT_GROUPS: Record<'family' | 'bestFriend', readonly CastKey[]> = {
  family: ['lena', 'sabine', 'hilde'],
  bestFriend: ['amara', 'tomas'],
};
