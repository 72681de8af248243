import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.js';
import { browserJourney, see, severeViolations, type TestServer } from './support.js';

const TIME_ZONE = 'Asia/Kolkata'; // UTC+05:30 all year, so the expected instant is fixed.

/** Yesterday's calendar date in TIME_ZONE, as YYYY-MM-DD. */
function yesterdayInZone(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(Date.now() - 86_400_000);
}

describeBrowser('the web app', () => {
  const journey = browserJourney({ timeZone: TIME_ZONE });
  const { problems } = journey;
  let server: TestServer;

  beforeAll(async () => {
    server = await journey.server();
  });

  const openApp = (path = '/') => journey.open(server.url, path);

  it('as someone under long-term stress, I add a friend, log time with them and check in, and after a reload I see both under History', async () => {
    const page = await openApp();
    const nav = page.getByRole('navigation', { name: 'Main' });

    // People: start empty, add Ada to the inner circle with Enter.
    await nav.getByRole('link', { name: 'People' }).click();
    const people = page.getByRole('region', { name: 'People' });
    await see(people, 'No one here yet');
    await people.getByLabel('Name').fill('Ada');
    await people.getByRole('combobox', { name: 'Closeness' }).selectOption('inner');
    await people.getByLabel('Name').press('Enter');
    await see(people.getByRole('status'), 'Added Ada to inner circle.');
    await see(
      people.getByRole('list', { name: 'Your people' }).getByRole('listitem'),
      /Ada.*Inner circle.*Person/,
    );

    // Log time together: a video dinner yesterday evening, local time.
    await nav.getByRole('link', { name: 'Log' }).click();
    const log = page.getByRole('region', { name: 'Log time together' });
    const yesterday = yesterdayInZone();
    await log.getByRole('checkbox', { name: 'Ada' }).check();
    await log.getByRole('radio', { name: 'Video' }).check();
    await log.getByRole('checkbox', { name: 'Shared meal' }).check();
    await log.getByLabel('Minutes').fill('45');
    await log.getByLabel('When').fill(`${yesterday}T18:30`);
    await log.getByRole('radio', { name: '4 – lovely' }).check();
    await log.getByLabel('Note').fill('Dinner together over video');
    await log.getByRole('button', { name: 'Log it' }).click();
    await see(log.getByRole('status'), 'Logged time with Ada (video, 45 min).');

    // The browser's local 18:30 reached the server as the right instant.
    const stored = (await (await fetch(`${server.url}/api/v1/interactions`)).json()) as {
      items: { startedAt: string; kinds: string[]; delight: number }[];
    };
    expect(stored.items[0]).toMatchObject({
      startedAt: `${yesterday}T13:00:00.000Z`,
      kinds: ['conversation', 'shared_meal'],
      delight: 4,
    });

    // Check in on Today with the keyboard: stress 3, loneliness 7.
    await nav.getByRole('link', { name: 'Today' }).click();
    const checkIn = page.getByRole('region', { name: 'Check in' });
    await see(checkIn, 'not a diagnosis');
    const stress = checkIn.getByRole('group', { name: 'Stress' });
    await stress.getByRole('radio', { name: '0', exact: true }).focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await stress.getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
    const loneliness = checkIn.getByRole('group', { name: 'Loneliness' });
    await loneliness.getByRole('radio', { name: '10', exact: true }).focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    expect(await loneliness.getByRole('radio', { name: '7', exact: true }).isChecked()).toBe(true);
    await checkIn.getByLabel('Mood').fill('hopeful');
    await checkIn.getByLabel('Mood').press('Enter');
    await see(checkIn.getByRole('status'), 'Check-in saved: stress 3, loneliness 7.');

    // Everything is still there under History after a reload, in local time.
    await nav.getByRole('link', { name: 'History' }).click();
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/history');
    const recent = page.getByRole('region', { name: 'History' });
    const together = recent.getByRole('list', { name: 'Time together' }).getByRole('listitem');
    await see(together, 'Ada');
    expect(await together.count()).toBe(1);
    const item = ((await together.first().textContent()) ?? '').replace(/\s+/g, ' ');
    for (const part of [
      'Ada',
      'Yesterday, 18:30',
      'Video',
      '45 min',
      'Conversation, Shared meal',
      'delight 4/5',
      'Dinner together over video',
    ]) {
      expect(item).toContain(part);
    }
    const checkIns = recent.getByRole('list', { name: 'Check-ins' }).getByRole('listitem');
    await see(checkIns, 'Stress 3/10 · Loneliness 7/10');
    expect((await checkIns.first().textContent()) ?? '').toMatch(
      /Today, \d\d:\d\d[\s\S]*Mood: hopeful/,
    );

    // Accessibility: no serious or critical axe violations on the page with data.
    expect(await severeViolations(page), 'History with data').toEqual([]);
    expect(problems).toEqual([]);
  }, 30_000); // Usually 5–10 s; room for a busy machine.

  it('if I forget to say who I was with, I am told what to fix and keep what I typed', async () => {
    await fetch(`${server.url}/api/v1/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Biscuit', kind: 'pet', ring: 'inner' }),
    });
    const page = await openApp('/log');
    const log = page.getByRole('region', { name: 'Log time together' });
    await log.getByRole('checkbox', { name: 'Play or walk with a pet' }).check();
    await log.getByLabel('Minutes').fill('30');
    await log.getByLabel('Note').fill('Long walk by the river');
    await log.getByRole('button', { name: 'Log it' }).click();

    await see(log.getByRole('alert'), 'Who with: needs at least one connection');
    await see(log.getByRole('group', { name: 'Who with' }), 'needs at least one connection');
    expect(await log.getByLabel('Note').inputValue()).toBe('Long walk by the river');
    expect(await log.getByLabel('Minutes').inputValue()).toBe('30');

    await log.getByRole('checkbox', { name: 'Biscuit' }).check();
    await log.getByRole('button', { name: 'Log it' }).click();
    await see(log.getByRole('status'), 'Logged time with Biscuit (in person, 30 min).');
    expect(((await log.getByRole('alert').textContent()) ?? '').trim()).toBe('');
    expect(await log.getByLabel('Note').inputValue()).toBe('');
    // The rejected request shows in the console as a 400; nothing else may.
    expect(problems.filter((p) => !p.includes('status of 400'))).toEqual([]);
  });
});
