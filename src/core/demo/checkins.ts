import type { CheckIn } from '../checkins.schemas.js';
import type { Connection } from '../connections.schemas.js';
import type { Interaction } from '../interactions.schemas.js';
import { type DemoDay, dayIndexOf } from './days.js';
import type { Random } from './random.js';
import { DEMO_EFFECTS, DEMO_STORY } from './story.js';

/** What a day held, as far as the simulated self-ratings are concerned. */
interface DaySocial {
  inPersonPeople: boolean;
  live: boolean;
  calming: boolean;
  draining: boolean;
}

const quietDay = (): DaySocial => ({
  inPersonPeople: false,
  live: false,
  calming: false,
  draining: false,
});

/** Per day of the year (by index), what its interactions held. */
function summarize(
  interactions: readonly Interaction[],
  connections: readonly Connection[],
  days: readonly DemoDay[],
): DaySocial[] {
  const byId = new Map(connections.map((c) => [c.id, c]));
  const summary = days.map(quietDay);
  for (const i of interactions) {
    const day = summary[dayIndexOf(days, Date.parse(i.startedAt))];
    const people = i.connectionIds.map((id) => byId.get(id)).filter((c) => c?.kind === 'person');
    if (!day || people.length === 0) continue;
    if (i.channel === 'in_person') day.inPersonPeople = true;
    if (i.channel === 'in_person' || i.channel === 'voice' || i.channel === 'video')
      day.live = true;
    if (people.some((c) => c?.name === DEMO_STORY.calming.name)) day.calming = true;
    if (people.some((c) => c?.draining)) day.draining = true;
  }
  return summary;
}

const clamp = (x: number) => Math.min(10, Math.max(0, Math.round(x)));

function moodFor(rng: Random, stress: number, loneliness: number): string | null {
  if (rng.chance(0.3)) return null;
  if (stress >= 7) return rng.pick(['tense', 'overwhelmed', 'wired', 'tired']);
  if (loneliness >= 7) return rng.pick(['lonely', 'flat', 'restless']);
  if (stress <= 3) return rng.pick(['calm', 'content', 'grateful', 'light']);
  return rng.pick(['okay', 'tired', 'steady', 'hopeful']);
}

function noteFor(rng: Random, day: DemoDay, social: DaySocial): string {
  if (!rng.chance(0.12)) return '';
  if (day.lonely) return rng.pick(['Nobody around this week', 'Deadline again', 'Long quiet day']);
  if (social.inPersonPeople) {
    return rng.pick(['Good to see people', 'Laughed a lot today', 'Felt lighter afterwards']);
  }
  return rng.pick(['Busy day of calls', 'Slept badly', 'Nice walk with Biscuit', 'Work was a lot']);
}

/**
 * Evening self-ratings that follow the day's contact, so that insights have
 * something real to find: lower stress on and after days with people in
 * person, calmer with one particular friend, lonelier the longer no one is seen.
 */
export function buildCheckIns(
  rng: Random,
  days: readonly DemoDay[],
  interactions: readonly Interaction[],
  connections: readonly Connection[],
  now: Date,
): CheckIn[] {
  const social = summarize(interactions, connections, days);
  const e = DEMO_EFFECTS;
  const seasonPhase = rng.next() * 2 * Math.PI;
  let busy = 0; // busy weeks come and go: a slowly wandering offset
  let yesterdayInPerson = false;
  let daysUnseen = 3;
  const checkins: CheckIn[] = [];
  days.forEach((day, index) => {
    const s = social[index] ?? quietDay();
    busy = 0.7 * busy + rng.normal(0, 0.45);
    daysUnseen = s.inPersonPeople ? 0 : daysUnseen + 1;
    const weekly = day.weekday === 1 ? 0.4 : day.weekend ? -0.3 : 0; // Mondays are worst
    const stress =
      e.baseStress +
      0.5 * Math.sin((2 * Math.PI * index) / days.length + seasonPhase) +
      busy +
      weekly +
      (s.inPersonPeople ? e.inPersonSameDay : 0) +
      (yesterdayInPerson ? e.inPersonNextDay : 0) +
      (s.calming ? e.calmingPerson : 0) +
      (s.draining ? e.drainingPerson : 0) +
      (day.lonely ? e.lonelyStretch : 0) +
      rng.normal(0, e.noise);
    let loneliness =
      e.baseLoneliness +
      e.lonelinessPerDayUnseen * Math.min(daysUnseen, 14) +
      (s.live ? e.liveContactLoneliness : 0) +
      rng.normal(0, e.noise);
    if (day.lonely) {
      loneliness += e.lonelyStretchLoneliness;
      // From the third day on, every rating is high: what an alert looks for.
      if (day.lonelyDay >= 2)
        loneliness = Math.max(DEMO_STORY.lonelyStretch.lonelinessAtLeast, loneliness);
    }
    yesterdayInPerson = s.inPersonPeople;
    // Some evenings get skipped, but not in the stretch when it mattered.
    const skipped = !day.lonely && rng.chance(0.17);
    const at = day.at(20 * 60 + rng.int(0, 165));
    at.setUTCSeconds(rng.int(0, 59));
    if (skipped || at.getTime() > now.getTime()) return;
    const iso = at.toISOString();
    const rating = { stress: clamp(stress), loneliness: clamp(loneliness) };
    checkins.push({
      id: rng.uuid(),
      at: iso,
      ...rating,
      mood: moodFor(rng, rating.stress, rating.loneliness),
      note: noteFor(rng, day, s),
      createdAt: iso,
      updatedAt: iso,
    });
  });
  return checkins;
}
