/**
 * Screenshots of every page of the web app with the demo year, for looking
 * at the layout and for the README: `npx tsx e2e/screenshots.ts [outDir]`
 * after `npm run build:web`. For each page (e2e/pages.ts) it writes a phone
 * (360×800) and a desktop (1280×800) shot, each as the first screen and as
 * the full page (`*-full.png`), in the light theme, and Today, People and a
 * connection's page in the dark theme too (`*-dark.png`). The first screens
 * are copied to docs/screenshots, with home-desktop.png for the README. A
 * hosted server adds the sign-in and Account pages (e2e/account-screenshots.ts),
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
import { type AppPage, appPages } from './pages.js';
import { repoRoot } from './support.js';

const outDir = process.argv[2] ?? (await mkdtemp(join(tmpdir(), 'tend-screenshots-')));
const TIME_ZONE = 'Europe/Berlin';
const DARK = new Set(['today', 'people', 'person']);

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

/** Import is shown with the preview of a small vCard file, not the empty form. */
async function previewImport(page: Page): Promise<void> {
  await page.getByLabel('File to import', { exact: true }).setInputFiles({
    name: 'contacts.vcf',
    mimeType: 'text/vcard',
    buffer: Buffer.from(VCARD),
  });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('table').waitFor();
}

const sizes = [
  { name: 'phone', width: 360, height: 800 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

const dataDir = await mkdtemp(join(tmpdir(), 'tend-shots-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
const browser = await launchBrowser();
try {
  await seedDemo(server.url, TIME_ZONE);
  const people = (await (await fetch(`${server.url}/api/v1/connections?limit=500`)).json()) as {
    items: { id: string; ring: string; kind: string }[];
  };
  const person = people.items.find((c) => c.ring === 'inner' && c.kind === 'person');
  const pages: AppPage[] = appPages(() => person?.id ?? '').map((p) =>
    p.slug === 'import'
      ? {
          slug: p.slug,
          name: p.name,
          path: p.path,
          ready: async (page) => {
            await p.ready(page);
            await previewImport(page);
          },
        }
      : p,
  );

  const firstScreens: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    for (const size of sizes) {
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        colorScheme: scheme,
        reducedMotion: 'reduce',
        locale: 'en-GB',
        timezoneId: TIME_ZONE,
        // A worker would only add downloads of its own; the pictures are of the pages.
        serviceWorkers: 'block',
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      for (const p of pages) {
        if (scheme === 'dark' && !DARK.has(p.slug)) continue;
        await page.goto(`${server.url}${p.path}`);
        await p.ready(page);
        // Fonts and the last lazily loaded pieces (trend lines, charts) settle.
        await page.evaluate(() => document.fonts.ready);
        // Getting ready may have scrolled (opening Today's "Why?"): each shot starts at the top.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(300);
        const base = `${p.slug}-${size.name}${scheme === 'dark' ? '-dark' : ''}`;
        await page.screenshot({ path: join(outDir, `${base}.png`) });
        firstScreens.push(`${base}.png`);
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
  for (const file of firstScreens) await copyFile(join(outDir, file), join(docs, file));
  await copyFile(join(outDir, 'today-desktop.png'), join(docs, 'home-desktop.png'));
  console.log(`Screenshots in ${outDir}; ${firstScreens.length} first screens copied to ${docs}`);
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
