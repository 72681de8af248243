import { api } from '../../api.js';
import { Link } from '../../shared/router.js';
import { addDaysToDate } from '../../shared/time.js';
import type { InsightsView, ShownInsight, WithheldInsight } from '../../shared/types.js';
import { type Remote, useRemote } from '../../shared/useRemote.js';
import {
  BalanceChart,
  IsolationChart,
  StressChart,
  useReducedMotion,
  WeeklyChannelsChart,
} from './charts.js';

/** Today's calendar date in the browser's zone, `YYYY-MM-DD`. */
function todayDate(): string {
  const now = new Date();
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const loadInsights = (signal: AbortSignal) => {
  const to = todayDate();
  return api.insights(addDaysToDate(to, -364), to, signal);
};

const loadCharts = async (signal: AbortSignal) => {
  const to = todayDate();
  const [states, checkIns] = await Promise.all([
    api.states(addDaysToDate(to, -26 * 7 + 1), to, signal),
    api.checkInsBetween(addDaysToDate(to, -89), to, signal),
  ]);
  return { states, checkIns };
};

const points = (n: number) => `${Math.abs(n).toFixed(1)} point${Math.abs(n) === 1 ? '' : 's'}`;
const fixed = (n: number) => n.toFixed(1);

/** "Stress 2.0 points lower (95% interval 1.6 to 2.4)", read the way people say it. */
export function differenceText(insight: ShownInsight): string {
  const { difference, ci95 } = insight;
  const subject = insight.timing === 'next-day' ? 'Stress the next day' : 'Stress';
  if (difference < 0 && ci95.upper <= 0)
    return `${subject} ${points(difference)} lower (95% interval ${fixed(-ci95.upper)} to ${fixed(-ci95.lower)})`;
  if (difference > 0 && ci95.lower >= 0)
    return `${subject} ${points(difference)} higher (95% interval ${fixed(ci95.lower)} to ${fixed(ci95.upper)})`;
  return `${subject} ${fixed(difference)} points different (95% interval ${fixed(ci95.lower)} to ${fixed(ci95.upper)})`;
}

function meaning(insight: ShownInsight): string {
  const when = insight.timing === 'next-day' ? 'the day after days' : 'days';
  return `In your own check-ins, stress was ${insight.difference < 0 ? 'lower' : 'higher'} on ${when} ${insight.with.label} than on ${when} ${insight.without.label}. The two went together; that does not show that one caused the other. Busy weeks, health, weather or anything else could move both.`;
}

function InsightCard({ insight }: { insight: ShownInsight }) {
  return (
    <li className="card insight-card">
      <h3>{insight.title}</h3>
      <p className="insight-difference">
        <strong>{differenceText(insight)}</strong>, {insight.with.days} days with vs{' '}
        {insight.without.days} without.
      </p>
      <p>
        Average stress {fixed(insight.with.meanStress)} with, {fixed(insight.without.meanStress)}{' '}
        without (0 not at all, 10 extremely).
      </p>
      <p>
        <span className="tag">Association, not cause</span> {meaning(insight)}
      </p>
      <p className="insight-method">
        <small>
          Method: {insight.method} ({insight.df.toFixed(0)} degrees of freedom).
        </small>
      </p>
    </li>
  );
}

function WithheldList({ withheld }: { withheld: readonly WithheldInsight[] }) {
  if (withheld.length === 0) return null;
  return (
    <section aria-labelledby="withheld-heading" className="card">
      <h3 id="withheld-heading">Not shown yet</h3>
      <p className="muted">
        These comparisons were checked but not shown, so chance patterns do not look like findings.
      </p>
      <ul className="withheld-list" aria-labelledby="withheld-heading">
        {withheld.map((w) => (
          <li key={w.id}>
            <strong>{w.title}</strong>: {w.reason}{' '}
            <span className="muted">
              ({w.daysWith} days with, {w.daysWithout} without)
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function EmptyInsights({ stressDays }: { stressDays: number }) {
  return (
    <div className="card">
      <h3>No insights yet</h3>
      <p>
        Insights compare your stress on days with and without time together, so they need a few
        weeks of both. {stressDays > 0 ? `You have check-ins on ${stressDays} days so far. ` : ''}
        To get them:
      </p>
      <ul>
        <li>
          Check in on <Link to="/">Today</Link> most days (how stressed you felt, 0–10).
        </li>
        <li>
          <Link to="/log">Log time together</Link>: in person, calls, video and messages, busy days
          and quiet ones.
        </li>
        <li>Keep it up for a few weeks; insights appear once there is enough to compare.</li>
      </ul>
    </div>
  );
}

function InsightsSection({ insights }: { insights: Remote<InsightsView> }) {
  if (insights.error && !insights.data)
    return (
      <p role="alert" className="feedback feedback-error">
        Could not load insights: {insights.error.message}
      </p>
    );
  if (!insights.data)
    return (
      <p className="muted" role="status">
        Loading insights…
      </p>
    );
  const { shown, withheld, stressDays, note } = insights.data;
  return (
    <>
      {shown.length === 0 ? (
        <EmptyInsights stressDays={stressDays} />
      ) : (
        <ul className="insight-list" aria-label="Insights">
          {shown.map((i) => (
            <InsightCard key={i.id} insight={i} />
          ))}
        </ul>
      )}
      <WithheldList withheld={withheld} />
      <p className="muted">
        <small>{note}</small>
      </p>
    </>
  );
}

export function InsightsPage() {
  const insights = useRemote(loadInsights);
  const charts = useRemote(loadCharts);
  const animate = !useReducedMotion();
  const states = charts.data?.states;
  const last90 = states?.days.slice(-90) ?? [];

  return (
    <div className="insights">
      <section aria-labelledby="insights-heading">
        <h2 id="insights-heading">Insights</h2>
        <p className="lede">
          What went with calmer days in your own logs over the past year. These are patterns that go
          together, not proof of cause and effect.
        </p>
      </section>
      <section aria-labelledby="trends-heading">
        <h2 id="trends-heading">Trends</h2>
        {charts.error && !charts.data ? (
          <p role="alert" className="feedback feedback-error">
            Could not load the charts: {charts.error.message}
          </p>
        ) : !states || !charts.data ? (
          <p className="muted" role="status">
            Loading charts…
          </p>
        ) : (
          <div className="chart-grid">
            <WeeklyChannelsChart days={states.days} animate={animate} />
            <StressChart
              days={last90}
              checkIns={charts.data.checkIns}
              timeZone={states.timeZone}
              animate={animate}
            />
            <IsolationChart days={last90} animate={animate} />
            <BalanceChart days={last90} animate={animate} />
          </div>
        )}
      </section>
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">What went with calmer days</h2>
        <InsightsSection insights={insights} />
      </section>
    </div>
  );
}
