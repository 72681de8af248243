/**
 * Every page of the web app with the demo year loaded, and how to tell each
 * has its data on screen: shared by the theme and motion checks and the
 * screenshot script.
 */
import type { Page } from 'playwright-core';

export interface AppPage {
  /** File-name part for screenshots. */
  slug: string;
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
}

/**
 * Every page, in the order of the navigation. `personId` names the
 * connection to show; it is asked for only when that page's path is read,
 * so the list can be made before the data exists (to name tests after it).
 */
export function appPages(personId: () => string): AppPage[] {
  const list = (name: string) => async (page: Page) => {
    await page.getByRole('list', { name }).getByRole('listitem').first().waitFor();
  };
  const heading = (name: string) => async (page: Page) => {
    await page.getByRole('heading', { name, level: 2 }).waitFor();
  };
  return [
    {
      slug: 'today',
      name: 'Today, with a state explained',
      path: '/',
      ready: async (page) => {
        await list('People to reach out to')(page);
        const states = page.getByRole('region', { name: 'Your states' });
        await states.getByRole('button', { name: 'Why? Everyday connection' }).click();
        await states.getByText('Moved most by').first().waitFor();
      },
    },
    {
      slug: 'people',
      name: 'People, losing touch first',
      path: '/people?view=touch',
      ready: list('Your people'),
    },
    {
      slug: 'person',
      name: 'A connection',
      get path() {
        return `/people/${personId()}`;
      },
      ready: async (page) => {
        await page.getByRole('img', { name: /^In touch with/ }).waitFor();
        await list('Time together')(page);
      },
    },
    { slug: 'log', name: 'Log', path: '/log', ready: list('Past entries') },
    { slug: 'history', name: 'History', path: '/history', ready: list('Time together') },
    { slug: 'plans', name: 'Plans', path: '/plans', ready: heading('Plans') },
    {
      slug: 'insights',
      name: 'Insights',
      path: '/insights',
      ready: async (page) => {
        await list('Insights')(page);
        await page.locator('svg.recharts-surface').first().waitFor();
      },
    },
    { slug: 'import', name: 'Import', path: '/import', ready: heading('Import') },
    {
      slug: 'settings',
      name: 'Settings',
      path: '/settings',
      ready: async (page) => {
        await page.getByRole('spinbutton', { name: /^Gentle alert days/ }).waitFor();
      },
    },
    {
      slug: 'learn',
      name: 'Learn',
      path: '/learn',
      ready: async (page) => {
        await page.getByRole('region', { name: 'References' }).waitFor();
      },
    },
    { slug: 'help', name: 'Help', path: '/help', ready: heading('Help in a crisis') },
    {
      slug: 'not-found',
      name: 'Not found',
      path: '/no-such-page',
      ready: heading('Page not found'),
    },
  ];
}
