import { type ReactNode, useId, useSyncExternalStore } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CHANNEL_OPTIONS } from '../../shared/labels.js';
import { formatCalendarDate } from '../../shared/time.js';
import type { Channel, CheckIn, DailyState } from '../../shared/types.js';

/** Colours as CSS variables, so light and dark themes each get readable ones. */
const CHANNEL_COLOURS: Record<Channel, string> = {
  in_person: 'var(--chart-1)',
  video: 'var(--chart-2)',
  voice: 'var(--chart-3)',
  text: 'var(--chart-4)',
  social: 'var(--chart-5)',
};

const AXIS = { fill: 'var(--muted)', fontSize: 12 };

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

function subscribeMotion(listener: () => void): () => void {
  const media = window.matchMedia(reducedMotionQuery);
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

/** True when the person asked their system for less motion. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeMotion,
    () => window.matchMedia(reducedMotionQuery).matches,
    () => true,
  );
}

/** Legend text in the page's text colour (the swatch carries the series colour). */
const legendText = (value: unknown) => <span className="legend-text">{String(value)}</span>;

const shortDate = (date: string) => formatCalendarDate(date, true);

/** One chart: a figure with a caption, the picture named for screen readers, and its data as a table. */
function ChartFigure({
  caption,
  label,
  description,
  columns,
  rows,
  children,
}: {
  caption: string;
  /** What the chart shows, in one or two sentences, for people who cannot see it. */
  label: string;
  description?: ReactNode;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <figure className="chart card" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <h3>{caption}</h3>
      </figcaption>
      {description ? <p className="muted chart-description">{description}</p> : null}
      <div className="chart-area" role="img" aria-label={label}>
        <ResponsiveContainer
          width="100%"
          height="100%"
          minWidth={0}
          initialDimension={{ width: 600, height: 260 }}
        >
          {children}
        </ResponsiveContainer>
      </div>
      <details className="chart-data">
        <summary>Show the numbers as a table</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th key={columns[i]} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={columns[i]}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Weekly minutes by channel for the last `weeks` weeks, each week ending on a day in `days`. */
export function weeklyByChannel(days: readonly DailyState[], weeks: number) {
  const last = days.slice(-weeks * 7);
  const result: ({ week: string } & Record<Channel, number>)[] = [];
  for (let start = 0; start < last.length; start += 7) {
    const chunk = last.slice(start, start + 7);
    const first = chunk[0];
    if (!first) continue;
    const sum = { week: first.date, in_person: 0, video: 0, voice: 0, text: 0, social: 0 };
    for (const day of chunk) {
      for (const { value } of CHANNEL_OPTIONS) sum[value] += day.socialMinutesByChannel[value];
    }
    result.push(sum);
  }
  return result;
}

export function WeeklyChannelsChart({
  days,
  animate,
}: {
  days: readonly DailyState[];
  animate: boolean;
}) {
  const data = weeklyByChannel(days, 26);
  const total = data.reduce(
    (n, w) => n + CHANNEL_OPTIONS.reduce((m, { value }) => m + w[value], 0),
    0,
  );
  return (
    <ChartFigure
      caption="Time together each week, by channel"
      label={`Stacked bars of minutes together per week over the last ${data.length} weeks, split into in person, video, voice, text and social media. ${Math.round(total)} minutes in all.`}
      columns={['Week from', ...CHANNEL_OPTIONS.map((c) => `${c.label} (min)`)]}
      rows={data.map((w) => [
        shortDate(w.week),
        ...CHANNEL_OPTIONS.map((c) => Math.round(w[c.value])),
      ])}
    >
      <BarChart
        data={data}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
      >
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="week" tickFormatter={shortDate} tick={AXIS} minTickGap={24} />
        <YAxis tick={AXIS} width={44} />
        <Tooltip labelFormatter={(v) => `Week from ${shortDate(String(v))}`} />
        <Legend formatter={legendText} />
        {CHANNEL_OPTIONS.map((c) => (
          <Bar
            key={c.value}
            dataKey={c.value}
            name={c.label}
            stackId="minutes"
            fill={CHANNEL_COLOURS[c.value]}
            isAnimationActive={animate}
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/** The local calendar day of an instant in `timeZone`, as `YYYY-MM-DD`. */
function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

export function dailyStress(
  checkIns: readonly CheckIn[],
  days: readonly DailyState[],
  timeZone: string,
) {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const c of checkIns) {
    const day = localDate(c.at, timeZone);
    const s = sums.get(day) ?? { sum: 0, n: 0 };
    s.sum += c.stress;
    s.n += 1;
    sums.set(day, s);
  }
  return days.map((d) => {
    const s = sums.get(d.date);
    const stress = s ? round1(s.sum / s.n) : null;
    const inPerson = d.socialMinutesByChannel.in_person > 0;
    return { date: d.date, stress, inPerson, inPersonStress: inPerson ? stress : null };
  });
}

export function StressChart({
  days,
  checkIns,
  timeZone,
  animate,
}: {
  days: readonly DailyState[];
  checkIns: readonly CheckIn[];
  timeZone: string;
  animate: boolean;
}) {
  const data = dailyStress(checkIns, days, timeZone);
  const withStress = data.filter((d) => d.stress !== null);
  const inPersonDays = data.filter((d) => d.inPerson).length;
  return (
    <ChartFigure
      caption="Stress over the last 90 days"
      label={`Line of daily check-in stress, 0 to 10, on ${withStress.length} of the last ${data.length} days; dots mark the ${inPersonDays} days with time together in person.`}
      description="Each point is the day’s average check-in stress (0 not at all, 10 extremely). Dots mark days with time together in person."
      columns={['Day', 'Stress (0–10)', 'In person']}
      rows={data
        .filter((d) => d.stress !== null || d.inPerson)
        .map((d) => [shortDate(d.date), d.stress ?? '—', d.inPerson ? 'Yes' : 'No'])}
    >
      <ComposedChart
        data={data}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
      >
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} tick={AXIS} minTickGap={32} />
        <YAxis domain={[0, 10]} tick={AXIS} width={32} />
        <Tooltip labelFormatter={(v) => shortDate(String(v))} />
        <Legend formatter={legendText} />
        <Line
          type="monotone"
          dataKey="stress"
          name="Stress"
          stroke="var(--chart-stress)"
          strokeWidth={2}
          dot={false}
          connectNulls
          isAnimationActive={animate}
        />
        <Scatter
          dataKey="inPersonStress"
          name="Day with in-person time"
          fill="var(--chart-1)"
          isAnimationActive={animate}
        />
      </ComposedChart>
    </ChartFigure>
  );
}

export function IsolationChart({
  days,
  animate,
}: {
  days: readonly DailyState[];
  animate: boolean;
}) {
  const data = days.map((d) => ({ date: d.date, load: round1(d.isolationLoad) }));
  const latest = data.at(-1);
  return (
    <ChartFigure
      caption="Isolation load over the last 90 days"
      label={`Line of isolation load, 0 to 100, over the last ${data.length} days${latest ? `; ${Math.round(latest.load)} on the last day` : ''}.`}
      description="A rough measure of how much time has passed without enough contact, 0 to 100. It describes your logs, not how you feel inside."
      columns={['Day', 'Isolation load (0–100)']}
      rows={data.map((d) => [shortDate(d.date), d.load])}
    >
      <LineChart
        data={data}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
      >
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} tick={AXIS} minTickGap={32} />
        <YAxis domain={[0, 100]} tick={AXIS} width={40} />
        <Tooltip labelFormatter={(v) => shortDate(String(v))} />
        <Line
          type="monotone"
          dataKey="load"
          name="Isolation load"
          stroke="var(--chart-4)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={animate}
        />
      </LineChart>
    </ChartFigure>
  );
}

export function BalanceChart({ days, animate }: { days: readonly DailyState[]; animate: boolean }) {
  const data = days.map((d) => {
    const share = d.technologyBalance.last30.inPersonShare;
    return { date: d.date, share: share === null ? null : Math.round(share * 100) };
  });
  const latest = data.at(-1)?.share;
  return (
    <ChartFigure
      caption="In-person share of time together (last 30 days)"
      label={`Line of the share of time together that was in person, over the 30 days before each of the last ${data.length} days, 0 to 100 percent${latest == null ? '' : `; ${latest}% now`}.`}
      description="Of all the minutes you logged together in the 30 days up to each day, how many were in person rather than on a screen or phone."
      columns={['Day', 'In person (%)']}
      rows={data.map((d) => [shortDate(d.date), d.share === null ? '—' : `${d.share}%`])}
    >
      <LineChart
        data={data}
        accessibilityLayer={false}
        margin={{ top: 8, right: 8, left: 0, bottom: 0 }}
      >
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} tick={AXIS} minTickGap={32} />
        <YAxis domain={[0, 100]} tickFormatter={(v) => `${v}%`} tick={AXIS} width={48} />
        <Tooltip
          labelFormatter={(v) => shortDate(String(v))}
          formatter={(v) => [`${String(v)}%`, 'In person']}
        />
        <Line
          type="monotone"
          dataKey="share"
          name="In person"
          stroke="var(--chart-1)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={animate}
        />
      </LineChart>
    </ChartFigure>
  );
}
