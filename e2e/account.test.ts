import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { hostedConfig } from '../src/app/accounts.usecases.js';
import type { SignupPolicy } from '../src/core/accounts.schemas.js';
import type { HostedOptions } from '../src/server/auth.js';
import { describeBrowser } from '../test/support/browser.js';
import { runTend } from '../test/support/cli.js';
import { browserJourney, see, severeViolations, type TestServer } from './support.js';

const PASSWORD = 'a slow walk by the river';
const NEW_PASSWORD = 'tea with Sam on Sundays';
const WRONG = 'The email or password is not right.';

const hosted = (signup: SignupPolicy = 'open'): HostedOptions => ({
  config: hostedConfig({ signup, passwordCost: 10 }),
});

/** Chromium logs every 4xx answer; those the story expects are not problems. */
const unexpected = (problems: string[], statuses: number[]) =>
  problems.filter(
    (p) =>
      !statuses.some((status) => p.includes(`the server responded with a status of ${status}`)),
  );

describeBrowser('accounts on a hosted Tend', () => {
  const journey = browserJourney({ timeZone: 'Europe/Berlin' });
  const { problems } = journey;
  let server: TestServer;
  let n = 0;
  // Sign-ups are throttled per address (10 per window), so each test makes one at most.
  const newEmail = () => `person${++n}@example.org`;

  beforeAll(async () => {
    server = await journey.server({ hosted: hosted() });
  });

  const api = (path: string) => `${server.url}/api/v1/${path}`;

  /** An account made as a script would; its session cookie, for calls outside the browser. */
  async function accountOutside(email: string): Promise<{ cookie: string }> {
    const response = await fetch(api('account/signup'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(201);
    return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  }

  /** Sign in outside any browser (another device); its cookie. */
  async function logInOutside(email: string, password: string): Promise<Response> {
    return fetch(api('account/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  }

  /** Sign up through the context's request client, which shares the browser's cookies. */
  async function signUpIn(request: APIRequestContext, email: string): Promise<void> {
    const answer = await request.post(api('account/signup'), {
      data: { email, password: PASSWORD },
    });
    expect(answer.status()).toBe(201);
  }

  /** A new account, signed in in a fresh browser, on `path`. */
  async function signedIn(path: string, options = {}): Promise<{ page: Page; email: string }> {
    const email = newEmail();
    const page = await journey.open(server.url, '/signin', options);
    await signUpIn(page.request, email);
    await page.goto(`${server.url}${path}`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return { page, email };
  }

  async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('I create an account, land on Today, add Ada, sign out, sign back in and Ada is still there', async () => {
    const email = newEmail();
    const page = await journey.open(server.url, '/');
    await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create an account', level: 2 }).waitFor();
    expect(await page.getByLabel('Invite code').count()).toBe(0);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('heading', { name: 'Today', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'People' }).click();
    const people = page.getByRole('region', { name: 'People' });
    await people.getByRole('textbox', { name: 'Name', exact: true }).fill('Ada');
    await people.getByRole('button', { name: 'Add', exact: true }).click();
    await see(people.getByRole('status'), 'Added Ada');

    await nav.getByRole('link', { name: 'Account' }).click();
    await see(page.getByRole('region', { name: 'You' }), `Signed in as ${email}`);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await see(page.getByRole('status'), 'You are signed out.');

    // Signed out, People is out of reach; signing in leads back to it.
    await page.goto(`${server.url}/people`);
    await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
    expect(page.url()).toBe(`${server.url}/signin?next=%2Fpeople`);
    await fillSignIn(page, email, PASSWORD);
    await see(page.getByRole('list', { name: 'Your people' }).getByRole('listitem'), 'Ada');
    expect(new URL(page.url()).pathname).toBe('/people');
    expect(problems).toEqual([]);
  }, 30_000);

  it('after I sign out and in again in another tab, this tab still saves: it fetches the new CSRF token and retries once', async () => {
    const { page, email } = await signedIn('/people');
    // Another tab of this browser signs out and in again: the cookie now names a new session.
    const { csrfToken } = (await (await page.request.get(api('session'))).json()) as {
      csrfToken: string;
    };
    await page.request.post(api('account/logout'), { headers: { 'x-csrf-token': csrfToken } });
    const again = await page.request.post(api('account/login'), {
      data: { email, password: PASSWORD },
    });
    expect(again.status()).toBe(200);
    const people = page.getByRole('region', { name: 'People' });
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/connections') && r.status() === 403,
    );
    await people.getByRole('textbox', { name: 'Name', exact: true }).fill('Kim');
    await people.getByRole('button', { name: 'Add', exact: true }).click();
    await refused;
    await see(people.getByRole('status'), 'Added Kim');
    expect(unexpected(problems, [403])).toEqual([]);
  }, 30_000);

  it('a wrong password or an unknown email get the same answer, and five misses ask me to wait', async () => {
    const email = newEmail();
    await accountOutside(email);
    const page = await journey.open(server.url, '/signin');
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    const attempt = async (address: string, password: string) => {
      const answered = page.waitForResponse((r) => r.url().endsWith('/account/login'));
      await fillSignIn(page, address, password);
      return (await answered).status();
    };

    expect(await attempt(email, 'not my password')).toBe(401);
    await see(alert, WRONG);
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    expect(await attempt('nobody@example.org', 'not my password')).toBe(401);
    await see(alert, WRONG);

    for (let i = 0; i < 4; i++) expect(await attempt(email, `guess ${i}`)).toBe(401);
    // Locked for a while, even with the right password.
    expect(await attempt(email, PASSWORD)).toBe(429);
    await see(alert, /^Too many attempts\. .* please wait \d+ minutes? and try again\.$/);
    expect(await page.getByRole('heading', { name: 'Sign in', level: 2 }).isVisible()).toBe(true);
    expect(unexpected(problems, [401, 429])).toEqual([]);
  }, 30_000);

  it('I create an API token, see it once with how to use it, and revoke it', async () => {
    const { page } = await signedIn('/account');
    await journey
      .context()
      ?.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const tokens = page.getByRole('region', { name: 'API tokens' });
    await see(tokens, 'No tokens yet.');
    await tokens.getByLabel('Token name').fill('Laptop');
    await tokens.getByRole('button', { name: 'Create token' }).click();

    const shown = tokens.getByRole('textbox', { name: 'New token “Laptop”' });
    await shown.waitFor();
    const token = await shown.inputValue();
    expect(token).toMatch(/^tend_pat_/);
    await see(tokens.locator('code'), `TEND_SERVER=${server.url} TEND_TOKEN=${token} tend today`);
    await tokens.getByRole('button', { name: 'Copy' }).click();
    await see(tokens.getByRole('status'), 'Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    const list = tokens.getByRole('list', { name: 'Your tokens' });
    await see(list.getByRole('listitem'), /Laptop.*Never used/);

    // A script can use it.
    const asScript = { headers: { authorization: `Bearer ${token}` } };
    expect((await fetch(api('connections'), asScript)).status).toBe(200);

    // Shown once: after a reload only its name is left.
    await page.reload();
    await see(list.getByRole('listitem'), /Laptop.*Last used/);
    expect(await page.content()).not.toContain(token);

    await list.getByRole('button', { name: 'Revoke Laptop' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke “Laptop”?' });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await see(tokens, 'No tokens yet.');
    expect((await fetch(api('connections'), asScript)).status).toBe(401);
    expect(problems).toEqual([]);
  }, 30_000);

  it('I change my password: a wrong current one is marked, then the old one stops working and the new one signs in', async () => {
    const { page, email } = await signedIn('/account');
    const form = page.getByRole('region', { name: 'Change password' });
    await form.getByLabel('Current password').fill('not my password');
    await form.getByLabel('New password').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await see(form.getByRole('alert'), 'Current password: is not right');
    await see(form.locator('.field-error'), 'is not right');
    expect(await form.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Current password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await see(form.getByRole('status'), 'Password changed.');
    expect(await form.getByLabel('Current password').inputValue()).toBe('');

    expect((await logInOutside(email, PASSWORD)).status).toBe(401);
    expect((await logInOutside(email, NEW_PASSWORD)).status).toBe(200);
    // This browser stays signed in.
    await page.reload();
    await page.getByRole('heading', { name: 'Account', level: 2 }).waitFor();
    expect(unexpected(problems, [403])).toEqual([]);
  }, 30_000);

  it('I sign out one other device, then everywhere: my other browser finds the sign-in page on its next step', async () => {
    const { page, email } = await signedIn('/account');
    const other = await journey.browser().newContext({ locale: 'en-GB' });
    try {
      const otherPage = await other.newPage();
      await other.request.post(api('account/login'), { data: { email, password: PASSWORD } });
      await otherPage.goto(`${server.url}/people`);
      await otherPage.getByRole('heading', { name: 'People', level: 2 }).waitFor();
      const script = (await logInOutside(email, PASSWORD)).headers.get('set-cookie') ?? '';
      const scriptCookie = { headers: { cookie: script.split(';')[0] ?? '' } };

      await page.reload();
      const region = page.getByRole('region', { name: 'Where you are signed in' });
      const sessions = region.getByRole('list').getByRole('listitem');
      await see(sessions, /This browser/);
      await sessions.nth(2).waitFor();
      expect(await sessions.count()).toBe(3);
      // Node's fetch is not a browser Tend recognises.
      await region
        .getByRole('button', { name: /^Sign out A browser on an unknown system/ })
        .click();
      await see(region.getByRole('status'), 'Signed out A browser on an unknown system.');
      expect((await fetch(api('connections'), scriptCookie)).status).toBe(401);
      expect(await sessions.count()).toBe(2);

      await region.getByRole('button', { name: 'Sign out everywhere' }).click();
      await see(page.getByRole('status'), 'You are signed out everywhere');

      // The other browser learns on its next request, and returns there after signing in.
      await otherPage
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Today' })
        .click();
      await otherPage.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
      expect(otherPage.url()).toBe(`${server.url}/signin?next=%2F`);
      await fillSignIn(otherPage, email, PASSWORD);
      await otherPage.getByRole('heading', { name: 'Today', level: 2 }).waitFor();
    } finally {
      await other.close();
    }
    expect(problems).toEqual([]);
  }, 30_000);

  it('I delete my account after confirming, and am left on the sign-in page with nothing cached', async () => {
    const { page, email } = await signedIn('/account');
    // Something cached for offline use must not outlive the account.
    await page.evaluate(async () => {
      const cache = await caches.open('tend-test-data');
      await cache.put('/api/v1/connections', new Response('{"items":[]}'));
    });
    const section = page.getByRole('region', { name: 'Delete your account' });
    const password = section.getByLabel('Your password');
    await section.getByRole('button', { name: 'Delete my account…' }).click();
    await see(section.locator('.field-error'), 'is needed to delete the account');

    await password.fill('not my password');
    await section.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete your account for good?' });
    await see(dialog, 'cannot be undone');
    expect(await dialog.getByRole('link', { name: 'Settings' }).getAttribute('href')).toBe(
      '/settings',
    );
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await see(section.getByRole('alert'), 'That is not your current password.');
    expect(await password.getAttribute('aria-invalid')).toBe('true');

    await password.fill(PASSWORD);
    await section.getByRole('button', { name: 'Delete my account…' }).click();
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await see(page.getByRole('status'), 'Your account and everything in it have been deleted.');
    expect(new URL(page.url()).pathname).toBe('/signin');
    // Whatever the offline worker keeps now is the app itself and the signed-out session.
    const kept = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) {
          urls.push(`${name} ${new URL(request.url).pathname}`);
        }
      }
      return urls;
    });
    expect(
      kept.filter((url) => / \/api\/(?!v1\/session$)/.test(url) || url.startsWith('tend-test')),
    ).toEqual([]);

    await fillSignIn(page, email, PASSWORD);
    await see(page.getByRole('alert'), WRONG);
    expect(unexpected(problems, [401, 403])).toEqual([]);
  }, 30_000);

  for (const [colorScheme, width] of [
    ['light', 1280],
    ['dark', 360],
  ] as const) {
    it(`in ${colorScheme} at ${width} px, the sign-in, sign-up and account pages have no serious accessibility problems and fit the screen`, async () => {
      const page = await journey.open(server.url, '/signin', { colorScheme, width });
      await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
      expect(await severeViolations(page), `sign-in, ${colorScheme}`).toEqual([]);
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByRole('heading', { name: 'Create an account', level: 2 }).waitFor();
      expect(await severeViolations(page), `sign-up, ${colorScheme}`).toEqual([]);

      await signUpIn(page.request, newEmail());
      await page.goto(`${server.url}/account`);
      await page
        .getByRole('list', { name: 'Your tokens' })
        .or(page.getByText('No tokens yet.'))
        .waitFor();
      await page
        .getByRole('region', { name: 'Where you are signed in' })
        .getByRole('list')
        .waitFor();
      expect(await severeViolations(page), `account, ${colorScheme}`).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `account at ${width} px`).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    }, 30_000);
  }
});

describeBrowser('sign-up rules and local mode', () => {
  const journey = browserJourney({ timeZone: 'Europe/Berlin' });
  const { problems } = journey;

  it('on an invite-only Tend sign-up asks for the code and marks it when missing', async () => {
    const server = await journey.server({ hosted: hosted('invite') });
    const page = await journey.open(server.url, '/signup');
    await page.getByLabel('Email').fill('kim@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await see(page.getByRole('alert'), 'This Tend takes new accounts by invitation only.');
    expect(await page.getByLabel('Invite code').getAttribute('aria-invalid')).toBe('true');
    expect(unexpected(problems, [403])).toEqual([]);
  });

  it('an invite link from `tend invite` fills in the code, and the new account keeps the browser’s time zone', async () => {
    const server = await journey.server({ hosted: hosted('invite') });
    const made = await runTend(['invite', '--json', '--data-dir', server.dataDir], {
      TEND_PUBLIC_URL: server.url,
    });
    const { link, code } = JSON.parse(made.stdout) as { link: string; code: string };
    const page = await journey.open(server.url, new URL(link).pathname + new URL(link).hash, {
      timeZone: 'America/Chicago',
    });
    expect(await page.getByLabel('Invite code').inputValue()).toBe(code);
    expect(page.url()).not.toContain(code);
    await page.getByLabel('Email').fill('invited@example.org');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Today', level: 2 }).waitFor();
    const settings = await page.request.get(`${server.url}/api/v1/settings`);
    expect(((await settings.json()) as { timeZone: string }).timeZone).toBe('America/Chicago');
    expect(problems).toEqual([]);
  });

  it('on a closed Tend sign-up says so kindly, and sign-in offers no sign-up', async () => {
    const server = await journey.server({ hosted: hosted('closed') });
    const page = await journey.open(server.url, '/signup');
    await see(page.getByRole('main'), 'This Tend is not taking new accounts at the moment.');
    expect(await page.getByLabel('Email').count()).toBe(0);
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
    expect(await page.getByRole('link', { name: 'Create an account' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('a local Tend has no sign-in and no Account page', async () => {
    const server = await journey.server();
    const page = await journey.open(server.url, '/');
    await page.getByRole('heading', { name: 'Today', level: 2 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Settings' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Account' }).count()).toBe(0);
    for (const path of ['/account', '/signin']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    }
    expect(problems).toEqual([]);
  });
});
