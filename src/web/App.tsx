import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { api } from './api.js';
import { HelpPage } from './features/help/HelpPage.js';
import { RecentSection } from './features/history/RecentSection.js';
import { LogSection } from './features/log/LogSection.js';
import { PeopleSection } from './features/people/PeopleSection.js';
import { TodayPage } from './features/today/TodayPage.js';
import { Brand } from './shared/Brand.js';
import { Link, NavLink, usePath } from './shared/router.js';
import { useSession } from './shared/session.js';
import { useRemote } from './shared/useRemote.js';

// Pages visited now and then load on demand, keeping the first load small.
const ImportPage = lazy(() =>
  import('./features/import/ImportPage.js').then((m) => ({ default: m.ImportPage })),
);
const SettingsPage = lazy(() =>
  import('./features/settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })),
);
const PlansPage = lazy(() =>
  import('./features/plans/PlansPage.js').then((m) => ({ default: m.PlansPage })),
);
const ConnectionPage = lazy(() =>
  import('./features/connection/ConnectionPage.js').then((m) => ({ default: m.ConnectionPage })),
);
const InsightsPage = lazy(() =>
  import('./features/insights/InsightsPage.js').then((m) => ({ default: m.InsightsPage })),
);
const LearnPage = lazy(() =>
  import('./features/learn/LearnPage.js').then((m) => ({ default: m.LearnPage })),
);
const AccountPage = lazy(() =>
  import('./features/account/AccountPage.js').then((m) => ({ default: m.AccountPage })),
);
const VerifyEmailPage = lazy(() =>
  import('./features/account/VerifyEmailPage.js').then((m) => ({ default: m.VerifyEmailPage })),
);

const RECENT_INTERACTIONS = 10;
const RECENT_CHECKINS = 5;

const loadConnections = (signal: AbortSignal) => api.listConnections(signal);
const loadInteractions = (signal: AbortSignal) =>
  api.recentInteractions(RECENT_INTERACTIONS, signal);
const loadCheckIns = (signal: AbortSignal) => api.recentCheckIns(RECENT_CHECKINS, signal);

const PAGES = [
  { path: '/', label: 'Today' },
  { path: '/people', label: 'People' },
  { path: '/log', label: 'Log' },
  { path: '/history', label: 'History' },
] as const;

/** Less frequent pages: inline on wide screens, behind "More" on a phone. */
const MORE_PAGES = [
  { path: '/plans', label: 'Plans' },
  { path: '/insights', label: 'Insights' },
  { path: '/import', label: 'Import' },
  { path: '/settings', label: 'Settings' },
  { path: '/learn', label: 'Learn' },
] as const;

/** Only a hosted Tend has accounts. */
const ACCOUNT_PAGE = { path: '/account', label: 'Account' } as const;
/** Where an emailed confirmation link leads (hosted only, like the Account page). */
const VERIFY_EMAIL_PATH = '/verify-email';

const TITLES: Record<string, string> = {
  '/': 'Today',
  '/people': 'People',
  '/log': 'Log time together',
  '/history': 'History',
  '/help': 'Help in a crisis',
  '/plans': 'Plans',
  '/insights': 'Insights',
  '/import': 'Import',
  '/settings': 'Settings',
  '/learn': 'Learn',
  '/account': 'Account',
  [VERIFY_EMAIL_PATH]: 'Confirm your email address',
};

/** The id in a connection's address, `/people/{id}`. */
function personId(path: string): string | undefined {
  const match = /^\/people\/([^/]+)$/.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** `/people/` and `/people` are the same page. */
function normalise(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

export function App() {
  const path = normalise(usePath());
  const connections = useRemote(loadConnections);
  const interactions = useRemote(loadInteractions);
  const checkIns = useRemote(loadCheckIns);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [moreOpen, setMoreOpen] = useState(false);
  const moreButton = useRef<HTMLButtonElement>(null);
  const hosted = useSession().mode === 'hosted';
  const morePages = hosted ? [...MORE_PAGES, ACCOUNT_PAGE] : MORE_PAGES;
  // A local Tend has no account: those addresses are pages like any unknown one.
  const shown = !hosted && (path === ACCOUNT_PAGE.path || path === VERIFY_EMAIL_PATH) ? '' : path;

  // A new page: name it in the title, start at the top, and move focus to its content so
  // screen reader and keyboard users begin there (not on the initial load).
  useEffect(() => {
    document.title = `${TITLES[shown] ?? (personId(shown) ? 'Person' : 'Not found')} · Tend`;
    setMoreOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [shown]);

  let page: ReactNode;
  switch (shown) {
    case '/':
      page = (
        <TodayPage
          connections={connections}
          interactions={interactions}
          checkIns={checkIns}
          onLogged={interactions.reload}
          onCheckedIn={checkIns.reload}
        />
      );
      break;
    case '/people':
      page = (
        <div className="narrow">
          <PeopleSection connections={connections} onChanged={connections.reload} />
        </div>
      );
      break;
    case '/log':
      page = (
        <div className="narrow">
          <LogSection connections={connections} onLogged={interactions.reload} />
        </div>
      );
      break;
    case '/history':
      page = (
        <div className="narrow">
          <RecentSection
            connections={connections}
            interactions={interactions}
            checkIns={checkIns}
          />
        </div>
      );
      break;
    case '/help':
      page = <HelpPage />;
      break;
    case '/import':
      page = (
        <ImportPage
          onImported={() => {
            void connections.reload();
            void interactions.reload();
            void checkIns.reload();
          }}
        />
      );
      break;
    case '/settings':
      page = <SettingsPage />;
      break;
    case '/learn':
      page = <LearnPage />;
      break;
    case ACCOUNT_PAGE.path:
      page = <AccountPage />;
      break;
    case VERIFY_EMAIL_PATH:
      page = <VerifyEmailPage />;
      break;
    case '/insights':
      page = <InsightsPage />;
      break;
    case '/plans':
      page = <PlansPage connections={connections} onLogged={() => void interactions.reload()} />;
      break;
    default: {
      const id = personId(path);
      if (id) {
        page = (
          <ConnectionPage
            key={id}
            id={id}
            connections={connections}
            onChanged={() => void connections.reload()}
            onDeleted={() => {
              void connections.reload();
              void interactions.reload();
            }}
          />
        );
        break;
      }
      page = (
        <div className="narrow card">
          <h2>Page not found</h2>
          <p className="lede">
            There is nothing at this address. <Link to="/">Go to Today</Link>.
          </p>
        </div>
      );
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Brand />
          <nav
            aria-label="Main"
            className={moreOpen ? 'more-open' : undefined}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && moreOpen) {
                setMoreOpen(false);
                moreButton.current?.focus();
              }
            }}
          >
            <ul>
              {PAGES.map((p) => (
                <li key={p.path}>
                  <NavLink to={p.path} current={path}>
                    {p.label}
                  </NavLink>
                </li>
              ))}
              <li className="more-toggle">
                <button
                  ref={moreButton}
                  type="button"
                  aria-expanded={moreOpen}
                  aria-controls="nav-more"
                  className={morePages.some((p) => p.path === path) ? 'holds-current' : undefined}
                  onClick={() => setMoreOpen((open) => !open)}
                >
                  More
                  <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                    <path d="M2.5 4.5 6 8l3.5-3.5" />
                  </svg>
                </button>
              </li>
            </ul>
            <ul id="nav-more" className="nav-more">
              {morePages.map((p) => (
                <li key={p.path}>
                  <NavLink to={p.path} current={path}>
                    {p.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense
          fallback={
            <p className="narrow muted" role="status">
              Loading…
            </p>
          }
        >
          {page}
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>
          Tend is not medical advice. <Link to="/help">Help in a crisis</Link> ·{' '}
          <Link to="/learn">The science behind Tend</Link> · <Link to="/settings">Settings</Link> ·{' '}
          <a href="/api/docs">API documentation</a>
        </p>
      </footer>
    </>
  );
}
