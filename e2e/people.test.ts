import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.js';
import { browserJourney, see, severeViolations, type TestServer } from './support.js';

const TIME_ZONE = 'Europe/Berlin';
const DAY = 86_400_000;

async function send<T>(base: string, method: string, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}/api/v1/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Noon UTC `days` ago: the same calendar day in Berlin. */
const noonDaysAgo = (days: number) => {
  const date = new Date(Date.now() - days * DAY);
  date.setUTCHours(12, 0, 0, 0);
  return date;
};
const berlinDate = (date: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(date);

/**
 * Ada (weekly) last seen 20 days ago: losing touch. Zoë (monthly) 25 days
 * ago: due soon. Sam (fortnightly) 10 days ago: in touch. Biscuit the dog
 * (daily) yesterday: due today.
 */
async function seed(base: string): Promise<Record<string, string>> {
  await send(base, 'PATCH', 'settings', { timeZone: TIME_ZONE });
  const ids: Record<string, string> = {};
  for (const [name, kind, ring, cadenceDays] of [
    ['Ada Lovelace', 'person', 'inner', 7],
    ['Sam Okafor', 'person', 'close', 14],
    ['Zoë Adler', 'person', 'friends', 30],
    ['Biscuit', 'pet', 'inner', 1],
  ] as const) {
    ids[name] = (
      await send<{ id: string }>(base, 'POST', 'connections', { name, kind, ring, cadenceDays })
    ).id;
  }
  const log = (name: string, daysAgo: number, channel = 'in_person') =>
    send(base, 'POST', 'interactions', {
      connectionIds: [ids[name]],
      channel,
      kinds: ['conversation'],
      startedAt: noonDaysAgo(daysAgo).toISOString(),
      durationMinutes: 45,
    });
  await log('Ada Lovelace', 20);
  await log('Ada Lovelace', 100);
  await log('Ada Lovelace', 100, 'video');
  await log('Ada Lovelace', 400); // more than a year ago: not on the calendar
  await log('Zoë Adler', 25, 'text');
  await log('Sam Okafor', 10, 'voice');
  await log('Biscuit', 1);
  return ids;
}

describeBrowser('People and a connection’s year', () => {
  const journey = browserJourney({ timeZone: TIME_ZONE });
  const { problems } = journey;
  let server: TestServer;
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await journey.server();
    ids = await seed(server.url);
  });

  it('I find someone by name, narrow the list to pets, and see who is losing touch first, in words as well as colour', async () => {
    const page = await journey.open(server.url, '/people');
    const people = page.getByRole('list', { name: 'Your people' });
    const names = async () =>
      (await people.getByRole('link').allTextContents()).map((n) => n.trim());
    await see(people.getByRole('listitem'), 'Biscuit');
    expect(await names()).toEqual(['Ada Lovelace', 'Biscuit', 'Sam Okafor', 'Zoë Adler']);

    // Accents and case do not matter.
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('zoe');
    await see(page.getByRole('status'), 'Showing 1 of 4.');
    expect(await names()).toEqual(['Zoë Adler']);
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('');

    await page.getByRole('combobox', { name: 'Person or pet' }).selectOption('pet');
    await see(page.getByRole('status'), 'Showing 1 of 4.');
    expect(await names()).toEqual(['Biscuit']);
    await page.getByRole('combobox', { name: 'Person or pet' }).selectOption('');

    await page.getByRole('radio', { name: 'Losing touch first' }).check();
    const legend = page.getByRole('list', { name: 'What the colours mean' });
    await see(legend, 'Losing touch');
    await expect.poll(names).toEqual(['Ada Lovelace', 'Biscuit', 'Zoë Adler', 'Sam Okafor']);
    const ada = people.getByRole('listitem').filter({ hasText: 'Ada Lovelace' });
    await see(ada, 'Losing touch');
    await see(ada, '20 days since contact · every 7 days');
    const level = (name: string) =>
      people.getByRole('listitem').filter({ hasText: name }).locator('.tag.touch').textContent();
    expect(await level('Ada')).toBe('Losing touch');
    expect(await level('Biscuit')).toBe('Due');
    expect(await level('Zoë')).toBe('Due soon');
    expect(await level('Sam')).toBe('In touch');
    expect(await severeViolations(page), 'People, losing touch first').toEqual([]);

    await page.getByRole('checkbox', { name: 'Only those due a contact' }).check();
    await expect.poll(names).toEqual(['Ada Lovelace', 'Biscuit']);

    // The view is in the address, so a reload keeps it.
    await page.reload();
    await see(page.getByRole('status'), 'Showing 2 of 4.');
    expect(await names()).toEqual(['Ada Lovelace', 'Biscuit']);
    expect(await page.getByRole('radio', { name: 'Losing touch first' }).isChecked()).toBe(true);

    await page.getByRole('searchbox', { name: 'Search by name' }).fill('nobody');
    await see(page.getByRole('main'), 'No one matches these filters.');
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(names).toEqual(['Ada Lovelace', 'Biscuit', 'Sam Okafor', 'Zoë Adler']);
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
  }, 40_000);

  it('on Ada’s page I see a year of contact as a calendar, told in words and by month too', async () => {
    const page = await journey.open(server.url, `/people/${ids['Ada Lovelace']}`);
    // Days since contact as the server counts them, with the same words as on People.
    await see(
      page.getByRole('definition'),
      '20 days ago · Losing touch 13 days past your 7-day cadence',
    );
    const year = page.getByRole('region', { name: 'A year of contact' });
    const summary =
      'In touch with Ada Lovelace on 2 of the last 365 days (3 contacts in all, 2 days in person). ' +
      'Longest stretch without contact: 79 days.';
    await see(year, summary);
    // The picture's name is the same summary, for screen readers.
    expect(await year.getByRole('img', { name: summary }).count()).toBe(1);

    const cells = year.locator('rect[data-date]');
    expect(await cells.count()).toBe(365);
    const busy = year.locator(`rect[data-date="${berlinDate(noonDaysAgo(100))}"]`);
    expect(await busy.getAttribute('class')).toBe('heat-2');
    expect(await busy.locator('title').textContent()).toMatch(
      /: 2 contacts, 1 h 30 min \((in person, video|video, in person)\)$/,
    );
    const quiet = year.locator(`rect[data-date="${berlinDate(noonDaysAgo(50))}"]`);
    expect(await quiet.getAttribute('class')).toBe('heat-0');
    expect(await quiet.locator('title').textContent()).toMatch(/: no contact$/);

    await year.getByText('Show each month as a table').click();
    const rows = year.getByRole('table').getByRole('row');
    // A header row and the 13 months a 365-day span touches.
    expect(await rows.count()).toBe(14);
    expect(await severeViolations(page), 'A connection’s page with its calendar').toEqual([]);
    expect(problems).toEqual([]);
  }, 30_000);

  it('on a phone the calendar scrolls inside its card, starting at the latest weeks, and the page does not', async () => {
    const page = await journey.open(server.url, `/people/${ids['Sam Okafor']}`, { width: 360 });
    const year = page.getByRole('region', { name: 'A year of contact' });
    await see(year, 'In touch with Sam Okafor on 1 of the last 365 days');
    const scroller = year.locator('.heatmap-scroll');
    const { scrollLeft, scrollWidth, clientWidth } = await scroller.evaluate((e) => ({
      scrollLeft: e.scrollLeft,
      scrollWidth: e.scrollWidth,
      clientWidth: e.clientWidth,
    }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(scrollLeft + clientWidth).toBeGreaterThanOrEqual(scrollWidth - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    expect(await severeViolations(page), 'A connection’s page on a phone').toEqual([]);
    expect(problems).toEqual([]);
  }, 30_000);
});
