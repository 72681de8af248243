import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, hostedConfig } from '../src/app/accounts.usecases.js';
import { createApp, silentLogger } from '../src/server/app.js';
import type { HostedOptions } from '../src/server/auth.js';
import { smtpMailer } from '../src/server/mailer.js';
import type { Logger } from '../src/server/problem.js';
import { LOCAL_USER_ID, usersRepository } from '../src/storage/users.repository.js';
import { availableEngines, createTestDatabase, type TestDatabase } from './support/databases.js';
import { fixedClock } from './support/fixtures.js';
import { inProcess, TestClient } from './support/http-client.js';
import { bodyText, startSmtpSink } from './support/smtp.js';

const engines = await availableEngines();
const PASSWORD = 'correct horse battery staple';
const NOTE = 'talked about the hard week at work';

/** Everything logged during the suite, to prove no secret ever reaches a log. */
const logged: string[] = [];
const capturingLogger: Logger = {
  error: (message, detail) =>
    logged.push(
      message,
      detail instanceof Error ? `${detail.message}\n${detail.stack}` : String(detail ?? ''),
    ),
  info: (message) => logged.push(message),
};

describe.each(engines)('hosted accounts on %s', (engine) => {
  let test: TestDatabase;
  const clock = fixedClock('2026-11-26T12:00:00.000Z');
  const secrets: string[] = [PASSWORD, NOTE];

  const appWith = (hosted: Partial<HostedOptions> = {}, config = {}): Hono =>
    createApp({
      database: test.database,
      clock,
      log: capturingLogger,
      webDir: '/nonexistent',
      hosted: {
        config: hostedConfig({ signup: 'open', passwordCost: 10, ...config }),
        ...hosted,
      },
    });
  let app: Hono;
  let n = 0;
  const person = () => `person${++n}@example.org`;
  const client = (headers: Record<string, string> = {}) =>
    new TestClient(inProcess(app), { 'x-forwarded-for': `10.0.0.${n}`, ...headers });

  beforeAll(async () => {
    test = await createTestDatabase(engine);
    app = appWith({ trustProxy: true });
  });
  afterAll(async () => {
    await test?.destroy();
    const all = logged.join('\n');
    for (const secret of secrets) expect(all).not.toContain(secret);
  });

  it('without signing in, data routes answer 401 and the session says nobody is signed in', async () => {
    const anon = client();
    expect((await anon.call('GET', '/api/v1/connections')).status).toBe(401);
    expect((await anon.call('GET', '/api/v1/today')).status).toBe(401);
    const session = await anon.call('GET', '/api/v1/session');
    expect(session.body).toMatchObject({
      mode: 'hosted',
      signup: 'open',
      user: null,
      csrfToken: null,
    });
  });

  it('when a person signs up, they get an HttpOnly SameSite cookie and their own empty Tend', async () => {
    const sam = client();
    const email = person();
    const answer = await sam.call('POST', '/api/v1/account/signup', {
      email: email.toUpperCase(),
      password: PASSWORD,
      timeZone: 'Asia/Tokyo',
    });
    expect(answer.status).toBe(201);
    expect((await sam.call('GET', '/api/v1/settings')).body.timeZone).toBe('Asia/Tokyo');
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tend_session=tend_s_/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(answer.body.user.email).toBe(email);
    expect((await sam.call('GET', '/api/v1/connections')).body.items).toEqual([]);
    const session = await sam.call('GET', '/api/v1/session');
    expect(session.body.user).toEqual({ id: answer.body.user.id, email, emailVerified: false });
    // The password is stored only as a scrypt hash.
    const row = await test.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('a change sent with the session cookie but without the CSRF token is refused and writes nothing', async () => {
    const sam = client();
    await sam.signUp(person(), PASSWORD);
    const csrf = sam.csrf;
    sam.csrf = undefined;
    const refused = await sam.call('POST', '/api/v1/connections', { name: 'Kim' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/CSRF/);
    sam.csrf = 'tend-csrf-guess';
    expect((await sam.call('POST', '/api/v1/connections', { name: 'Kim' })).status).toBe(403);
    expect((await sam.call('GET', '/api/v1/connections')).body.items).toEqual([]);
    sam.csrf = csrf;
    expect((await sam.call('POST', '/api/v1/connections', { name: 'Kim' })).status).toBe(201);
  });

  it('a change requested from another site is refused, even before signing in', async () => {
    const sam = client();
    await sam.signUp(person(), PASSWORD);
    const evil = { origin: 'https://evil.example' };
    expect((await sam.call('POST', '/api/v1/connections', { name: 'Kim' }, evil)).status).toBe(403);
    const login = await client().call(
      'POST',
      '/api/v1/account/login',
      { email: 'x@y.org', password: 'x' },
      evil,
    );
    expect(login.status).toBe(403);
  });

  it('a wrong password and an unknown address get the same answer, and both lock after five tries', async () => {
    const email = person();
    await client().signUp(email, PASSWORD);
    const unknown = person();
    const attacker = client({ 'x-forwarded-for': '10.9.9.9' });
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await attacker.logIn(email, `wrong password ${i}`);
      const b = await attacker.logIn(unknown, `wrong password ${i}`);
      answers.push(`${a.status} ${a.body.detail}`, `${b.status} ${b.body.detail}`);
    }
    expect(new Set(answers)).toEqual(new Set(['401 The email or password is not right.']));
    // Locked now, right password or not, existing account or not: the same 429.
    const locked = await attacker.logIn(email, PASSWORD);
    const lockedUnknown = await attacker.logIn(unknown, PASSWORD);
    expect(locked.status).toBe(429);
    expect(lockedUnknown.status).toBe(429);
    expect(locked.body.detail).toBe(lockedUnknown.body.detail);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // After the window the right password works again.
    clock.advance(15 * 60 * 1000);
    expect((await attacker.logIn(email, PASSWORD)).status).toBe(200);
  });

  it('many failures from one address lock that address for every account', async () => {
    const from = client({ 'x-forwarded-for': '10.7.7.7' });
    for (let i = 0; i < 30; i++) await from.logIn(person(), 'not the password');
    const email = person();
    await client().signUp(email, PASSWORD);
    expect((await from.logIn(email, PASSWORD)).status).toBe(429);
    expect((await client({ 'x-forwarded-for': '10.7.7.8' }).logIn(email, PASSWORD)).status).toBe(
      200,
    );
    clock.advance(15 * 60 * 1000);
  });

  it('signing in again while signed in needs no CSRF token and starts a fresh session', async () => {
    const email = person();
    const sam = client();
    await sam.signUp(email, PASSWORD);
    const first = sam.cookie;
    sam.csrf = undefined;
    expect((await sam.logIn(email, PASSWORD)).status).toBe(200);
    expect(sam.cookie).not.toBe(first);
  });

  it('logging out ends the session on the server, so the old cookie no longer works', async () => {
    const sam = client();
    await sam.signUp(person(), PASSWORD);
    const oldCookie = sam.cookie;
    const out = await sam.call('POST', '/api/v1/account/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/i);
    const replay = client();
    replay.cookie = oldCookie;
    expect((await replay.call('GET', '/api/v1/connections')).status).toBe(401);
  });

  it('a new password signs out every other session and the old password stops working', async () => {
    const email = person();
    const laptop = client();
    await laptop.signUp(email, PASSWORD);
    const phone = client();
    await phone.logIn(email, PASSWORD);
    const wrong = await laptop.call('POST', '/api/v1/account/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.errors).toEqual([{ path: 'currentPassword', message: 'is not right' }]);
    const changed = await laptop.call('POST', '/api/v1/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.status).toBe(204);
    expect((await laptop.call('GET', '/api/v1/connections')).status).toBe(200);
    expect((await phone.call('GET', '/api/v1/connections')).status).toBe(401);
    expect((await client().logIn(email, PASSWORD)).status).toBe(401);
    expect((await client().logIn(email, 'a brand new passphrase')).status).toBe(200);
    secrets.push('a brand new passphrase');
  });

  it('sessions are listed with the current one marked, and signing out everywhere ends them all', async () => {
    const email = person();
    const laptop = client({
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0',
    });
    await laptop.signUp(email, PASSWORD);
    const phone = client();
    await phone.logIn(email, PASSWORD);
    const list = await laptop.call('GET', '/api/v1/account/sessions');
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.body.items.map((s: { label: string }) => s.label)).toContain('Firefox on Linux');
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    expect((await laptop.call('DELETE', `/api/v1/account/sessions/${other.id}`)).status).toBe(204);
    expect((await phone.call('GET', '/api/v1/today')).status).toBe(401);
    await phone.logIn(email, PASSWORD);
    expect((await laptop.call('DELETE', '/api/v1/account/sessions')).status).toBe(204);
    expect((await laptop.call('GET', '/api/v1/today')).status).toBe(401);
    expect((await phone.call('GET', '/api/v1/today')).status).toBe(401);
  });

  it('an idle session ends after 30 days', async () => {
    const sam = client();
    await sam.signUp(person(), PASSWORD);
    clock.advance(29 * 24 * 3600 * 1000);
    expect((await sam.call('GET', '/api/v1/connections')).status).toBe(200);
    clock.advance(29 * 24 * 3600 * 1000);
    expect((await sam.call('GET', '/api/v1/connections')).status).toBe(200);
    clock.advance(31 * 24 * 3600 * 1000);
    expect((await sam.call('GET', '/api/v1/connections')).status).toBe(401);
  });

  it('a personal API token is shown once, stored as a hash, works for data but not for the account, and can be revoked', async () => {
    const sam = client();
    await sam.signUp(person(), PASSWORD);
    const created = await sam.call('POST', '/api/v1/account/tokens', { name: 'my script' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    secrets.push(token);
    expect(token).toMatch(/^tend_pat_[\w-]{43}$/);
    const listed = await sam.call('GET', '/api/v1/account/tokens');
    expect(listed.body.items).toEqual([
      { id: created.body.id, name: 'my script', createdAt: expect.any(String), lastUsedAt: null },
    ]);
    expect(listed.text).not.toContain(token);
    const stored = await test.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const script = client();
    script.bearer = token;
    // No CSRF token needed: a bearer token is not sent by browsers on their own.
    const made = await script.call('POST', '/api/v1/connections', { name: 'Ada' });
    expect(made.status).toBe(201);
    expect((await sam.call('GET', '/api/v1/connections')).body.items[0].name).toBe('Ada');
    expect((await script.call('GET', '/api/v1/account/tokens')).status).toBe(403);
    expect(
      (await script.call('POST', '/api/v1/account/delete', { password: PASSWORD })).status,
    ).toBe(403);

    expect((await sam.call('DELETE', `/api/v1/account/tokens/${created.body.id}`)).status).toBe(
      204,
    );
    const revoked = await script.call('GET', '/api/v1/connections');
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toMatch(/token/);
  });

  it('deleting the account asks for the password and removes every record of it, and nobody else’s', async () => {
    const keep = client();
    await keep.signUp(person(), PASSWORD);
    await keep.call('POST', '/api/v1/connections', { name: 'Stays' });

    const leaving = client();
    const answer = await leaving.signUp(person(), PASSWORD);
    const userId: string = answer.body.user.id;
    const kim = await leaving.call('POST', '/api/v1/connections', { name: 'Kim' });
    const met = await leaving.call('POST', '/api/v1/interactions', {
      connectionIds: [kim.body.id],
      startedAt: '2026-11-25T18:00:00.000Z',
      channel: 'in_person',
      note: NOTE,
    });
    expect(met.status).toBe(201);
    expect(
      (await leaving.call('POST', '/api/v1/checkins', { stress: 4, loneliness: 3 })).status,
    ).toBe(201);
    expect((await leaving.call('POST', '/api/v1/account/tokens', { name: 'cli' })).status).toBe(
      201,
    );

    expect(
      (await leaving.call('POST', '/api/v1/account/delete', { password: 'nope nope' })).status,
    ).toBe(403);
    const gone = await leaving.call('POST', '/api/v1/account/delete', { password: PASSWORD });
    expect(gone.status).toBe(204);
    expect((await leaving.call('GET', '/api/v1/connections')).status).toBe(401);
    for (const table of [
      'connections',
      'interactions',
      'interaction_connections',
      'checkins',
      'sessions',
      'api_tokens',
    ] as const) {
      const rows = await test.database.db
        .selectFrom(table)
        .select('user_id')
        .where('user_id', '=', userId)
        .execute();
      expect(rows, table).toEqual([]);
    }
    expect(
      (await keep.call('GET', '/api/v1/connections')).body.items.map(
        (c: { name: string }) => c.name,
      ),
    ).toEqual(['Stays']);
  });

  it('heavy routes are limited per user per minute, with Retry-After', async () => {
    const sam = client();
    await sam.signUp(person(), PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push(
        (await sam.call('GET', '/api/v1/insights?from=2026-11-01&to=2026-11-02')).status,
      );
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const limited = await sam.call('GET', '/api/v1/insights?from=2026-11-01&to=2026-11-02');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Cheap routes are not limited, and another user is not affected.
    expect((await sam.call('GET', '/api/v1/connections')).status).toBe(200);
    const kim = client();
    await kim.signUp(person(), PASSWORD);
    expect((await kim.call('GET', '/api/v1/insights?from=2026-11-01&to=2026-11-02')).status).toBe(
      200,
    );
    clock.advance(60_000);
    expect((await sam.call('GET', '/api/v1/insights?from=2026-11-01&to=2026-11-02')).status).toBe(
      200,
    );
  });

  it('two accounts can restore the same backup; the second gets fresh ids', async () => {
    const first = client();
    await first.signUp(person(), PASSWORD);
    const kim = await first.call('POST', '/api/v1/connections', { name: 'Kim' });
    const call = await first.call('POST', '/api/v1/interactions', {
      connectionIds: [kim.body.id],
      startedAt: '2026-11-20T18:00:00.000Z',
      channel: 'voice',
    });
    expect(call.status).toBe(201);
    const backup = (await first.call('GET', '/api/v1/backup')).body;
    const second = client();
    await second.signUp(person(), PASSWORD);
    const restored = await second.call('POST', '/api/v1/backup', backup);
    expect(restored.status).toBe(201);
    const theirs = (await second.call('GET', '/api/v1/backup')).body.interactions;
    expect(theirs).toHaveLength(1);
    expect(theirs[0].connectionIds).not.toEqual([kim.body.id]);
    const theirKim = (await second.call('GET', '/api/v1/connections')).body.items[0];
    expect(theirs[0].connectionIds).toEqual([theirKim.id]);
    // The first account's records are untouched.
    expect((await first.call('GET', `/api/v1/connections/${kim.body.id}`)).status).toBe(200);
  });

  it('invite-only sign-up needs a valid, unused invite; closed sign-up takes nobody', async () => {
    const inviteOnly = appWith({ trustProxy: true }, { signup: 'invite' });
    const c = () => new TestClient(inProcess(inviteOnly), { 'x-forwarded-for': '10.1.1.1' });
    const none = await c().call('POST', '/api/v1/account/signup', {
      email: person(),
      password: PASSWORD,
    });
    expect(none.status).toBe(403);
    expect(none.body.errors).toEqual([{ path: 'invite', message: 'is required' }]);
    const invite = await createInvite({ database: test.database, clock });
    secrets.push(invite.code);
    expect((await c().signUp(person(), PASSWORD, invite.code)).status).toBe(201);
    const reused = await c().call('POST', '/api/v1/account/signup', {
      email: person(),
      password: PASSWORD,
      invite: invite.code,
    });
    expect(reused.status).toBe(403);

    const closed = appWith({}, { signup: 'closed' });
    const shut = await new TestClient(inProcess(closed)).call('POST', '/api/v1/account/signup', {
      email: person(),
      password: PASSWORD,
    });
    expect(shut.status).toBe(403);
  });

  it('behind HTTPS the cookie is Secure and __Host- prefixed', async () => {
    const secure = appWith({ publicUrl: 'https://tend.example.org' });
    const sam = new TestClient(inProcess(secure), { origin: 'https://tend.example.org' });
    const answer = await sam.signUp(person(), PASSWORD);
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-tend_session=/);
    expect(cookie).toMatch(/Secure/);
    expect((await sam.call('GET', '/api/v1/connections')).status).toBe(200);
  });

  it('a sign-up with a taken address or a short password is refused and names the field', async () => {
    const email = person();
    await client().signUp(email, PASSWORD);
    const taken = await client().call('POST', '/api/v1/account/signup', {
      email,
      password: PASSWORD,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.errors[0].path).toBe('email');
    const short = await client().call('POST', '/api/v1/account/signup', {
      email: person(),
      password: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('password');
  });
});

describe('confirming the email address', () => {
  it('a link mailed through a real SMTP server confirms the address once; without mail it says so', async () => {
    const test = await createTestDatabase('sqlite');
    const smtp = await startSmtpSink();
    const mailer = smtpMailer({
      url: `smtp://127.0.0.1:${smtp.port}`,
      from: 'Tend <tend@example.org>',
    });
    const clock = fixedClock('2026-11-26T12:00:00.000Z');
    try {
      const hosted = (mail?: typeof mailer) =>
        createApp({
          database: test.database,
          clock,
          log: silentLogger,
          webDir: '/nonexistent',
          hosted: {
            config: hostedConfig({ signup: 'open', passwordCost: 10 }),
            publicUrl: 'https://tend.example.org',
            mail,
          },
        });
      const withMail = hosted(mailer);
      const sam = new TestClient(inProcess(withMail), { origin: 'https://tend.example.org' });
      const signed = await sam.signUp('sam.confirms@example.org', PASSWORD);
      expect(signed.body.user.emailVerified).toBe(false);
      expect(signed.body.emailDelivery).toBe(true);

      const sent = await sam.call('POST', '/api/v1/account/email/verification');
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({ sentTo: 'sam.confirms@example.org' });
      expect(smtp.inbox).toHaveLength(1);
      expect(smtp.inbox[0]?.to).toEqual(['sam.confirms@example.org']);
      const token = /https:\/\/tend\.example\.org\/verify-email#token=(tend_v_[\w-]+)/.exec(
        bodyText(smtp.inbox[0]?.raw ?? ''),
      )?.[1];
      expect(token).toBeDefined();

      // The link confirms only through a POST, and only once; no session is needed.
      const anyone = new TestClient(inProcess(withMail), { origin: 'https://tend.example.org' });
      expect((await anyone.call('POST', '/api/v1/account/email/verify', { token })).status).toBe(
        204,
      );
      expect((await anyone.call('POST', '/api/v1/account/email/verify', { token })).status).toBe(
        404,
      );
      expect((await sam.call('GET', '/api/v1/session')).body.user.emailVerified).toBe(true);
      expect((await sam.call('POST', '/api/v1/account/email/verification')).status).toBe(409);

      // An expired link does not confirm.
      const kim = new TestClient(inProcess(withMail), { origin: 'https://tend.example.org' });
      await kim.signUp('kim.late@example.org', PASSWORD);
      await kim.call('POST', '/api/v1/account/email/verification');
      const late = /#token=(tend_v_[\w-]+)/.exec(bodyText(smtp.inbox[1]?.raw ?? ''))?.[1];
      clock.advance(3 * 24 * 3600 * 1000);
      expect((await kim.call('POST', '/api/v1/account/email/verify', { token: late })).status).toBe(
        404,
      );
      expect((await kim.call('GET', '/api/v1/session')).body.user.emailVerified).toBe(false);

      // Asking again and again is throttled.
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await kim.call('POST', '/api/v1/account/email/verification')).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);

      // Without SMTP the server says it cannot send, and the session says so up front.
      const noMail = new TestClient(inProcess(hosted(undefined)), {
        origin: 'https://tend.example.org',
      });
      const state = await noMail.signUp('no.mail@example.org', PASSWORD);
      expect(state.body.emailDelivery).toBe(false);
      const refused = await noMail.call('POST', '/api/v1/account/email/verification');
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toMatch(/no email set up/);
    } finally {
      mailer.close();
      await smtp.close();
      await test.destroy();
    }
  });
});

describe('server errors and logs', () => {
  it('an unexpected failure answers a masked 500 and logs neither the password, the token nor the path', async () => {
    const test = await createTestDatabase('sqlite');
    const lines: string[] = [];
    const logger: Logger = {
      error: (message, detail) =>
        lines.push(
          message,
          detail instanceof Error ? `${detail.message} ${detail.stack}` : String(detail ?? ''),
        ),
      info: (message) => lines.push(message),
    };
    const app = createApp({
      database: test.database,
      log: logger,
      webDir: '/nonexistent',
      hosted: { config: hostedConfig({ signup: 'open', passwordCost: 10 }) },
    });
    await test.database.close(); // every query now fails inside the driver
    const feedToken = 'feedsecret-0123456789abcdef0123456789abcdef';
    const c = new TestClient(inProcess(app));
    const login = await c.logIn('secret.person@example.org', 'my very secret passphrase');
    const feed = await c.call('GET', `/calendar/${feedToken}.ics`);
    const token = await new TestClient(inProcess(app), {
      authorization: 'Bearer tend_pat_thisIsASecretTokenValue0123456789abcdefghijk',
    }).call('GET', '/api/v1/today');
    for (const answer of [login, feed, token]) {
      expect(answer.status).toBe(500);
      expect(answer.body).toMatchObject({ type: 'urn:tend:problem:internal', errors: [] });
      expect(answer.text).not.toMatch(/sqlite|database connection|stack|at /i);
    }
    const log = lines.join('\n');
    expect(log).toContain('POST /api/v1/account/login failed');
    expect(log).toContain('GET /calendar/:file failed');
    for (const secret of [
      'my very secret passphrase',
      'secret.person@example.org',
      feedToken,
      'thisIsASecretTokenValue',
    ]) {
      expect(log).not.toContain(secret);
    }
    await test.destroy();
  });
});

describe('local mode', () => {
  let test: TestDatabase;
  let app: Hono;
  beforeAll(async () => {
    test = await createTestDatabase('sqlite');
    await usersRepository(test.database.db).ensure(LOCAL_USER_ID, '2026-01-01T00:00:00.000Z');
    app = createApp({
      database: test.database,
      clock: fixedClock(),
      log: capturingLogger,
      webDir: '/nonexistent',
    });
  });
  afterAll(async () => {
    await test?.destroy();
  });

  it('says it is local, and has no account routes', async () => {
    const c = new TestClient(inProcess(app));
    expect((await c.call('GET', '/api/v1/session')).body).toMatchObject({
      mode: 'local',
      csrfToken: null,
    });
    expect(
      (await c.call('POST', '/api/v1/account/login', { email: 'a@b.org', password: 'x' })).status,
    ).toBe(404);
  });

  it('refuses requests addressed to another host name (DNS rebinding) and changes from other sites', async () => {
    const c = new TestClient(inProcess(app));
    expect(
      (await c.call('GET', '/api/v1/connections', undefined, { host: 'attacker.example:4321' }))
        .status,
    ).toBe(403);
    expect(
      (await c.call('GET', '/api/v1/connections', undefined, { host: '127.0.0.1:4321' })).status,
    ).toBe(200);
    const cross = await c.call(
      'POST',
      '/api/v1/connections',
      { name: 'X' },
      {
        host: '127.0.0.1:4321',
        origin: 'https://evil.example',
      },
    );
    expect(cross.status).toBe(403);
    const same = await c.call(
      'POST',
      '/api/v1/connections',
      { name: 'X' },
      {
        host: '127.0.0.1:4321',
        origin: 'http://127.0.0.1:4321',
      },
    );
    expect(same.status).toBe(201);
  });
});
