/**
 * Screenshots of the web app with some data, for looking at the layout and
 * for the README: `npx tsx e2e/screenshots.ts [outDir]` after building the
 * web app. Writes web-phone.png (390×844), web-desktop.png (1280×800) and
 * their dark variants; copies the light desktop one to docs/screenshots.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../src/server/serve.js';
import { launchBrowser } from '../test/support/browser.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.argv[2] ?? '/tmp';

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}/api/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

async function seed(base: string): Promise<void> {
  const ids: Record<string, string> = {};
  for (const [name, kind, ring] of [
    ['Ada Lovelace', 'person', 'inner'],
    ['Biscuit', 'pet', 'inner'],
    ['Sam', 'person', 'close'],
    ['Priya', 'person', 'friends'],
    ['Jonas', 'person', 'wider'],
  ] as const) {
    ids[name] = (await post<{ id: string }>(base, 'connections', { name, kind, ring })).id;
  }
  const id = (name: string) => ids[name] ?? '';
  const interactions = [
    {
      who: ['Biscuit'],
      channel: 'in_person',
      kinds: ['pet_time'],
      h: 2,
      min: 40,
      delight: 5,
      note: 'Long walk by the river',
    },
    {
      who: ['Ada Lovelace', 'Sam'],
      channel: 'in_person',
      kinds: ['shared_meal', 'conversation'],
      h: 26,
      min: 120,
      delight: 4,
      note: '',
    },
    {
      who: ['Priya'],
      channel: 'video',
      kinds: ['conversation', 'support_given'],
      h: 50,
      min: 35,
      delight: 3,
      note: 'She starts the new job on Monday.',
    },
    {
      who: ['Jonas'],
      channel: 'text',
      kinds: ['conversation'],
      h: 75,
      min: null,
      delight: null,
      note: '',
    },
  ];
  for (const i of interactions) {
    await post(base, 'interactions', {
      connectionIds: i.who.map(id),
      channel: i.channel,
      kinds: i.kinds,
      startedAt: hoursAgo(i.h),
      durationMinutes: i.min,
      delight: i.delight,
      note: i.note,
    });
  }
  for (const [h, stress, loneliness, mood] of [
    [1, 4, 3, 'calm'],
    [25, 6, 5, 'tired'],
    [49, 7, 6, null],
  ] as const) {
    await post(base, 'checkins', { at: hoursAgo(h), stress, loneliness, mood });
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'tend-shots-'));
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir });
const browser = await launchBrowser();
try {
  await seed(server.url);
  const shots = [
    { file: 'web-phone.png', width: 390, height: 844, scheme: 'light' },
    { file: 'web-desktop.png', width: 1280, height: 800, scheme: 'light' },
    { file: 'web-phone-dark.png', width: 390, height: 844, scheme: 'dark' },
    { file: 'web-desktop-dark.png', width: 1280, height: 800, scheme: 'dark' },
  ] as const;
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.scheme,
      locale: 'en-GB',
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByText('Long walk by the river').waitFor();
    await page.screenshot({ path: join(outDir, shot.file), fullPage: true });
    await context.close();
  }
  const docs = join(repoRoot, 'docs/screenshots');
  await mkdir(docs, { recursive: true });
  await copyFile(join(outDir, 'web-desktop.png'), join(docs, 'home-desktop.png'));
  console.log(`Screenshots in ${outDir}; README copy in ${docs}/home-desktop.png`);
} finally {
  await browser.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
