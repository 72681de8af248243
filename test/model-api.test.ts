import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../src/app/backup.usecases.js';
import { appContext } from '../src/app/context.js';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../src/core/backup.schemas.js';
import { generateDemo } from '../src/core/demo/index.js';
import {
  DayExplanationSchema,
  InsightsSchema,
  StatesSchema,
  TodaySchema,
} from '../src/core/model/model.schemas.js';
import { createApp, silentLogger } from '../src/server/app.js';
import { userStore } from '../src/storage/store.js';
import { LOCAL_USER_ID, usersRepository } from '../src/storage/users.repository.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { fixedClock } from './support/fixtures.js';

const NOW = '2026-11-26T12:00:00.000Z';
let test: TestDatabase;
let app: Hono;
let drainingId: string;

beforeAll(async () => {
  test = await createTestDatabase('sqlite');
  const clock = fixedClock(NOW);
  await usersRepository(test.database.db).ensure(LOCAL_USER_ID, NOW);
  const demo = generateDemo({ seed: 7, now: new Date(NOW), timeZone: 'Europe/Berlin' });
  drainingId = demo.connections.find((c) => c.draining)?.id ?? '';
  await restoreBackup(appContext(userStore(test.database, LOCAL_USER_ID), clock), {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: NOW,
    ...demo,
  });
  app = createApp({ database: test.database, clock, log: silentLogger, webDir: '/nonexistent' });
});
afterAll(async () => {
  await test?.destroy();
});

async function get(path: string) {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
}

async function send(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('today, on the demo year', () => {
  it('when opened, shows every state, an isolation alert, dates ahead and a reach-out list without draining ties', async () => {
    const { status, body } = await get('/api/v1/today');
    expect(status).toBe(200);
    const today = TodaySchema.parse(body);
    expect(today.date).toBe('2026-11-26');
    expect(today.state.tracked).toBe(true);
    for (const v of [today.state.everyday, today.state.deepBond, today.state.isolationLoad]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
    }
    expect(today.state.everyday).toBeGreaterThan(0);
    expect(today.alerts.map((a) => a.alert)).toEqual(
      expect.arrayContaining(['technology-balance']),
    );
    expect(today.alerts.some((a) => a.alert.startsWith('isolation'))).toBe(true);
    expect(today.dates.length).toBeGreaterThan(0);
    expect(today.dates.every((d) => d.daysUntil >= 0 && d.daysUntil <= 14)).toBe(true);
    expect(today.reachOut.length).toBeGreaterThan(0);
    expect(today.reachOut.map((r) => r.connectionId)).not.toContain(drainingId);
    expect(today.checkedInToday).toBe(false);
  });

  it('when a reach-out nudge is snoozed it is hidden, and when the snooze is undone it returns', async () => {
    const before = TodaySchema.parse((await get('/api/v1/today')).body);
    const first = before.reachOut[0];
    if (!first) throw new Error('no reach-out nudge');
    const snoozed = await send('POST', '/api/v1/nudges/decisions', {
      key: first.key,
      action: 'snoozed',
      until: '2026-12-03',
    });
    expect(snoozed.status).toBe(201);
    expect(snoozed.body).toEqual({
      key: first.key,
      action: 'snoozed',
      until: '2026-12-03',
      decidedOn: '2026-11-26',
    });
    const during = TodaySchema.parse((await get('/api/v1/today')).body);
    expect(during.reachOut.map((r) => r.key)).not.toContain(first.key);
    expect(during.hidden).toBe(before.hidden + 1);
    expect((await get('/api/v1/nudges/decisions')).body).toHaveLength(1);
    expect(
      (await send('DELETE', `/api/v1/nudges/decisions/${encodeURIComponent(first.key)}`)).status,
    ).toBe(204);
    expect(TodaySchema.parse((await get('/api/v1/today')).body).reachOut[0]?.key).toBe(first.key);
  });

  it('when a decision is malformed or unknown, answer 400 or 404 and store nothing', async () => {
    const bad = await send('POST', '/api/v1/nudges/decisions', {
      key: 'reach-out:x',
      action: 'snoozed',
      until: '2026-11-20',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'until', message: 'must be after today' }]);
    expect(
      (await send('POST', '/api/v1/nudges/decisions', { key: 'hello', action: 'done' })).status,
    ).toBe(400);
    expect((await send('DELETE', '/api/v1/nudges/decisions/reach-out%3Anobody')).status).toBe(404);
    expect((await get('/api/v1/nudges/decisions')).body).toEqual([]);
  });

  it('when a contact is logged with the first person on the list, they drop off it', async () => {
    const before = TodaySchema.parse((await get('/api/v1/today')).body);
    const first = before.reachOut[0];
    if (!first) throw new Error('no reach-out nudge');
    const logged = await send('POST', '/api/v1/interactions', {
      startedAt: '2026-11-26T09:00:00Z',
      connectionIds: [first.connectionId],
      channel: 'voice',
      durationMinutes: 20,
    });
    expect(logged.status).toBe(201);
    const after = TodaySchema.parse((await get('/api/v1/today')).body);
    expect(after.reachOut.map((r) => r.connectionId)).not.toContain(first.connectionId);
    expect((await send('DELETE', `/api/v1/interactions/${logged.body.id}`)).status).toBe(204);
  });
});

describe('states, explanations and insights', () => {
  it('when asked for a range, give one state per local day, and refuse an inverted or too-long range', async () => {
    const { body } = await get('/api/v1/states?from=2026-10-01&to=2026-10-31');
    const states = StatesSchema.parse(body);
    expect(states.days.map((d) => d.date)).toHaveLength(31);
    expect(states.days[0]?.date).toBe('2026-10-01');
    expect((await get('/api/v1/states?from=2026-11-02&to=2026-11-01')).status).toBe(400);
    expect((await get('/api/v1/states?from=2020-01-01&to=2026-11-01')).status).toBe(400);
    expect((await get('/api/v1/states?from=yesterday')).status).toBe(400);
  });

  it('when a day is explained, each state names its rule and the interactions that moved it', async () => {
    const { status, body } = await get('/api/v1/states/2026-10-15/explanation');
    expect(status).toBe(200);
    const explanation = DayExplanationSchema.parse(body);
    expect(explanation.everyday.rule.length).toBeGreaterThan(10);
    expect(explanation.everyday.contributors.length).toBeGreaterThan(0);
    expect((await get('/api/v1/states/2026-13-01/explanation')).status).toBe(400);
  });

  it('when insights are asked for, in-person days show calmer stress with an interval and sample sizes', async () => {
    const { body } = await get('/api/v1/insights');
    const report = InsightsSchema.parse(body);
    expect(report.from).toBe('2025-11-27');
    const inPerson = report.shown.find((i) => i.id === 'same-day:channel:in_person');
    expect(inPerson).toBeDefined();
    expect(inPerson?.difference).toBeLessThan(0);
    expect(inPerson?.ci95.upper).toBeLessThan(0);
    expect(inPerson?.caveat).toBe('association, not cause');
    expect(inPerson?.with.days).toBeGreaterThan(20);
    expect(inPerson?.without.days).toBeGreaterThan(20);
    expect(report.shown.some((i) => i.timing === 'next-day')).toBe(true);
    expect(report.shown.some((i) => i.factor.type === 'connection')).toBe(true);
  });

  it('when a few days only are analysed, insights are withheld with a reason', async () => {
    const report = InsightsSchema.parse(
      (await get('/api/v1/insights?from=2026-11-20&to=2026-11-24')).body,
    );
    expect(report.shown).toEqual([]);
    expect(report.withheld.length).toBeGreaterThan(0);
    expect(report.withheld[0]?.reason).toMatch(/\d/);
  });
});

describe('model parameters', () => {
  it('when a parameter is changed, states are recomputed with it; when reset, they return', async () => {
    const before = StatesSchema.parse(
      (await get('/api/v1/states?from=2026-11-01&to=2026-11-10')).body,
    );
    const changed = await send('PATCH', '/api/v1/settings', {
      modelParams: { everydayHalfLifeDays: 10 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.modelParams).toEqual({ everydayHalfLifeDays: 10 });
    const params = (await get('/api/v1/model/params')).body;
    expect(params.effective.everydayHalfLifeDays).toBe(10);
    expect(params.effective.deepHalfLifeDays).toBe(14);
    const after = StatesSchema.parse(
      (await get('/api/v1/states?from=2026-11-01&to=2026-11-10')).body,
    );
    expect(after.days[5]?.everyday).not.toBeCloseTo(before.days[5]?.everyday ?? 0, 3);
    await send('PATCH', '/api/v1/settings', { modelParams: null });
    const reset = StatesSchema.parse(
      (await get('/api/v1/states?from=2026-11-01&to=2026-11-10')).body,
    );
    expect(reset).toEqual(before);
  });

  it('when a parameter is out of range, the error names it and nothing changes', async () => {
    const res = await send('PATCH', '/api/v1/settings', {
      modelParams: { channelWeights: { text: 0 } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'modelParams.channelWeights.text',
    ]);
    expect((await get('/api/v1/settings')).body.modelParams).toEqual({});
  });
});
