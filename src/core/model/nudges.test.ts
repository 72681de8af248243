import { describe, expect, it } from 'vitest';
import { addDays } from '../time.js';
import type { AlertNudge } from './alerts.js';
import type { DateNudge } from './dates.js';
import { makeConnection, makeInteraction } from './fixtures.js';
import { computeToday, filterNudges, type NudgeDecision } from './nudges.js';
import { DEFAULT_MODEL_PARAMS, resolveModelParams } from './params.js';
import type { ReachOutNudge } from './reach-out.js';
import type { ModelInput } from './types.js';

const TODAY = '2026-05-20';

const reachOut = (lastContact: string | null, cadenceDays = 7): ReachOutNudge => ({
  type: 'reach-out',
  key: 'reach-out:ana',
  connectionId: 'ana',
  name: 'Ana',
  ring: 'inner',
  connectionKind: 'person',
  lastContact,
  daysSinceContact: 10,
  cadenceDays,
  overdueRatio: 10 / cadenceDays,
  score: 1,
  channel: 'in_person',
  kind: 'conversation',
  activity: null,
  text: '',
});

const alert: AlertNudge = {
  type: 'alert',
  key: 'alert:isolation-gentle',
  alert: 'isolation-gentle',
  strength: 'gentle',
  title: '',
  message: '',
  suggestion: '',
  suggestedConnectionId: null,
  sources: [],
  help: null,
};

const birthday = (year: number): DateNudge => ({
  type: 'date',
  key: `date:ana:05-23:${year}`,
  connectionId: 'ana',
  name: 'Ana',
  dateKind: 'birthday',
  label: null,
  date: `${year}-05-23`,
  daysUntil: 3,
  years: null,
  text: '',
});

const decide = (
  key: string,
  action: NudgeDecision['action'],
  decidedOn: string,
  until?: string,
): NudgeDecision => ({ key, action, decidedOn, until: until ?? null });

const visible = (n: Parameters<typeof filterNudges>[0][number], d: NudgeDecision[], on = TODAY) =>
  filterNudges([n], d, on, DEFAULT_MODEL_PARAMS).length === 1;

describe('nudge decisions', () => {
  it('when a nudge is snoozed, it is hidden until the given day and shows again on it', () => {
    const d = [decide('reach-out:ana', 'snoozed', '2026-05-18', '2026-05-21')];
    expect(visible(reachOut('2026-05-10'), d, '2026-05-20')).toBe(false);
    expect(visible(reachOut('2026-05-10'), d, '2026-05-21')).toBe(true);
  });

  it('when a snooze has no end day, it lasts until tomorrow', () => {
    const d = [decide('alert:isolation-gentle', 'snoozed', TODAY)];
    expect(visible(alert, d, TODAY)).toBe(false);
    expect(visible(alert, d, addDays(TODAY, 1))).toBe(true);
  });

  it('when a reach-out is dismissed, it stays hidden until one more cadence has passed', () => {
    const d = [decide('reach-out:ana', 'dismissed', '2026-05-20')];
    expect(visible(reachOut('2026-05-10'), d, '2026-05-26')).toBe(false);
    expect(visible(reachOut('2026-05-10'), d, '2026-05-27')).toBe(true);
  });

  it('when a dismissed reach-out’s connection is contacted afterwards, the dismissal no longer applies', () => {
    const d = [decide('reach-out:ana', 'dismissed', '2026-05-20')];
    expect(visible(reachOut('2026-05-21'), d, '2026-05-22')).toBe(true);
  });

  it('when a reach-out is marked done, it behaves like a dismissal for this cycle', () => {
    const d = [decide('reach-out:ana', 'done', '2026-05-20')];
    expect(visible(reachOut('2026-05-10'), d, '2026-05-21')).toBe(false);
  });

  it('when a birthday is dismissed, only that year’s reminder is hidden', () => {
    const d = [decide('date:ana:05-23:2026', 'dismissed', '2026-05-20')];
    expect(visible(birthday(2026), d)).toBe(false);
    expect(visible(birthday(2027), d, '2027-05-20')).toBe(true);
  });

  it('when an alert is dismissed, it is quiet for 14 days, then may return', () => {
    const d = [decide('alert:isolation-gentle', 'dismissed', '2026-05-20')];
    expect(visible(alert, d, '2026-06-02')).toBe(false);
    expect(visible(alert, d, '2026-06-03')).toBe(true);
    const params = resolveModelParams({ dismissedAlertQuietDays: 3 });
    expect(filterNudges([alert], d, '2026-05-23', params)).toHaveLength(1);
  });

  it('when there are several decisions for a key, the latest one counts', () => {
    const d = [
      decide('alert:isolation-gentle', 'snoozed', '2026-05-19', '2026-05-21'),
      decide('alert:isolation-gentle', 'snoozed', '2026-05-10', '2026-06-30'),
    ];
    expect(visible(alert, d, '2026-05-21')).toBe(true);
  });
});

describe('today', () => {
  const ana = makeConnection({ name: 'Ana', ring: 'inner', cadenceDays: 7 });
  const ben = makeConnection({ name: 'Ben', ring: 'close', cadenceDays: 7 });
  const people = Array.from({ length: 6 }, (_, k) =>
    makeConnection({ name: `Friend ${k}`, ring: 'friends', cadenceDays: 7 }),
  );
  const input: ModelInput = {
    interactions: [],
    connections: [ana, ben, ...people],
    timeZone: 'Europe/Berlin',
    trackingStart: '2026-01-01',
  };

  it('when the top reach-out is dismissed, the next one moves up and the list stays full', () => {
    const before = computeToday(input, TODAY);
    expect(before.reachOut).toHaveLength(5);
    expect(before.reachOut[0]?.name).toBe('Ana');
    const after = computeToday(input, TODAY, {
      decisions: [decide(`reach-out:${ana.id}`, 'dismissed', TODAY)],
    });
    expect(after.reachOut).toHaveLength(5);
    expect(after.reachOut[0]?.name).toBe('Ben');
    expect(after.hidden).toBe(1);
  });

  it('when storage knows a contact older than the loaded window, it is used for the reach-out list', () => {
    const lastContact = new Map([[ana.id, addDays(TODAY, -2)]]);
    const today = computeToday(input, TODAY, { lastContact });
    expect(today.reachOut.map((n) => n.name)).not.toContain('Ana');
  });

  it('when loaded interactions are newer than the stored summary, the newer contact wins', () => {
    const call = makeInteraction({
      startedAt: `${addDays(TODAY, -1)}T12:00:00+02:00`,
      connectionIds: [ben.id],
      channel: 'voice',
    });
    const today = computeToday({ ...input, interactions: [call] }, TODAY, {
      lastContact: new Map([[ben.id, '2026-03-01']]),
    });
    expect(today.reachOut.map((n) => n.name)).not.toContain('Ben');
    expect(today.state.date).toBe(TODAY);
  });

  it('when nothing has been logged for months, Today carries the strong alert and its help text', () => {
    const today = computeToday(input, TODAY);
    expect(today.alerts.map((a) => a.alert)).toEqual(['isolation-strong']);
    expect(today.alerts[0]?.suggestion).toContain('Ana');
  });

  it('when parameters limit the list, the limit applies after hiding', () => {
    const params = resolveModelParams({ reachOutMax: 2 });
    const today = computeToday({ ...input, params }, TODAY, {
      decisions: [decide(`reach-out:${ana.id}`, 'snoozed', TODAY, addDays(TODAY, 3))],
    });
    expect(today.reachOut.map((n) => n.name)).toEqual(['Ben', 'Friend 0']);
  });
});
