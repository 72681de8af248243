import { describe, expect, it } from 'vitest';
import { runTend, startTendServer } from './support/cli.js';
import { availableEngines, createTestDatabase } from './support/databases.js';
import { overHttp, TestClient } from './support/http-client.js';
import { bodyText, startSmtpSink } from './support/smtp.js';

const HOSTED = { TEND_MODE: 'hosted', TEND_SIGNUP: 'open', TEND_PASSWORD_COST: '10' };
const PASSWORD = 'one passphrase for two servers';

describe('hosted Tend behind a load balancer', () => {
  it('two server processes on one PostgreSQL share sessions and data', async () => {
    const engines = await availableEngines();
    if (!engines.includes('postgres')) return; // availableEngines fails under CI=true instead
    const test = await createTestDatabase('postgres');
    await test.database.close();
    const env = { ...HOSTED, DATABASE_URL: test.options.databaseUrl };
    const [one, two] = await Promise.all([startTendServer([], env), startTendServer([], env)]);
    try {
      expect(one.url).not.toBe(two.url);
      const viaOne = new TestClient(overHttp(one.url));
      await viaOne.signUp('shared@example.org', PASSWORD);
      // The same browser, routed to the other server: same cookie, same CSRF token.
      const viaTwo = new TestClient(overHttp(two.url));
      viaTwo.cookie = viaOne.cookie;
      viaTwo.csrf = viaOne.csrf;
      const made = await viaTwo.call('POST', '/api/v1/connections', { name: 'Made on two' });
      expect(made.status).toBe(201);
      const listed = await viaOne.call('GET', '/api/v1/connections');
      expect(listed.body.items.map((c: { name: string }) => c.name)).toEqual(['Made on two']);
      // Today's cached report follows writes made through the other server.
      await viaOne.call('GET', '/api/v1/today');
      await viaTwo.call('POST', '/api/v1/checkins', { stress: 3, loneliness: 2 });
      expect((await viaOne.call('GET', '/api/v1/today')).body.checkedInToday).toBe(true);
      // Signing out on one ends the session on both.
      expect((await viaOne.call('POST', '/api/v1/account/logout')).status).toBe(204);
      expect((await viaTwo.call('GET', '/api/v1/connections')).status).toBe(401);
      // Login throttling is counted in the database, so it holds across servers.
      const attackerOne = new TestClient(overHttp(one.url));
      const attackerTwo = new TestClient(overHttp(two.url));
      for (let i = 0; i < 5; i++) {
        await (i % 2 ? attackerOne : attackerTwo).logIn('shared@example.org', `guess ${i}`);
      }
      expect((await attackerOne.logIn('shared@example.org', PASSWORD)).status).toBe(429);
      expect((await attackerTwo.logIn('shared@example.org', PASSWORD)).status).toBe(429);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
      await test.destroy();
    }
  }, 60_000);

  it('two servers with mail set up send a due digest once, not once each', async () => {
    const engines = await availableEngines();
    if (!engines.includes('postgres')) return;
    const smtp = await startSmtpSink();
    const smtpPort = smtp.port;
    const test = await createTestDatabase('postgres');
    await test.database.close();
    const env = {
      ...HOSTED,
      DATABASE_URL: test.options.databaseUrl,
      TEND_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      TEND_MAIL_FROM: 'Tend <tend@example.org>',
    };
    try {
      // Sign up and ask for a daily digest from midnight UTC on: due whenever the servers start.
      const setup = await startTendServer([], env);
      const person = new TestClient(overHttp(setup.url));
      await person.signUp('digest.reader@example.org', PASSWORD);
      await person.call('POST', '/api/v1/connections', { name: 'Someone to call' });
      // Mail goes only to a confirmed address: follow the emailed link first.
      expect((await person.call('POST', '/api/v1/account/email/verification')).status).toBe(200);
      const token = /#token=(tend_v_[\w-]+)/.exec(bodyText(smtp.inbox[0]?.raw ?? ''))?.[1];
      expect((await person.call('POST', '/api/v1/account/email/verify', { token })).status).toBe(
        204,
      );
      const patched = await person.call('PATCH', '/api/v1/settings', {
        timeZone: 'UTC',
        digest: { enabled: true, frequency: 'daily', hour: 0 },
      });
      expect(patched.status).toBe(200);
      await setup.stop();
      smtp.inbox.length = 0;
      // Both servers run their scheduler at start.
      const [one, two] = await Promise.all([startTendServer([], env), startTendServer([], env)]);
      for (let waited = 0; smtp.inbox.length === 0 && waited < 10_000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 1_000));
      await Promise.all([one.stop(), two.stop()]);
      expect(smtp.inbox.map((m) => m.to)).toEqual([['digest.reader@example.org']]);
    } finally {
      await test.destroy();
      await smtp.close();
    }
  }, 60_000);

  it('local mode refuses to listen beyond this machine; hosted mode may', async () => {
    const refused = await runTend(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/TEND_MODE=hosted/);
    const test = await createTestDatabase('sqlite');
    await test.database.close();
    const hosted = await startTendServer(
      ['--host', '0.0.0.0', '--data-dir', test.options.dataDir ?? ''],
      HOSTED,
    );
    try {
      const port = new URL(hosted.url).port;
      const anon = await fetch(`http://127.0.0.1:${port}/api/v1/connections`);
      expect(anon.status).toBe(401);
    } finally {
      await hosted.stop();
      await test.destroy();
    }
  }, 30_000);

  it('a bad hosted setting stops the server at start with the variable named', async () => {
    const r = await runTend(['serve', '--port', '0'], {
      TEND_MODE: 'hosted',
      TEND_SIGNUP: 'everyone',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TEND_SIGNUP/);
  });
});
