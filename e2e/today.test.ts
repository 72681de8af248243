import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.js';
import { browserJourney, see, type TestServer } from './support.js';

const TIME_ZONE = 'Europe/Berlin';
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

async function get<T>(base: string, path: string): Promise<T> {
  const response = await fetch(`${base}/api/v1/${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A few weeks of life: Ada (inner circle, weekly) last seen 20 days ago, Sam
 * (close, fortnightly) last called 40 days ago, Biscuit walked daily.
 */
async function seed(base: string): Promise<Record<string, string>> {
  await fetch(`${base}/api/v1/settings`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ timeZone: TIME_ZONE }),
  });
  const ids: Record<string, string> = {};
  for (const [name, kind, ring, cadenceDays] of [
    ['Ada', 'person', 'inner', 7],
    ['Sam', 'person', 'close', 14],
    ['Biscuit', 'pet', 'inner', 1],
  ] as const) {
    ids[name] = (
      await post<{ id: string }>(base, 'connections', { name, kind, ring, cadenceDays })
    ).id;
  }
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
  await post(base, 'interactions', {
    connectionIds: [ids.Ada],
    channel: 'in_person',
    kinds: ['shared_meal', 'physical_affection'],
    startedAt: at(20),
    durationMinutes: 90,
    delight: 5,
    note: '',
  });
  await post(base, 'interactions', {
    connectionIds: [ids.Sam],
    channel: 'voice',
    kinds: ['conversation'],
    startedAt: at(40),
    durationMinutes: 30,
    delight: 4,
    note: '',
  });
  for (let d = 1; d <= 10; d++) {
    await post(base, 'interactions', {
      connectionIds: [ids.Biscuit],
      channel: 'in_person',
      kinds: ['pet_time'],
      startedAt: at(d),
      durationMinutes: 40,
      delight: 5,
      note: '',
    });
  }
  return ids;
}

describeBrowser('Today in the web app', () => {
  const journey = browserJourney({ timeZone: TIME_ZONE });
  const { problems } = journey;
  let fresh: TestServer;
  let seeded: TestServer;
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    fresh = await journey.server();
    seeded = await journey.server();
    ids = await seed(seeded.url);
  });

  const open = (server: TestServer, path = '/', width = 1280) =>
    journey.open(server.url, path, { width });

  const reachOutList = (page: Page) =>
    page.getByRole('list', { name: 'People to reach out to' }).getByRole('listitem');

  it('as a newcomer, Today tells me what to do first, and the navigation takes me there and back', async () => {
    const page = await open(fresh);
    const welcome = page.getByRole('region', { name: 'Welcome to Tend' });
    await see(welcome, 'Add the people you delight in');
    await see(welcome, 'Log time together');
    await see(welcome, 'Check in');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Today' }).getAttribute('aria-current')).toBe(
      'page',
    );

    await welcome.getByRole('link', { name: 'Add the people you delight in' }).click();
    await page.getByRole('region', { name: 'People' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/people');
    expect(await nav.getByRole('link', { name: 'People' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await page.title()).toBe('People · Tend');

    await page.goBack();
    await page.getByRole('region', { name: 'Welcome to Tend' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(problems).toEqual([]);
  }, 30_000);

  it('as someone with a few weeks logged, I see my four states, whom to reach out to, and why a state is what it is', async () => {
    const page = await open(seeded);
    const states = page.getByRole('region', { name: 'Your states' });
    for (const name of ['Everyday connection', 'Deep bond', 'Isolation load', 'Technology balance'])
      await states.getByRole('heading', { name }).waitFor();
    await see(page.getByRole('main'), 'not medical advice');
    expect(await page.getByRole('link', { name: 'Help in a crisis' }).count()).toBeGreaterThan(0);

    await see(reachOutList(page), 'Ada');
    await see(reachOutList(page), 'Sam');

    const why = states.getByRole('button', { name: 'Why? Deep bond' });
    expect(await why.getAttribute('aria-expanded')).toBe('false');
    await why.click();
    expect(await why.getAttribute('aria-expanded')).toBe('true');
    // The top contributors name the people, not their ids.
    await see(states.getByRole('listitem'), /Biscuit · In person/);
    expect(problems).toEqual([]);
  }, 30_000);

  it('I snooze someone for a week, change my mind and undo it', async () => {
    const page = await open(seeded);
    const sam = reachOutList(page).filter({ hasText: 'Sam' });
    await sam.getByRole('button', { name: 'Snooze a week' }).click();

    const reach = page.getByRole('region', { name: 'Reach out' });
    await see(reach.getByRole('status'), /Snoozed Sam until/);
    await sam.waitFor({ state: 'detached' });
    const decisions = await get<{ key: string; action: string }[]>(seeded.url, 'nudges/decisions');
    expect(decisions).toContainEqual(
      expect.objectContaining({ key: `reach-out:${ids.Sam}`, action: 'snoozed' }),
    );

    // Focus moved to Undo, so the keyboard is right there.
    const undo = reach.getByRole('button', { name: 'Undo' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Undo');
    await undo.click();
    await see(reach.getByRole('status'), 'Sam is back on your list.');
    await see(reachOutList(page), 'Sam');
    const after = await get<{ key: string }[]>(seeded.url, 'nudges/decisions');
    expect(after.map((d) => d.key)).not.toContain(`reach-out:${ids.Sam}`);
    expect(problems).toEqual([]);
  }, 30_000);

  it('I log the suggested contact with one tap, and the person leaves the list', async () => {
    const page = await open(seeded);
    const today = await get<{ reachOut: { name: string; channel: string; kind: string }[] }>(
      seeded.url,
      'today',
    );
    const suggestion = today.reachOut.find((n) => n.name === 'Ada');
    expect(suggestion).toBeDefined();

    const ada = reachOutList(page).filter({ hasText: 'Ada' });
    await ada.getByRole('button', { name: 'Log it' }).click();
    const reach = page.getByRole('region', { name: 'Reach out' });
    await see(reach.getByRole('status'), /Logged .* time with Ada/);
    await ada.waitFor({ state: 'detached' });
    // Still gone once Today has been worked out again from the new log.
    await page.reload();
    await see(reachOutList(page), 'Sam');
    expect(await reachOutList(page).filter({ hasText: 'Ada' }).count()).toBe(0);

    const latest = await get<{
      items: { connectionIds: string[]; channel: string; kinds: string[] }[];
    }>(seeded.url, 'interactions?limit=1');
    expect(latest.items[0]).toMatchObject({
      connectionIds: [ids.Ada],
      channel: suggestion?.channel,
      kinds: [suggestion?.kind],
    });
    expect(problems).toEqual([]);
  }, 30_000);

  it('I check in with three taps on my phone, and Today says I have checked in', async () => {
    const page = await open(seeded, '/', 360);
    const checkIn = page.getByRole('region', { name: 'Check in' });
    await see(checkIn, 'not a diagnosis');
    expect(await checkIn.getByText('You have checked in today').count()).toBe(0);

    await checkIn.getByRole('group', { name: 'Stress' }).getByRole('radio', { name: '4' }).click();
    await checkIn
      .getByRole('group', { name: 'Loneliness' })
      .getByRole('radio', { name: '6', exact: true })
      .click();
    await checkIn.getByRole('button', { name: 'Save check-in' }).click();

    await see(checkIn.getByRole('status'), 'Check-in saved: stress 4, loneliness 6.');
    await see(checkIn, 'You have checked in today');
    // Nothing sticks out sideways on a small phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(problems).toEqual([]);
  }, 30_000);
});
