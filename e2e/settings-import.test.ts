import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.js';
import { browserJourney, see, severeViolations, type TestServer } from './support.js';

const VCARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Grace Hopper',
  'TEL;TYPE=CELL:+49 151 12345678',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Alan Turing',
  'EMAIL:alan@example.org',
  'END:VCARD',
  '',
].join('\r\n');

describeBrowser('import, settings and learn', () => {
  const journey = browserJourney({ timeZone: 'Europe/Berlin' });
  const { problems } = journey;
  let server: TestServer;

  beforeAll(async () => {
    server = await journey.server();
  });

  const open = (path: string, width = 1280) => journey.open(server.url, path, { width });

  it('I import two contacts from a vCard file: the preview says 2 people to add, and after importing People lists them', async () => {
    const page = await open('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Import' })
      .click();
    await page.getByRole('heading', { name: 'Import', level: 2 }).waitFor();

    await page.getByLabel('File to import', { exact: true }).setInputFiles({
      name: 'contacts.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from(VCARD),
    });
    // The type is guessed from the extension.
    expect(await page.getByRole('combobox', { name: 'What kind of file' }).inputValue()).toBe(
      'vcard',
    );
    await page.getByRole('button', { name: 'Preview' }).click();

    const counts = page.getByRole('list', { name: 'Would change' });
    await see(counts.getByRole('listitem'), /^2 people to add$/);
    const table = page.getByRole('table');
    await see(table.getByRole('row'), /Grace Hopper/);
    await see(table.getByRole('row'), /Alan Turing/);
    // Nothing saved yet.
    const before = (await (await fetch(`${server.url}/api/v1/connections`)).json()) as {
      items: unknown[];
    };
    expect(before.items).toHaveLength(0);
    expect(await severeViolations(page), 'Import with a preview').toEqual([]);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Imported' }).waitFor();
    await see(page.getByRole('list', { name: 'Changed' }).getByRole('listitem'), /2 people added/);

    await page.getByRole('link', { name: 'See your people' }).click();
    const people = page.getByRole('list', { name: 'Your people' }).getByRole('listitem');
    await see(people, 'Grace Hopper');
    await see(people, 'Alan Turing');
    expect(problems).toEqual([]);
  }, 60_000);

  it('a broken file names its line and stays chosen', async () => {
    const page = await open('/import');
    await page.getByLabel('File to import', { exact: true }).setInputFiles({
      name: 'broken.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from('BEGIN:VCARD\r\nFN:Nobody\r\n'),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await see(page.getByRole('alert'), /Nothing was imported/);
    await see(page.getByRole('alert'), /line 1/i);
    await see(page.getByRole('main'), 'Chosen: broken.vcf');
    expect(await page.getByRole('button', { name: 'Preview' }).isEnabled()).toBe(true);
  }, 40_000);

  it('I change my time zone and a model parameter, and both are still there after a reload', async () => {
    const page = await open('/settings');
    const general = page.getByRole('region', { name: 'Time, phone numbers and cadence' });
    const zone = general.getByRole('combobox', { name: 'Time zone' });
    await zone.selectOption('America/New_York');
    await general.getByRole('button', { name: 'Save settings' }).click();
    await see(general.getByRole('status'), 'Settings saved.');

    const model = page.getByRole('region', { name: 'Model parameters' });
    const gentle = model.getByRole('spinbutton', { name: /^Gentle alert days/ });
    expect(await gentle.inputValue()).toBe('7');
    await gentle.fill('10');
    await model.getByRole('button', { name: 'Save 1 change' }).click();
    await see(model.getByRole('status'), 'Saved 1 change to the model.');

    await page.reload();
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    await see(page.getByRole('main'), 'Europe/Berlin'); // the select has loaded its zones
    const reloadedModel = page.getByRole('region', { name: 'Model parameters' });
    await reloadedModel.getByRole('spinbutton', { name: /^Gentle alert days/ }).waitFor();
    expect(
      await page
        .getByRole('region', { name: 'Time, phone numbers and cadence' })
        .getByRole('combobox', { name: 'Time zone' })
        .inputValue(),
    ).toBe('America/New_York');
    const reloadedGentle = reloadedModel.getByRole('spinbutton', { name: /^Gentle alert days/ });
    expect(await reloadedGentle.inputValue()).toBe('10');
    await see(reloadedModel, '1 of');
    const settings = (await (await fetch(`${server.url}/api/v1/settings`)).json()) as {
      timeZone: string;
      modelParams: Record<string, unknown>;
    };
    expect(settings).toMatchObject({
      timeZone: 'America/New_York',
      modelParams: { gentleAlertDays: 10 },
    });

    // Restore defaults sends modelParams: null.
    await reloadedModel.getByRole('button', { name: 'Restore defaults' }).click();
    await see(reloadedModel.getByRole('status'), 'back to its default');
    // The form takes the fresh values as the page renders; wait for it rather than race it.
    await expect.poll(() => reloadedGentle.inputValue()).toBe('7');
    expect(await severeViolations(page), 'Settings').toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('I turn on the calendar feed and am shown its address once, ending in .ics', async () => {
    const page = await open('/settings');
    const feed = page.getByRole('region', { name: 'Calendar feed' });
    await feed.getByRole('button', { name: 'Turn on' }).click();
    const address = feed.getByRole('textbox', { name: 'Your calendar address' });
    await address.waitFor();
    const url = await address.inputValue();
    expect(url.startsWith(server.url)).toBe(true);
    expect(url).toMatch(/\.ics$/);
    await see(feed, 'Anyone with this address can see the feed');
    await feed.getByRole('button', { name: 'Copy' }).waitFor();
    const ics = await fetch(url);
    expect(ics.status).toBe(200);
    await feed.getByRole('button', { name: 'Turn off' }).click();
    await see(feed.getByRole('status'), 'The calendar feed is off');
    expect(problems).toEqual([]);
  }, 40_000);

  it('on a phone, More opens Learn, which explains tachykinin as mouse research with sources', async () => {
    const page = await open('/', 360);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const more = nav.getByRole('button', { name: 'More' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Learn' }).click();
    await page.getByRole('heading', { name: 'The science behind Tend' }).waitFor();
    expect(await page.title()).toBe('Learn · Tend');
    const isolation = page.getByRole('region', { name: 'Isolation and tachykinin' });
    await see(isolation, 'tachykinin');
    await see(isolation, 'mouse research');
    await see(isolation, 'Taqi Kynan');
    const episode = isolation.getByRole('link', { name: /1:13:30/ });
    expect(await episode.getAttribute('href')).toBe(
      'https://www.youtube.com/watch?v=ntfcfJ28eiU&t=4410s',
    );
    expect(await episode.getAttribute('rel')).toBe('noopener noreferrer');
    await see(page.getByRole('region', { name: 'References' }), 'doi:10.1371/journal.pmed.1000316');
    expect(await severeViolations(page), 'Learn').toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
