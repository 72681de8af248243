import { useCallback, useEffect, useId, useRef } from 'react';
import { api } from '../../api.js';
import { channelLabel } from '../../shared/labels.js';
import { addDaysToDate, formatMinutes } from '../../shared/time.js';
import type { ContactDay, ContactDays } from '../../shared/types.js';
import { useRemote } from '../../shared/useRemote.js';

/** Cell size and pitch in SVG units; the picture scales to the card's width. */
const CELL = 10;
const PITCH = 12;
const LEFT = 28;
const TOP = 16;
const DAY_LABELS = ['Mon', '', 'Wed', '', 'Fri', '', ''];
/** Contacts in a day for each shade: none, 1, 2, 3, 4 or more. */
const LEVELS = ['No contact', '1 contact', '2 contacts', '3 contacts', '4 or more'];

const toDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
};
const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthShort = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const monthLong = new Intl.DateTimeFormat(undefined, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Monday 0 … Sunday 6. */
const weekday = (date: string) => (toDate(date).getUTCDay() + 6) % 7;
const daysApart = (a: string, b: string) =>
  Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
const level = (day: ContactDay | undefined) => (day ? Math.min(4, day.interactions) : 0);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describeDay(date: string, day: ContactDay | undefined): string {
  const when = dayFormat.format(toDate(date));
  if (!day) return `${when}: no contact`;
  const parts = [plural(day.interactions, 'contact', 'contacts')];
  if (day.minutes > 0) parts.push(formatMinutes(day.minutes));
  const how = day.channels.map((c) => channelLabel(c).toLowerCase()).join(', ');
  return `${when}: ${parts.join(', ')} (${how})`;
}

/** What the year looked like, in words: the picture's text alternative. */
export function summarise(data: ContactDays, name: string): string {
  const span = daysApart(data.from, data.to) + 1;
  if (data.days.length === 0) return `No contact with ${name} logged in the last ${span} days.`;
  const contacts = data.days.reduce((sum, d) => sum + d.interactions, 0);
  const inPerson = data.days.filter((d) => d.channels.includes('in_person')).length;
  let longest = daysApart(data.days[data.days.length - 1]?.date ?? data.to, data.to);
  for (let i = 1; i < data.days.length; i++) {
    const gap = daysApart(data.days[i - 1]?.date ?? '', data.days[i]?.date ?? '') - 1;
    if (gap > longest) longest = gap;
  }
  return [
    `In touch with ${name} on ${data.days.length} of the last ${span} days`,
    `(${plural(contacts, 'contact', 'contacts')} in all, ${plural(inPerson, 'day', 'days')} in person).`,
    `Longest stretch without contact: ${plural(longest, 'day', 'days')}.`,
  ].join(' ');
}

interface Cell {
  date: string;
  week: number;
  row: number;
  day: ContactDay | undefined;
}

/** One column per week (Monday first) from the week holding `from` to the one holding `to`. */
function layout(data: ContactDays): { cells: Cell[]; weeks: number; months: [number, string][] } {
  const byDate = new Map(data.days.map((d) => [d.date, d]));
  const start = addDaysToDate(data.from, -weekday(data.from));
  const span = daysApart(start, data.to) + 1;
  const cells: Cell[] = [];
  const months: [number, string][] = [];
  for (let i = 0; i < span; i++) {
    const date = addDaysToDate(start, i);
    const week = Math.floor(i / 7);
    if (date < data.from) continue;
    cells.push({ date, week, row: i % 7, day: byDate.get(date) });
    // Name a month above the week its first day falls in, if there is room after the last name.
    const first = date === data.from || date.endsWith('-01');
    const last = months[months.length - 1];
    if (first && (!last || week - last[0] >= 3)) {
      months.push([week, monthShort.format(toDate(date))]);
    }
  }
  return { cells, weeks: Math.ceil(span / 7), months };
}

/** Months of the range with their days in touch, contacts and time: the table fallback. */
function byMonth(data: ContactDays) {
  const rows = new Map<string, { days: number; contacts: number; minutes: number }>();
  for (let date = data.from; date <= data.to; date = addDaysToDate(date, 1)) {
    const key = date.slice(0, 7);
    if (!rows.has(key)) rows.set(key, { days: 0, contacts: 0, minutes: 0 });
  }
  for (const d of data.days) {
    const row = rows.get(d.date.slice(0, 7));
    if (!row) continue;
    row.days += 1;
    row.contacts += d.interactions;
    row.minutes += d.minutes;
  }
  return [...rows];
}

export function ContactHeatmap({ connectionId, name }: { connectionId: string; name: string }) {
  const id = useId();
  const load = useCallback(
    (signal: AbortSignal) => api.contactDays(connectionId, signal),
    [connectionId],
  );
  const remote = useRemote(load);
  const data = remote.data;

  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`}>A year of contact</h2>
      {data ? (
        <HeatmapBody data={data} name={name} id={id} />
      ) : remote.error ? (
        <p className="load-error">Could not load the calendar: {remote.error.message}</p>
      ) : (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
    </section>
  );
}

function HeatmapBody({ data, name, id }: { data: ContactDays; name: string; id: string }) {
  const { cells, weeks, months } = layout(data);
  const width = LEFT + weeks * PITCH;
  const height = TOP + 7 * PITCH;
  const summary = summarise(data, name);
  const scroller = useRef<HTMLDivElement>(null);
  // On a narrow screen the calendar scrolls sideways: start at the latest weeks.
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollLeft = element.scrollWidth;
  }, []);
  return (
    <>
      <p id={`${id}-summary`} className="heatmap-summary">
        {summary}
      </p>
      <figure className="heatmap">
        <div
          ref={scroller}
          className="heatmap-scroll"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that may scroll must be reachable by keyboard
          tabIndex={0}
        >
          <svg
            className="heatmap-svg"
            role="img"
            aria-label={summary}
            viewBox={`0 0 ${width} ${height}`}
            style={{ minWidth: `${Math.round(width * 0.75)}px` }}
          >
            {months.map(([week, label]) => (
              <text
                key={`${week}-${label}`}
                x={LEFT + week * PITCH}
                y={10}
                className="heatmap-label"
              >
                {label}
              </text>
            ))}
            {DAY_LABELS.map((label, row) =>
              label ? (
                <text key={label} x={0} y={TOP + row * PITCH + CELL - 1} className="heatmap-label">
                  {label}
                </text>
              ) : null,
            )}
            {cells.map((c) => (
              <rect
                key={c.date}
                x={LEFT + c.week * PITCH}
                y={TOP + c.row * PITCH}
                width={CELL}
                height={CELL}
                rx={2}
                className={`heat-${level(c.day)}`}
                data-date={c.date}
              >
                <title>{describeDay(c.date, c.day)}</title>
              </rect>
            ))}
          </svg>
        </div>
        <figcaption className="heatmap-legend">
          <span>Less</span>
          <ul aria-label="Shades">
            {LEVELS.map((label, n) => (
              <li key={label}>
                <svg
                  className="heatmap-swatch"
                  viewBox="0 0 10 10"
                  aria-hidden="true"
                  focusable="false"
                >
                  <rect width="10" height="10" rx="2" className={`heat-${n}`} />
                </svg>
                <span className="visually-hidden">{label}</span>
              </li>
            ))}
          </ul>
          <span>More</span>
          <span className="muted">
            {' '}
            · shade = contacts that day: none, 1, 2, 3, 4 or more. Hover a day for details.
          </span>
        </figcaption>
      </figure>
      <details className="chart-data heatmap-table">
        <summary>Show each month as a table</summary>
        <table>
          <caption className="visually-hidden">Contact with {name} by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Days in touch</th>
              <th scope="col">Contacts</th>
              <th scope="col">Time logged</th>
            </tr>
          </thead>
          <tbody>
            {byMonth(data).map(([month, row]) => (
              <tr key={month}>
                <th scope="row">{monthLong.format(toDate(`${month}-01`))}</th>
                <td>{row.days}</td>
                <td>{row.contacts}</td>
                <td>{row.minutes > 0 ? formatMinutes(row.minutes) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
