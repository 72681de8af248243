import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, toApiError } from '../../api.js';
import { Link } from '../../shared/router.js';
import { addDaysToDate, formatCalendarDate } from '../../shared/time.js';
import type {
  CheckIn,
  Connection,
  DailyState,
  DayExplanation,
  Interaction,
  Page,
  TodayView,
} from '../../shared/types.js';
import { type Remote, useRemote } from '../../shared/useRemote.js';
import { CheckInSection } from '../checkin/CheckInSection.js';
import { AlertsSection, DatesSection, ReachOutSection } from './Nudges.js';
import { StateCards } from './StateCards.js';

const TREND_DAYS = 14;

const loadToday = (signal: AbortSignal) => api.today(signal);

export function TodayPage({
  connections,
  interactions,
  checkIns,
  onLogged,
  onCheckedIn,
}: {
  connections: Remote<Connection[]>;
  interactions: Remote<Page<Interaction>>;
  checkIns: Remote<Page<CheckIn>>;
  onLogged: () => Promise<void>;
  onCheckedIn: () => Promise<void>;
}) {
  const today = useRemote(loadToday);
  const date = today.data?.date;
  const [trend, setTrend] = useState<DailyState[] | undefined>(undefined);
  const [explanation, setExplanation] = useState<Remote<DayExplanation> | undefined>(undefined);

  const loadTrend = useCallback(async (day: string, signal?: AbortSignal) => {
    try {
      const range = await api.states(addDaysToDate(day, -(TREND_DAYS - 1)), day, signal);
      if (!signal?.aborted) setTrend(range.days);
    } catch {
      // The sparkline is an extra; the cards still show today's numbers.
    }
  }, []);

  useEffect(() => {
    if (!date) return;
    const controller = new AbortController();
    void loadTrend(date, controller.signal);
    return () => controller.abort();
  }, [date, loadTrend]);

  const explain = useCallback(async () => {
    if (!date) return;
    if (explanation?.data || explanation?.loading) return;
    setExplanation({ data: undefined, error: undefined, loading: true });
    try {
      const data = await api.explanation(date);
      setExplanation({ data, error: undefined, loading: false });
    } catch (error) {
      setExplanation({ data: undefined, error: toApiError(error), loading: false });
    }
  }, [date, explanation]);

  /** After anything that changes the log: today, its trend and its reasons are stale. */
  const refresh = useCallback(async () => {
    setExplanation(undefined);
    await today.reload();
    if (date) await loadTrend(date);
  }, [today.reload, date, loadTrend]);

  const names = useMemo(
    () => new Map((connections.data ?? []).map((c) => [c.id, c.name])),
    [connections.data],
  );

  return (
    <div className="today">
      <div className="page-head">
        <h2 className="page-title">Today</h2>
        {date ? <p className="page-date">{formatCalendarDate(date)}</p> : null}
      </div>
      <p className="proxy-note">
        These numbers are proxies worked out from what you log, not measurements of your body, and
        not medical advice. <Link to="/help">Help in a crisis</Link>
      </p>
      <TodayBody
        today={today}
        trend={trend}
        explanation={explanation}
        onExplain={() => void explain()}
        names={names}
        connections={connections}
        interactions={interactions}
        checkIns={checkIns}
        refresh={refresh}
        onLogged={onLogged}
        onCheckedIn={async () => {
          await Promise.all([today.reload(), onCheckedIn()]);
        }}
      />
    </div>
  );
}

function TodayBody({
  today,
  trend,
  explanation,
  onExplain,
  names,
  connections,
  interactions,
  checkIns,
  refresh,
  onLogged,
  onCheckedIn,
}: {
  today: Remote<TodayView> & { reload: () => Promise<void> };
  trend: DailyState[] | undefined;
  explanation: Remote<DayExplanation> | undefined;
  onExplain: () => void;
  names: ReadonlyMap<string, string>;
  connections: Remote<Connection[]>;
  interactions: Remote<Page<Interaction>>;
  checkIns: Remote<Page<CheckIn>>;
  refresh: () => Promise<void>;
  onLogged: () => Promise<void>;
  onCheckedIn: () => Promise<void>;
}) {
  const data = today.data;
  if (!data) {
    if (today.error) {
      return (
        <div className="card load-problem" role="alert">
          <p>
            <strong>Today could not be loaded.</strong> {today.error.message}
          </p>
          <button type="button" onClick={() => void today.reload()}>
            Try again
          </button>
        </div>
      );
    }
    return (
      <div className="card loading" aria-busy="true">
        <p role="status">Loading today…</p>
      </div>
    );
  }

  const hasPeople = (connections.data?.length ?? 1) > 0;
  const hasLogged = (interactions.data?.items.length ?? 1) > 0;
  const hasCheckedIn = (checkIns.data?.items.length ?? 1) > 0;
  const newcomer = !hasPeople || !hasLogged;

  return (
    <>
      {newcomer ? (
        <GettingStarted hasPeople={hasPeople} hasLogged={hasLogged} hasCheckedIn={hasCheckedIn} />
      ) : null}
      <div className="today-grid">
        <div className="today-main">
          <AlertsSection alerts={data.alerts} onChanged={refresh} />
          {newcomer ? null : (
            <section aria-labelledby="states-heading" className="card">
              <h3 id="states-heading" className="card-title">
                Your states
              </h3>
              <StateCards
                today={data.state}
                days={trend}
                explanation={explanation}
                onExplain={onExplain}
                names={names}
              />
            </section>
          )}
          <ReachOutSection
            today={data.date}
            reachOut={data.reachOut}
            hasPeople={hasPeople}
            hidden={data.hidden}
            onChanged={refresh}
            onLogged={onLogged}
          />
        </div>
        <div className="today-side">
          <CheckInSection onSaved={onCheckedIn} checkedInToday={data.checkedInToday} />
          <DatesSection dates={data.dates} />
        </div>
      </div>
    </>
  );
}

function GettingStarted({
  hasPeople,
  hasLogged,
  hasCheckedIn,
}: {
  hasPeople: boolean;
  hasLogged: boolean;
  hasCheckedIn: boolean;
}) {
  const step = (done: boolean) => (done ? 'step step-done' : 'step');
  const doneMark = (done: boolean) => (done ? <span className="step-mark">Done</span> : null);
  return (
    <section aria-labelledby="start-heading" className="card start">
      <h3 id="start-heading" className="card-title">
        Welcome to Tend
      </h3>
      <p className="lede">
        Time with the people and animals you delight in buffers long-term stress. Three small steps
        to begin; your states appear once you have logged some time together.
      </p>
      <ol className="steps">
        <li className={step(hasPeople)}>
          <Link to="/people">Add the people you delight in</Link>: a friend, family, a neighbour, a
          pet. {doneMark(hasPeople)}
        </li>
        <li className={step(hasLogged)}>
          <Link to="/log">Log time together</Link>: a visit, a call, a walk. {doneMark(hasLogged)}
        </li>
        <li className={step(hasCheckedIn)}>
          <a href="#checkin">Check in</a> with how stressed and lonely you feel, below.{' '}
          {doneMark(hasCheckedIn)}
        </li>
      </ol>
    </section>
  );
}
