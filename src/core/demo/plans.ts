import type { Plan } from '../plans.schemas.js';
import type { DemoCast } from './connections.js';
import { localTime } from './days.js';
import type { CastKey } from './people.js';
import type { Random } from './random.js';
import { DEMO_STORY } from './story.js';
import type { TimelineEvent } from './timeline.js';

const DAY = 86_400_000;
const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function listNames(names: string[]): string {
  const first = names.map((n) => n.split(' ')[0] ?? n);
  return first.length <= 1
    ? first.join('')
    : `${first.slice(0, -1).join(', ')} and ${first[first.length - 1]}`;
}

/** What is still to come, relative to today: [inDays, local start, duration, who, title, place, note]. */
type Upcoming = [number, number, number | null, CastKey[], string, string | null, string];

function upcoming(): Upcoming[] {
  const birthday = DEMO_STORY.upcoming.birthday.inDays;
  return [
    [2, h(8, 30), 45, ['samuel', 'biscuit'], 'Dog park morning with Samuel and Pepper', 'the dog park', ''],
    [birthday, h(19, 30), 180, ['priya', 'tomas', 'ravi'], 'South Indian cooking for Priya’s birthday', 'Priya’s place', 'Bring cardamom and a card'],
    [7, h(18, 30), 120, ['tomas'], 'Bouldering with Tomás', 'the bouldering gym', 'He is back from his trip at the weekend'],
    [12, h(9), 90, ['kenji'], 'Saturday parkrun with Kenji', 'Hasenheide park', ''],
    [16, h(11), null, ['lena'], 'Baking cinnamon buns with Lena', null, 'She is visiting for the weekend'],
  ];
}

/**
 * A handful of plans: some that happened (and became interactions), two that
 * fell through — one of them with the friend who drifted away — and a few in
 * the coming three weeks for the calendar feed.
 */
export function buildPlans(
  rng: Random,
  events: readonly TimelineEvent[],
  cast: DemoCast,
  now: Date,
  timeZone: string,
): Plan[] {
  const at = (inDays: number, minutes: number) => localTime(now, timeZone, inDays, minutes);
  const ago = (ms: number) => new Date(ms).toISOString();
  const plans: Plan[] = [];

  // Done: in-person activities spread over the year that were planned ahead.
  const candidates = events.filter(({ interaction: i, joy }) => {
    const age = (now.getTime() - Date.parse(i.startedAt)) / DAY;
    const people = i.connectionIds.some((id) => cast.memberOf(id).kind === 'person');
    return i.channel === 'in_person' && joy !== null && people && age >= 20 && age <= 300;
  });
  const buckets = 5;
  for (let b = 0; b < buckets; b++) {
    const slice = candidates.slice(
      Math.floor((b * candidates.length) / buckets),
      Math.floor(((b + 1) * candidates.length) / buckets),
    );
    if (slice.length === 0) continue;
    const { interaction: i, joy } = rng.pick(slice);
    const names = i.connectionIds.map((id) => cast.memberOf(id)).filter((m) => m.kind === 'person');
    const start = Date.parse(i.startedAt);
    plans.push({
      id: rng.uuid(),
      startsAt: i.startedAt,
      durationMinutes: i.durationMinutes,
      connectionIds: i.connectionIds,
      title: `${capitalize(joy?.label ?? 'catch-up')} with ${listNames(names.map((m) => m.name))}`,
      location: joy?.place ?? null,
      status: 'done',
      note: '',
      interactionId: i.id,
      createdAt: ago(start - rng.int(2, 10) * DAY - rng.int(1, 8) * 3_600_000),
      updatedAt: i.updatedAt,
    });
  }

  // Cancelled: the run Jonas called off, and a dinner lost to the lonely stretch.
  const cancelled: [number, number, CastKey, string, string, string][] = [
    [DEMO_STORY.drift.lastContactDaysAgo + 10, h(18, 30), 'jonas', 'Trail running with Jonas', 'the canal path', 'He cancelled: too busy at work'],
    [DEMO_STORY.lonelyStretch.startsDaysAgo - 5, h(19, 30), 'sofia', 'Making fresh pasta with Sofia', 'her kitchen', 'Called off: deadline week'],
  ];
  for (const [daysAgo, minutes, who, title, location, note] of cancelled) {
    const start = at(-daysAgo, minutes).getTime();
    plans.push({
      id: rng.uuid(),
      startsAt: ago(start),
      durationMinutes: 120,
      connectionIds: [cast.idOf(who)],
      title,
      location,
      status: 'cancelled',
      note,
      interactionId: null,
      createdAt: ago(start - rng.int(5, 9) * DAY),
      updatedAt: ago(start - rng.int(4, 20) * 3_600_000),
    });
  }

  // Planned: the next three weeks. Entered over the last few evenings.
  for (const [inDays, minutes, duration, who, title, location, note] of upcoming()) {
    const created = at(-rng.int(1, 4), h(20) + rng.int(0, 120)).toISOString();
    plans.push({
      id: rng.uuid(),
      startsAt: at(inDays, minutes).toISOString(),
      durationMinutes: duration,
      connectionIds: who.map((key) => cast.idOf(key)),
      title,
      location,
      status: 'planned',
      note,
      interactionId: null,
      createdAt: created,
      updatedAt: created,
    });
  }
  return plans.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
