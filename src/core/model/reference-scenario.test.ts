import { describe, expect, it } from 'vitest';
import { explainDay } from './explain.js';
import { makeConnection, makeInteraction, uuid } from './fixtures.js';
import { computeDailyStates } from './states.js';
import type { ModelInput } from './types.js';

/*
 * The fortnight worked by hand in docs/model.md, "Reference scenario".
 * Expected values are the rounded numbers of that section (2 decimals); the
 * arithmetic is shown there step by step and was re-checked with a separate
 * Python implementation of the same formulas (not the TypeScript code).
 * All times are local to Europe/Berlin (UTC+1 in February).
 */

const ana = makeConnection({
  id: uuid(1),
  name: 'Ana',
  ring: 'inner',
  cadenceDays: 7,
  sharedJoys: ['climbing', 'ramen'],
});
const ben = makeConnection({ id: uuid(2), name: 'Ben', ring: 'close', cadenceDays: 30 });
const rex = makeConnection({
  id: uuid(3),
  name: 'Rex',
  kind: 'pet',
  ring: 'inner',
  cadenceDays: 1,
});
const cleo = makeConnection({ id: uuid(4), name: 'Cleo', ring: 'friends', cadenceDays: 180 });

const interactions = [
  makeInteraction({
    id: uuid(101),
    startedAt: '2026-02-02T19:00:00+01:00',
    connectionIds: [ana.id],
    durationMinutes: 60,
    delight: 4,
  }),
  makeInteraction({
    id: uuid(102),
    startedAt: '2026-02-03T12:00:00+01:00',
    connectionIds: [ben.id],
    channel: 'text',
    messageCount: 10,
  }),
  makeInteraction({
    id: uuid(103),
    startedAt: '2026-02-04T18:00:00+01:00',
    connectionIds: [cleo.id],
    channel: 'voice',
    durationMinutes: 30,
    delight: 3,
  }),
  makeInteraction({
    id: uuid(104),
    startedAt: '2026-02-06T20:00:00+01:00',
    connectionIds: [ana.id, ben.id],
    durationMinutes: 120,
    kinds: ['shared_meal'],
    delight: 5,
  }),
  makeInteraction({
    id: uuid(105),
    startedAt: '2026-02-07T09:00:00+01:00',
    connectionIds: [rex.id],
    durationMinutes: 30,
    kinds: ['pet_time'],
    delight: 4,
  }),
  makeInteraction({
    id: uuid(106),
    startedAt: '2026-02-12T21:00:00+01:00',
    connectionIds: [ben.id],
    channel: 'video',
    durationMinutes: 45,
    kinds: ['support_received'],
  }),
  makeInteraction({
    id: uuid(107),
    startedAt: '2026-02-13T23:30:00+01:00',
    connectionIds: [cleo.id],
    durationMinutes: 90,
    delight: 3,
  }),
  makeInteraction({
    id: uuid(108),
    startedAt: '2026-02-14T15:00:00+01:00',
    connectionIds: [ana.id],
    channel: 'text',
    durationMinutes: 20,
    delight: 4,
  }),
];

const input: ModelInput = {
  interactions,
  connections: [ana, ben, rex, cleo],
  timeZone: 'Europe/Berlin',
  trackingStart: '2026-02-02',
};

// date, everyday, deep bond, isolation load — docs/model.md table R3.
const expected: [string, number, number, number][] = [
  ['2026-02-02', 45.45, 45.45, 0.0],
  ['2026-02-03', 38.7, 43.26, 7.93],
  ['2026-02-04', 46.71, 41.17, 10.45],
  ['2026-02-05', 37.07, 39.18, 17.61],
  ['2026-02-06', 67.92, 37.29, 7.05],
  ['2026-02-07', 71.64, 60.3, 8.65],
  ['2026-02-08', 56.86, 57.39, 15.96],
  ['2026-02-09', 45.13, 54.61, 22.68],
  ['2026-02-10', 35.82, 51.98, 28.87],
  ['2026-02-11', 28.43, 49.47, 34.56],
  ['2026-02-12', 45.47, 62.73, 26.81],
  ['2026-02-13', 57.39, 59.7, 10.72],
  ['2026-02-14', 70.03, 56.82, 4.29],
  ['2026-02-15', 55.58, 54.07, 11.95],
];

describe('reference scenario (docs/model.md)', () => {
  const states = computeDailyStates(input, { from: '2026-02-02', to: '2026-02-15' });

  it.each(expected)('on %s, the states match the hand-worked values', (date, e, d, i) => {
    const s = states.find((x) => x.date === date);
    expect(s).toBeDefined();
    expect(s?.everyday).toBeCloseTo(e, 2);
    expect(s?.deepBond).toBeCloseTo(d, 2);
    expect(s?.isolationLoad).toBeCloseTo(i, 2);
  });

  it('on the last day, the technology balance matches the hand-worked shares', () => {
    const last = states.at(-1);
    // 7 days (02-09..02-15): in person 30 + 60 (Cleo, split at midnight); digital 45 + 20.
    expect(last?.technologyBalance.last7.inPersonMinutes).toBeCloseTo(90, 9);
    expect(last?.technologyBalance.last7.digitalMinutes).toBeCloseTo(65, 9);
    expect(last?.technologyBalance.last7.inPersonShare).toBeCloseTo(90 / 155, 9);
    // 30 days: in person 60 + 120 + 90 = 270; digital 5 + 30 + 45 + 20 = 100; Rex is not social time.
    expect(last?.technologyBalance.last30.inPersonShare).toBeCloseTo(270 / 370, 9);
  });

  it('on 2026-02-14, everyday connection is explained by Cleo’s late visit and Ana’s messages', () => {
    const why = explainDay(input, '2026-02-14');
    const ids = why.everyday.contributors.map((c) => c.interactionId);
    expect(ids[0]).toBe(uuid(107));
    const total = why.everyday.contributors.reduce((sum, c) => sum + c.contribution, 0);
    // Five contributors cover almost all of the value; the rest is older, faded contact.
    expect(total).toBeLessThanOrEqual(70.03 + 0.01);
    expect(total).toBeGreaterThan(60);
  });
});
