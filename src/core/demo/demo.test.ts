import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, Backup } from '../backup.schemas.js';
import { CheckIn, CheckInCreate } from '../checkins.schemas.js';
import { CHANNELS, INTERACTION_KINDS } from '../common.schemas.js';
import { Connection, ConnectionCreate, DEFAULT_RING_CADENCE_DAYS } from '../connections.schemas.js';
import { TendError } from '../errors.js';
import { Interaction, InteractionCreate } from '../interactions.schemas.js';
import { Plan, PlanCreate } from '../plans.schemas.js';
import { Settings } from '../settings.schemas.js';
import { addDays, daysBetween, localDateOf } from '../time.js';
import { DEMO_STORY, type DemoData, generateDemo } from './index.js';

interface Case {
  seed: number;
  now: string;
  timeZone: string;
}

/** Different seeds, zones on both hemispheres and `now`s near DST switches and 29 February. */
const CASES: Case[] = [
  { seed: 1, now: '2026-11-26T12:00:00Z', timeZone: 'Europe/Berlin' },
  { seed: 2, now: '2026-03-29T01:30:00Z', timeZone: 'America/New_York' },
  { seed: 3, now: '2027-07-01T23:59:00Z', timeZone: 'Asia/Tokyo' },
  { seed: 42, now: '2024-02-29T08:00:00Z', timeZone: 'Australia/Sydney' },
];

const cache = new Map<string, DemoData>();
function demo(c: Case): DemoData {
  const key = JSON.stringify(c);
  let data = cache.get(key);
  if (!data) {
    data = generateDemo({ seed: c.seed, now: new Date(c.now), timeZone: c.timeZone });
    cache.set(key, data);
  }
  return data;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Views of one generated year that the pattern checks share. */
function makeLens(c: Case) {
  const data = demo(c);
  const today = localDateOf(new Date(c.now), c.timeZone);
  const dayOf = (instant: string) => localDateOf(new Date(instant), c.timeZone);
  const daysAgo = (instant: string) => daysBetween(dayOf(instant), today);
  const byName = (name: string) => {
    const found = data.connections.find((x) => x.name === name);
    if (!found) throw new Error(`no connection named ${name}`);
    return found;
  };
  const kindOf = new Map(data.connections.map((x) => [x.id, x.kind]));
  const withPeople = (i: Interaction) => i.connectionIds.some((id) => kindOf.get(id) === 'person');
  const inPersonDays = new Set(
    data.interactions
      .filter((i) => i.channel === 'in_person' && withPeople(i))
      .map((i) => dayOf(i.startedAt)),
  );
  const ratings = data.checkins.map((x) => ({ day: dayOf(x.at), ...x }));
  /** Mean stress on days outside `days` minus mean stress on days in it. */
  const calmer = (days: Set<string>, shift = 0) =>
    mean(ratings.filter((r) => !days.has(addDays(r.day, shift))).map((r) => r.stress)) -
    mean(ratings.filter((r) => days.has(addDays(r.day, shift))).map((r) => r.stress));
  const contactDays = (id: string) =>
    new Set(
      data.interactions.filter((i) => i.connectionIds.includes(id)).map((i) => dayOf(i.startedAt)),
    );
  return {
    data,
    today,
    dayOf,
    daysAgo,
    byName,
    withPeople,
    inPersonDays,
    ratings,
    calmer,
    contactDays,
  };
}

const lenses = new Map<Case, ReturnType<typeof makeLens>>();
function lens(c: Case) {
  let found = lenses.get(c);
  if (!found) {
    found = makeLens(c);
    lenses.set(c, found);
  }
  return found;
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();
function hourIn(instant: string, timeZone: string): number {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  return Number(format.format(new Date(instant)));
}

const LIVE = new Set(['in_person', 'voice', 'video']);

describe('generateDemo', () => {
  it('gives the same year for the same seed and now, and a different year for another seed', () => {
    const [c] = CASES as [Case];
    const options = { seed: c.seed, now: new Date(c.now), timeZone: c.timeZone };
    const first = demo(c);
    expect(generateDemo(options)).toEqual(first);
    const other = generateDemo({ ...options, seed: c.seed + 1 });
    expect(other.connections[0]?.id).not.toBe(first.connections[0]?.id);
    expect(other.interactions).not.toEqual(first.interactions);
    expect(other.checkins.map((x) => x.stress)).not.toEqual(first.checkins.map((x) => x.stress));
  });

  it('rejects a bad seed, date or time zone with a validation error', () => {
    const ok = { seed: 1, now: new Date('2026-11-26T12:00:00Z'), timeZone: 'Europe/Berlin' };
    expect(() => generateDemo({ ...ok, seed: 1.5 })).toThrow(TendError);
    expect(() => generateDemo({ ...ok, now: new Date('nope') })).toThrow(/now/);
    expect(() => generateDemo({ ...ok, timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
  });
});

describe.each(CASES)('the demo year for seed $seed at $now in $timeZone', (c) => {
  it('has counts in the documented ranges', () => {
    const { data } = lens(c);
    expect(data.connections.length).toBeGreaterThanOrEqual(22);
    expect(data.connections.length).toBeLessThanOrEqual(28);
    expect(data.interactions.length).toBeGreaterThanOrEqual(1300);
    expect(data.interactions.length).toBeLessThanOrEqual(1700);
    expect(data.checkins.length).toBeGreaterThanOrEqual(270);
    expect(data.checkins.length).toBeLessThanOrEqual(330);
    expect(data.plans.length).toBeGreaterThanOrEqual(10);
    expect(data.plans.length).toBeLessThanOrEqual(15);
  });

  it('parses with the core output schemas, whole and record by record, without changes', () => {
    const { data } = lens(c);
    expect(Settings.parse(data.settings)).toEqual(data.settings);
    expect(data.connections.map((x) => Connection.parse(x))).toEqual(data.connections);
    expect(data.interactions.map((x) => Interaction.parse(x))).toEqual(data.interactions);
    expect(data.checkins.map((x) => CheckIn.parse(x))).toEqual(data.checkins);
    expect(data.plans.map((x) => Plan.parse(x))).toEqual(data.plans);
    const backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: c.now, ...data };
    expect(Backup.parse(backup)).toEqual(backup);
  });

  it('holds only records a user could have entered through the create schemas', () => {
    const { data } = lens(c);
    const connections = data.connections.map(({ id, createdAt, updatedAt, ...fields }) => fields);
    expect(connections.map((x) => ConnectionCreate.parse(x))).toEqual(connections);
    const interactions = data.interactions.map(({ id, createdAt, updatedAt, ...fields }) => fields);
    expect(interactions.map((x) => InteractionCreate.parse(x))).toEqual(interactions);
    const checkins = data.checkins.map(({ id, createdAt, updatedAt, ...fields }) => fields);
    expect(checkins.map((x) => CheckInCreate.parse(x))).toEqual(checkins);
    const plans = data.plans.map(
      ({ id, createdAt, updatedAt, interactionId, ...fields }) => fields,
    );
    expect(plans.map((x) => PlanCreate.parse(x))).toEqual(plans);
  });

  it('uses every channel and every kind of interaction, and logs no imports', () => {
    const { data } = lens(c);
    const channels = new Set(data.interactions.map((i) => i.channel));
    const kinds = new Set(data.interactions.flatMap((i) => i.kinds));
    expect([...channels].sort()).toEqual([...CHANNELS].sort());
    expect([...kinds].sort()).toEqual([...INTERACTION_KINDS].sort());
    expect(data.interactions.every((i) => i.source === null)).toBe(true);
    expect(data.interactions.some((i) => i.connectionIds.length >= 3)).toBe(true);
  });

  it('has unique ids and references only records that exist', () => {
    const { data } = lens(c);
    const all = [...data.connections, ...data.interactions, ...data.checkins, ...data.plans];
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
    const connectionIds = new Set(data.connections.map((x) => x.id));
    const interactions = new Map(data.interactions.map((i) => [i.id, i]));
    for (const x of [...data.interactions, ...data.plans]) {
      for (const id of x.connectionIds) expect(connectionIds.has(id)).toBe(true);
    }
    for (const p of data.plans.filter((x) => x.interactionId !== null)) {
      const done = interactions.get(p.interactionId ?? '');
      expect(done?.startedAt).toBe(p.startsAt);
      expect(done?.connectionIds).toEqual(p.connectionIds);
    }
  });

  it('keeps every record before now, except plans still to come', () => {
    const { data, daysAgo } = lens(c);
    const now = Date.parse(c.now);
    const instants = [
      ...data.connections.flatMap((x) => [x.createdAt, x.updatedAt]),
      ...data.interactions.flatMap((x) => [x.startedAt, x.createdAt, x.updatedAt]),
      ...data.checkins.flatMap((x) => [x.at, x.createdAt, x.updatedAt]),
      ...data.plans.flatMap((x) => [x.createdAt, x.updatedAt]),
      ...data.plans.filter((x) => x.status !== 'planned').map((x) => x.startsAt),
    ];
    expect(instants.filter((t) => new Date(t).toISOString() !== t)).toEqual([]);
    expect(instants.filter((t) => Date.parse(t) > now)).toEqual([]);
    const oldest = data.interactions[0]?.startedAt ?? '';
    expect(daysAgo(oldest)).toBe(DEMO_STORY.days - 1);
    const planned = data.plans.filter((x) => x.status === 'planned');
    expect(planned.length).toBeGreaterThanOrEqual(3);
    expect(planned.length).toBeLessThanOrEqual(5);
    for (const p of planned) {
      expect(daysAgo(p.startsAt)).toBeLessThan(0);
      expect(daysAgo(p.startsAt)).toBeGreaterThanOrEqual(-21);
    }
    expect(data.plans.filter((x) => x.status === 'done').length).toBeGreaterThanOrEqual(3);
    expect(data.plans.filter((x) => x.status === 'cancelled').length).toBeGreaterThanOrEqual(2);
  });

  it('logs interactions when they end, at realistic local times and lengths', () => {
    const { data, withPeople } = lens(c);
    const hour = (i: Interaction) => hourIn(i.startedAt, c.timeZone);
    const odd = (test: (i: Interaction) => boolean) => data.interactions.filter(test);
    const end = (i: Interaction) => Date.parse(i.startedAt) + (i.durationMinutes ?? 0) * 60_000;
    expect(odd((i) => Date.parse(i.createdAt) !== end(i))).toEqual([]);
    const digital = (i: Interaction) => i.channel === 'text' || i.channel === 'social';
    expect(odd((i) => digital(i) && !(i.messageCount && (i.durationMinutes ?? 0) <= 15))).toEqual(
      [],
    );
    expect(odd((i) => !digital(i) && i.messageCount !== null)).toEqual([]);
    const meetings = data.interactions.filter((i) => i.channel === 'in_person' && withPeople(i));
    const minutes = meetings.map((i) => i.durationMinutes ?? 0);
    expect(Math.min(...minutes)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...minutes)).toBeLessThanOrEqual(240);
    // Local times stay right across DST switches: meetings by day, nothing before 6 am.
    expect(meetings.filter((i) => hour(i) < 8 || hour(i) > 20)).toEqual([]);
    expect(odd((i) => hour(i) < 6)).toEqual([]);
    const evenings = data.checkins.map((x) => hourIn(x.at, c.timeZone));
    expect(Math.min(...evenings)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...evenings)).toBeLessThanOrEqual(22);
    const delights = data.interactions.map((i) => i.delight);
    expect(delights.filter((d) => d === null).length).toBeGreaterThan(0);
    const pleasant = delights.filter((d) => d !== null && d >= 3).length;
    expect(pleasant / delights.length).toBeGreaterThan(0.7);
  });

  it('walks the dog in person nearly every day', () => {
    const { data, byName, dayOf } = lens(c);
    const dog = byName(DEMO_STORY.pet.name);
    expect(dog).toMatchObject({ kind: 'pet', ring: 'inner' });
    const petDays = new Set(
      data.interactions
        .filter((i) => i.connectionIds.includes(dog.id) && i.channel === 'in_person')
        .filter((i) => i.kinds.includes('pet_time'))
        .map((i) => dayOf(i.startedAt)),
    );
    expect(petDays.size).toBeGreaterThanOrEqual(300);
  });

  it('has a varied cast over the rings, with one draining tie and dates coming up', () => {
    const { data, today } = lens(c);
    const people = data.connections.filter((x) => x.kind === 'person');
    const ring = (r: string) => data.connections.filter((x) => x.ring === r).length;
    expect(ring('inner')).toBeGreaterThanOrEqual(4);
    expect(ring('inner')).toBeLessThanOrEqual(6);
    expect(ring('close')).toBeGreaterThanOrEqual(7);
    expect(ring('friends')).toBeGreaterThanOrEqual(7);
    expect(ring('wider')).toBeGreaterThanOrEqual(3);
    const custom = data.connections.filter(
      (x) => x.cadenceDays !== DEFAULT_RING_CADENCE_DAYS[x.ring],
    );
    expect(custom.length).toBeGreaterThan(0);
    expect(custom.length).toBeLessThanOrEqual(6);
    for (const x of data.connections) {
      expect(x.sharedJoys.length).toBeGreaterThanOrEqual(2);
      expect(x.sharedJoys.length).toBeLessThanOrEqual(4);
    }
    expect(new Set(data.connections.flatMap((x) => x.sharedJoys)).size).toBeGreaterThan(50);
    expect(data.connections.filter((x) => x.draining).map((x) => x.name)).toEqual([
      DEMO_STORY.draining.name,
    ]);
    const handled = people.filter((x) => x.handles.phones.length + x.handles.emails.length > 0);
    expect(handled.length / people.length).toBeGreaterThan(0.8);
    const birthdays = data.connections.flatMap((x) =>
      x.importantDates.filter((d) => d.kind === 'birthday'),
    );
    expect(birthdays.length / data.connections.length).toBeGreaterThan(0.6);
    expect(birthdays.some((d) => d.year === undefined)).toBe(true);
    expect(data.connections.filter((x) => x.notes !== '').length).toBeGreaterThan(10);

    /** Dates of a kind that fall on one of the 14 days after today. */
    const soon = (kind: string) =>
      data.connections.flatMap((x) =>
        x.importantDates
          .filter((d) => d.kind === kind)
          .filter((d) =>
            Array.from({ length: 14 }, (_, n) => addDays(today, n + 1)).some(
              (date) => Number(date.slice(5, 7)) === d.month && Number(date.slice(8)) === d.day,
            ),
          ),
      );
    expect(soon('birthday').length).toBeGreaterThanOrEqual(1);
    expect(soon('other').length).toBeGreaterThanOrEqual(1);
  });

  it('shows lower stress on and after days with people in person', () => {
    const { calmer, inPersonDays } = lens(c);
    expect(calmer(inPersonDays)).toBeGreaterThanOrEqual(1.0);
    expect(calmer(inPersonDays, -1)).toBeGreaterThanOrEqual(0.75);
  });

  it('shows a close friend drifting away: weekly at first, silent for the last two months', () => {
    const { data, byName, daysAgo } = lens(c);
    const friend = byName(DEMO_STORY.drift.name);
    expect(friend.ring).toBe('close');
    const ages = data.interactions
      .filter((i) => i.connectionIds.includes(friend.id))
      .map((i) => daysAgo(i.startedAt));
    const firstWeeks = new Set(
      ages.filter((a) => a >= DEMO_STORY.days - 84).map((a) => Math.floor(a / 7)),
    );
    expect(firstWeeks.size).toBeGreaterThanOrEqual(9);
    /** Contacts in the q-th quarter of the year, oldest first. */
    const inQuarter = (q: number) =>
      ages.filter((a) => a < DEMO_STORY.days - 91 * q && a >= DEMO_STORY.days - 91 * (q + 1));
    expect(inQuarter(0).length).toBeGreaterThan(inQuarter(2).length);
    expect(inQuarter(2).length).toBeGreaterThan(inQuarter(3).length);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(60);
    expect(Math.min(...ages)).toBeGreaterThan(2 * friend.cadenceDays);
  });

  it('has a lonely stretch: only texts with people and loneliness of 7+ day after day', () => {
    const { data, daysAgo, withPeople, ratings, byName } = lens(c);
    const { startsDaysAgo, days } = DEMO_STORY.lonelyStretch;
    // About four to five months back, three weeks long.
    expect(startsDaysAgo - days).toBeGreaterThanOrEqual(120);
    expect(startsDaysAgo).toBeLessThanOrEqual(155);
    const inStretch = (instant: string) =>
      daysAgo(instant) <= startsDaysAgo && daysAgo(instant) > startsDaysAgo - days;
    const social = data.interactions.filter((i) => inStretch(i.startedAt) && withPeople(i));
    expect(social.length).toBeGreaterThan(5);
    expect(social.every((i) => i.channel === 'text')).toBe(true);
    const dates = ratings.filter((r) => inStretch(r.at));
    let run = 0;
    let longest = 0;
    for (const r of dates) {
      run = r.loneliness >= 7 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeGreaterThanOrEqual(14);
    // One check-in every day of the stretch, so a long run is a run of days.
    expect(new Set(dates.map((r) => r.day)).size).toBe(days);
    const dog = byName(DEMO_STORY.pet.name);
    const walks = data.interactions.filter(
      (i) => inStretch(i.startedAt) && i.connectionIds.includes(dog.id),
    );
    expect(walks.length).toBeGreaterThanOrEqual(days - 5);
  });

  it('ends with screens replacing meetings and no live contact with the inner circle', () => {
    const { data, daysAgo, withPeople, byName } = lens(c);
    const share = (days: number) => {
      const recent = data.interactions.filter((i) => withPeople(i) && daysAgo(i.startedAt) < days);
      const minutes = (xs: Interaction[]) =>
        xs.reduce((sum, i) => sum + (i.durationMinutes ?? 0), 0);
      return minutes(recent.filter((i) => i.channel === 'in_person')) / minutes(recent);
    };
    expect(share(14)).toBeLessThan(share(365) / 2);
    const innerPeople = new Set(
      data.connections.filter((x) => x.ring === 'inner' && x.kind === 'person').map((x) => x.id),
    );
    const innerLive = data.interactions
      .filter((i) => LIVE.has(i.channel) && i.connectionIds.some((id) => innerPeople.has(id)))
      .map((i) => daysAgo(i.startedAt));
    expect(Math.min(...innerLive)).toBe(DEMO_STORY.innerQuiet.lastLiveContactDaysAgo);
    expect(Math.min(...innerLive)).toBeGreaterThanOrEqual(8);
    const dog = byName(DEMO_STORY.pet.name);
    const dogDays = data.interactions.filter(
      (i) => i.connectionIds.includes(dog.id) && daysAgo(i.startedAt) <= 7,
    );
    expect(dogDays.length).toBeGreaterThanOrEqual(5);
  });

  it('has one close person whose days go with clearly calmer days', () => {
    const { data, byName, calmer, contactDays } = lens(c);
    const calming = byName(DEMO_STORY.calming.name);
    expect(['inner', 'close']).toContain(calming.ring);
    expect(calmer(contactDays(calming.id))).toBeGreaterThanOrEqual(1.0);
    const others = data.connections
      .filter((x) => x.kind === 'person' && x.id !== calming.id)
      .filter((x) => x.ring === 'inner' || x.ring === 'close')
      .map((x) => contactDays(x.id))
      .filter((days) => days.size >= 20)
      .map((days) => calmer(days));
    expect(calmer(contactDays(calming.id))).toBeGreaterThan(Math.max(...others));
  });

  it('draws plan titles from shared joys', () => {
    const { data } = lens(c);
    const joysOf = new Map(data.connections.map((x) => [x.id, x.sharedJoys]));
    for (const p of data.plans) {
      const joys = p.connectionIds.flatMap((id) => joysOf.get(id) ?? []);
      const title = p.title.toLowerCase();
      expect(joys.some((j) => title.includes(j.toLowerCase().split(' ')[0] ?? j))).toBe(true);
    }
  });
});
