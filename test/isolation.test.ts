import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostedConfig } from '../src/app/accounts.usecases.js';
import { createApp, silentLogger } from '../src/server/app.js';
import { availableEngines, createTestDatabase, type TestDatabase } from './support/databases.js';
import { fixedClock } from './support/fixtures.js';
import { inProcess, TestClient } from './support/http-client.js';

/**
 * Two people on one hosted Tend. Every operation in the OpenAPI document is
 * called by B, aimed at A's records where it takes an id, and must either
 * answer 404 (as for a record that does not exist) or act on B's own data
 * without a trace of A's. An operation without an entry below fails the
 * suite, so a route added later cannot go unchecked.
 */

const engines = await availableEngines();
const PASSWORD = 'a long and private passphrase';

interface ARecords {
  connection: string;
  interaction: string;
  checkin: string;
  plan: string;
  token: string;
  session: string;
  nudgeKey: string;
}

type Check =
  /** Aimed at one of A's records: must answer 404 and change nothing. */
  | { foreign: (a: ARecords) => Record<string, string>; body?: unknown }
  /** Acts on the caller's own data: must succeed without revealing A's. */
  | {
      own: true;
      params?: Record<string, string>;
      query?: string;
      body?: unknown;
      raw?: { type: string; text: string };
      /** Needs B's Tend empty (no setup records). */
      fresh?: true;
      /** The expected refusal, when B's own call cannot succeed in this setup. */
      status?: number;
    };

const VCARD = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bea Own\r\nEND:VCARD\r\n';

const CHECKS: Record<string, Check> = {
  getSession: { own: true },
  signUp: { own: true, body: { email: 'someone.else@example.org', password: PASSWORD } },
  logIn: { own: true, body: { email: 'b@example.org', password: PASSWORD } },
  logOut: { own: true },
  changePassword: { own: true, body: { currentPassword: PASSWORD, newPassword: PASSWORD } },
  listSessions: { own: true },
  endAllSessions: { own: true },
  endSession: { foreign: (a) => ({ id: a.session }) },
  listApiTokens: { own: true },
  createApiToken: { own: true, body: { name: 'b script' } },
  revokeApiToken: { foreign: (a) => ({ id: a.token }) },
  deleteAccount: { own: true, body: { password: PASSWORD } },
  // No mail server in this suite: the answer says so, about B's account only.
  sendEmailVerification: { own: true, status: 409 },
  // The token is a secret emailed to the owner; B's guess matches nothing.
  verifyEmail: { own: true, status: 404, body: { token: 'tend_v_guessed' } },
  listConnections: { own: true, query: '?limit=100' },
  createConnection: { own: true, body: { name: 'Bea Friend' } },
  getConnection: { foreign: (a) => ({ id: a.connection }) },
  updateConnection: { foreign: (a) => ({ id: a.connection }), body: { name: 'Taken over' } },
  deleteConnection: { foreign: (a) => ({ id: a.connection }) },
  getContactDays: { foreign: (a) => ({ id: a.connection }) },
  getContactStatus: { own: true },
  listInteractions: { own: true, query: '?from=2000-01-01&to=2100-01-01' },
  createInteraction: {
    own: true,
    body: { connectionIds: ['$B'], startedAt: '2026-11-25T10:00:00.000Z', channel: 'text' },
  },
  getInteraction: { foreign: (a) => ({ id: a.interaction }) },
  updateInteraction: { foreign: (a) => ({ id: a.interaction }), body: { note: 'overwritten' } },
  deleteInteraction: { foreign: (a) => ({ id: a.interaction }) },
  listCheckins: { own: true, query: '?from=2000-01-01&to=2100-01-01' },
  createCheckIn: { own: true, body: { stress: 2, loneliness: 2 } },
  getCheckIn: { foreign: (a) => ({ id: a.checkin }) },
  updateCheckIn: { foreign: (a) => ({ id: a.checkin }), body: { stress: 0 } },
  deleteCheckIn: { foreign: (a) => ({ id: a.checkin }) },
  listPlans: { own: true, query: '?from=2000-01-01&to=2100-01-01' },
  createPlan: {
    own: true,
    body: { startsAt: '2026-12-01T10:00:00.000Z', connectionIds: ['$B'], title: 'Walk' },
  },
  getPlan: { foreign: (a) => ({ id: a.plan }) },
  updatePlan: { foreign: (a) => ({ id: a.plan }), body: { title: 'Hijacked' } },
  deletePlan: { foreign: (a) => ({ id: a.plan }) },
  getSettings: { own: true },
  updateSettings: { own: true, body: { timeZone: 'Europe/Berlin' } },
  getToday: { own: true },
  getStates: { own: true, query: '?from=2026-11-01&to=2026-11-26' },
  explainDay: { own: true, params: { date: '2026-11-25' } },
  getInsights: { own: true },
  getModelParams: { own: true },
  listNudgeDecisions: { own: true },
  decideNudge: { own: true, body: { key: 'alert:isolation', action: 'dismissed' } },
  clearNudgeDecision: { foreign: (a) => ({ key: a.nudgeKey }) },
  exportBackup: { own: true },
  // B restores a copy of A's own backup: B gets the records under fresh ids, A keeps theirs.
  restoreBackup: { own: true, body: '$A_BACKUP', fresh: true },
  importFile: {
    own: true,
    query: '?type=vcard&dryRun=false',
    raw: { type: 'text/vcard', text: VCARD },
  },
  exportCsv: { own: true, params: { entity: 'interactions' } },
  exportVCards: { own: true },
  getCalendarFeed: { own: true },
  rotateCalendarFeed: { own: true },
  disableCalendarFeed: { own: true },
};

describe.each(engines)('isolation between accounts on %s', (engine) => {
  let test: TestDatabase;
  let app: Hono;
  let a: TestClient;
  let aRecords: ARecords;
  /** Strings that only A's data contains. */
  let markers: string[];
  let aBefore: string;
  let aBackup: unknown;
  let operations: { method: string; path: string; operationId: string }[];
  let peers = 0;

  const clock = fixedClock('2026-11-26T12:00:00.000Z');
  const client = () =>
    new TestClient(inProcess(app), {
      'x-forwarded-for': `10.2.${Math.floor(peers / 200)}.${peers++ % 200}`,
    });

  beforeAll(async () => {
    test = await createTestDatabase(engine);
    app = createApp({
      database: test.database,
      clock,
      log: silentLogger,
      webDir: '/nonexistent',
      hosted: { config: hostedConfig({ signup: 'open', passwordCost: 10 }), trustProxy: true },
    });
    a = client();
    await a.signUp('alex.private@example.org', PASSWORD);
    const created = async (path: string, body: unknown) => {
      const answer = await a.call('POST', path, body);
      expect(answer.status, `${path} ${answer.text}`).toBe(201);
      return answer.body;
    };
    const conn = await created('/api/v1/connections', {
      name: 'Zephyrine Quillfeather',
      notes: 'A-only note: recovering from surgery',
      sharedJoys: ['harpsichord duets'],
    });
    const interaction = await created('/api/v1/interactions', {
      connectionIds: [conn.id],
      startedAt: '2026-11-24T18:00:00.000Z',
      channel: 'in_person',
      note: 'A-only interaction note: long talk at the river',
    });
    const checkin = await created('/api/v1/checkins', {
      stress: 9,
      loneliness: 8,
      note: 'A-only check-in: awful day',
    });
    const plan = await created('/api/v1/plans', {
      startsAt: '2026-12-02T18:00:00.000Z',
      connectionIds: [conn.id],
      title: 'A-only plan: opera night',
    });
    const token = await created('/api/v1/account/tokens', { name: 'A-only token name' });
    const nudgeKey = `reach-out:${conn.id}`;
    expect(
      (await a.call('POST', '/api/v1/nudges/decisions', { key: nudgeKey, action: 'snoozed' }))
        .status,
    ).toBe(201);
    expect((await a.call('POST', '/api/v1/calendar-feed')).status).toBeLessThan(300);
    const session = (await a.call('GET', '/api/v1/account/sessions')).body.items[0].id;
    aRecords = {
      connection: conn.id,
      interaction: interaction.id,
      checkin: checkin.id,
      plan: plan.id,
      token: token.id,
      session,
      nudgeKey,
    };
    markers = [
      ...Object.values(aRecords),
      'alex.private@example.org',
      'Zephyrine',
      'harpsichord',
      'A-only',
      token.token,
    ];
    aBefore = await stateOf(a);
    aBackup = (await a.call('GET', '/api/v1/backup')).body;
    const doc = (await a.call('GET', '/api/openapi.json')).body;
    operations = Object.entries(
      doc.paths as Record<string, Record<string, { operationId: string }>>,
    ).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ method, path, operationId: op.operationId })),
    );
  });
  afterAll(async () => {
    await test?.destroy();
  });

  /** Everything of A's that B might change: data, tokens, sessions, nudges, feed. */
  async function stateOf(owner: TestClient): Promise<string> {
    const parts = [];
    for (const path of [
      '/api/v1/backup',
      '/api/v1/account/tokens',
      '/api/v1/account/sessions',
      '/api/v1/nudges/decisions',
      '/api/v1/calendar-feed',
    ]) {
      const answer = await owner.call('GET', path);
      expect(answer.status, path).toBe(200);
      parts.push(path === '/api/v1/backup' ? { ...answer.body, exportedAt: null } : answer.body);
    }
    return JSON.stringify(parts);
  }

  it('every operation in the OpenAPI document has an isolation check, and every check an operation', () => {
    const documented = operations.map((o) => o.operationId).sort();
    expect(documented).toEqual(Object.keys(CHECKS).sort());
    for (const op of operations) {
      const check = CHECKS[op.operationId];
      // An operation that takes a record's id must be checked against A's record.
      if (/\{id\}/.test(op.path)) expect('foreign' in (check ?? {}), op.operationId).toBe(true);
    }
  });

  it('user B can neither read, list, change nor delete anything of user A’s', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const check = CHECKS[op.operationId];
      if (!check) continue; // reported by the test above
      const b = client();
      const email = `b.${op.operationId.toLowerCase()}@example.org`;
      await b.signUp(email, PASSWORD);
      if (op.operationId === 'logIn') (check as { body: { email: string } }).body.email = email;
      // B has data of their own, so every query has rows of B's to return instead.
      const fresh = 'own' in check && check.fresh;
      const own = fresh
        ? undefined
        : await b.call('POST', '/api/v1/connections', { name: 'Bea Friend' });
      if (!fresh) await b.call('POST', '/api/v1/calendar-feed');
      const body =
        check.body === '$A_BACKUP'
          ? aBackup
          : check.body === undefined
            ? undefined
            : JSON.parse(
                JSON.stringify(check.body).replaceAll('"$B"', JSON.stringify(own?.body.id)),
              );
      const params = 'foreign' in check ? check.foreign(aRecords) : (check.params ?? {});
      const path =
        op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? '')) +
        ('own' in check ? (check.query ?? '') : '');
      const method = op.method.toUpperCase();
      const answer =
        'own' in check && check.raw
          ? await b.call(method, path, check.raw.text, { 'content-type': check.raw.type })
          : await b.call(method, path, body);
      const label = `${method} ${op.path} (${op.operationId}) → ${answer.status}`;
      if ('foreign' in check) {
        if (answer.status !== 404) failures.push(`${label}: expected 404`);
      } else if (check.status ? answer.status !== check.status : answer.status >= 400) {
        failures.push(`${label}: B's own call failed: ${answer.text.slice(0, 200)}`);
      }
      // A 404 may repeat the id B asked for; anything else of A's is a leak.
      const asked = Object.values(params).join(' ');
      const leaked = markers.filter(
        (m) => answer.text.includes(m) && !asked.includes(m) && !(fresh && body === aBackup),
      );
      if (leaked.length) failures.push(`${label}: answer reveals A's ${leaked.join(', ')}`);
    }
    expect(failures).toEqual([]);
    expect(await stateOf(a)).toBe(aBefore);
  });

  it('a 404 for A’s record looks exactly like a 404 for a record that never existed', async () => {
    const b = client();
    await b.signUp('b.compare@example.org', PASSWORD);
    const theirs = await b.call('GET', `/api/v1/connections/${aRecords.connection}`);
    const missing = await b.call('GET', '/api/v1/connections/00000000-0000-4000-8000-00000000dead');
    expect(theirs.status).toBe(404);
    expect(theirs.body.title).toBe(missing.body.title);
    expect(theirs.body.type).toBe(missing.body.type);
    expect(theirs.body.detail.replace(aRecords.connection, 'ID')).toBe(
      missing.body.detail.replace('00000000-0000-4000-8000-00000000dead', 'ID'),
    );
  });

  it('a list filtered by A’s connection id shows B nothing', async () => {
    const b = client();
    await b.signUp('b.filter@example.org', PASSWORD);
    for (const path of [
      `/api/v1/interactions?connectionId=${aRecords.connection}&from=2000-01-01&to=2100-01-01`,
      `/api/v1/plans?connectionId=${aRecords.connection}&from=2000-01-01&to=2100-01-01`,
    ]) {
      const answer = await b.call('GET', path);
      expect([200, 404]).toContain(answer.status);
      if (answer.status === 200) expect(answer.body.items).toEqual([]);
    }
  });
});
