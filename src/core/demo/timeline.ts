import type { Channel } from '../common.schemas.js';
import { DEFAULT_RING_CADENCE_DAYS } from '../connections.schemas.js';
import type { Interaction } from '../interactions.schemas.js';
import type { DemoCast } from './connections.js';
import { type Contact, type ContactOptions, shapeContact } from './contacts.js';
import { type DemoDay, h } from './days.js';
import { type CastKey, type CastMember, castMember, DEMO_CAST, type Joy } from './people.js';
import type { Random } from './random.js';
import { RITUALS, type Ritual, VISIT_GROUPS } from './rituals.js';
import { DEMO_STORY } from './story.js';

export interface TimelineEvent {
  interaction: Interaction;
  daysAgo: number;
  /** Who it was with, the main person first. */
  members: CastMember[];
  /** The shared joy an interaction was about, when there was one. */
  joy: Joy | null;
}

const LIVE = new Set<Channel>(['in_person', 'voice', 'video']);
const { drift, lonelyStretch, innerQuiet } = DEMO_STORY;

/** The story's hard rules: what cannot happen on a day, whatever the dice say. */
function allows(member: CastMember, channel: Channel, day: DemoDay): boolean {
  if (member.kind === 'pet') return channel === 'in_person';
  if (day.lonely && channel !== 'text') return false;
  if (day.innerQuiet && member.ring === 'inner' && LIVE.has(channel)) return false;
  // The last days: only Biscuit in person, so both alerts have something to show.
  if (day.innerQuiet && channel === 'in_person') return false;
  if (member.name === drift.name && day.daysAgo < drift.lastContactDaysAgo) return false;
  return true;
}

/** Weekly at first, then thinning out until the last contact. */
function driftFactor(daysAgo: number): number {
  if (daysAgo >= drift.weeklyUntilDaysAgo) return 1;
  if (daysAgo < drift.lastContactDaysAgo) return 0;
  return (
    (daysAgo - drift.lastContactDaysAgo) / (drift.weeklyUntilDaysAgo - drift.lastContactDaysAgo)
  );
}

/** Lately, screens stand in for meeting up. */
const DIGITAL_SHIFT: Record<Channel, number> = {
  in_person: 0.1,
  video: 1.6,
  voice: 1.6,
  text: 1.8,
  social: 2.2,
};

/** The story's soft pressure on how likely a contact is. */
function storyFactor(member: CastMember, channel: Channel, day: DemoDay): number {
  let factor = member.name === drift.name ? driftFactor(day.daysAgo) : 1;
  if (day.digitalDrift) factor *= DIGITAL_SHIFT[channel];
  // Texting more to fill the gap while there is no one around.
  if (day.lonely && channel === 'text') factor *= 1.4;
  return factor;
}

function joyOf(member: CastMember, label: string | undefined): Joy | null {
  return member.joys.find((j) => j.label === label) ?? null;
}

class DayWriter {
  readonly contacts: Contact[] = [];
  constructor(
    private readonly rng: Random,
    readonly day: DemoDay,
  ) {}

  /** Adds a contact with whoever of `members` the story allows; people-less contacts are dropped. */
  add(members: CastMember[], channel: Channel, options: ContactOptions = {}): void {
    const present = members.filter((m) => allows(m, channel, this.day));
    const people = present.some((m) => m.kind === 'person');
    if (!people && !members.every((m) => m.kind === 'pet')) return;
    // Lately, meeting up has shrunk to the odd quick coffee.
    const squeezed = this.day.digitalDrift && people && channel === 'in_person';
    const shape = squeezed ? { joy: null, duration: [30, 60] as const } : options;
    this.contacts.push(shapeContact(this.rng, this.day, present, channel, shape));
  }
}

function petRoutine(rng: Random, w: DayWriter): void {
  const pet = castMember('biscuit');
  const [walk, fetch, cuddles] = pet.joys;
  if (rng.chance(0.9)) {
    w.add([pet], 'in_person', { joy: walk, window: [h(6, 30), h(8, 30)], duration: [25, 60] });
  }
  if (rng.chance(0.2)) {
    const joy = rng.chance(0.5) ? fetch : cuddles;
    w.add([pet], 'in_person', {
      joy,
      window: [h(18), h(21, 30)],
      duration: [15, 40],
      kinds: joy === cuddles ? ['physical_affection', 'pet_time'] : ['pet_time'],
    });
  }
}

function ritual(rng: Random, w: DayWriter, r: Ritual): void {
  const host = castMember(r.host);
  // Game nights and runs have lapsed lately; see `DayWriter.add`.
  if (!r.on(w.day) || (w.day.digitalDrift && r.channel === 'in_person')) return;
  if (!rng.chance(r.chance * storyFactor(host, r.channel, w.day))) return;
  const [min, max] = r.guests?.count ?? [0, 0];
  const guests = rng
    .sample(r.guests?.from ?? [], rng.int(min, max))
    .map(castMember)
    .filter((g) => g.name !== drift.name || rng.chance(driftFactor(w.day.daysAgo)));
  const pet = r.withPet ? [castMember('biscuit')] : [];
  const options: ContactOptions = {
    joy: joyOf(host, r.joy),
    window: r.window,
    duration: r.duration,
  };
  if (r.kinds) options.kinds = [...r.kinds];
  if (r.note) options.note = r.note;
  w.add([host, ...guests, ...pet], r.channel, options);
}

/** Unplanned contact: a text here, a call there, coffee with a neighbour. */
function everyday(rng: Random, w: DayWriter, member: CastMember, daysSinceContact: number): void {
  // Long silences get noticed: past twice the cadence, people reach out more
  // readily (except the friend whose drifting is the point of the story).
  const cadence = member.cadenceDays ?? DEFAULT_RING_CADENCE_DAYS[member.ring];
  const overdue = daysSinceContact > 2 * cadence && member.name !== drift.name ? 3 : 1;
  for (const [channel, perWeek] of Object.entries(member.perWeek) as [Channel, number][]) {
    const weekend = channel === 'in_person' ? (w.day.weekend ? 1.6 : 0.76) : 1;
    const factor = weekend * overdue * storyFactor(member, channel, w.day);
    if (!rng.chance((perWeek / 7) * factor)) continue;
    const joys = member.joys.filter((j) => (channel === 'in_person') === (j.mode !== 'remote'));
    const joy =
      joys.length > 0 && rng.chance(channel === 'in_person' ? 0.7 : 0.25) ? rng.pick(joys) : null;
    w.add([member], channel, { joy });
  }
}

function visit(rng: Random, w: DayWriter, keys: readonly CastKey[]): void {
  const [main, ...others] = keys.map(castMember);
  if (!main) return;
  const company = [main, ...others.filter(() => rng.chance(0.5))];
  const host = rng.pick(company);
  const daytime = host.joys.filter((j) => j.mode === 'activity' || j.mode === 'talk');
  w.add(company, 'in_person', {
    joy: daytime.length > 0 ? rng.pick(daytime) : null,
    window: [h(10), h(14)],
    duration: [90, 180],
  });
  const meal = main.joys.find((j) => j.mode === 'meal') ?? null;
  w.add(company, 'in_person', {
    joy: meal,
    window: [h(18, 30), h(19, 30)],
    duration: [90, 180],
    kinds: ['conversation', 'physical_affection', 'shared_meal'],
  });
}

function visits(rng: Random, w: DayWriter): void {
  for (const group of ['family', 'bestFriend'] as const) {
    for (const [startsDaysAgo, length] of DEMO_STORY.visits[group]) {
      const dayOfVisit = startsDaysAgo - w.day.daysAgo;
      if (dayOfVisit >= 0 && dayOfVisit < length) visit(rng, w, VISIT_GROUPS[group]);
    }
  }
}

function birthdays(w: DayWriter, birthdaysToday: CastMember[]): void {
  for (const member of birthdaysToday) {
    const call = member.ring === 'inner' || member.ring === 'close';
    const channel = call && allows(member, 'voice', w.day) ? 'voice' : 'text';
    if (member.key === 'hilde' && channel === 'text') continue; // she does not text
    w.add([member], channel, { note: channel === 'voice' ? 'Birthday call' : 'Happy birthday!' });
  }
}

/** Fixed beats of the story, so its edges are exact rather than left to chance. */
function storyBeats(w: DayWriter): void {
  if (w.day.daysAgo === drift.lastContactDaysAgo) {
    w.add([castMember('jonas')], 'text', { note: 'He’s swamped at work; “let’s run soon”' });
  }
  if (w.day.daysAgo === innerQuiet.lastLiveContactDaysAgo) {
    w.add([castMember('lena'), castMember('sabine')], 'video', {
      window: [h(17), h(18)],
      note: 'Family call; Mum joined for a bit',
    });
  }
  if (w.day.daysAgo === lonelyStretch.startsDaysAgo) {
    w.add([castMember('tomas')], 'text', {
      note: 'Deadline weeks, and everyone’s away',
    });
  }
}

export function buildTimeline(
  rng: Random,
  days: readonly DemoDay[],
  cast: DemoCast,
  now: Date,
): TimelineEvent[] {
  const byBirthday = new Map<string, CastMember[]>();
  for (const connection of cast.connections) {
    for (const d of connection.importantDates.filter((x) => x.kind === 'birthday')) {
      const key = `${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
      byBirthday.set(key, [...(byBirthday.get(key) ?? []), cast.memberOf(connection.id)]);
    }
  }
  const contacts: Contact[] = [];
  const lastContact = new Map<string, number>();
  for (const day of days) {
    const w = new DayWriter(rng, day);
    petRoutine(rng, w);
    for (const r of RITUALS) ritual(rng, w, r);
    for (const member of DEMO_CAST) {
      everyday(rng, w, member, (lastContact.get(member.key) ?? day.daysAgo) - day.daysAgo);
    }
    visits(rng, w);
    birthdays(w, byBirthday.get(day.date.slice(5)) ?? []);
    storyBeats(w);
    for (const c of w.contacts) for (const m of c.members) lastContact.set(m.key, day.daysAgo);
    contacts.push(...w.contacts);
  }
  return contacts
    .map((c) => toEvent(rng, c, cast))
    .filter((e) => Date.parse(e.interaction.updatedAt) <= now.getTime())
    .sort((a, b) => a.interaction.startedAt.localeCompare(b.interaction.startedAt));
}

function toEvent(rng: Random, c: Contact, cast: DemoCast): TimelineEvent {
  const start = c.day.at(c.minutes);
  // Logged when it ended: that is when people open the app to write it down.
  const end = new Date(start.getTime() + (c.durationMinutes ?? 0) * 60_000).toISOString();
  return {
    daysAgo: c.day.daysAgo,
    members: c.members,
    joy: c.joy,
    interaction: {
      id: rng.uuid(),
      startedAt: start.toISOString(),
      durationMinutes: c.durationMinutes,
      // Sorted, as the core schemas keep them, so records read back unchanged.
      connectionIds: c.members.map((m) => cast.idOf(m.key)).sort(),
      channel: c.channel,
      kinds: c.kinds,
      delight: c.delight,
      note: c.note,
      messageCount: c.messageCount,
      source: null,
      createdAt: end,
      updatedAt: end,
    },
  };
}
