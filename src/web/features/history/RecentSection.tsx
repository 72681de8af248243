import type { ReactNode } from 'react';
import { channelLabel, kindLabel } from '../../shared/labels.js';
import { Link } from '../../shared/router.js';
import { formatMinutes, formatWhen } from '../../shared/time.js';
import type { CheckIn, Connection, Interaction, Page } from '../../shared/types.js';
import type { Remote } from '../../shared/useRemote.js';

const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

export function RecentSection({
  connections,
  interactions,
  checkIns,
}: {
  connections: Remote<Connection[]>;
  interactions: Remote<Page<Interaction>>;
  checkIns: Remote<Page<CheckIn>>;
}) {
  const names = new Map((connections.data ?? []).map((c) => [c.id, c.name]));
  return (
    <section id="recent" aria-labelledby="recent-heading" className="card">
      <h2 id="recent-heading">History</h2>
      <p className="lede">Your latest time together and check-ins.</p>
      <h3 id="recent-time-heading">Time together</h3>
      <Loaded
        remote={interactions}
        what="your recent time together"
        render={(page) =>
          page.items.length === 0 ? (
            <p className="empty">
              Nothing logged yet. After you see, call or message someone, add it under{' '}
              <Link to="/log">Log time together</Link>.
            </p>
          ) : (
            <ul className="history" aria-labelledby="recent-time-heading">
              {page.items.map((i) => (
                <InteractionItem key={i.id} interaction={i} names={names} />
              ))}
            </ul>
          )
        }
      />
      <h3 id="recent-checkins-heading">Check-ins</h3>
      <Loaded
        remote={checkIns}
        what="your recent check-ins"
        render={(page) =>
          page.items.length === 0 ? (
            <p className="empty">
              No check-ins yet. <Link to="/">Check in</Link> once a day to see how stress and
              loneliness move with the time you spend together.
            </p>
          ) : (
            <ul className="history" aria-labelledby="recent-checkins-heading">
              {page.items.map((c) => (
                <CheckInItem key={c.id} checkIn={c} />
              ))}
            </ul>
          )
        }
      />
    </section>
  );
}

function Loaded<T>({
  remote,
  what,
  render,
}: {
  remote: Remote<T>;
  what: string;
  render: (data: T) => ReactNode;
}) {
  if (remote.data !== undefined) return <>{render(remote.data)}</>;
  if (remote.error) {
    return (
      <p className="load-error">
        Could not load {what}: {remote.error.message}
      </p>
    );
  }
  return <p className="muted">Loading…</p>;
}

/** Who was there, as words: "Ada and Sam". */
export function whoWith(i: Interaction, names: Map<string, string>): string {
  return listFormat.format(i.connectionIds.map((id) => names.get(id) ?? 'someone removed'));
}

export function InteractionItem({
  interaction: i,
  names,
  actions,
}: {
  interaction: Interaction;
  names: Map<string, string>;
  /** Buttons for this entry (edit, delete), after its details. */
  actions?: ReactNode;
}) {
  const who = whoWith(i, names);
  const details = [
    channelLabel(i.channel),
    i.durationMinutes !== null ? formatMinutes(i.durationMinutes) : null,
    i.kinds.map(kindLabel).join(', '),
    i.delight !== null ? `delight ${i.delight}/5` : null,
  ].filter((d): d is string => Boolean(d));
  return (
    <li className={`history-item channel-${i.channel}`}>
      <div className="history-head">
        <span className="history-title">{who}</span>
        <time dateTime={i.startedAt}>{formatWhen(i.startedAt)}</time>
      </div>
      <p className="history-details">{details.join(' · ')}</p>
      {i.note ? <p className="history-note">{i.note}</p> : null}
      {actions ? <div className="actions compact">{actions}</div> : null}
    </li>
  );
}

function CheckInItem({ checkIn: c }: { checkIn: CheckIn }) {
  return (
    <li className="history-item">
      <div className="history-head">
        <span className="history-title">
          Stress {c.stress}/10 · Loneliness {c.loneliness}/10
        </span>
        <time dateTime={c.at}>{formatWhen(c.at)}</time>
      </div>
      {c.mood ? <p className="history-details">Mood: {c.mood}</p> : null}
      {c.note ? <p className="history-note">{c.note}</p> : null}
    </li>
  );
}
