import { describe, expect, it } from 'vitest';
import { addDays } from '../time.js';
import { makeConnection, makeInteraction } from './fixtures.js';
import { DEFAULT_MODEL_PARAMS, resolveModelParams } from './params.js';
import { segmentsOf } from './segments.js';
import { computeDailyStates, computeDayState, type DailyState } from './states.js';
import type { ModelInput, ModelInteraction } from './types.js';
import { historyStart, historyWindowDays } from './window.js';

const ana = makeConnection({ name: 'Ana', ring: 'inner', cadenceDays: 7 });
const cleo = makeConnection({ name: 'Cleo', ring: 'friends' });
const rex = makeConnection({ name: 'Rex', kind: 'pet', ring: 'inner' });
const connections = [ana, cleo, rex];

function input(interactions: ModelInteraction[], extra: Partial<ModelInput> = {}): ModelInput {
  return {
    interactions,
    connections,
    timeZone: 'Europe/Berlin',
    trackingStart: '2026-01-01',
    ...extra,
  };
}

function byDate(states: DailyState[], date: string): DailyState {
  const s = states.find((x) => x.date === date);
  if (!s) throw new Error(`no state for ${date}`);
  return s;
}

describe('daily states', () => {
  it('when nothing is logged, everyday and deep bond stay at zero and isolation builds day by day', () => {
    const states = computeDailyStates(input([]), { from: '2026-01-01', to: '2026-01-10' });
    expect(states).toHaveLength(10);
    for (const [k, s] of states.entries()) {
      expect(s.everyday).toBe(0);
      expect(s.deepBond).toBe(0);
      expect(s.isolationLoad).toBeCloseTo(100 * (1 - 0.92 ** (k + 1)), 10);
      expect(s.technologyBalance.last7.inPersonShare).toBeNull();
    }
  });

  it('when a day is before tracking started, it is marked untracked and reads zero', () => {
    const [s] = computeDailyStates(input([]), { from: '2025-12-31', to: '2025-12-31' });
    expect(s?.tracked).toBe(false);
    expect(s?.isolationLoad).toBe(0);
  });

  it('when the same contact happens in person instead of by text, everyday connection rises more', () => {
    const at = '2026-01-05T18:00:00+01:00';
    const meet = computeDayState(
      input([makeInteraction({ startedAt: at, connectionIds: [cleo.id], durationMinutes: 60 })]),
      '2026-01-05',
    );
    const text = computeDayState(
      input([
        makeInteraction({
          startedAt: at,
          connectionIds: [cleo.id],
          durationMinutes: 60,
          channel: 'text',
        }),
      ]),
      '2026-01-05',
    );
    expect(meet.everyday).toBeGreaterThan(text.everyday);
    // Text is weighted low, never zero (SCIENCE.md rule 3).
    expect(text.everyday).toBeGreaterThan(0);
  });

  it('when contact is longer, it counts for more, but with diminishing returns', () => {
    const at = (m: number) =>
      computeDayState(
        input([
          makeInteraction({
            startedAt: '2026-01-05T10:00:00+01:00',
            connectionIds: [cleo.id],
            durationMinutes: m,
          }),
        ]),
        '2026-01-05',
      ).everyday;
    expect(at(60)).toBeGreaterThan(at(30));
    expect(at(60) - at(30)).toBeGreaterThan(at(600) - at(570));
  });

  it('when casual contact is logged, deep bond does not move; a hug does', () => {
    const casual = makeInteraction({
      startedAt: '2026-01-05T10:00:00+01:00',
      connectionIds: [ana.id, cleo.id],
      durationMinutes: 120,
    });
    const hug = makeInteraction({
      startedAt: '2026-01-05T10:00:00+01:00',
      connectionIds: [cleo.id],
      durationMinutes: 5,
      kinds: ['physical_affection'],
    });
    expect(computeDayState(input([casual]), '2026-01-05').deepBond).toBe(0);
    expect(computeDayState(input([hug]), '2026-01-05').deepBond).toBeGreaterThan(0);
  });

  it('when time is one-to-one and live with an inner-ring person, it counts as a deep moment', () => {
    const call = makeInteraction({
      startedAt: '2026-01-05T10:00:00+01:00',
      connectionIds: [ana.id],
      channel: 'voice',
      durationMinutes: 30,
    });
    const withFriend = { ...call, connectionIds: [cleo.id] };
    expect(computeDayState(input([call]), '2026-01-05').deepBond).toBeGreaterThan(0);
    expect(computeDayState(input([withFriend]), '2026-01-05').deepBond).toBe(0);
  });

  it('when contact stops, everyday connection halves in its half-life and deep bond more slowly', () => {
    const hug = makeInteraction({
      startedAt: '2026-01-05T10:00:00+01:00',
      connectionIds: [ana.id],
      durationMinutes: 60,
      kinds: ['physical_affection'],
    });
    const states = computeDailyStates(input([hug]), { from: '2026-01-05', to: '2026-01-19' });
    const start = byDate(states, '2026-01-05');
    expect(byDate(states, '2026-01-08').everyday).toBeCloseTo(start.everyday / 2, 10);
    expect(byDate(states, '2026-01-19').deepBond).toBeCloseTo(start.deepBond / 2, 10);
  });

  it('when people meet in person, isolation load falls; a message barely slows its growth', () => {
    const quiet = computeDailyStates(input([]), { from: '2026-01-01', to: '2026-01-10' });
    const meet = makeInteraction({
      startedAt: '2026-01-10T12:00:00+01:00',
      connectionIds: [cleo.id],
      durationMinutes: 60,
    });
    const text = { ...meet, id: 'x', channel: 'text' as const };
    const afterMeet = computeDayState(input([meet]), '2026-01-10');
    const afterText = computeDayState(input([text]), '2026-01-10');
    const before = byDate(quiet, '2026-01-09').isolationLoad;
    expect(afterMeet.isolationLoad).toBeLessThan(before * 0.5);
    expect(afterText.isolationLoad).toBeGreaterThan(before);
    expect(afterText.isolationLoad).toBeLessThan(byDate(quiet, '2026-01-10').isolationLoad);
  });

  it('when time is spent with a pet only, it is deep-bond time but not social time for the balance', () => {
    const walk = makeInteraction({
      startedAt: '2026-01-05T08:00:00+01:00',
      connectionIds: [rex.id],
      durationMinutes: 45,
      kinds: ['pet_time'],
    });
    const s = computeDayState(input([walk]), '2026-01-05');
    expect(s.deepBond).toBeGreaterThan(0);
    expect(s.technologyBalance.last7.inPersonShare).toBeNull();
  });

  it('when a duration is unknown, the per-channel default is used; messages count a little each', () => {
    const p = DEFAULT_MODEL_PARAMS;
    const [meet] = segmentsOf(
      makeInteraction({ startedAt: '2026-01-05T08:00:00Z', connectionIds: [cleo.id] }),
      'UTC',
      p,
    );
    const [chat] = segmentsOf(
      makeInteraction({
        startedAt: '2026-01-05T08:00:00Z',
        connectionIds: [cleo.id],
        channel: 'text',
        messageCount: 40,
      }),
      'UTC',
      p,
    );
    expect(meet?.minutes).toBe(60);
    expect(chat?.minutes).toBe(20);
  });

  it('when the technology balance is computed, it is the in-person share of minutes with people', () => {
    const list = [
      makeInteraction({
        startedAt: '2026-01-05T08:00:00+01:00',
        connectionIds: [cleo.id],
        durationMinutes: 30,
      }),
      makeInteraction({
        startedAt: '2026-01-06T08:00:00+01:00',
        connectionIds: [ana.id],
        channel: 'video',
        durationMinutes: 90,
      }),
    ];
    const s = computeDayState(input(list), '2026-01-07');
    expect(s.technologyBalance.last7.inPersonShare).toBeCloseTo(0.25, 12);
    expect(s.socialMinutesByChannel.in_person).toBe(0);
    const s13 = computeDayState(input(list), '2026-01-12');
    expect(s13.technologyBalance.last7.inPersonShare).toBeCloseTo(0, 12);
    expect(computeDayState(input(list), '2026-01-13').technologyBalance.last7.inPersonShare).toBe(
      null,
    );
    expect(
      computeDayState(input(list), '2026-01-13').technologyBalance.last30.inPersonShare,
    ).toBeCloseTo(0.25, 12);
  });

  it('when parameters change, the states are recomputed from the same log', () => {
    const hug = makeInteraction({
      startedAt: '2026-01-05T10:00:00+01:00',
      connectionIds: [ana.id],
      durationMinutes: 60,
    });
    const slow = resolveModelParams({ everydayHalfLifeDays: 6 });
    const a = computeDayState(input([hug]), '2026-01-11');
    const b = computeDayState(input([hug], { params: slow }), '2026-01-11');
    const a2 = computeDayState(input([hug]), '2026-01-11');
    expect(b.everyday).toBeGreaterThan(a.everyday);
    expect(a2).toEqual(a);
  });

  it('when the range ends before it starts, it is refused', () => {
    expect(() => computeDailyStates(input([]), { from: '2026-01-02', to: '2026-01-01' })).toThrow(
      RangeError,
    );
  });
});

describe('daily states across time zones and DST', () => {
  const lateMeal = makeInteraction({
    startedAt: '2026-06-30T23:30:00Z',
    connectionIds: [cleo.id],
    durationMinutes: 20,
  });

  it('when the same instant is seen from Berlin and New York, it lands on each zone’s local day', () => {
    const berlin = computeDailyStates(input([lateMeal]), { from: '2026-06-30', to: '2026-07-01' });
    const ny = computeDailyStates(input([lateMeal], { timeZone: 'America/New_York' }), {
      from: '2026-06-30',
      to: '2026-07-01',
    });
    expect(byDate(berlin, '2026-06-30').socialMinutesByChannel.in_person).toBe(0);
    expect(byDate(berlin, '2026-07-01').socialMinutesByChannel.in_person).toBe(20);
    expect(byDate(ny, '2026-06-30').socialMinutesByChannel.in_person).toBe(20);
    expect(byDate(ny, '2026-07-01').socialMinutesByChannel.in_person).toBe(0);
  });

  it('when the user changes time zone, all states are recomputed in the new zone', () => {
    const log = [
      lateMeal,
      makeInteraction({
        startedAt: '2026-07-03T03:00:00Z',
        connectionIds: [ana.id],
        kinds: ['physical_affection'],
        durationMinutes: 30,
      }),
    ];
    const range = { from: '2026-06-25', to: '2026-07-05' };
    const berlin = computeDailyStates(input(log), range);
    const ny = computeDailyStates(input(log, { timeZone: 'America/New_York' }), range);
    // In New York the hug is on 2 July (23:00 local), in Berlin on 3 July.
    expect(byDate(ny, '2026-07-02').deepBond).toBeGreaterThan(0);
    expect(byDate(berlin, '2026-07-02').deepBond).toBe(0);
    expect(byDate(berlin, '2026-07-03').deepBond).toBeGreaterThan(0);
    // Same log, same rules: in New York the hug is a day older, so one more day of decay.
    const decay = 0.5 ** (1 / DEFAULT_MODEL_PARAMS.deepHalfLifeDays);
    expect(byDate(ny, '2026-07-05').deepBond).toBeCloseTo(
      byDate(berlin, '2026-07-05').deepBond * decay,
      9,
    );
  });

  it('when an interaction crosses midnight, its minutes are split over both local days', () => {
    const dinner = makeInteraction({
      startedAt: '2026-02-13T22:00:00+01:00',
      connectionIds: [cleo.id],
      durationMinutes: 180,
    });
    const s = computeDailyStates(input([dinner]), { from: '2026-02-13', to: '2026-02-14' });
    expect(byDate(s, '2026-02-13').socialMinutesByChannel.in_person).toBe(120);
    expect(byDate(s, '2026-02-14').socialMinutesByChannel.in_person).toBe(60);
  });

  it('when an unknown duration starts late in the evening, it stays on its start day', () => {
    const late = makeInteraction({
      startedAt: '2026-02-13T23:50:00+01:00',
      connectionIds: [cleo.id],
    });
    const s = computeDailyStates(input([late]), { from: '2026-02-13', to: '2026-02-14' });
    expect(byDate(s, '2026-02-13').socialMinutesByChannel.in_person).toBe(60);
    expect(byDate(s, '2026-02-14').socialMinutesByChannel.in_person).toBe(0);
  });

  it.each([
    ['Europe/Berlin', '2026-03-28T22:00:00+01:00', ['2026-03-28', 120], ['2026-03-29', 1380]],
    ['Europe/Berlin', '2026-10-24T22:00:00+02:00', ['2026-10-24', 120], ['2026-10-25', 1500]],
    ['America/New_York', '2026-03-07T22:00:00-05:00', ['2026-03-07', 120], ['2026-03-08', 1380]],
    ['America/New_York', '2026-10-31T22:00:00-04:00', ['2026-10-31', 120], ['2026-11-01', 1500]],
  ] as const)(
    'when a 30-hour stay spans a DST change in %s, the short or long day gets its true minutes',
    (timeZone, startedAt, [d1, m1], [d2, m2]) => {
      const stay = makeInteraction({
        startedAt,
        connectionIds: [cleo.id],
        durationMinutes: 1800,
      });
      const s = computeDailyStates(input([stay], { timeZone, trackingStart: '2026-01-01' }), {
        from: d1,
        to: addDays(d2, 1),
      });
      expect(byDate(s, d1).socialMinutesByChannel.in_person).toBeCloseTo(m1, 9);
      expect(byDate(s, d2).socialMinutesByChannel.in_person).toBeCloseTo(m2, 9);
      expect(byDate(s, addDays(d2, 1)).socialMinutesByChannel.in_person).toBeCloseTo(
        1800 - m1 - m2,
        9,
      );
    },
  );

  it('when an interaction starts at local 00:30 on a DST day, it counts on that day', () => {
    const early = makeInteraction({
      startedAt: '2026-03-29T00:30:00+01:00',
      connectionIds: [cleo.id],
      durationMinutes: 10,
    });
    const s = computeDailyStates(input([early]), { from: '2026-03-28', to: '2026-03-29' });
    expect(byDate(s, '2026-03-29').socialMinutesByChannel.in_person).toBe(10);
  });
});

describe('cost', () => {
  function yearOfLog(): ModelInteraction[] {
    const channels = ['in_person', 'video', 'voice', 'text', 'social'] as const;
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    return Array.from({ length: 1500 }, () =>
      makeInteraction({
        startedAt: new Date(Date.UTC(2025, 0, 1) + rnd() * 365 * 86_400_000).toISOString(),
        connectionIds: [connections[Math.floor(rnd() * 3)]?.id ?? ana.id],
        channel: channels[Math.floor(rnd() * 5)] ?? 'text',
        durationMinutes: rnd() < 0.5 ? null : Math.floor(rnd() * 240),
        delight: rnd() < 0.5 ? null : 1 + Math.floor(rnd() * 5),
      }),
    );
  }

  it('when computing a year of states from ~1,500 interactions, it takes milliseconds', () => {
    const log = input(yearOfLog(), { trackingStart: '2025-01-01' });
    const range = { from: '2025-01-01', to: '2025-12-31' };
    // Warm up the JIT and the zone memo first: the cost that matters is the steady state.
    for (let k = 0; k < 10; k++) computeDailyStates(log, range);
    const runs = 10;
    const started = performance.now();
    for (let k = 0; k < runs; k++) computeDailyStates(log, range);
    const perRun = (performance.now() - started) / runs;
    // Typically ~2 ms on a laptop; the bound is loose so that slow CI machines pass.
    expect(perRun).toBeLessThan(50);
  });

  it('when the history grows, the window needed for today does not', () => {
    expect(historyWindowDays(DEFAULT_MODEL_PARAMS)).toBe(115);
    expect(historyStart('2026-06-01', DEFAULT_MODEL_PARAMS)).toBe('2026-02-06');
    // Slower forgetting needs a longer, but still bounded, window.
    expect(historyWindowDays(resolveModelParams({ deepHalfLifeDays: 60 }))).toBe(466);
  });
});
