import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.js';
import { browserJourney, see, type TestServer } from './support.js';

const DAY = 86_400_000;

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}/api/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Until the service worker controls the page and has kept Today's answer. */
async function waitForOfflineCopy(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.waitForFunction(async () => {
    const names = await caches.keys();
    for (const name of names) {
      const keys = await (await caches.open(name)).keys();
      if (keys.some((r) => new URL(r.url).pathname === '/api/v1/today')) return true;
    }
    return false;
  });
}

describeBrowser('Tend as an installed app', () => {
  const journey = browserJourney({ timeZone: 'Europe/Berlin' });
  const { problems } = journey;
  let server: TestServer;

  beforeAll(async () => {
    server = await journey.server();
    const ada = await post<{ id: string }>(server.url, 'connections', {
      name: 'Ada Lovelace',
      ring: 'inner',
      cadenceDays: 7,
    });
    await post(server.url, 'interactions', {
      connectionIds: [ada.id],
      channel: 'in_person',
      kinds: ['shared_meal'],
      startedAt: new Date(Date.now() - 20 * DAY).toISOString(),
      durationMinutes: 60,
    });
  });

  it('is installable: the manifest names Tend and its icons are real PNGs of the sizes it claims', async () => {
    const page = await journey.open(server.url, '/', { timeout: 10_000 });
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const response = await fetch(`${server.url}${href}`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Tend', start_url: '/', display: 'standalone' });
    const pngs = manifest.icons.filter((i) => i.type === 'image/png');
    expect(pngs.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const file = await fetch(`${server.url}${icon.src}`);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get('content-type'), icon.src).toContain(icon.type.split('+')[0]);
      if (icon.type === 'image/png') {
        const { width, height } = pngSize(new Uint8Array(await file.arrayBuffer()));
        expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
      }
    }
    // The worker installs under the page's own Content-Security-Policy, without complaint.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(problems).toEqual([]);
  }, 30_000);

  it('after one visit, it opens offline with the last data it had and says it is offline', async () => {
    const page = await journey.open(server.url, '/', { timeout: 10_000 });
    const reachOut = page.getByRole('list', { name: 'People to reach out to' });
    await see(reachOut.getByRole('listitem'), 'Ada Lovelace');
    const banner = page.locator('#offline-banner');
    expect(await banner.isHidden()).toBe(true);
    await waitForOfflineCopy(page);
    expect(problems).toEqual([]);

    await journey.context()?.setOffline(true);
    await page.reload();
    await see(banner, /You are offline\. Tend is showing what it had (on|last)/);
    await see(page.getByRole('status').filter({ hasText: 'You are offline' }), 'cannot be saved');
    // Today as it was, from the saved answers.
    await see(reachOut.getByRole('listitem'), 'Ada Lovelace');
    await page.getByRole('heading', { name: 'Your states' }).waitFor();

    // A page loaded on demand and never opened online still opens: its code was kept at install.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Learn' })
      .click();
    await page.getByRole('heading', { name: 'The science behind Tend' }).waitFor();
    await page.goBack();
    await see(reachOut.getByRole('listitem'), 'Ada Lovelace');

    // Only this origin's GET answers were kept.
    const kept = await page.evaluate(async () => {
      const out: { url: string; method: string }[] = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys())
          out.push({ url: r.url, method: r.method });
      }
      return out;
    });
    expect(kept.length).toBeGreaterThan(0);
    for (const entry of kept) {
      expect(new URL(entry.url).origin).toBe(server.url);
      expect(entry.method).toBe('GET');
    }

    // Back online, the notice goes once fresh data arrives.
    await journey.context()?.setOffline(false);
    await page.reload();
    await see(reachOut.getByRole('listitem'), 'Ada Lovelace');
    await banner.waitFor({ state: 'hidden' });
    // Offline, reads with nothing saved fail as the browser reports them (through the worker,
    // net::ERR_FAILED); no script error may happen.
    expect(
      problems.filter((p) => !/net::ERR_(INTERNET_DISCONNECTED|FAILED)|Failed to fetch/.test(p)),
      problems.join('\n'),
    ).toEqual([]);
  }, 40_000);
});
