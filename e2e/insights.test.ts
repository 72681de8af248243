import { expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.js';
import { seedDemo } from './demo.js';
import { browserJourney, see, severeViolations } from './support.js';

const TIME_ZONE = 'Europe/Berlin';

describeBrowser('insights', () => {
  const journey = browserJourney({ timeZone: TIME_ZONE });
  const { problems } = journey;

  /** A server on a fresh, empty data directory. */
  const freshServer = async () => (await journey.server()).url;

  const open = (baseUrl: string, path: string, reducedMotion = true) =>
    journey.open(baseUrl, path, {
      height: 900,
      timeout: 10_000,
      reducedMotion: reducedMotion ? 'reduce' : 'no-preference',
    });

  it('with a year of demo data, I open Insights from More and see what went with calmer days, with intervals, caveats and four charts', async () => {
    const url = await freshServer();
    await seedDemo(url, TIME_ZONE);
    const page = await open(url, '/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Insights' })
      .click();
    await page.getByRole('heading', { name: 'Insights', level: 2 }).waitFor();
    expect(await page.title()).toBe('Insights · Tend');

    const cards = page.getByRole('list', { name: 'Insights' }).getByRole('listitem');
    await cards.first().waitFor();
    const first = cards.first();
    await see(first, /95% interval \d+\.\d to \d+\.\d/);
    await see(first, /\d+ days with vs \d+ without/);
    await see(first, /Association, not cause/);
    await see(first, /does not show that one caused the other/);
    await see(first, /Method:/);

    const captions = [
      'Time together each week, by channel',
      'Stress over the last 90 days',
      'Isolation load over the last 90 days',
      'In-person share of time together (last 30 days)',
    ];
    for (const caption of captions) {
      const figure = page.getByRole('figure', { name: caption });
      await figure.waitFor();
      // The chart as one picture with a name (the legend swatches inside are images too).
      const chart = figure.locator(':scope > [role="img"]');
      expect(await chart.getAttribute('aria-label')).toBeTruthy();
      // Recharts drew something.
      await figure.locator('svg.recharts-surface').first().waitFor();
    }

    // The numbers behind a chart, for people who cannot see it.
    const stress = page.getByRole('figure', { name: 'Stress over the last 90 days' });
    await stress.getByText('Show the numbers as a table').click();
    await stress.getByRole('table').waitFor();
    expect(await stress.getByRole('row').count()).toBeGreaterThan(10);

    expect(await severeViolations(page), 'Insights with the demo year').toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);

  it('a new user sees what to log to get insights', async () => {
    const url = await freshServer();
    const page = await open(url, '/insights', false);
    await page.getByRole('heading', { name: 'Insights', level: 2 }).waitFor();
    const main = page.getByRole('main');
    await see(main, 'No insights yet');
    await see(main, /Check in on Today/);
    await main.getByRole('link', { name: 'Log time together' }).waitFor();
    await page.getByRole('figure', { name: 'Stress over the last 90 days' }).waitFor();
    expect(await severeViolations(page), 'Insights for a new user').toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
