import { type Channel, INTERACTION_KINDS, type InteractionKind } from '../common.schemas.js';
import { type DemoDay, h } from './days.js';
import type { CastMember, Joy } from './people.js';
import type { Random } from './random.js';

/** One contact's shape, before it gets an id and instants. */
export interface Contact {
  day: DemoDay;
  /** Local wall-clock start, minutes after midnight. */
  minutes: number;
  durationMinutes: number | null;
  members: CastMember[];
  channel: Channel;
  kinds: InteractionKind[];
  delight: number | null;
  note: string;
  messageCount: number | null;
  /** The shared joy it was about, when there was one (plans draw on these). */
  joy: Joy | null;
}

export interface ContactOptions {
  joy?: Joy | null;
  kinds?: InteractionKind[];
  /** Start window, local minutes after midnight. */
  window?: readonly [number, number];
  duration?: readonly [number, number];
  note?: string;
}

type Range = readonly [number, number];

type Slot = { weekday: Range; weekend: Range; duration: Range };

/** When people actually do these things, on weekdays and weekends; talk is coffee or a walk. */
const IN_PERSON: Record<'activity' | 'meal' | 'talk', Slot> = {
  activity: { weekday: [h(18), h(19, 30)], weekend: [h(9, 30), h(15)], duration: [90, 210] },
  meal: { weekday: [h(19), h(20, 30)], weekend: [h(12), h(20)], duration: [75, 150] },
  talk: { weekday: [h(12, 30), h(17, 30)], weekend: [h(10), h(17)], duration: [30, 90] },
};

const REMOTE: Record<Exclude<Channel, 'in_person'>, { weekday: Range; weekend: Range }> = {
  voice: { weekday: [h(18), h(21, 30)], weekend: [h(10), h(20)] },
  video: { weekday: [h(18, 30), h(21)], weekend: [h(10), h(19)] },
  text: { weekday: [h(8), h(23)], weekend: [h(9), h(23)] },
  social: { weekday: [h(7, 30), h(23, 30)], weekend: [h(9), h(23, 30)] },
};

type Delight = number | null;
const DELIGHT: Record<'pet' | 'live' | 'call' | 'digital' | 'draining', [Delight, number][]> = {
  pet: [
    [5, 50],
    [4, 33],
    [3, 10],
    [null, 7],
  ],
  live: [
    [5, 35],
    [4, 35],
    [3, 15],
    [2, 3],
    [null, 12],
  ],
  call: [
    [5, 20],
    [4, 35],
    [3, 28],
    [2, 5],
    [null, 12],
  ],
  digital: [
    [5, 6],
    [4, 25],
    [3, 38],
    [2, 8],
    [1, 2],
    [null, 21],
  ],
  draining: [
    [1, 15],
    [2, 40],
    [3, 30],
    [null, 15],
  ],
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function noteFor(rng: Random, c: Omit<Contact, 'note'>): string {
  const joy = c.joy && capitalize(c.joy.label);
  if (c.kinds.includes('support_received')) {
    return rng.pick([
      'Talked through the work worries',
      'Needed that',
      'They helped me sort my head',
    ]);
  }
  if (c.kinds.includes('support_given')) {
    return rng.pick(['Mostly listened; rough week for them', 'Helped think through a decision']);
  }
  if (c.members.every((m) => m.kind === 'pet')) {
    return rng.pick(['Long loop by the canal', 'Rainy, short one', 'Fetch until dark', 'Zoomies']);
  }
  if (c.channel === 'in_person') {
    if (!joy) return rng.pick(['Coffee and a long walk', 'Quick coffee', 'Long lunch']);
    return c.joy?.mode === 'meal'
      ? rng.pick([joy, `${joy} — so good`, `${joy}; stayed late talking`])
      : rng.pick([joy, `${joy}, then food`, `${joy} — lovely`]);
  }
  if (c.channel === 'text' || c.channel === 'social') {
    return joy
      ? `Back and forth about ${c.joy?.label}`
      : rng.pick(['Memes and plans', 'Sent photos of Biscuit', 'Quick hello']);
  }
  return joy ? `Talked about ${c.joy?.label}` : rng.pick(['Long catch-up', 'Quick check-in']);
}

function inRange(rng: Random, [min, max]: Range, step = 1): number {
  return min + step * rng.int(0, Math.floor((max - min) / step));
}

function kindsFor(rng: Random, members: CastMember[], channel: Channel, joy: Joy | null) {
  const kinds = new Set<InteractionKind>();
  const people = members.filter((m) => m.kind === 'person');
  if (members.some((m) => m.kind === 'pet')) kinds.add('pet_time');
  if (people.length === 0) return [...kinds];
  if (channel === 'in_person' && joy?.mode === 'activity') {
    kinds.add('shared_activity');
    if (rng.chance(0.5)) kinds.add('conversation');
  } else if (channel === 'in_person' && joy?.mode === 'meal') {
    kinds.add('shared_meal').add('conversation');
  } else {
    kinds.add('conversation');
  }
  if (channel === 'in_person') {
    // Hugs belong with trusted people (SCIENCE.md design rule 8).
    if (people.some((m) => m.ring === 'inner') && rng.chance(0.5)) kinds.add('physical_affection');
    else if (people.some((m) => m.ring === 'close') && rng.chance(0.15))
      kinds.add('physical_affection');
  }
  if (people.some((m) => m.draining)) {
    if (rng.chance(0.6)) kinds.add('support_given');
  } else {
    const roll = rng.next();
    if (roll < 0.07) kinds.add('support_given');
    else if (roll < 0.14) kinds.add('support_received');
  }
  return [...kinds];
}

function delightFor(rng: Random, members: CastMember[], channel: Channel): Delight {
  if (members.some((m) => m.draining)) return rng.weighted(DELIGHT.draining);
  if (members.every((m) => m.kind === 'pet')) return rng.weighted(DELIGHT.pet);
  if (channel === 'in_person') return rng.weighted(DELIGHT.live);
  if (channel === 'voice' || channel === 'video') return rng.weighted(DELIGHT.call);
  return rng.weighted(DELIGHT.digital);
}

/** Fills in when, how long, what kind and how good, as people really do it. */
export function shapeContact(
  rng: Random,
  day: DemoDay,
  members: CastMember[],
  channel: Channel,
  options: ContactOptions = {},
): Contact {
  const joy = options.joy ?? null;
  let minutes: number;
  let durationMinutes: number | null;
  let messageCount: number | null = null;
  if (channel === 'in_person') {
    const slot = IN_PERSON[joy?.mode === 'activity' || joy?.mode === 'meal' ? joy.mode : 'talk'];
    minutes = inRange(rng, options.window ?? (day.weekend ? slot.weekend : slot.weekday), 5);
    durationMinutes = inRange(rng, options.duration ?? slot.duration, 5);
  } else {
    const slot = REMOTE[channel];
    minutes = inRange(rng, options.window ?? (day.weekend ? slot.weekend : slot.weekday));
    if (channel === 'text' || channel === 'social') {
      // Message threads have a count; their length is often unknown.
      const digital = channel === 'text';
      messageCount = digital
        ? Math.min(200, Math.max(2, Math.round(Math.exp(rng.normal(2, 0.8)))))
        : rng.int(1, 5);
      durationMinutes = rng.chance(digital ? 0.5 : 0.7) ? null : rng.int(1, digital ? 15 : 5);
    } else {
      const base = channel === 'video' ? ([20, 90] as const) : ([8, 60] as const);
      durationMinutes = inRange(rng, options.duration ?? base);
    }
  }
  const order = (k: InteractionKind) => INTERACTION_KINDS.indexOf(k);
  const kinds = (options.kinds ?? kindsFor(rng, members, channel, joy)).sort(
    (a, b) => order(a) - order(b),
  );
  const draft = {
    day,
    minutes,
    durationMinutes,
    members,
    channel,
    kinds,
    delight: delightFor(rng, members, channel),
    messageCount,
    joy,
  };
  const note = options.note ?? (rng.chance(0.15) ? noteFor(rng, draft) : '');
  return { ...draft, note };
}
