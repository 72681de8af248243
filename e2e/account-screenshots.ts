/**
 * Screenshots of the hosted-mode pages (sign-in and Account), for
 * e2e/screenshots.ts: a hosted server of its own, with one account that has
 * an API token. Phone and desktop, light and dark, into `outDir`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hostedConfig } from '../src/app/accounts.usecases.js';
import { startServer } from '../src/server/serve.js';

const EMAIL = 'sam@example.org';

/** Let late answers (icons, fonts) arrive; what the shot needs was waited for already. */
const settle = (page: Page) =>
  page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
const PASSWORD = 'a slow walk by the river';

export async function shootAccountPages(
  browser: Browser,
  outDir: string,
  sizes: readonly { name: string; width: number; height: number }[],
  timeZone: string,
): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tend-shots-hosted-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    hosted: { config: hostedConfig({ signup: 'open', passwordCost: 10 }) },
  });
  try {
    let signedUp = false;
    for (const scheme of ['light', 'dark'] as const) {
      for (const size of sizes) {
        const context = await browser.newContext({
          viewport: { width: size.width, height: size.height },
          colorScheme: scheme,
          locale: 'en-GB',
          timezoneId: timeZone,
          // A worker's own fetches never count as finished, so the network would never idle.
          serviceWorkers: 'block',
        });
        const page = await context.newPage();
        const suffix = `${size.name}${scheme === 'dark' ? '-dark' : ''}`;

        await page.goto(`${server.url}/signin`);
        await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
        await settle(page);
        await page.screenshot({ path: join(outDir, `signin-${suffix}.png`) });

        const credentials = { email: EMAIL, password: PASSWORD };
        const answer = signedUp
          ? await context.request.post(`${server.url}/api/v1/account/login`, { data: credentials })
          : await context.request.post(`${server.url}/api/v1/account/signup`, {
              data: credentials,
            });
        if (!answer.ok()) throw new Error(`Signing in failed: ${answer.status()}`);
        if (!signedUp) {
          const { csrfToken } = (await answer.json()) as { csrfToken: string };
          await context.request.post(`${server.url}/api/v1/account/tokens`, {
            data: { name: 'Laptop' },
            headers: { 'x-csrf-token': csrfToken },
          });
          signedUp = true;
        }
        await page.goto(`${server.url}/account`);
        await page.getByRole('list', { name: 'Your tokens' }).waitFor();
        await page.getByRole('list', { name: 'Where you are signed in' }).waitFor();
        await settle(page);
        await page.screenshot({ path: join(outDir, `account-${suffix}.png`) });
        await page.screenshot({ path: join(outDir, `account-${suffix}-full.png`), fullPage: true });
        await context.close();
      }
    }
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
