/**
 * Today in a real browser, with the demo year: the JavaScript the first page
 * load needs (gzipped, as the server could send it) and the time until Today
 * is usable (its state cards and reach-out list on screen), as the harness
 * sees it from just before navigating and as the page's own clock records
 * it. Debian's headless Chromium; not a test: it reports, never asserts.
 *
 *   npm run build && npx tsx bench/web.ts [runs=10]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/support/browser.js';
import { serveTend } from './support.js';

const BIN = fileURLToPath(new URL('../bin/tend.js', import.meta.url));
const runs = Number(process.argv[2] ?? 10);
const WEB = fileURLToPath(new URL('../dist/web/', import.meta.url));

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const dataDir = mkdtempSync(join(tmpdir(), 'tend-bench-web-'));
execFileSync(process.execPath, [BIN, 'demo', '--data-dir', dataDir], {
  stdio: 'ignore',
  env: { ...process.env, TZ: 'Europe/Berlin' },
});
const server = await serveTend(['--data-dir', dataDir], { TZ: 'Europe/Berlin' });
const browser = await launchBrowser();
try {
  // What the first load fetches: the entry script and whatever it imports eagerly. The
  // service worker is blocked here, because its own downloads would keep the network busy.
  const page0 = await browser.newPage({ serviceWorkers: 'block' });
  const scripts = new Set<string>();
  page0.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page0.goto(server.url, { waitUntil: 'networkidle' });
  await page0.close();
  let raw = 0;
  let gz = 0;
  for (const path of scripts) {
    const bytes = readFileSync(join(WEB, path));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }

  const times: number[] = [];
  const inPage: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The page notes, on its own clock, when both headings are first in the document:
    // the same moment as below, without the delay of the harness noticing it.
    // (A string, since tsx would wrap a function's inner names in a helper the page lacks.)
    await context.addInitScript(`
      const has = (text) =>
        [...document.querySelectorAll('h2, h3')].some((h) => h.textContent.trim() === text);
      const observer = new MutationObserver(() => {
        if (has('Your states') && has('Reach out')) {
          window.tendUsableAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    `);
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Your states' }).waitFor();
    await page.getByRole('heading', { name: 'Reach out' }).waitFor();
    times.push(performance.now() - started);
    inPage.push(
      await page.evaluate(() => (window as { tendUsableAt?: number }).tendUsableAt ?? NaN),
    );
    await context.close();
  }
  console.log(
    `Chromium ${browser.version()}, node ${process.version}, demo year, ${runs} cold page loads (new context each)\n`,
  );
  console.log('| measure | value |');
  console.log('| --- | ---: |');
  console.log(
    `| initial JavaScript (${scripts.size} file${scripts.size === 1 ? '' : 's'}), raw | ${(raw / 1024).toFixed(1)} KB |`,
  );
  console.log(`| initial JavaScript, gzipped | ${(gz / 1024).toFixed(1)} KB |`);
  console.log(`| Today usable, median | ${median(times).toFixed(0)} ms |`);
  console.log(`| Today usable, slowest | ${Math.max(...times).toFixed(0)} ms |`);
  console.log(
    `| Today usable by the page's own clock (from navigation start), median | ${median(inPage).toFixed(0)} ms |`,
  );
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
