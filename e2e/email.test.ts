import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hostedConfig } from '../src/app/accounts.usecases.js';
import { type Mailer, smtpMailer } from '../src/server/mailer.js';
import { describeBrowser } from '../test/support/browser.js';
import { bodyText, type Received, startSmtpSink } from '../test/support/smtp.js';
import { browserJourney, see, severeViolations, type TestServer } from './support.js';

const PASSWORD = 'a slow walk by the river';
const TIME_ZONE = 'Europe/Berlin';
const CONFIRMED = 'Your address is confirmed; reminder emails can reach you now';
const NOT_VALID =
  'This confirmation link is not valid any more (used, expired, or for another address).';

/** Chromium logs every 4xx answer; those the story expects are not problems. */
const unexpected = (problems: string[], statuses: number[]) =>
  problems.filter(
    (p) =>
      !statuses.some((status) => p.includes(`the server responded with a status of ${status}`)),
  );

/** Serious and critical axe violations in the Settings page's reminder section. */
async function severeInReminderSection(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include('.reminder-email').analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every address Cache Storage holds, with the cache's name. */
function keptAnswers(page: Page): Promise<{ cache: string; path: string; body: string }[]> {
  return page.evaluate(async () => {
    const out: { cache: string; path: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        const body = path.startsWith('/api/')
          ? ((await (await cache.match(request))?.text()) ?? '')
          : '';
        out.push({ cache: name, path, body });
      }
    }
    return out;
  });
}

describeBrowser('confirming an email address and reminder emails on a hosted Tend', () => {
  const journey = browserJourney({ timeZone: TIME_ZONE });
  const { problems } = journey;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: Mailer;
  let server: TestServer;
  let n = 0;
  // Sign-ups are throttled per client address (10 per window): one account per test at most.
  const newEmail = () => `reader${++n}@example.org`;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    mailer = smtpMailer({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Tend <tend@example.org>' });
    server = await journey.server({
      hosted: {
        config: hostedConfig({ signup: 'open', passwordCost: 10, defaultTimeZone: TIME_ZONE }),
        mail: mailer,
      },
    });
  });

  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
  });

  const api = (path: string) => `${server.url}/api/v1/${path}`;

  /** The confirmation link in the last email to `email`, once it has arrived. */
  async function linkMailedTo(email: string): Promise<string> {
    let mail: Received | undefined;
    for (let waited = 0; !mail && waited < 5_000; waited += 50) {
      mail = smtp.inbox.findLast((m) => m.to.includes(email));
      if (!mail) await new Promise((r) => setTimeout(r, 50));
    }
    expect(mail, `an email to ${email}`).toBeDefined();
    const text = bodyText(mail?.raw ?? '');
    expect(text).toContain('Subject: Confirm your email address for Tend');
    const link = /http:\/\/[\w.:]+\/verify-email#token=tend_v_[\w-]+/.exec(text)?.[0];
    expect(link, 'the link in the email').toBeDefined();
    return link ?? '';
  }

  /** A new account signed in in a fresh browser (made as a script would), on `path`. */
  async function signedIn(
    path: string,
    options: { colorScheme?: 'light' | 'dark' } = {},
  ): Promise<{ page: Page; email: string }> {
    const email = newEmail();
    const page = await journey.open(server.url, '/signin', options);
    const answer = await page.request.post(api('account/signup'), {
      data: { email, password: PASSWORD },
    });
    expect(answer.status()).toBe(201);
    await page.goto(`${server.url}${path}`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return { page, email };
  }

  /** Ask for a link outside the page (the browser's cookie, the session's CSRF token). */
  async function askForLink(page: Page, email: string): Promise<string> {
    const { csrfToken } = (await (await page.request.get(api('session'))).json()) as {
      csrfToken: string;
    };
    const sent = await page.request.post(api('account/email/verification'), {
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(sent.status()).toBe(200);
    return linkMailedTo(email);
  }

  it('I sign up, confirm my address from the emailed link, and set a weekly reminder on Fridays at 09:00 that is still there after a reload', async () => {
    const email = newEmail();
    const page = await journey.open(server.url, '/signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Today', level: 2 }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Account' }).click();
    const you = page.getByRole('region', { name: 'You' });
    await see(you, `Signed in as ${email} (address not confirmed)`);
    await you.getByRole('button', { name: 'Send confirmation link' }).click();
    await see(you.getByRole('status'), `Sent to ${email}; the link works for two days.`);
    const link = await linkMailedTo(email);
    expect(new URL(link).origin).toBe(server.url);

    // Until then, Settings says when reminders start and where to confirm.
    await nav.getByRole('link', { name: 'Settings' }).click();
    const reminder = page.getByRole('region', { name: 'Reminder email' });
    await see(reminder, 'Reminders start once your address is confirmed.');
    expect(
      await reminder
        .getByRole('link', { name: 'Confirm it on your Account page' })
        .getAttribute('href'),
    ).toBe('/account');

    const confirmations: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/account/email/verify')) confirmations.push(request.method());
    });
    await page.goto(link);
    await page.getByRole('heading', { name: 'Confirm your email address', level: 2 }).waitFor();
    await see(page.getByRole('status'), CONFIRMED);
    // The token left the address bar (and the history entry) at once, and was sent once.
    expect(page.url()).toBe(`${server.url}/verify-email`);
    expect(confirmations).toEqual(['POST']);
    expect(await page.title()).toBe('Confirm your email address · Tend');

    await page.getByRole('main').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    const on = reminder.getByRole('switch', { name: 'Send me a reminder email' });
    await on.waitFor();
    expect(await reminder.getByText('Reminders start once').count()).toBe(0);
    expect(await on.isChecked()).toBe(false);
    expect(await on.isEnabled()).toBe(true);
    await see(reminder, 'never holds your notes, check-ins, moods or states');
    // Weekly only: the day of the week.
    expect(await reminder.getByLabel('Day of the week').count()).toBe(0);

    await on.check();
    await see(reminder.getByRole('status'), 'Saved. A daily email at 08:00 (Europe/Berlin).');
    await reminder.getByRole('radio', { name: 'Weekly' }).check();
    await reminder.getByLabel('Day of the week').selectOption({ label: 'Friday' });
    await reminder.getByLabel('Time').selectOption({ label: '09:00 (Europe/Berlin)' });
    await see(
      reminder.getByRole('status'),
      'Saved. A weekly email on Fridays at 09:00 (Europe/Berlin).',
    );

    await page.reload();
    await on.waitFor();
    expect(await on.isChecked()).toBe(true);
    expect(await reminder.getByRole('radio', { name: 'Weekly' }).isChecked()).toBe(true);
    expect(await reminder.getByLabel('Day of the week').inputValue()).toBe('5');
    expect(await reminder.getByLabel('Time').inputValue()).toBe('9');
    const saved = (await (await page.request.get(api('settings'))).json()) as {
      digest: unknown;
    };
    expect(saved.digest).toEqual({ enabled: true, frequency: 'weekly', hour: 9, weekday: 5 });

    await nav.getByRole('link', { name: 'Account' }).click();
    await see(you, `Signed in as ${email} (address confirmed)`);
    expect(await you.getByRole('button', { name: 'Send confirmation link' }).count()).toBe(0);
    expect(problems).toEqual([]);
  }, 40_000);

  it('a link that was used already says so and leads to the Account page for a new one, signed in or not', async () => {
    const { page, email } = await signedIn('/account');
    const link = await askForLink(page, email);
    const token = new URL(link).hash.replace('#token=', '');
    const used = await fetch(api('account/email/verify'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(used.status).toBe(204);

    // In a browser that is not signed in, as when the email is read on another device.
    const other = await journey.open(server.url, '/signin');
    await other.goto(link);
    await other.getByRole('heading', { name: 'Confirm your email address', level: 2 }).waitFor();
    await see(other.getByRole('alert'), NOT_VALID);
    expect(other.url()).toBe(`${server.url}/verify-email`);
    const again = other.getByRole('link', { name: 'Ask for a new link on your Account page' });
    await again.click();
    // Signed out, the Account page asks to sign in first and comes back after.
    await other.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
    expect(other.url()).toBe(`${server.url}/signin?next=%2Faccount`);
    expect(unexpected(problems, [404])).toEqual([]);
  }, 30_000);

  it('asking for links again and again is refused for a while, with the wait', async () => {
    const { page, email } = await signedIn('/account');
    const you = page.getByRole('region', { name: 'You' });
    const send = you.getByRole('button', { name: 'Send confirmation link' });
    for (let i = 0; i < 3; i++) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/email/verification'));
      await send.click();
      expect((await answered).status()).toBe(200);
      await see(you.getByRole('status'), `Sent to ${email}`);
    }
    await send.click();
    await see(you.getByRole('alert'), /^Too many attempts\. Wait \d+ minutes and try again\.$/);
    // It rests until the wait is over.
    await expect.poll(() => send.isDisabled()).toBe(true);
    expect(unexpected(problems, [429])).toEqual([]);
  }, 30_000);

  it('when a save fails, my choice stays on screen and "Try again" saves it', async () => {
    const { page } = await signedIn('/settings');
    const reminder = page.getByRole('region', { name: 'Reminder email' });
    const weekly = reminder.getByRole('radio', { name: 'Weekly' });
    await reminder.getByRole('switch', { name: 'Send me a reminder email' }).check();
    await see(reminder.getByRole('status'), 'Saved. A daily email');
    await page.route('**/api/v1/settings', (route) =>
      route.request().method() === 'PATCH' ? route.abort('connectionrefused') : route.fallback(),
    );
    await weekly.check();
    await see(reminder.getByRole('alert'), 'Not saved.');
    expect(await weekly.isChecked()).toBe(true);
    expect(await reminder.getByLabel('Day of the week').inputValue()).toBe('1');

    await page.unroute('**/api/v1/settings');
    await reminder.getByRole('button', { name: 'Try again' }).click();
    await see(reminder.getByRole('status'), 'Saved. A weekly email on Mondays at 08:00');
    expect(await reminder.getByRole('alert').textContent()).toBe('');
    const saved = (await (await page.request.get(api('settings'))).json()) as {
      digest: { frequency: string };
    };
    expect(saved.digest.frequency).toBe('weekly');
    expect(
      unexpected(problems, []).filter((p) => !/ERR_CONNECTION_REFUSED|Failed to fetch/.test(p)),
    ).toEqual([]);
  }, 30_000);

  it('hosted Settings say where the data lives: on this Tend’s server, exports to my device', async () => {
    const { page } = await signedIn('/settings');
    const privacy = page.getByRole('region', { name: 'Privacy' });
    await see(
      privacy,
      'Your data is stored in this Tend’s database, on a server run by its operator',
    );
    expect(await privacy.textContent()).not.toMatch(/local-first|on the machine that runs it/);
    expect(await privacy.getByRole('link', { name: 'Account' }).getAttribute('href')).toBe(
      '/account',
    );
    const exports = page.getByRole('region', { name: 'Export' });
    await see(exports, 'to the device you are using');
    expect(await exports.textContent()).not.toContain('Nothing leaves this machine');
    expect(problems).toEqual([]);
  }, 30_000);

  it('the offline copy keeps no account answer and no CSRF token', async () => {
    const { page, email } = await signedIn('/account');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // Through the worker now: the session and the account's own lists.
    await page.reload();
    await page.getByRole('region', { name: 'Where you are signed in' }).getByRole('list').waitFor();
    await page.waitForFunction(async () => {
      for (const name of await caches.keys()) {
        if (await (await caches.open(name)).match('/api/v1/session')) return true;
      }
      return false;
    });
    const kept = await keptAnswers(page);
    expect(kept.filter((k) => k.path.startsWith('/api/v1/account/'))).toEqual([]);
    const session = kept.find((k) => k.path === '/api/v1/session');
    expect(JSON.parse(session?.body ?? '{}')).toMatchObject({
      mode: 'hosted',
      user: { email },
      csrfToken: null,
    });
    const { csrfToken } = (await (await page.request.get(api('session'))).json()) as {
      csrfToken: string;
    };
    for (const entry of kept) expect(entry.body).not.toContain(csrfToken);
    expect(problems).toEqual([]);
  }, 30_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`in ${colorScheme}, the confirmation page and the Settings reminder section have no serious accessibility problems`, async () => {
      const { page, email } = await signedIn('/settings', { colorScheme });
      const reminder = page.getByRole('region', { name: 'Reminder email' });
      await reminder.getByRole('radio', { name: 'Weekly' }).check();
      await reminder.getByLabel('Day of the week').waitFor();
      expect(await severeInReminderSection(page), `settings, ${colorScheme}`).toEqual([]);

      const link = await askForLink(page, email);
      await page.goto(link);
      await see(page.getByRole('status'), CONFIRMED);
      expect(await severeViolations(page), `verify-email, ${colorScheme}`).toEqual([]);

      // Confirmed, the section's controls are all there and enabled.
      await page.goto(`${server.url}/settings`);
      await reminder.getByRole('switch', { name: 'Send me a reminder email' }).check();
      await see(reminder.getByRole('status'), 'Saved.');
      expect(await severeInReminderSection(page), `settings confirmed, ${colorScheme}`).toEqual([]);

      // The same link once more (a page load of its own, not a jump within the page).
      await page.goto(link);
      await see(page.getByRole('alert'), NOT_VALID);
      expect(await severeViolations(page), `verify-email failed, ${colorScheme}`).toEqual([]);
      expect(unexpected(problems, [404])).toEqual([]);
    }, 60_000);
  }
});

describeBrowser('a Tend without email, and a local Tend', () => {
  const journey = browserJourney({ timeZone: TIME_ZONE });
  const { problems } = journey;

  it('without email set up, Account and Settings say so and the reminder controls are off', async () => {
    const server = await journey.server({
      hosted: { config: hostedConfig({ signup: 'open', passwordCost: 10 }) },
    });
    const page = await journey.open(server.url, '/signin');
    const answer = await page.request.post(`${server.url}/api/v1/account/signup`, {
      data: { email: 'no.mail@example.org', password: PASSWORD },
    });
    expect(answer.status()).toBe(201);
    await page.goto(`${server.url}/account`);
    const you = page.getByRole('region', { name: 'You' });
    await see(you, 'This Tend has no email set up');
    expect(await you.getByRole('button', { name: 'Send confirmation link' }).count()).toBe(0);

    await page.goto(`${server.url}/settings`);
    const reminder = page.getByRole('region', { name: 'Reminder email' });
    await see(reminder, 'This Tend has no email set up, so it cannot send reminder emails.');
    expect(await reminder.getByText('Reminders start once').count()).toBe(0);
    const on = reminder.getByRole('switch', { name: 'Send me a reminder email' });
    expect(await on.isDisabled()).toBe(true);
    expect(await reminder.getByRole('radio', { name: 'Weekly' }).isDisabled()).toBe(true);
    expect(await reminder.getByLabel('Time').isDisabled()).toBe(true);
    expect(await severeInReminderSection(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 30_000);

  it('a local Tend has no confirmation page and no reminder email, and says the data stays on this machine', async () => {
    const server = await journey.server();
    const page = await journey.open(server.url, '/verify-email#token=tend_v_whatever');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Not found · Tend');

    await page.goto(`${server.url}/settings`);
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    const privacy = page.getByRole('region', { name: 'Privacy' });
    await see(privacy, 'Tend is local-first');
    await see(page.getByRole('region', { name: 'Export' }), 'Nothing leaves this machine');
    expect(await page.getByRole('region', { name: 'Reminder email' }).count()).toBe(0);
    expect(problems).toEqual([]);
  }, 30_000);
});
