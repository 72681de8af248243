import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContactDays, ContactStatus } from '../src/core/contact.schemas.js';
import { createApp, silentLogger } from '../src/server/app.js';
import { LOCAL_USER_ID, usersRepository } from '../src/storage/users.repository.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { fixedClock } from './support/fixtures.js';

/** Today is 2026-11-26 in Berlin (UTC+1 in November). */
const NOW = '2026-11-26T12:00:00.000Z';

let test: TestDatabase;
let app: Hono;
const ids: Record<string, string> = {};

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function log(
  names: string[],
  startedAt: string,
  channel: string,
  durationMinutes: number | null,
) {
  const res = await call('POST', '/api/v1/interactions', {
    connectionIds: names.map((n) => ids[n]),
    channel,
    kinds: ['conversation'],
    startedAt,
    durationMinutes,
  });
  expect(res.status).toBe(201);
}

beforeAll(async () => {
  test = await createTestDatabase('sqlite');
  await usersRepository(test.database.db).ensure(LOCAL_USER_ID, '2026-01-01T00:00:00.000Z');
  app = createApp({
    database: test.database,
    clock: fixedClock(NOW),
    log: silentLogger,
    webDir: '/nonexistent',
  });
  expect((await call('PATCH', '/api/v1/settings', { timeZone: 'Europe/Berlin' })).status).toBe(200);
  for (const [name, ring, cadenceDays] of [
    ['Sam', 'inner', 7],
    ['Kim', 'close', 30],
    ['Lee', 'friends', 2],
    ['Pat', 'wider', 365],
  ] as const) {
    ids[name] = (await call('POST', '/api/v1/connections', { name, ring, cadenceDays })).body.id;
  }
  // 00:30 in Berlin on the 21st, though still the 20th in UTC.
  await log(['Sam'], '2026-11-20T23:30:00Z', 'video', 30);
  await log(['Sam'], '2026-11-21T10:00:00Z', 'in_person', 60);
  await log(['Sam'], '2026-06-01T12:00:00Z', 'text', null);
  // Before the default year: left out.
  await log(['Sam'], '2025-11-01T12:00:00Z', 'voice', 20);
  await log(['Sam', 'Lee'], '2026-11-10T18:00:00Z', 'in_person', 120);
  // 23:00 on the 25th for two hours: in touch on the 26th too.
  await log(['Kim'], '2026-11-25T22:00:00Z', 'voice', 120);
});

afterAll(async () => {
  await test?.destroy();
});

describe('contact days, for the heatmap on a connection’s page', () => {
  it('when asked without a range, counts the last 365 local days of contact with that connection alone, by the day each started', async () => {
    const { status, body } = await call('GET', `/api/v1/connections/${ids.Sam}/contact-days`);
    expect(status).toBe(200);
    expect(ContactDays.parse(body)).toEqual({
      connectionId: ids.Sam,
      from: '2025-11-27',
      to: '2026-11-26',
      timeZone: 'Europe/Berlin',
      days: [
        { date: '2026-06-01', interactions: 1, minutes: 0, channels: ['text'] },
        { date: '2026-11-10', interactions: 1, minutes: 120, channels: ['in_person'] },
        {
          date: '2026-11-21',
          interactions: 2,
          minutes: 90,
          channels: expect.arrayContaining(['video', 'in_person']),
        },
      ],
    });
  });

  it('when given a range, includes both ends and nothing outside them', async () => {
    const { body } = await call(
      'GET',
      `/api/v1/connections/${ids.Sam}/contact-days?from=2025-10-01&to=2026-11-10`,
    );
    expect(body.days.map((d: { date: string }) => d.date)).toEqual([
      '2025-11-01',
      '2026-06-01',
      '2026-11-10',
    ]);
  });

  it('when the connection has had no contact, lists no days', async () => {
    const { status, body } = await call('GET', `/api/v1/connections/${ids.Pat}/contact-days`);
    expect(status).toBe(200);
    expect(body.days).toEqual([]);
  });

  it('when the connection does not exist, answers 404', async () => {
    const { status } = await call(
      'GET',
      '/api/v1/connections/00000000-0000-4000-8000-000000000000/contact-days',
    );
    expect(status).toBe(404);
  });

  it('when the range is backwards, too long or has an unknown parameter, answers 400 naming the field', async () => {
    const base = `/api/v1/connections/${ids.Sam}/contact-days`;
    const backwards = await call('GET', `${base}?from=2026-11-20&to=2026-11-01`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toContainEqual(expect.objectContaining({ path: 'to' }));
    const long = await call('GET', `${base}?from=2020-01-01&to=2026-11-26`);
    expect(long.status).toBe(400);
    expect(long.body.errors).toContainEqual(expect.objectContaining({ path: 'from' }));
    expect((await call('GET', `${base}?from=yesterday`)).status).toBe(400);
    expect((await call('GET', `${base}?limit=5`)).status).toBe(400);
  });
});

describe('contact status, for the losing-touch view of People', () => {
  it('when asked, gives every connection its days since contact against its cadence, most overdue first', async () => {
    const { status, body } = await call('GET', '/api/v1/contact-status');
    expect(status).toBe(200);
    const parsed = ContactStatus.parse(body);
    expect(parsed.date).toBe('2026-11-26');
    expect(parsed.items.map((i) => i.connectionId)).toEqual([ids.Lee, ids.Sam, ids.Kim, ids.Pat]);
    const byId = new Map(parsed.items.map((i) => [i.connectionId, i]));
    expect(byId.get(ids.Lee ?? '')).toEqual({
      connectionId: ids.Lee,
      lastContact: '2026-11-10',
      daysSinceContact: 16,
      cadenceDays: 2,
      overdueRatio: 8,
    });
    expect(byId.get(ids.Sam ?? '')).toMatchObject({
      lastContact: '2026-11-21',
      daysSinceContact: 5,
    });
    // The call ran past midnight, so Kim was in touch today.
    expect(byId.get(ids.Kim ?? '')).toMatchObject({
      lastContact: '2026-11-26',
      daysSinceContact: 0,
    });
    // Never in touch: counted from the day Pat was added, today.
    expect(byId.get(ids.Pat ?? '')).toMatchObject({ lastContact: null, daysSinceContact: 0 });
  });

  it('agrees with Today’s reach-out list on the days since contact', async () => {
    const today = (await call('GET', '/api/v1/today')).body as {
      reachOut: { connectionId: string; daysSinceContact: number; lastContact: string | null }[];
    };
    const status = (await call('GET', '/api/v1/contact-status')).body as ContactStatus;
    expect(today.reachOut.length).toBeGreaterThan(0);
    for (const nudge of today.reachOut) {
      expect(status.items.find((i) => i.connectionId === nudge.connectionId)).toMatchObject({
        daysSinceContact: nudge.daysSinceContact,
        lastContact: nudge.lastContact,
      });
    }
  });

  it('is in the OpenAPI document with its schemas', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body;
    expect(doc.paths['/api/v1/contact-status'].get.operationId).toBe('getContactStatus');
    const days = doc.paths['/api/v1/connections/{id}/contact-days'].get;
    expect(days.operationId).toBe('getContactDays');
    expect(days.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['id', 'from', 'to']),
    );
    expect(doc.components.schemas.ContactDays).toBeDefined();
  });
});
