import type { RefObject } from 'react';
import { api } from '../../api.js';
import { channelLabel, kindLabel } from '../../shared/labels.js';
import { Link } from '../../shared/router.js';
import { addDaysToDate, formatCalendarDate } from '../../shared/time.js';
import type { AlertNudge, DateNudge, ReachOutNudge } from '../../shared/types.js';
import { type Notice, useUndoable } from './useUndoable.js';

const SNOOZE_DAYS = 7;

function NoticeBar({
  notice,
  undoButton,
  noticeText,
}: {
  notice: Notice | null;
  undoButton: RefObject<HTMLButtonElement | null>;
  noticeText: RefObject<HTMLParagraphElement | null>;
}) {
  return (
    <div className={`notice${notice?.error ? ' notice-error' : ''}`} role="status">
      {notice ? (
        <>
          <p ref={noticeText} tabIndex={-1}>
            {notice.message}
          </p>
          {notice.undo ? (
            <button
              ref={undoButton}
              type="button"
              className="secondary small"
              onClick={() => void notice.undo?.()}
            >
              Undo
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** Decide on a nudge; undo deletes the decision so the nudge can show again. */
async function decide(key: string, action: 'snoozed' | 'dismissed', until?: string) {
  await api.decideNudge(until ? { key, action, until } : { key, action });
  return () => api.undoNudgeDecision(key);
}

export function AlertsSection({
  alerts,
  onChanged,
}: {
  alerts: readonly AlertNudge[];
  onChanged: () => Promise<void>;
}) {
  const { notice, gone, busy, act, undoButton, noticeText } = useUndoable();
  const shown = alerts.filter((a) => !gone.has(a.key));
  if (alerts.length === 0 && !notice) return null;
  return (
    <section aria-labelledby="alerts-heading" className="alerts">
      <h3 id="alerts-heading" className="visually-hidden">
        Worth a look
      </h3>
      {shown.map((alert) => (
        <article
          key={alert.key}
          className={`alert-card alert-${alert.strength}`}
          aria-labelledby={`${alert.key}-title`}
        >
          <h4 id={`${alert.key}-title`}>{alert.title}</h4>
          <p>{alert.message}</p>
          <p className="alert-suggestion">{alert.suggestion}</p>
          {alert.help ? (
            <p className="alert-help">
              {alert.help} <Link to="/help">Where to find help</Link>
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="secondary small"
              disabled={busy}
              onClick={() =>
                void act(
                  alert.key,
                  async () => {
                    const undo = await decide(alert.key, 'dismissed');
                    void onChanged();
                    return {
                      message: `Dismissed “${alert.title}”.`,
                      undo: async () => {
                        await undo();
                        await onChanged();
                      },
                    };
                  },
                  `“${alert.title}” is back.`,
                )
              }
            >
              Dismiss<span className="visually-hidden">: {alert.title}</span>
            </button>
          </div>
        </article>
      ))}
      <NoticeBar notice={notice} undoButton={undoButton} noticeText={noticeText} />
    </section>
  );
}

function suggestionOf(n: ReachOutNudge): string {
  const how = n.channel === 'in_person' ? 'Meet up' : channelLabel(n.channel);
  const what = n.activity ? `, maybe ${n.activity}` : '';
  return `${how}${what}`;
}

function sinceText(n: ReachOutNudge): string {
  const days = n.daysSinceContact;
  const since =
    n.lastContact === null ? 'Not logged yet' : days === 1 ? '1 day ago' : `${days} days ago`;
  return `${since} · you aim for every ${n.cadenceDays} days`;
}

export function ReachOutSection({
  today,
  reachOut,
  hasPeople,
  hidden,
  onChanged,
  onLogged,
}: {
  today: string;
  reachOut: readonly ReachOutNudge[];
  hasPeople: boolean;
  hidden: number;
  onChanged: () => Promise<void>;
  onLogged: () => Promise<void>;
}) {
  const { notice, gone, busy, act, undoButton, noticeText } = useUndoable();
  const shown = reachOut.filter((n) => !gone.has(n.key));
  const until = addDaysToDate(today, SNOOZE_DAYS);

  const logIt = (n: ReachOutNudge) =>
    act(
      n.key,
      async () => {
        const created = await api.createInteraction({
          connectionIds: [n.connectionId],
          channel: n.channel,
          kinds: [n.kind],
          startedAt: new Date().toISOString(),
          durationMinutes: null,
          delight: null,
          note: '',
        });
        await Promise.all([onChanged(), onLogged()]);
        return {
          message: `Logged ${channelLabel(n.channel).toLowerCase()} time with ${n.name} (${kindLabel(n.kind).toLowerCase()}), now.`,
          undo: async () => {
            await api.deleteInteraction(created.id);
            await Promise.all([onChanged(), onLogged()]);
          },
        };
      },
      `Removed that entry; ${n.name} is back on your list.`,
    );

  const snoozeOrDismiss = (n: ReachOutNudge, action: 'snoozed' | 'dismissed') =>
    act(
      n.key,
      async () => {
        const undo = await decide(n.key, action, action === 'snoozed' ? until : undefined);
        void onChanged();
        return {
          message:
            action === 'snoozed'
              ? `Snoozed ${n.name} until ${formatCalendarDate(until, true)}.`
              : `Dismissed ${n.name} for now.`,
          undo: async () => {
            await undo();
            await onChanged();
          },
        };
      },
      `${n.name} is back on your list.`,
    );

  return (
    <section aria-labelledby="reach-heading" className="card">
      <h3 id="reach-heading" className="card-title" tabIndex={-1}>
        Reach out
      </h3>
      <p className="lede">
        People you have not been in touch with for a while, most overdue first.
      </p>
      <NoticeBar notice={notice} undoButton={undoButton} noticeText={noticeText} />
      {shown.length === 0 ? (
        <p className="empty">
          {hasPeople ? (
            'No one is overdue right now. Enjoy the people around you.'
          ) : (
            <>
              Add the people you enjoy time with under <Link to="/people">People</Link>, and Tend
              will suggest whom to reach out to.
            </>
          )}
        </p>
      ) : (
        <ul className="reach-list" aria-label="People to reach out to">
          {shown.map((n) => (
            <li key={n.key} className="reach-item">
              <div className="reach-text">
                <span className="history-title">{n.name}</span>
                <span className="reach-suggestion">{suggestionOf(n)}</span>
                <span className="muted reach-since">{sinceText(n)}</span>
              </div>
              <div className="reach-actions">
                <button
                  type="button"
                  className="small"
                  disabled={busy}
                  onClick={() => void logIt(n)}
                >
                  Log it<span className="visually-hidden"> with {n.name}</span>
                </button>
                <button
                  type="button"
                  className="secondary small"
                  disabled={busy}
                  onClick={() => void snoozeOrDismiss(n, 'snoozed')}
                >
                  Snooze a week<span className="visually-hidden">: {n.name}</span>
                </button>
                <button
                  type="button"
                  className="secondary small"
                  disabled={busy}
                  onClick={() => void snoozeOrDismiss(n, 'dismissed')}
                >
                  Dismiss<span className="visually-hidden">: {n.name}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 ? (
        <p className="hint hidden-count">
          {hidden === 1 ? '1 suggestion is' : `${hidden} suggestions are`} snoozed or dismissed.
        </p>
      ) : null}
    </section>
  );
}

export function DatesSection({ dates }: { dates: readonly DateNudge[] }) {
  return (
    <section aria-labelledby="dates-heading" className="card">
      <h3 id="dates-heading" className="card-title">
        Coming up
      </h3>
      {dates.length === 0 ? (
        <p className="muted compact">No birthdays or special dates in the next weeks.</p>
      ) : (
        <ul className="dates-list" aria-labelledby="dates-heading">
          {dates.map((d) => (
            <li key={d.key}>
              <span className="date-when">
                {d.daysUntil === 0
                  ? 'Today'
                  : d.daysUntil === 1
                    ? 'Tomorrow'
                    : formatCalendarDate(d.date, true)}
              </span>
              <span>{d.text.replace(/,? on \d{4}-\d{2}-\d{2}\.?$/, '.')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
