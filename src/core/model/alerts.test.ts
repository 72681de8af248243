import { describe, expect, it } from 'vitest';
import { addDays } from '../time.js';
import { type AlertNudge, computeAlerts } from './alerts.js';
import { makeCheckIn, makeConnection, makeInteraction } from './fixtures.js';
import { resolveModelParams } from './params.js';
import type { ModelCheckIn, ModelInput, ModelInteraction } from './types.js';

const TODAY = '2026-05-20';
const ana = makeConnection({
  name: 'Ana',
  ring: 'inner',
  cadenceDays: 7,
  sharedJoys: ['climbing'],
});
const dora = makeConnection({ name: 'Dora', ring: 'inner', cadenceDays: 7, draining: true });
const ben = makeConnection({ name: 'Ben', ring: 'close', cadenceDays: 30 });
const rex = makeConnection({ name: 'Rex', ring: 'inner', kind: 'pet', cadenceDays: 1 });

function input(
  interactions: ModelInteraction[],
  checkIns: ModelCheckIn[] = [],
  extra: Partial<ModelInput> = {},
): ModelInput {
  return {
    interactions,
    checkIns,
    connections: [ana, dora, ben, rex],
    timeZone: 'Europe/Berlin',
    trackingStart: '2026-01-01',
    ...extra,
  };
}

/** Noon local on the day `daysAgo` before TODAY. */
const at = (daysAgo: number) => `${addDays(TODAY, -daysAgo)}T12:00:00+02:00`;

/** Weekly in-person meetings with Ben keep the strong alert away in most tests. */
const weeklyMeetings = Array.from({ length: 12 }, (_, k) =>
  makeInteraction({ startedAt: at(10 + 7 * k), connectionIds: [ben.id], durationMinutes: 60 }),
);

const kinds = (alerts: AlertNudge[]) => alerts.map((a) => a.alert);

describe('isolation alerts', () => {
  it('when there has been no call, video or visit with the inner circle for 7 days, a gentle alert appears', () => {
    const call = makeInteraction({
      startedAt: at(7),
      connectionIds: [ana.id],
      channel: 'voice',
      durationMinutes: 20,
    });
    const alerts = computeAlerts(input([...weeklyMeetings, call]), TODAY);
    expect(kinds(alerts)).toEqual(['isolation-gentle']);
    expect(alerts[0]?.key).toBe('alert:isolation-gentle');
    expect(alerts[0]?.strength).toBe('gentle');
  });

  it('when the inner circle was called 6 days ago, there is no gentle alert', () => {
    const call = makeInteraction({
      startedAt: at(6),
      connectionIds: [ana.id],
      channel: 'voice',
      durationMinutes: 20,
    });
    expect(computeAlerts(input([...weeklyMeetings, call]), TODAY)).toEqual([]);
  });

  it('when the inner circle only got text messages, the gentle alert still appears', () => {
    const texts = [0, 1, 2, 3].map((d) =>
      makeInteraction({ startedAt: at(d), connectionIds: [ana.id], channel: 'text' }),
    );
    expect(kinds(computeAlerts(input([...weeklyMeetings, ...texts]), TODAY))).toContain(
      'isolation-gentle',
    );
  });

  it('when time with an inner-ring pet is the only live contact, the gentle alert still appears', () => {
    const walks = [0, 1, 2].map((d) =>
      makeInteraction({ startedAt: at(d), connectionIds: [rex.id], kinds: ['pet_time'] }),
    );
    expect(kinds(computeAlerts(input([...weeklyMeetings, ...walks]), TODAY))).toContain(
      'isolation-gentle',
    );
  });

  it('when tracking began fewer than 7 days ago, no gentle alert is raised yet', () => {
    expect(computeAlerts(input([], [], { trackingStart: addDays(TODAY, -5) }), TODAY)).toEqual([]);
  });

  it('when the alert names someone, it is a non-draining inner-ring person, with a shared joy', () => {
    const [alert] = computeAlerts(input(weeklyMeetings), TODAY);
    expect(alert?.suggestedConnectionId).toBe(ana.id);
    expect(alert?.suggestion).toContain('Ana');
    expect(alert?.suggestion).toContain('climbing');
    expect(alert?.suggestion).not.toContain('Dora');
  });

  it('when in-person contact has been below monthly for 60 days, a strong alert replaces the gentle one', () => {
    const onlyOnce = makeInteraction({
      startedAt: at(40),
      connectionIds: [ben.id],
      durationMinutes: 60,
    });
    const alerts = computeAlerts(input([onlyOnce]), TODAY);
    expect(kinds(alerts)).toEqual(['isolation-strong']);
    expect(alerts[0]?.message).toContain('1 of the last 60 days');
    expect(alerts[0]?.sources.join(' ')).toContain('Teo');
    expect(alerts[0]?.help).toMatch(/professional/);
  });

  it('when in-person contact happened twice in 60 days, the strong alert stays away', () => {
    const twice = [20, 50].map((d) =>
      makeInteraction({ startedAt: at(d), connectionIds: [ben.id], durationMinutes: 60 }),
    );
    expect(kinds(computeAlerts(input(twice), TODAY))).toEqual(['isolation-gentle']);
  });

  it('when loneliness was rated 7 or more on two check-ins in a row, a strong alert appears', () => {
    const checkIns = [
      makeCheckIn({ at: at(3), stress: 5, loneliness: 8 }),
      makeCheckIn({ at: at(1), stress: 5, loneliness: 7 }),
    ];
    const anaCall = makeInteraction({
      startedAt: at(1),
      connectionIds: [ana.id],
      channel: 'voice',
    });
    const alerts = computeAlerts(input([...weeklyMeetings, anaCall], checkIns), TODAY);
    expect(kinds(alerts)).toEqual(['isolation-strong']);
    expect(alerts[0]?.message).toContain('8 and 7 out of 10');
  });

  it('when only one of the last two check-ins was lonely, there is no strong alert', () => {
    const checkIns = [
      makeCheckIn({ at: at(5), stress: 5, loneliness: 9 }),
      makeCheckIn({ at: at(3), stress: 5, loneliness: 9 }),
      makeCheckIn({ at: at(1), stress: 5, loneliness: 4 }),
    ];
    const call = makeInteraction({ startedAt: at(1), connectionIds: [ana.id], channel: 'voice' });
    expect(computeAlerts(input([...weeklyMeetings, call], checkIns), TODAY)).toEqual([]);
  });

  it('when the lonely check-ins are older than four weeks, they raise no alert', () => {
    const checkIns = [
      makeCheckIn({ at: at(40), stress: 5, loneliness: 9 }),
      makeCheckIn({ at: at(30), stress: 5, loneliness: 9 }),
    ];
    const call = makeInteraction({ startedAt: at(1), connectionIds: [ana.id], channel: 'voice' });
    expect(computeAlerts(input([...weeklyMeetings, call], checkIns), TODAY)).toEqual([]);
  });

  it('when the user raises the loneliness threshold, the same check-ins no longer alert', () => {
    const checkIns = [
      makeCheckIn({ at: at(3), stress: 5, loneliness: 8 }),
      makeCheckIn({ at: at(1), stress: 5, loneliness: 8 }),
    ];
    const call = makeInteraction({ startedAt: at(1), connectionIds: [ana.id], channel: 'voice' });
    const params = resolveModelParams({ lonelinessAlertThreshold: 9 });
    expect(computeAlerts(input([...weeklyMeetings, call], checkIns, { params }), TODAY)).toEqual(
      [],
    );
  });
});

describe('technology-balance alert', () => {
  const call = makeInteraction({ startedAt: at(1), connectionIds: [ana.id], channel: 'voice' });

  it('when digital contact has been replacing meeting up, the balance alert appears', () => {
    const chats = Array.from({ length: 20 }, (_, d) =>
      makeInteraction({
        startedAt: at(d),
        connectionIds: [ben.id],
        channel: 'video',
        durationMinutes: 30,
      }),
    );
    const alerts = computeAlerts(input([...weeklyMeetings, call, ...chats]), TODAY);
    expect(kinds(alerts)).toEqual(['technology-balance']);
    expect(alerts[0]?.message).toMatch(/\d+% of your time with people was face to face/);
  });

  it('when digital contact is light, no balance alert appears even if meetings are rare', () => {
    const few = [makeInteraction({ startedAt: at(2), connectionIds: [ben.id], channel: 'text' })];
    expect(kinds(computeAlerts(input([...weeklyMeetings, call, ...few]), TODAY))).toEqual([]);
  });
});

describe('alert wording', () => {
  it('when any alert is shown, it makes no claim about brain chemistry', () => {
    const checkIns = [
      makeCheckIn({ at: at(3), stress: 5, loneliness: 9 }),
      makeCheckIn({ at: at(1), stress: 5, loneliness: 9 }),
    ];
    const chats = Array.from({ length: 20 }, (_, d) =>
      makeInteraction({ startedAt: at(d), connectionIds: [ben.id], channel: 'video' }),
    );
    const alerts = computeAlerts(input(chats, checkIns), TODAY);
    expect(alerts.length).toBe(2);
    for (const a of alerts) {
      const text = `${a.title} ${a.message} ${a.suggestion}`;
      expect(text).not.toMatch(/serotonin|oxytocin|tachykinin|hormone|brain|chemical|cortisol/i);
      expect(a.suggestion.length).toBeGreaterThan(10);
    }
  });
});
