import { api } from './api.js';
import { CheckInSection } from './features/checkin/CheckInSection.js';
import { RecentSection } from './features/history/RecentSection.js';
import { LogSection } from './features/log/LogSection.js';
import { PeopleSection } from './features/people/PeopleSection.js';
import { useRemote } from './shared/useRemote.js';

const RECENT_INTERACTIONS = 10;
const RECENT_CHECKINS = 5;

const loadConnections = (signal: AbortSignal) => api.listConnections(signal);
const loadInteractions = (signal: AbortSignal) =>
  api.recentInteractions(RECENT_INTERACTIONS, signal);
const loadCheckIns = (signal: AbortSignal) => api.recentCheckIns(RECENT_CHECKINS, signal);

export function App() {
  const connections = useRemote(loadConnections);
  const interactions = useRemote(loadInteractions);
  const checkIns = useRemote(loadCheckIns);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <h1 className="brand">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="16" cy="16" r="15" />
              <path d="M16 25c0-6 0-9-5-13 5 0 7 3 5 8m0 5c0-6 1-10 6-13-5 0-8 3-6 8" />
            </svg>
            <span>Tend</span>
          </h1>
          <nav aria-label="Sections">
            <ul>
              <li>
                <a href="#people">People</a>
              </li>
              <li>
                <a href="#log">Log</a>
              </li>
              <li>
                <a href="#checkin">Check in</a>
              </li>
              <li>
                <a href="#recent">Recent</a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <p className="intro">
          Time with the people and animals you delight in buffers long-term stress.
        </p>
        <div className="columns">
          <div className="column">
            <PeopleSection connections={connections} onChanged={connections.reload} />
            <LogSection connections={connections} onLogged={interactions.reload} />
          </div>
          <div className="column">
            <CheckInSection onSaved={checkIns.reload} />
            <RecentSection
              connections={connections}
              interactions={interactions}
              checkIns={checkIns}
            />
          </div>
        </div>
      </main>
      <footer className="site-footer">
        <p>
          Tend is not medical advice. If you are in crisis, contact local emergency services.{' '}
          <a href="/api/docs">API documentation</a>
        </p>
      </footer>
    </>
  );
}
