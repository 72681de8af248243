import type { Plan, PlanStatus } from '../plans.schemas.js';
import { localDateOf } from '../time.js';
import type { DemoCast } from './connections.js';
import { h, localTime } from './days.js';
import type { CastKey } from './people.js';
import type { Random } from './random.js';
import { DEMO_STORY } from './story.js';
import type { TimelineEvent } from './timeline.js';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Priya, Ravi and Chloe" from full names. */
function listNames(names: string[]): string {
  const first = names.map((n) => n.split(' ')[0] ?? n);
  const last = first.pop() ?? '';
  return first.length === 0 ? last : `${first.join(', ')} and ${last}`;
}

/** A plan written by hand, placed relative to today (negative days are past). */
interface Sketch {
  inDays: number;
  /** Local start, minutes after midnight. */
  at: number;
  durationMinutes: number | null;
  who: CastKey[];
  title: string;
  location: string | null;
  note: string;
}

/** Two that fell through: the run Jonas called off, and a dinner lost to the lonely stretch. */
const CANCELLED: Sketch[] = [
  {
    inDays: -(DEMO_STORY.drift.lastContactDaysAgo + 10),
    at: h(18, 30),
    durationMinutes: 90,
    who: ['jonas'],
    title: 'Trail running with Jonas',
    location: 'the canal path',
    note: 'He cancelled: too busy at work',
  },
  {
    inDays: -(DEMO_STORY.lonelyStretch.startsDaysAgo - 5),
    at: h(19, 30),
    durationMinutes: 150,
    who: ['sofia'],
    title: 'Making fresh pasta with Sofia',
    location: 'her kitchen',
    note: 'Called off: deadline week',
  },
];

/** The coming three weeks, for the calendar feed and the Today page. */
function upcoming(todayWeekday: number): Sketch[] {
  const saturdayAfterNext = ((6 - todayWeekday + 7) % 7 || 7) + 7;
  return [
    {
      inDays: 2,
      at: h(8, 30),
      durationMinutes: 45,
      who: ['samuel', 'biscuit'],
      title: 'Dog park morning with Samuel and Pepper',
      location: 'the dog park',
      note: '',
    },
    {
      inDays: DEMO_STORY.upcoming.birthday.inDays,
      at: h(19, 30),
      durationMinutes: 180,
      who: ['priya', 'tomas', 'ravi'],
      title: 'South Indian cooking for Priya’s birthday',
      location: 'Priya’s place',
      note: 'Bring cardamom and a card',
    },
    {
      inDays: 7,
      at: h(18, 30),
      durationMinutes: 120,
      who: ['tomas'],
      title: 'Bouldering with Tomás',
      location: 'the bouldering gym',
      note: 'He is back from his trip at the weekend',
    },
    {
      inDays: saturdayAfterNext,
      at: h(9),
      durationMinutes: 90,
      who: ['kenji'],
      title: 'Saturday parkrun with Kenji',
      location: 'Hasenheide park',
      note: '',
    },
    {
      inDays: 16,
      at: h(11),
      durationMinutes: null,
      who: ['lena'],
      title: 'Baking cinnamon buns with Lena',
      location: null,
      note: 'She is visiting for the weekend',
    },
  ];
}

/**
 * A handful of plans: some that happened (and became interactions), two that
 * fell through — one with the friend who drifted away — and a few in the
 * coming three weeks.
 */
export function buildPlans(
  rng: Random,
  events: readonly TimelineEvent[],
  cast: DemoCast,
  now: Date,
  timeZone: string,
): Plan[] {
  const at = (inDays: number, minutes: number) => localTime(now, timeZone, inDays, minutes);
  /** Plans get written down in the evening, a few days ahead. */
  const writtenBefore = (inDays: number, min: number, max: number) =>
    at(inDays - rng.int(min, max), h(19, 30) + rng.int(0, 150)).toISOString();
  const plans: Plan[] = [];

  // Done: in-person activities spread over the year, each about a different joy.
  const candidates = events.filter(
    ({ interaction, joy, members, daysAgo }) =>
      interaction.channel === 'in_person' &&
      joy !== null &&
      members.some((m) => m.kind === 'person') &&
      daysAgo >= 20 &&
      daysAgo <= 300,
  );
  const used = new Set<string>();
  const buckets = 5;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * candidates.length) / buckets);
    const to = Math.floor(((b + 1) * candidates.length) / buckets);
    const fresh = candidates.slice(from, to).filter((e) => e.joy && !used.has(e.joy.label));
    if (fresh.length === 0) continue;
    const { interaction: i, joy, members, daysAgo } = rng.pick(fresh);
    if (!joy) continue;
    used.add(joy.label);
    const names = members.filter((m) => m.kind === 'person').map((m) => m.name);
    plans.push({
      id: rng.uuid(),
      startsAt: i.startedAt,
      durationMinutes: i.durationMinutes,
      connectionIds: [...i.connectionIds],
      title: `${capitalize(joy.label)} with ${listNames(names)}`,
      location: joy.place ?? null,
      status: 'done',
      note: '',
      interactionId: i.id,
      createdAt: writtenBefore(-daysAgo, 2, 10),
      // Marked done when it ended, which is also when it became an interaction.
      updatedAt: i.updatedAt,
    });
  }

  const fromSketch = (s: Sketch, status: PlanStatus, createdAt: string, updatedAt: string) => ({
    id: rng.uuid(),
    startsAt: at(s.inDays, s.at).toISOString(),
    durationMinutes: s.durationMinutes,
    connectionIds: s.who.map((key) => cast.idOf(key)).sort(),
    title: s.title,
    location: s.location,
    status,
    note: s.note,
    interactionId: null,
    createdAt,
    updatedAt,
  });
  for (const s of CANCELLED) {
    // Called off a few hours before.
    const calledOff = at(s.inDays, s.at - rng.int(3, 8) * 60).toISOString();
    plans.push(fromSketch(s, 'cancelled', writtenBefore(s.inDays, 5, 9), calledOff));
  }
  const todayWeekday = new Date(`${localDateOf(now, timeZone)}T00:00:00Z`).getUTCDay();
  for (const s of upcoming(todayWeekday)) {
    const created = writtenBefore(0, 1, 4);
    plans.push(fromSketch(s, 'planned', created, created));
  }
  return plans.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
