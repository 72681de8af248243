import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.js';
import { browserJourney, see, severeViolations, type TestServer } from './support.js';

interface Seeded {
  id: string;
  name: string;
}

/** A `datetime-local` value for noon, `days` from now, in the browser's zone (Europe/Berlin). */
function noonInDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.toISOString().slice(0, 10)}T12:00`;
}

describeBrowser('plans and a connection’s page', () => {
  const journey = browserJourney({ timeZone: 'Europe/Berlin' });
  const { problems } = journey;
  let server: TestServer;

  beforeAll(async () => {
    server = await journey.server();
  });

  async function seed(name: string, ring = 'friends'): Promise<Seeded> {
    const response = await fetch(`${server.url}/api/v1/connections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, kind: 'person', ring }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Seeded;
  }

  const open = (path: string, width = 1280) => journey.open(server.url, path, { width });

  it('I plan a picnic with Ada, see it under upcoming, mark it done and find it on her page', async () => {
    const ada = await seed('Ada Lovelace', 'close');
    await seed('Charles Babbage');
    const page = await open('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Plans' })
      .click();
    await page.getByRole('heading', { name: 'Plans', level: 2 }).waitFor();
    expect(await page.title()).toBe('Plans · Tend');
    await see(page.getByRole('main'), 'Nothing planned yet');

    const form = page.getByRole('form', { name: 'Plan something together' });
    await form.getByRole('textbox', { name: 'What' }).fill('Picnic');
    await form.getByRole('checkbox', { name: 'Ada Lovelace' }).check();
    await form.getByLabel('When').fill(noonInDays(2));
    await form.getByRole('textbox', { name: 'Where (optional)' }).fill('the park');
    expect(await severeViolations(page), 'Plans with a filled form').toEqual([]);
    await form.getByRole('button', { name: 'Plan it' }).click();
    await see(form.getByRole('status'), /Planned “Picnic”/);
    // The form is ready for the next plan.
    expect(await form.getByRole('textbox', { name: 'What' }).inputValue()).toBe('');

    const upcoming = page.getByRole('list', { name: 'Upcoming plans' });
    const picnic = upcoming.getByRole('listitem').filter({ hasText: 'Picnic' });
    await see(picnic, 'Ada Lovelace');
    await see(picnic, 'the park');
    const saved = (await (await fetch(`${server.url}/api/v1/plans`)).json()) as {
      items: { startsAt: string }[];
    };
    // Noon in Berlin is 10:00 or 11:00 UTC.
    expect(saved.items[0]?.startsAt).toMatch(/T1[01]:00:00(\.000)?Z$/);
    expect(await severeViolations(page), 'Plans with a plan').toEqual([]);

    await picnic.getByRole('button', { name: 'Mark “Picnic” done' }).click();
    await see(page.getByRole('status'), 'logged as time together');
    await see(picnic, 'Done');

    await picnic.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/people/${ada.id}`);
    const timeline = page.getByRole('list', { name: 'Time together' });
    await see(timeline.getByRole('listitem'), 'Picnic (the park)');
    await see(timeline.getByRole('listitem'), 'In person');
    expect(problems).toEqual([]);
  }, 60_000);

  it('a plan without anyone chosen keeps what I typed and says who is missing', async () => {
    await seed('Grace Hopper');
    const page = await open('/plans');
    const form = page.getByRole('form', { name: 'Plan something together' });
    await form.getByRole('checkbox', { name: 'Grace Hopper' }).waitFor();
    await form.getByRole('textbox', { name: 'What' }).fill('Board games');
    await form.getByLabel('When').fill(noonInDays(3));
    await form.getByRole('button', { name: 'Plan it' }).click();
    await see(form.getByRole('alert'), /With whom: choose at least one person/);
    expect(await form.getByRole('textbox', { name: 'What' }).inputValue()).toBe('Board games');
  }, 40_000);

  it('I delete a plan after confirming', async () => {
    const grace = await seed('Grace Hopper');
    const when = new Date(Date.now() + 5 * 86_400_000).toISOString();
    await fetch(`${server.url}/api/v1/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ startsAt: when, connectionIds: [grace.id], title: 'Museum' }),
    });
    const page = await open('/plans');
    const museum = page
      .getByRole('list', { name: 'Upcoming plans' })
      .getByRole('listitem')
      .filter({ hasText: 'Museum' });
    await museum.getByRole('button', { name: 'Delete “Museum”' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete this plan?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Delete plan' }).click();
    await see(page.getByRole('status'), 'Deleted “Museum”');
    expect(await museum.count()).toBe(0);
    expect(problems).toEqual([]);
  }, 40_000);

  it('I change a person’s ring on their page and it is still changed after a reload', async () => {
    const alan = await seed('Alan Turing', 'wider');
    const page = await open('/people');
    await page
      .getByRole('list', { name: 'Your people' })
      .getByRole('link', { name: 'Alan Turing' })
      .click();
    await page.getByRole('heading', { name: 'Alan Turing', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/people/${alan.id}`);
    await see(page.getByRole('main'), 'Nothing logged with Alan Turing yet');
    expect(await severeViolations(page), 'A connection’s page').toEqual([]);

    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit Alan Turing' });
    await form.getByRole('combobox', { name: 'Closeness' }).selectOption('close');
    await form.getByRole('textbox', { name: 'Shared joys' }).fill('chess, long runs');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await see(form.getByRole('status'), 'Saved Alan Turing.');
    expect(await severeViolations(page), 'A connection’s page while editing').toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: 'Alan Turing', level: 2 }).waitFor();
    const facts = page.getByRole('definition');
    await see(facts, /^Close$/);
    await see(facts, 'chess, long runs');
    expect(problems).toEqual([]);
  }, 60_000);

  it('I delete a person after confirming, and they are gone from People', async () => {
    const mary = await seed('Mary Somerville');
    const page = await open(`/people/${mary.id}`);
    await page.getByRole('heading', { name: 'Mary Somerville', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete Mary Somerville?' });
    await dialog.waitFor();
    await see(dialog, 'nobody else goes too');
    // Focus starts on the safe choice; Escape keeps them.
    expect(
      await dialog
        .getByRole('button', { name: 'Keep' })
        .evaluate((b) => b === document.activeElement),
    ).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('button', { name: 'Delete Mary Somerville' }).click();
    await page.getByRole('heading', { name: 'People', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/people');
    await page.getByRole('list', { name: 'Your people' }).waitFor();
    expect(await page.getByRole('link', { name: 'Mary Somerville' }).count()).toBe(0);
    const gone = await fetch(`${server.url}/api/v1/connections/${mary.id}`);
    expect(gone.status).toBe(404);
    expect(problems).toEqual([]);
  }, 60_000);
});
