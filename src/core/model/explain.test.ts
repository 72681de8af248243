import { describe, expect, it } from 'vitest';
import { explainDay } from './explain.js';
import { makeConnection, makeInteraction } from './fixtures.js';
import { computeDayState } from './states.js';
import type { ModelInput } from './types.js';

const ana = makeConnection({ name: 'Ana', ring: 'inner' });
const ben = makeConnection({ name: 'Ben', ring: 'close' });

const meet = makeInteraction({
  startedAt: '2026-04-01T18:00:00+02:00',
  connectionIds: [ben.id],
  durationMinutes: 90,
});
const hug = makeInteraction({
  startedAt: '2026-04-02T09:00:00+02:00',
  connectionIds: [ana.id],
  durationMinutes: 10,
  kinds: ['physical_affection'],
});
const chat = makeInteraction({
  startedAt: '2026-04-03T20:00:00+02:00',
  connectionIds: [ana.id, ben.id],
  channel: 'text',
  messageCount: 30,
});

const input: ModelInput = {
  interactions: [meet, hug, chat],
  connections: [ana, ben],
  timeZone: 'Europe/Berlin',
  trackingStart: '2026-03-20',
};

describe('explainDay', () => {
  it('when asked why, everyday connection is the sum of what each interaction still adds', () => {
    const why = explainDay(input, '2026-04-04', { limit: 10 });
    const state = computeDayState(input, '2026-04-04');
    const total = why.everyday.contributors.reduce((s, c) => s + c.contribution, 0);
    expect(total).toBeCloseTo(state.everyday, 9);
    expect(why.everyday.value).toBe(state.everyday);
    expect(why.everyday.contributors.map((c) => c.interactionId)).toEqual([
      meet.id,
      hug.id,
      chat.id,
    ]);
  });

  it('when asked about deep bond, only the deep moment is listed', () => {
    const why = explainDay(input, '2026-04-04');
    expect(why.deepBond.contributors.map((c) => c.interactionId)).toEqual([hug.id]);
    expect(why.deepBond.rule).toMatch(/casual contact does not move this one/);
  });

  it('when asked about isolation load, meeting in person shows as the largest easing', () => {
    const why = explainDay(input, '2026-04-03');
    const [first] = why.isolationLoad.contributors;
    expect(first?.interactionId).toBe(meet.id);
    for (const c of why.isolationLoad.contributors) expect(c.contribution).toBeLessThan(0);
    expect(why.isolationLoad.rule).toMatch(/Calls, video or messages/);
  });

  it('when nothing happened on the day, each rule says what decayed and why', () => {
    const why = explainDay(input, '2026-04-10');
    expect(why.everyday.rule).toMatch(/^No contact logged today/);
    expect(why.isolationLoad.rule).toMatch(/No live contact today/);
    expect(why.isolationLoad.rule).toMatch(/mouse research/);
    expect(why.everyday.previous).not.toBeNull();
    expect(why.everyday.value).toBeLessThan(why.everyday.previous ?? 0);
  });

  it('when asked about technology balance, in-person minutes count up and digital minutes down', () => {
    const why = explainDay(input, '2026-04-04');
    const byId = new Map(why.technologyBalance.contributors.map((c) => [c.interactionId, c]));
    expect(byId.get(meet.id)?.contribution).toBe(90);
    expect(byId.get(chat.id)?.contribution).toBe(-15);
    expect(why.technologyBalance.unit).toBe('minutes');
    expect(why.technologyBalance.rule).toMatch(/of 115 minutes with people/);
  });

  it('when the day is before tracking started, it says nothing is known', () => {
    const why = explainDay(input, '2026-03-01');
    expect(why.tracked).toBe(false);
    expect(why.everyday.contributors).toEqual([]);
    expect(why.everyday.rule).toMatch(/Before tracking started/);
  });
});
