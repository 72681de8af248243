/**
 * Screenshots of the web app with the demo year, for looking at the layout
 * and for the README: `npx tsx e2e/screenshots.ts [outDir]` after building
 * the web app. Writes, for Today, People and History, phone (390×844) and
 * desktop (1280×800) shots in light and dark, each as the first screen and as
 * the full page (`*-full.png`); the same for Import (with a preview of a
 * small vCard file), Settings and Learn. Copies Today's first screens to
 * docs/screenshots (today-desktop.png, today-phone.png, and home-desktop.png
 * for the README), plus settings-desktop.png and learn-phone.png. A hosted
 * server adds the sign-in and Account pages (e2e/account-screenshots.ts),
 * copied as signin-*.png and account-*.png for phone and desktop.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer } from '../src/server/serve.js';
import { launchBrowser } from '../test/support/browser.js';
import { shootAccountPages } from './account-screenshots.js';
import { seedDemo } from './demo.js';
import { repoRoot } from './support.js';

const outDir = process.argv[2] ?? '/tmp';
const TIME_ZONE = 'Europe/Berlin';

const pages = [
  { name: 'today', path: '/', ready: 'People to reach out to' },
  { name: 'people', path: '/people', ready: 'Your people' },
  { name: 'history', path: '/history', ready: 'Time together' },
] as const;

const VCARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Grace Hopper',
  'TEL:+49 151 12345678',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Alan Turing',
  'EMAIL:alan@example.org',
  'END:VCARD',
  '',
].join('\r\n');

/** Pages reached through "More": each made ready its own way. */
const morePages: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'import',
    path: '/import',
    ready: async (page) => {
      await page.getByLabel('File to import', { exact: true }).setInputFiles({
        name: 'contacts.vcf',
        mimeType: 'text/vcard',
        buffer: Buffer.from(VCARD),
      });
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('table').waitFor();
    },
  },
  {
    name: 'settings',
    path: '/settings',
    ready: async (page) => {
      await page.getByRole('spinbutton', { name: /^Gentle alert days/ }).waitFor();
    },
  },
  {
    name: 'learn',
    path: '/learn',
    ready: async (page) => {
      await page.getByRole('region', { name: 'References' }).waitFor();
    },
  },
];

const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

const dataDir = await mkdtemp(join(tmpdir(), 'tend-shots-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
const browser = await launchBrowser();
try {
  await seedDemo(server.url, TIME_ZONE);
  for (const scheme of ['light', 'dark'] as const) {
    for (const size of sizes) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        colorScheme: scheme,
        locale: 'en-GB',
        timezoneId: TIME_ZONE,
      });
      const page = await context.newPage();
      for (const p of pages) {
        await page.goto(`${server.url}${p.path}`);
        await page.getByRole('list', { name: p.ready }).waitFor();
        // Let the trend lines arrive.
        await page.waitForLoadState('networkidle');
        const base = `${p.name}-${size.name}${scheme === 'dark' ? '-dark' : ''}`;
        await page.screenshot({ path: join(outDir, `${base}.png`) });
        await page.screenshot({ path: join(outDir, `${base}-full.png`), fullPage: true });
      }
      for (const p of morePages) {
        await page.goto(`${server.url}${p.path}`);
        await p.ready(page);
        await page.waitForLoadState('networkidle');
        const base = `${p.name}-${size.name}${scheme === 'dark' ? '-dark' : ''}`;
        await page.screenshot({ path: join(outDir, `${base}.png`) });
        await page.screenshot({ path: join(outDir, `${base}-full.png`), fullPage: true });
      }
      await context.close();
    }
  }
  await shootAccountPages(browser, outDir, sizes, TIME_ZONE);
  const docs = join(repoRoot, 'docs/screenshots');
  await mkdir(docs, { recursive: true });
  for (const name of ['signin', 'account']) {
    for (const size of sizes) {
      await copyFile(
        join(outDir, `${name}-${size.name}.png`),
        join(docs, `${name}-${size.name}.png`),
      );
    }
  }
  await copyFile(join(outDir, 'today-desktop.png'), join(docs, 'today-desktop.png'));
  await copyFile(join(outDir, 'today-phone.png'), join(docs, 'today-phone.png'));
  await copyFile(join(outDir, 'today-desktop.png'), join(docs, 'home-desktop.png'));
  await copyFile(join(outDir, 'settings-desktop.png'), join(docs, 'settings-desktop.png'));
  await copyFile(join(outDir, 'learn-phone.png'), join(docs, 'learn-phone.png'));
  console.log(`Screenshots in ${outDir}; copies of Today, Settings and Learn in ${docs}`);
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
