import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../test/support/browser.js';
import { seedDemo } from './demo.js';
import { appPages as pages } from './pages.js';
import { browserJourney, severeViolations, type TestServer } from './support.js';

const TIME_ZONE = 'Europe/Berlin';
/** The axe rules whose outcome depends on colours: text contrast and links told apart from text. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Elements whose computed style would move: a transition or an animation longer than zero. */
function moving(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const nonZero = (list: string) => list.split(',').some((d) => Number.parseFloat(d) > 0);
    const out: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      const name = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
      if (nonZero(style.transitionDuration) && style.transitionProperty !== 'none')
        out.push(`${name}: transition ${style.transitionProperty} ${style.transitionDuration}`);
      if (style.animationName !== 'none' && nonZero(style.animationDuration))
        out.push(`${name}: animation ${style.animationName} ${style.animationDuration}`);
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth')
      out.push('html: smooth scrolling');
    return out;
  });
}

describeBrowser('every page in light and dark, and with reduced motion', () => {
  const journey = browserJourney({ timeZone: TIME_ZONE });
  const { problems } = journey;
  let server: TestServer;
  let personId = '';

  beforeAll(async () => {
    server = await journey.server();
    await seedDemo(server.url, TIME_ZONE);
    const people = (await (await fetch(`${server.url}/api/v1/connections?limit=500`)).json()) as {
      items: { id: string; ring: string }[];
    };
    personId = people.items.find((c) => c.ring === 'inner')?.id ?? '';
  });

  for (const p of pages(() => personId)) {
    it(`${p.name}: no serious or critical accessibility problem, in the light theme or the dark`, async () => {
      const page = await journey.open(server.url, p.path, {
        colorScheme: 'light',
        timeout: 10_000,
      });
      await p.ready(page);
      expect(await severeViolations(page), 'light').toEqual([]);
      // The themes differ only in colour, so in the dark one the rules about colour run again.
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        true,
      );
      expect(await severeViolations(page, COLOUR_RULES), 'dark').toEqual([]);
      expect(problems).toEqual([]);
    }, 60_000);
  }

  it('with reduced motion asked for, nothing on any page transitions or animates; without, buttons do', async () => {
    const calm = await journey.open(server.url, '/', { reducedMotion: 'reduce', timeout: 10_000 });
    const found: Record<string, string[]> = {};
    for (const p of pages(() => personId)) {
      await calm.goto(`${server.url}${p.path}`);
      await p.ready(calm);
      const moves = await moving(calm);
      if (moves.length > 0) found[p.name] = moves;
      // Nothing is running either (CSS or Web Animations).
      const running = await calm.evaluate(() => document.getAnimations().length);
      if (running > 0) found[p.name] = [...(found[p.name] ?? []), `${running} running animations`];
    }
    expect(found).toEqual({});

    // The same check sees movement when nobody asked for less, so it can fail.
    const lively = await journey.open(server.url, '/', { reducedMotion: 'no-preference' });
    await pages(() => personId)[0]?.ready(lively);
    expect((await moving(lively)).some((m) => m.startsWith('button'))).toBe(true);
    expect(problems).toEqual([]);
  }, 90_000);
});
