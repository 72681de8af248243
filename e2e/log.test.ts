import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.js';
import { browserJourney, see, severeViolations, type TestServer } from './support.js';

const DAY = 86_400_000;

async function send<T>(base: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}/api/v1/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as T };
}

interface Entry {
  id: string;
  startedAt: string;
  connectionIds: string[];
  durationMinutes: number | null;
  note: string;
}

describeBrowser('editing and deleting past entries on the Log page', () => {
  const journey = browserJourney({ timeZone: 'Europe/Berlin' });
  const { problems } = journey;
  let server: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await journey.server();
    for (const name of ['Ada', 'Sam']) {
      ids[name] = (
        await send<{ id: string }>(server.url, 'POST', 'connections', { name, ring: 'close' })
      ).body.id;
    }
  });

  const log = async (name: string, daysAgo: number, note: string) =>
    (
      await send<Entry>(server.url, 'POST', 'interactions', {
        connectionIds: [ids[name]],
        channel: 'video',
        kinds: ['conversation'],
        // Seconds and milliseconds that a datetime-local field cannot show.
        startedAt: new Date(Date.now() - daysAgo * DAY - 17_345).toISOString(),
        durationMinutes: 30,
        note,
      })
    ).body;

  it('I correct a past entry, and when the save fails everything I typed is still there to try again', async () => {
    const entry = await log('Ada', 2, 'Quick call');
    const page = await journey.open(server.url, '/log');
    const entries = page.getByRole('region', { name: 'Past entries' });
    await see(entries.getByRole('listitem'), 'Quick call');
    await entries.getByRole('button', { name: /^Edit time with Ada,/ }).click();

    const form = entries.getByRole('form', { name: /^Edit time with Ada,/ });
    expect(await form.getByLabel('Minutes').inputValue()).toBe('30');
    expect(await form.getByLabel('Note').inputValue()).toBe('Quick call');
    expect(await form.getByRole('radio', { name: 'Video' }).isChecked()).toBe(true);
    await form.getByLabel('Minutes').fill('50');
    await form.getByLabel('Note').fill('Long call about the move');
    await form.getByRole('checkbox', { name: 'Sam' }).check();
    expect(await severeViolations(page), 'Log while editing an entry').toEqual([]);

    // The connection drops while saving.
    await page.route('**/api/v1/interactions/*', (route) =>
      route.request().method() === 'PATCH' ? route.abort() : route.fallback(),
    );
    await form.getByRole('button', { name: 'Save changes' }).click();
    await see(form.getByRole('alert'), 'Not saved.');
    await see(form.getByRole('alert'), 'Could not reach Tend');
    expect(await form.getByLabel('Note').inputValue()).toBe('Long call about the move');
    expect(await form.getByLabel('Minutes').inputValue()).toBe('50');
    expect(await form.getByRole('checkbox', { name: 'Sam' }).isChecked()).toBe(true);

    await page.unroute('**/api/v1/interactions/*');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await see(entries.getByRole('status'), 'Saved your changes to the time with Ada.');
    const item = entries.getByRole('listitem').filter({ hasText: 'Long call about the move' });
    await see(item, /Ada and Sam|Sam and Ada/);
    await see(item, '50 min');
    expect(await form.count()).toBe(0);

    const stored = await send<Entry>(server.url, 'GET', `interactions/${entry.id}`);
    expect(stored.body).toMatchObject({
      durationMinutes: 50,
      note: 'Long call about the move',
      connectionIds: [ids.Ada, ids.Sam].sort(),
      // The time was not touched, so it kept its seconds.
      startedAt: entry.startedAt,
    });
    expect(problems.filter((p) => !p.includes('net::ERR_FAILED'))).toEqual([]);
  }, 40_000);

  it('I delete an entry only after confirming; Keep leaves it alone', async () => {
    const entry = await log('Sam', 1, 'Logged by mistake');
    const page = await journey.open(server.url, '/log');
    const entries = page.getByRole('region', { name: 'Past entries' });
    const item = entries.getByRole('listitem').filter({ hasText: 'Logged by mistake' });
    await item.waitFor();

    await item.getByRole('button', { name: /^Delete time with Sam,/ }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete this entry?' });
    await see(dialog, 'removed from your log for good');
    await dialog.getByRole('button', { name: 'Keep' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await send(server.url, 'GET', `interactions/${entry.id}`)).status).toBe(200);

    await item.getByRole('button', { name: /^Delete time with Sam,/ }).click();
    await dialog.getByRole('button', { name: 'Delete entry' }).click();
    await see(entries.getByRole('status'), 'Deleted the time with Sam');
    await item.waitFor({ state: 'detached' });
    expect((await send(server.url, 'GET', `interactions/${entry.id}`)).status).toBe(404);
    // Focus is not lost with the removed button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Past entries');
    expect(problems).toEqual([]);
  }, 30_000);
});
