import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCheckIn } from '../src/app/checkins.usecases.js';
import { createConnection } from '../src/app/connections.usecases.js';
import type { AppContext } from '../src/app/context.js';
import { dueDigestPeriod, renderDigest } from '../src/app/digest.usecases.js';
import { createInteraction } from '../src/app/interactions.usecases.js';
import { createPlan } from '../src/app/plans.usecases.js';
import { type DigestSettings, defaultSettings } from '../src/core/settings.schemas.js';
import { silentLogger } from '../src/server/app.js';
import { runDigestsOnce, startDigestScheduler } from '../src/server/digests.js';
import {
  type Mailer,
  mailerFromEnv,
  smtpMailer,
  smtpTransportOptions,
} from '../src/server/mailer.js';
import type { Logger } from '../src/server/problem.js';
import { type Database, openDatabase } from '../src/storage/database.js';
import { digestRunsRepository } from '../src/storage/digest-runs.repository.js';
import { userStore } from '../src/storage/store.js';
import { usersRepository } from '../src/storage/users.repository.js';
import { availableEngines, createTestDatabase, type TestDatabase } from './support/databases.js';
import { fixedClock, sequentialIds } from './support/fixtures.js';

// ---------------------------------------------------------------- a real SMTP server

interface Received {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  text: string;
  html: string;
}

/** Undo quoted-printable or base64 transfer encoding of one MIME part's body. */
function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes: number[] = [];
    const soft = body.replace(/=\r?\n/g, '');
    for (let i = 0; i < soft.length; i++) {
      if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
        bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.push(...Buffer.from(soft[i] as string, 'utf8'));
      }
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

/** The text and HTML parts of a multipart/alternative message (all nodemailer sends here). */
function parseMessage(raw: string): Pick<Received, 'subject' | 'text' | 'html'> {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '';
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfolded)?.[1];
  const parts: Record<string, string> = {};
  if (boundary) {
    for (const part of rest.join('\n\n').split(`--${boundary}`)) {
      const [partHead = '', ...partBody] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
      const type = /Content-Type: ([^;\r\n]+)/i.exec(partHead)?.[1]?.trim();
      const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(partHead)?.[1]?.toLowerCase();
      if (type) parts[type] = decodeBody(partBody.join('\n\n').trim(), encoding);
    }
  }
  return { subject, text: parts['text/plain'] ?? '', html: parts['text/html'] ?? '' };
}

const SMTP_USER = 'tend';
const SMTP_PASS = 'p@ss:w/rd';

async function startSmtp() {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: the test has no certificate, so no STARTTLS.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom;
        inbox.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMessage(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    inbox,
    port,
    url: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASS)}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on: the mail server is down. */
async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------- users and data

const PUBLIC_URL = 'https://tend.example.org/';
const uid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

interface UserSpec {
  email?: string | null;
  /** Whether the owner confirmed the address (default yes). */
  verified?: boolean;
  timeZone?: string;
  digest?: Partial<DigestSettings>;
}

async function addUser(database: Database, n: number, spec: UserSpec = {}): Promise<string> {
  const id = uid(n);
  const settings = defaultSettings(spec.timeZone ?? 'Europe/Berlin');
  settings.digest = { ...settings.digest, enabled: true, ...spec.digest };
  await usersRepository(database.db).ensure(id, '2026-01-01T00:00:00.000Z', settings);
  const email = spec.email === undefined ? `user${n}@example.org` : spec.email;
  const verified = spec.verified === false || email === null ? null : '2026-01-01T00:00:00.000Z';
  await database.db
    .updateTable('users')
    .set({ email, email_verified_at: verified })
    .where('id', '=', id)
    .execute();
  return id;
}

/** A year of history for one user, with private notes everywhere the model reads. */
async function fillUser(ctx: AppContext) {
  const sam = await createConnection(ctx, {
    name: 'Sam Okafor',
    ring: 'inner',
    sharedJoys: ['trail running'],
    notes: 'PRIVATE-CONNECTION-NOTE',
    importantDates: [{ kind: 'birthday', month: 12, day: 1, year: 1990 }],
  });
  const kim = await createConnection(ctx, { name: 'Kim', ring: 'close' });
  for (const who of [sam, kim]) {
    await createInteraction(ctx, {
      startedAt: '2026-09-01T10:00:00.000Z',
      connectionIds: [who.id],
      channel: 'in_person',
      kinds: ['conversation'],
      note: 'PRIVATE-INTERACTION-NOTE',
    });
  }
  await createCheckIn(ctx, {
    at: '2026-11-25T20:00:00.000Z',
    stress: 9,
    loneliness: 8,
    mood: 'PRIVATE-MOOD',
    note: 'PRIVATE-CHECKIN-NOTE',
  });
  await createPlan(ctx, {
    startsAt: '2026-11-28T17:00:00.000Z',
    title: 'Dinner at home',
    location: 'Leipzig',
    connectionIds: [sam.id, kim.id],
    note: 'PRIVATE-PLAN-NOTE',
  });
  await createPlan(ctx, {
    startsAt: '2026-12-10T17:00:00.000Z',
    title: 'Far-off trip',
    connectionIds: [sam.id],
  });
  await createPlan(ctx, {
    startsAt: '2026-11-27T17:00:00.000Z',
    title: 'Cancelled film',
    status: 'cancelled',
    connectionIds: [kim.id],
  });
}

const collectingLog = () => {
  const errors: string[] = [];
  const log: Logger = { error: (m) => errors.push(m), info() {} };
  return { errors, log };
};

// ---------------------------------------------------------------- the pure parts

describe('when a digest is due', () => {
  const at = (iso: string) => new Date(iso);
  const s = (timeZone: string, digest: Partial<DigestSettings> = {}) => ({
    timeZone,
    digest: { enabled: true, frequency: 'daily' as const, hour: 8, weekday: 1, ...digest },
  });

  it('a daily digest is due from its local hour, for the local date', () => {
    expect(dueDigestPeriod(s('Europe/Berlin'), at('2026-11-26T06:59:00Z'))).toBeNull();
    expect(dueDigestPeriod(s('Europe/Berlin'), at('2026-11-26T07:00:00Z'))).toBe('2026-11-26');
    expect(dueDigestPeriod(s('Europe/Berlin'), at('2026-11-26T22:59:00Z'))).toBe('2026-11-26');
    // 23:30 UTC is already the next day in Berlin, before its hour.
    expect(dueDigestPeriod(s('Europe/Berlin'), at('2026-11-26T23:30:00Z'))).toBeNull();
    // 20:00 UTC is 10:00 on the next day at UTC+14.
    expect(dueDigestPeriod(s('Pacific/Kiritimati'), at('2026-11-26T20:00:00Z'))).toBe('2026-11-27');
    expect(dueDigestPeriod(s('UTC', { hour: 0 }), at('2026-11-26T00:00:00Z'))).toBe('2026-11-26');
  });

  it('a weekly digest is due from its weekday and hour until the week ends, keyed by ISO week', () => {
    const friday = s('America/New_York', { frequency: 'weekly', weekday: 5, hour: 18 });
    expect(dueDigestPeriod(friday, at('2026-11-26T23:30:00Z'))).toBeNull(); // Thursday
    expect(dueDigestPeriod(friday, at('2026-11-27T22:59:00Z'))).toBeNull(); // Friday 17:59
    expect(dueDigestPeriod(friday, at('2026-11-27T23:00:00Z'))).toBe('2026-W48'); // Friday 18:00
    expect(dueDigestPeriod(friday, at('2026-11-30T04:00:00Z'))).toBe('2026-W48'); // Sunday night
    expect(dueDigestPeriod(friday, at('2026-11-30T14:00:00Z'))).toBeNull(); // Monday
  });

  it('a digest that is off is never due', () => {
    expect(dueDigestPeriod(s('UTC', { enabled: false }), at('2026-11-26T20:00:00Z'))).toBeNull();
  });
});

describe('when a digest is rendered', () => {
  const content = {
    frequency: 'daily' as const,
    date: '2026-11-26',
    timeZone: 'Europe/Berlin',
    reachOut: [{ name: '<b>Sam</b> & co', activity: null }],
    plans: [],
    morePlans: 0,
    dates: [],
  };

  it('names are escaped in HTML and links point at the configured address', () => {
    const email = renderDigest(content, { publicUrl: 'https://tend.example.org/app/' });
    expect(email.html).toContain('&lt;b&gt;Sam&lt;/b&gt; &amp; co');
    expect(email.html).not.toContain('<b>Sam');
    expect(email.text).toContain('<b>Sam</b> & co');
    expect(email.text).toContain('https://tend.example.org/app/settings');
    expect(email.html).toContain('href="https://tend.example.org/app/settings"');
  });

  it('without a public address there are no links, and an empty digest says so calmly', () => {
    const email = renderDigest({ ...content, reachOut: [] }, { publicUrl: 'javascript:alert(1)' });
    expect(email.text).not.toContain('http');
    expect(email.html).not.toContain('href');
    expect(email.text).toContain('Enjoy the quiet');
    expect(email.text).toContain('turn them off under Settings in Tend');
  });
});

describe('when the mailer is configured from the environment', () => {
  it('without TEND_SMTP_URL there is no mailer', () => {
    expect(mailerFromEnv({})).toBeUndefined();
    expect(mailerFromEnv({ TEND_SMTP_URL: '' })).toBeUndefined();
  });

  it('a mail server beyond this machine must use TLS, a relay on loopback need not', () => {
    expect(smtpTransportOptions('smtp://u:p@mail.example.org:587').requireTLS).toBe(true);
    expect(smtpTransportOptions('smtp://127.0.0.1:25').requireTLS).toBe(false);
    expect(smtpTransportOptions('smtp://localhost:25').requireTLS).toBe(false);
    expect(smtpTransportOptions('smtp://[::1]:25').requireTLS).toBe(false);
  });

  it('a half-done or wrong setup fails at start, naming the variable but not the password', () => {
    const secret = 'hunter2';
    expect(() => mailerFromEnv({ TEND_SMTP_URL: `http://u:${secret}@mail` })).toThrow(
      /TEND_SMTP_URL/,
    );
    expect(() => mailerFromEnv({ TEND_SMTP_URL: `http://u:${secret}@mail` })).not.toThrow(secret);
    expect(() => mailerFromEnv({ TEND_SMTP_URL: `smtp://u:${secret}@mail:587` })).toThrow(
      /TEND_MAIL_FROM/,
    );
    expect(() =>
      mailerFromEnv({ TEND_SMTP_URL: 'smtp://mail:587', TEND_MAIL_FROM: 'Tend' }),
    ).toThrow(/TEND_MAIL_FROM/);
    const mailer = mailerFromEnv({
      TEND_SMTP_URL: 'smtps://u:p@mail.example.org:465',
      TEND_MAIL_FROM: 'Tend <tend@example.org>',
    });
    expect(mailer).toBeDefined();
    mailer?.close();
  });
});

// ---------------------------------------------------------------- on both engines

for (const engine of await availableEngines()) {
  describe(`reminder digests on ${engine}`, () => {
    let test: TestDatabase;
    /** A second, separate connection (pool) to the same database: another server. */
    let other: Database;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let mailer: Mailer;

    beforeAll(async () => {
      test = await createTestDatabase(engine);
      other = await openDatabase({ ...test.options, maxConnections: 4 });
      smtp = await startSmtp();
      mailer = smtpMailer({ url: smtp.url, from: 'Tend <tend@example.org>' });
    });
    afterAll(async () => {
      mailer?.close();
      await smtp?.close();
      await other?.close();
      await test?.destroy();
    });
    beforeEach(async () => {
      // Users cascade to everything they own, digest runs included.
      await test.database.db.deleteFrom('users').execute();
      smtp.inbox.length = 0;
    });
    afterEach(() => {
      smtp.inbox.length = 0;
    });

    const run = (
      clock: () => Date,
      extra: { database?: Database; mailer?: Mailer; log?: Logger; pageSize?: number } = {},
    ) =>
      runDigestsOnce({
        database: extra.database ?? test.database,
        clock,
        mailer: extra.mailer ?? mailer,
        log: extra.log ?? silentLogger,
        publicUrl: PUBLIC_URL,
        ...(extra.pageSize ? { pageSize: extra.pageSize } : {}),
      });
    const runs = () => digestRunsRepository(test.database);

    it('when a digest is due, the user gets names, plans and dates by email, and no notes or check-ins', async () => {
      const id = await addUser(test.database, 1);
      const clock = fixedClock('2026-11-26T07:30:00.000Z'); // Thursday, 08:30 in Berlin
      const ctx: AppContext = {
        store: userStore(test.database, id),
        clock,
        newId: sequentialIds('d'),
      };
      await fillUser(ctx);

      const summary = await run(clock);
      expect(summary).toMatchObject({ sent: 1, failed: 0 });
      expect(smtp.inbox).toHaveLength(1);
      const mail = smtp.inbox[0] as Received;
      expect(mail.to).toEqual(['user1@example.org']);
      expect(mail.from).toBe('tend@example.org');
      expect(mail.subject).toBe('Your day with Tend, Thursday 26 November');
      for (const body of [mail.text, mail.html]) {
        expect(body).toContain('Sam Okafor (maybe trail running)');
        expect(body).toContain('Kim');
        expect(body).toContain('Dinner at home (with Sam Okafor and Kim, at Leipzig)');
        expect(body).toContain('Sat 28 Nov, 18:00'); // 17:00 UTC in Berlin
        expect(body).toContain('Sam Okafor’s birthday (turns 36) is in 5 days');
        expect(body).not.toContain('Far-off trip'); // beyond the next 7 days
        expect(body).not.toContain('Cancelled film');
        expect(body).not.toMatch(/PRIVATE|stress|lonel|isolation/i);
      }
      expect(mail.raw).not.toContain('PRIVATE');
      expect(mail.text).toContain('https://tend.example.org/settings');
      expect(mail.html).toContain('href="https://tend.example.org/settings"');
      expect(await runs().get(id, '2026-11-26')).toMatchObject({
        status: 'sent',
        attempts: 1,
        error: null,
        finished_at: '2026-11-26T07:30:00.000Z',
      });
    });

    it('when two servers run at once on separate connections, each user gets exactly one email', async () => {
      const ids: string[] = [];
      for (let n = 1; n <= 7; n++) ids.push(await addUser(test.database, n));
      const clock = fixedClock('2026-11-26T09:00:00.000Z');
      const [a, b] = await Promise.all([
        run(clock, { pageSize: 3 }),
        run(clock, { database: other, pageSize: 2 }),
      ]);
      expect(a.sent + b.sent).toBe(7);
      expect(a.failed + b.failed).toBe(0);
      const recipients = smtp.inbox.flatMap((m) => m.to).sort();
      expect(recipients).toEqual(ids.map((_, i) => `user${i + 1}@example.org`).sort());

      // Again in the same period, from either server: nothing new.
      await Promise.all([run(clock), run(clock, { database: other })]);
      clock.advance(6 * 3_600_000);
      await run(clock, { database: other });
      expect(smtp.inbox).toHaveLength(7);

      // The next day, once its hour has come: one new email each.
      clock.advance(18 * 3_600_000); // 2026-11-27T09:00Z, 10:00 in Berlin
      await Promise.all([run(clock), run(clock, { database: other })]);
      expect(smtp.inbox).toHaveLength(14);
      expect(new Set(smtp.inbox.slice(7).flatMap((m) => m.to)).size).toBe(7);
      expect(smtp.inbox[7]?.subject).toBe('Your day with Tend, Friday 27 November');
    });

    it('when the local hour has not come, nothing is sent; each user is served in their own time zone', async () => {
      const berlin = await addUser(test.database, 1, { timeZone: 'Europe/Berlin' });
      const tokyo = await addUser(test.database, 2, {
        timeZone: 'Asia/Tokyo',
        digest: { hour: 8 },
      });
      const york = await addUser(test.database, 3, { timeZone: 'America/New_York' });
      const clock = fixedClock('2026-11-26T06:30:00.000Z'); // Berlin 07:30, Tokyo 15:30, NY 01:30
      await run(clock);
      expect(smtp.inbox.flatMap((m) => m.to)).toEqual(['user2@example.org']);
      expect(await runs().get(tokyo, '2026-11-26')).toMatchObject({ status: 'sent' });

      clock.advance(30 * 60_000); // Berlin 08:00
      await run(clock);
      expect(smtp.inbox.flatMap((m) => m.to)).toEqual(['user2@example.org', 'user1@example.org']);
      expect(await runs().get(berlin, '2026-11-26')).toMatchObject({ status: 'sent' });

      clock.advance(5 * 3_600_000 + 59 * 60_000); // NY 07:59
      await run(clock);
      expect(smtp.inbox).toHaveLength(2);
      clock.advance(60_000); // NY 08:00
      await run(clock);
      expect(smtp.inbox.map((m) => m.to[0])).toEqual([
        'user2@example.org',
        'user1@example.org',
        'user3@example.org',
      ]);
      expect(await runs().get(york, '2026-11-26')).toMatchObject({ status: 'sent' });

      // Tokyo's next day begins at 15:00 UTC; its digest waits for 08:00 there.
      clock.advance(3 * 3_600_000); // 16:00 UTC = Tokyo 01:00 on the 27th
      await run(clock);
      expect(smtp.inbox).toHaveLength(3);
      clock.advance(7 * 3_600_000); // Tokyo 08:00 on the 27th
      await run(clock);
      expect(smtp.inbox).toHaveLength(4);
      expect(await runs().get(tokyo, '2026-11-27')).toMatchObject({ status: 'sent' });
    });

    it('when a user has digests off, no email address or an unconfirmed one, they get nothing and no run is recorded', async () => {
      await addUser(test.database, 1, { digest: { enabled: false } });
      await addUser(test.database, 2, { email: null });
      await addUser(test.database, 3, { verified: false });
      const clock = fixedClock('2026-11-26T12:00:00.000Z');
      expect(await run(clock)).toEqual({ due: 0, sent: 0, failed: 0, skipped: 0 });
      expect(smtp.inbox).toHaveLength(0);
      expect(await test.database.db.selectFrom('digest_runs').selectAll().execute()).toEqual([]);
    });

    it('when a weekly digest is set, it goes out once per ISO week from its weekday and hour', async () => {
      const id = await addUser(test.database, 1, {
        timeZone: 'Europe/Berlin',
        digest: { frequency: 'weekly', weekday: 5, hour: 9 },
      });
      const clock = fixedClock('2026-11-26T12:00:00.000Z'); // Thursday
      await run(clock);
      expect(smtp.inbox).toHaveLength(0);
      clock.advance(20 * 3_600_000); // Friday 09:00 in Berlin
      await run(clock);
      expect(smtp.inbox).toHaveLength(1);
      expect(smtp.inbox[0]?.subject).toBe('Your week ahead with Tend, from Friday 27 November');
      expect(await runs().get(id, '2026-W48')).toMatchObject({ status: 'sent' });
      for (let day = 0; day < 6; day++) {
        clock.advance(24 * 3_600_000); // Saturday … next Thursday
        await run(clock);
      }
      expect(smtp.inbox).toHaveLength(1);
      clock.advance(24 * 3_600_000); // next Friday
      await run(clock);
      expect(smtp.inbox).toHaveLength(2);
      expect(await runs().get(id, '2026-W49')).toMatchObject({ status: 'sent' });
    });

    it('when the mail server is down, the digest is marked failed and retried later, three attempts at most', async () => {
      const id = await addUser(test.database, 1);
      const down = smtpMailer({
        url: `smtp://127.0.0.1:${await deadPort()}`,
        from: 'tend@example.org',
        timeoutMs: 2_000,
      });
      const { errors, log } = collectingLog();
      const clock = fixedClock('2026-11-26T08:00:00.000Z');

      expect(await run(clock, { mailer: down, log })).toMatchObject({ sent: 0, failed: 1 });
      const first = await runs().get(id, '2026-11-26');
      expect(first).toMatchObject({ status: 'failed', attempts: 1 });
      expect(first?.error).toMatch(/ECONNREFUSED|ECONNECTION/);
      expect(errors.join('\n')).toMatch(/2026-11-26 digest .* failed \(attempt 1\)/);
      expect(errors.join('\n')).not.toContain('user1@example.org');

      // Not again at once: the retry waits ten minutes.
      clock.advance(9 * 60_000);
      expect(await run(clock, { mailer: down, log })).toMatchObject({ due: 0, failed: 0 });
      clock.advance(60_000);
      expect(await run(clock, { mailer: down, log })).toMatchObject({ failed: 1 });
      expect(await runs().get(id, '2026-11-26')).toMatchObject({ status: 'failed', attempts: 2 });
      clock.advance(20 * 60_000);
      expect(await run(clock, { mailer: down, log })).toMatchObject({ failed: 1 });
      expect(await runs().get(id, '2026-11-26')).toMatchObject({ status: 'failed', attempts: 3 });

      // Three attempts used: even with the mail server back, not today.
      clock.advance(3 * 3_600_000);
      expect(await run(clock)).toMatchObject({ due: 0, sent: 0 });
      expect(smtp.inbox).toHaveLength(0);
      expect(errors).toHaveLength(3);

      // The next day starts afresh.
      clock.advance(24 * 3_600_000);
      expect(await run(clock)).toMatchObject({ sent: 1 });
      expect(smtp.inbox).toHaveLength(1);
      down.close();
    });

    it('when the mail server comes back after a failure, the retry sends the digest once', async () => {
      const id = await addUser(test.database, 1);
      const refused: Mailer = {
        async send() {
          throw Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' });
        },
        close() {},
      };
      const clock = fixedClock('2026-11-26T08:00:00.000Z');
      await run(clock, { mailer: refused });
      expect(await runs().get(id, '2026-11-26')).toMatchObject({
        status: 'failed',
        error: 'ETIMEDOUT: Greeting never received',
      });
      clock.advance(10 * 60_000);
      await Promise.all([run(clock), run(clock, { database: other })]);
      expect(smtp.inbox).toHaveLength(1);
      expect(await runs().get(id, '2026-11-26')).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('when a server dies holding a claim, another takes it over after ten minutes, and the first cannot overwrite it', async () => {
      const id = await addUser(test.database, 1);
      const clock = fixedClock('2026-11-26T08:00:00.000Z');
      const repo = runs();
      // The server that "died" claimed the digest and never finished.
      const stale = await repo.claim(id, '2026-11-26', clock().toISOString());
      expect(stale).toMatchObject({ attempt: 1 });
      // A second claim for the same period loses, on either connection.
      expect(await digestRunsRepository(other).claim(id, '2026-11-26', clock().toISOString())).toBe(
        undefined,
      );

      clock.advance(9 * 60_000);
      expect(await run(clock)).toMatchObject({ due: 0, sent: 0 });
      expect(smtp.inbox).toHaveLength(0);

      clock.advance(60_000 + 1);
      expect(await run(clock, { database: other })).toMatchObject({ sent: 1 });
      expect(smtp.inbox).toHaveLength(1);
      expect(await repo.get(id, '2026-11-26')).toMatchObject({ status: 'sent', attempts: 2 });
      // The presumed-dead server wakes up: its finish no longer applies.
      expect(
        await repo.finish(
          stale as NonNullable<typeof stale>,
          { status: 'failed', error: 'late' },
          clock().toISOString(),
        ),
      ).toBe(false);
      expect(await repo.get(id, '2026-11-26')).toMatchObject({ status: 'sent', error: null });
    });

    it('when many servers race for one claim or one retry, exactly one wins it', async () => {
      const id = await addUser(test.database, 1);
      const clock = fixedClock('2026-11-26T08:00:00.000Z');
      const repos = [runs(), digestRunsRepository(other)];
      const race = (now: string) =>
        Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (repos[i % 2] ?? runs()).claim(id, '2026-11-26', now),
          ),
        ).then((results) => results.filter((r) => r !== undefined));
      const firsts = await race(clock().toISOString());
      expect(firsts).toHaveLength(1);
      const claim = firsts[0];
      await runs().finish(
        claim as NonNullable<typeof claim>,
        { status: 'failed', error: 'x' },
        clock().toISOString(),
      );
      clock.advance(10 * 60_000);
      const now = clock().toISOString();
      expect(await race(now)).toEqual([
        { userId: id, period: '2026-11-26', claimedAt: now, attempt: 2 },
      ]);
    });

    it('when the scheduler runs, it sends at once, never overlaps itself, and logs errors instead of throwing', async () => {
      await addUser(test.database, 1);
      await addUser(test.database, 2);
      const clock = fixedClock('2026-11-26T08:00:00.000Z');
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const calls: string[] = [];
      const slow: Mailer = {
        async send(message) {
          calls.push(message.to);
          await gate;
          await mailer.send(message);
        },
        close() {},
      };
      const scheduler = startDigestScheduler({
        database: test.database,
        clock,
        mailer: slow,
        log: silentLogger,
        intervalMs: 5,
      });
      // Many ticks pass while the first send hangs; none starts a second run.
      for (let i = 0; i < 20 && calls.length === 0; i++)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      expect(calls).toEqual(['user1@example.org']);
      release();
      for (let i = 0; i < 100 && smtp.inbox.length < 2; i++)
        await new Promise((r) => setTimeout(r, 10));
      await scheduler.stop();
      expect(smtp.inbox.flatMap((m) => m.to).sort()).toEqual([
        'user1@example.org',
        'user2@example.org',
      ]);
      expect(calls).toHaveLength(2);

      // A database that is gone: the run fails, the scheduler logs it and goes on.
      const broken = await openDatabase(test.options);
      await broken.close();
      const { errors, log } = collectingLog();
      const failing = startDigestScheduler({ database: broken, clock, mailer, log, intervalMs: 5 });
      for (let i = 0; i < 100 && errors.length < 2; i++)
        await new Promise((r) => setTimeout(r, 10));
      await failing.stop();
      expect(errors.length).toBeGreaterThanOrEqual(2);
      expect(errors[0]).toMatch(/^The digest run failed/);
    });
  });
}
