import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Settings } from '../src/core/settings.schemas.js';
import { createApp, silentLogger } from '../src/server/app.js';
import { LOCAL_USER_ID, usersRepository } from '../src/storage/users.repository.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { fixedClock } from './support/fixtures.js';

let test: TestDatabase;
let app: Hono;

beforeAll(async () => {
  test = await createTestDatabase('sqlite');
  await usersRepository(test.database.db).ensure(LOCAL_USER_ID, '2026-01-01T00:00:00.000Z');
  app = createApp({
    database: test.database,
    clock: fixedClock(),
    log: silentLogger,
    webDir: '/nonexistent',
  });
});
afterAll(async () => {
  await test?.destroy();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const res = await app.request(path, init);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: text ? JSON.parse(text) : undefined,
  };
}

/** Everything the API holds, to prove a rejected request wrote nothing. */
async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const r of ['connections', 'interactions', 'checkins', 'plans']) {
    out[r] = (await call('GET', `/api/v1/${r}?limit=500`)).body.items;
  }
  out.settings = (await call('GET', '/api/v1/settings')).body;
  return out;
}

let sam: string;
let kim: string;

describe('connections', () => {
  it('when created, read, updated, listed and deleted, each answer carries the record', async () => {
    const created = await call('POST', '/api/v1/connections', {
      name: 'Sam',
      ring: 'inner',
      sharedJoys: ['trail running'],
      importantDates: [{ month: 4, day: 12 }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Sam',
      ring: 'inner',
      cadenceDays: 7,
      kind: 'person',
      draining: false,
    });
    sam = created.body.id;
    kim = (await call('POST', '/api/v1/connections', { name: 'Kim' })).body.id;
    const temp = (await call('POST', '/api/v1/connections', { name: 'Temp', kind: 'pet' })).body.id;

    expect((await call('GET', `/api/v1/connections/${sam}`)).body).toEqual(created.body);
    const patched = await call('PATCH', `/api/v1/connections/${sam}`, {
      notes: 'moved to Leipzig',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Sam', notes: 'moved to Leipzig' });
    const list = await call('GET', '/api/v1/connections?ring=inner');
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['Sam']);
    expect((await call('DELETE', `/api/v1/connections/${temp}`)).status).toBe(204);
    expect((await call('GET', `/api/v1/connections/${temp}`)).status).toBe(404);
  });
});

describe('interactions, check-ins and plans', () => {
  it('when an interaction is logged, it can be read, changed, filtered and deleted', async () => {
    const created = await call('POST', '/api/v1/interactions', {
      startedAt: '2026-11-25T18:00:00+01:00',
      connectionIds: [sam, kim],
      channel: 'in_person',
      kinds: ['shared_meal'],
      durationMinutes: 90,
      delight: 5,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      startedAt: '2026-11-25T17:00:00.000Z',
      connectionIds: [sam, kim].sort(),
    });
    const id = created.body.id;
    expect((await call('PATCH', `/api/v1/interactions/${id}`, { delight: 4 })).body.delight).toBe(
      4,
    );
    const filtered = await call(
      'GET',
      `/api/v1/interactions?connectionId=${kim}&from=2026-11-25&to=2026-11-25`,
    );
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await call('GET', '/api/v1/interactions?from=2026-11-26')).body.items).toEqual([]);
    const second = await call('POST', '/api/v1/interactions', {
      startedAt: '2026-11-24T09:00:00Z',
      connectionIds: [kim],
      channel: 'text',
    });
    expect(second.body).toMatchObject({
      kinds: ['conversation'],
      delight: null,
      durationMinutes: null,
    });
    expect((await call('DELETE', `/api/v1/interactions/${second.body.id}`)).status).toBe(204);
  });

  it('when a check-in is recorded, it is listed by date range', async () => {
    const created = await call('POST', '/api/v1/checkins', {
      stress: 6,
      loneliness: 3,
      mood: 'tired',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      stress: 6,
      loneliness: 3,
      mood: 'tired',
      at: '2026-11-26T12:00:00.000Z',
    });
    expect(
      (await call('GET', '/api/v1/checkins?from=2026-11-26&to=2026-11-26')).body.items,
    ).toHaveLength(1);
    expect(
      (await call('PATCH', `/api/v1/checkins/${created.body.id}`, { stress: 5 })).body.stress,
    ).toBe(5);
  });

  it('when a plan is made and marked done, it links to the interaction it became', async () => {
    const plan = await call('POST', '/api/v1/plans', {
      startsAt: '2026-11-28T15:00:00Z',
      connectionIds: [sam],
      title: 'Trail run',
      location: 'Grunewald',
    });
    expect(plan.status).toBe(201);
    expect(plan.body).toMatchObject({ status: 'planned', interactionId: null });
    const done = await call('PATCH', `/api/v1/plans/${plan.body.id}`, { status: 'done' });
    const made = await call('GET', `/api/v1/interactions/${done.body.interactionId}`);
    expect(made.body).toMatchObject({
      channel: 'in_person',
      kinds: ['shared_activity'],
      connectionIds: [sam],
    });
  });

  it('when settings change, the time zone is validated and saved', async () => {
    expect(
      (await call('PATCH', '/api/v1/settings', { timeZone: 'Europe/Berlin' })).body.timeZone,
    ).toBe('Europe/Berlin');
    const bad = await call('PATCH', '/api/v1/settings', { timeZone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { path: 'timeZone', message: expect.stringContaining('IANA') },
    ]);
  });
});

describe('the reminder digest settings', () => {
  const settingsRow = () =>
    test.database.db
      .selectFrom('users')
      .select('settings')
      .where('id', '=', LOCAL_USER_ID)
      .executeTakeFirstOrThrow();

  it('when settings saved before digests existed are read, the digest is off with its defaults', async () => {
    const saved = await settingsRow();
    const { digest: _digest, ...older } = JSON.parse(saved.settings);
    await test.database.db
      .updateTable('users')
      .set({ settings: JSON.stringify(older) })
      .where('id', '=', LOCAL_USER_ID)
      .execute();
    try {
      expect((await call('GET', '/api/v1/settings')).body.digest).toEqual({
        enabled: false,
        frequency: 'daily',
        hour: 8,
        weekday: 1,
      });
      // A backup written before digests existed still validates.
      expect(Settings.parse(older).digest.enabled).toBe(false);
    } finally {
      await test.database.db
        .updateTable('users')
        .set({ settings: saved.settings })
        .where('id', '=', LOCAL_USER_ID)
        .execute();
    }
  });

  it('when part of the digest changes, the other digest fields keep their values', async () => {
    const on = await call('PATCH', '/api/v1/settings', { digest: { enabled: true } });
    expect(on.status).toBe(200);
    expect(on.body.digest).toEqual({ enabled: true, frequency: 'daily', hour: 8, weekday: 1 });
    const weekly = await call('PATCH', '/api/v1/settings', {
      digest: { frequency: 'weekly', weekday: 7, hour: 18 },
    });
    expect(weekly.body.digest).toEqual({
      enabled: true,
      frequency: 'weekly',
      hour: 18,
      weekday: 7,
    });
    // Changing something else leaves the digest alone.
    const other = await call('PATCH', '/api/v1/settings', { ringCadenceDays: { wider: 90 } });
    expect(other.body.digest).toEqual(weekly.body.digest);
    expect((await call('GET', '/api/v1/settings')).body.digest).toEqual(weekly.body.digest);
    await call('PATCH', '/api/v1/settings', {
      digest: { enabled: false, frequency: 'daily', hour: 8, weekday: 1 },
    });
  });

  it.each([
    ['an hour past 23', { hour: 24 }, 'digest.hour'],
    ['a fractional hour', { hour: 7.5 }, 'digest.hour'],
    ['weekday 0', { weekday: 0 }, 'digest.weekday'],
    ['weekday 8', { weekday: 8 }, 'digest.weekday'],
    ['an unknown frequency', { frequency: 'monthly' }, 'digest.frequency'],
    ['a non-boolean switch', { enabled: 'yes' }, 'digest.enabled'],
    ['an unknown digest field', { sendTo: 'someone@example.org' }, 'digest.sendTo'],
  ])('when the digest has %s, it is refused and nothing changes', async (_, digest, path) => {
    const before = (await call('GET', '/api/v1/settings')).body;
    const bad = await call('PATCH', '/api/v1/settings', { digest });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await call('GET', '/api/v1/settings')).body).toEqual(before);
  });
});

describe('bad input is refused with problem details and writes nothing', () => {
  const cases: [string, string, string, unknown, number, string][] = [
    ['a missing field', 'POST', '/api/v1/connections', { ring: 'inner' }, 400, 'name'],
    ['a wrong type', 'POST', '/api/v1/checkins', { stress: 'high', loneliness: 2 }, 400, 'stress'],
    [
      'a value out of range',
      'POST',
      '/api/v1/checkins',
      { stress: 11, loneliness: 2 },
      400,
      'stress',
    ],
    [
      'an unknown field',
      'POST',
      '/api/v1/connections',
      { name: 'X', favouriteColour: 'blue' },
      400,
      'favouriteColour',
    ],
    ['an over-long string', 'POST', '/api/v1/connections', { name: 'x'.repeat(201) }, 400, 'name'],
    [
      'an empty list',
      'POST',
      '/api/v1/interactions',
      { startedAt: '2026-11-01T10:00:00Z', connectionIds: [], channel: 'voice' },
      400,
      'connectionIds',
    ],
    [
      'an instant without an offset',
      'POST',
      '/api/v1/interactions',
      { startedAt: '2026-11-01T10:00:00', connectionIds: ['SAM'], channel: 'voice' },
      400,
      'startedAt',
    ],
    ['a delight of 0', 'PATCH', '/api/v1/interactions/ID', { delight: 0 }, 400, 'delight'],
    [
      'an unknown field in an update',
      'PATCH',
      '/api/v1/connections/SAM',
      { id: '00000000-0000-4000-8000-000000000000' },
      400,
      'id',
    ],
    ['malformed JSON', 'POST', '/api/v1/plans', '{"title": "Picnic",', 400, '(body)'],
    ['an empty body', 'POST', '/api/v1/checkins', ' ', 400, '(body)'],
    ['a JSON array instead of an object', 'POST', '/api/v1/connections', '[]', 400, '(root)'],
    [
      'a body over the size limit',
      'POST',
      '/api/v1/connections',
      { name: 'Big', notes: 'x'.repeat(1_100_000) },
      413,
      '(body)',
    ],
    [
      'an unknown id',
      'PATCH',
      '/api/v1/plans/00000000-0000-4000-8000-00000000dead',
      { title: 'x' },
      404,
      '',
    ],
    [
      'an unknown id to delete',
      'DELETE',
      '/api/v1/checkins/00000000-0000-4000-8000-00000000dead',
      undefined,
      404,
      '',
    ],
    ['a bad query parameter', 'GET', '/api/v1/interactions?limit=0', undefined, 400, 'limit'],
    [
      'an unknown query parameter',
      'GET',
      '/api/v1/interactions?colour=blue',
      undefined,
      400,
      'colour',
    ],
    ['a made-up cursor', 'GET', '/api/v1/interactions?cursor=abc', undefined, 400, 'cursor'],
  ];

  for (const [what, method, path, body, status, field] of cases) {
    it(`when a request has ${what}, answer ${status}${field ? ` naming ${field}` : ''}`, async () => {
      const firstInteraction = (await call('GET', '/api/v1/interactions?limit=1')).body.items[0].id;
      const before = await snapshot();
      const resolved = path.replace('ID', firstInteraction).replace('SAM', sam);
      const bodyText =
        typeof body === 'string' ? body : JSON.stringify(body)?.replace('"SAM"', `"${sam}"`);
      const res = await call(method, resolved, bodyText === undefined ? undefined : bodyText);
      expect(res.status).toBe(status);
      expect(res.type).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        status,
        detail: expect.any(String),
        errors: expect.any(Array),
      });
      if (field) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('when the body is not JSON, answer 415 and write nothing', async () => {
    const before = await snapshot();
    const res = await call('POST', '/api/v1/connections', 'name=Sam', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(415);
    expect(await snapshot()).toEqual(before);
  });

  it('when a route does not exist, answer 404 as problem details', async () => {
    const res = await call('GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
  });
});

describe('service routes', () => {
  it('when asked for health, report the engine', async () => {
    expect((await call('GET', '/healthz')).body).toEqual({ status: 'ok', engine: 'sqlite' });
    expect((await call('GET', '/livez')).body).toEqual({ status: 'ok' });
  });

  it('when asked for the OpenAPI document, describe every API route with its schemas', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, ops] of [
      ['/api/v1/connections', ['get', 'post']],
      ['/api/v1/connections/{id}', ['get', 'patch', 'delete']],
      ['/api/v1/interactions', ['get', 'post']],
      ['/api/v1/checkins/{id}', ['get', 'patch', 'delete']],
      ['/api/v1/plans', ['get', 'post']],
      ['/api/v1/settings', ['get', 'patch']],
      ['/api/v1/today', ['get']],
      ['/api/v1/states', ['get']],
      ['/api/v1/states/{date}/explanation', ['get']],
      ['/api/v1/insights', ['get']],
      ['/api/v1/nudges/decisions', ['get', 'post']],
      ['/api/v1/nudges/decisions/{key}', ['delete']],
    ] as const) {
      for (const op of ops) expect(doc.paths[path]?.[op], `${op} ${path}`).toBeDefined();
    }
    const create =
      doc.paths['/api/v1/interactions'].post.requestBody.content['application/json'].schema;
    expect(create.$ref).toBe('#/components/schemas/InteractionCreate');
    const schema = doc.components.schemas.InteractionCreate;
    expect(schema.required).toEqual(
      expect.arrayContaining(['startedAt', 'connectionIds', 'channel']),
    );
    expect(schema.additionalProperties).toBe(false);
    for (const ref of JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? []) {
      expect(doc.components.schemas[ref.split('/').pop() ?? '']).toBeDefined();
    }
  });

  it('when the docs page is opened, it lists the operations as HTML', async () => {
    const res = await app.request('/api/docs');
    const html = await res.text();
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('/api/v1/interactions/{id}');
    expect(html).not.toMatch(/<script/i);
  });

  it('when any page is served, it carries the security headers', async () => {
    const res = await app.request('/healthz');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
