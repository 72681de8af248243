/** Shared helpers for the browser journeys. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { HostedOptions } from '../src/server/auth.js';
import { startServer } from '../src/server/serve.js';
import { launchBrowser } from '../test/support/browser.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The server serves dist/web; build it once if nobody has (the check script builds first). */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(join(repoRoot, 'dist/web/index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(repoRoot, 'src/web/vite.config.ts'), logLevel: 'warn' });
}

/** Wait until some element of `locator` shows `text` (vitest's expect does not retry). */
export async function see(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
}

/** Serious and critical axe violations on the page as it is now, one line each. */
export async function severeViolations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const axe = await (rules ? builder.withRules(rules) : builder).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** A Tend server on its own, empty data directory. */
export interface TestServer {
  url: string;
  /** Its data folder (SQLite), for tools run beside it such as `tend invite`. */
  dataDir: string;
}

export interface OpenOptions {
  /** Viewport width in CSS pixels (1280 unless given; 360 is a small phone). */
  width?: number;
  height?: number;
  timeZone?: string;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  /** Playwright's default wait for each action, in ms. */
  timeout?: number;
}

export interface BrowserJourney {
  /** The browser, once the suite has started. */
  readonly browser: () => Browser;
  /** The context of the page opened last (closed after each test). */
  readonly context: () => BrowserContext | undefined;
  /** Script errors, CSP violations and console errors of the page opened last. */
  readonly problems: string[];
  /**
   * A server on a fresh data directory (hosted, with accounts, when `hosted`
   * is given); every one is closed and removed after the suite.
   */
  server(options?: { hosted?: HostedOptions }): Promise<TestServer>;
  /** A new browser context (en-GB) with a page at `baseUrl + path`, once the app has rendered. */
  open(baseUrl: string, path?: string, options?: OpenOptions): Promise<Page>;
  /** Close the current context now (for a test that opens several in turn). */
  closeContext(): Promise<void>;
}

/**
 * The setup every browser journey shares: the web build, one Chromium for
 * the suite, servers on throwaway data directories, and a fresh context per
 * test that collects page errors. Call it inside `describeBrowser`.
 */
export function browserJourney(defaults: { timeZone: string }): BrowserJourney {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const servers: { close(): Promise<void> }[] = [];
  const dataDirs: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    await ensureWebBuilt();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  async function closeContext(): Promise<void> {
    await context?.close();
    context = undefined;
  }

  afterEach(closeContext);

  return {
    browser: () => {
      if (!browser) throw new Error('The browser starts in beforeAll.');
      return browser;
    },
    context: () => context,
    problems,
    closeContext,

    async server(options = {}) {
      const dataDir = await mkdtemp(join(tmpdir(), 'tend-e2e-'));
      dataDirs.push(dataDir);
      const server = await startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir,
        ...(options.hosted ? { hosted: options.hosted } : {}),
      });
      servers.push(server);
      return { url: server.url, dataDir };
    },

    async open(baseUrl, path = '/', options = {}) {
      if (!browser) throw new Error('The browser starts in beforeAll.');
      await closeContext();
      context = await browser.newContext({
        locale: 'en-GB',
        timezoneId: options.timeZone ?? defaults.timeZone,
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        colorScheme: options.colorScheme ?? 'light',
        reducedMotion: options.reducedMotion ?? 'no-preference',
      });
      context.setDefaultTimeout(options.timeout ?? 5_000);
      const page = await context.newPage();
      problems.length = 0;
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Tend' }).waitFor();
      return page;
    },
  };
}
