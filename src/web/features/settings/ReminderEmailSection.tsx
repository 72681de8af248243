import { useId, useRef, useState } from 'react';
import { type ApiError, api, toApiError } from '../../api.js';
import { Link } from '../../shared/router.js';
import { useFreshSession } from '../../shared/session.js';
import type { Settings } from '../../shared/types.js';

type Digest = Settings['digest'];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
const zoneLabel = (zone: string) => zone.replace(/_/g, ' ');

/** The digest in one sentence, as the person chose it. */
function describe(digest: Digest, timeZone: string): string {
  if (!digest.enabled) return 'Reminder emails are off.';
  const at = `${clock(digest.hour)} (${zoneLabel(timeZone)})`;
  return digest.frequency === 'weekly'
    ? `A weekly email on ${WEEKDAYS[digest.weekday - 1]}s at ${at}.`
    : `A daily email at ${at}.`;
}

/**
 * Hosted mode: the optional reminder digest by email. Each change is saved
 * at once; a failed save leaves the choice on screen, and the next save
 * (or "Try again") sends every choice as it now stands.
 */
export function ReminderEmailSection({
  settings,
  failed,
}: {
  settings: Settings | undefined;
  failed: boolean;
}) {
  const id = useId();
  const session = useFreshSession();
  const delivery = session.emailDelivery;
  const confirmed = session.user?.emailVerified ?? false;

  return (
    <section aria-labelledby={`${id}-title`} className="card reminder-email">
      <h3 id={`${id}-title`} className="card-title">
        Reminder email
      </h3>
      <p className="lede">
        A short email, daily or weekly, with the names of people to reach out to, your plans for the
        next 7 days and dates coming up. It never holds your notes, check-ins, moods or states:
        email is less private than Tend.
      </p>
      {!delivery ? (
        <p className="email-note">
          This Tend has no email set up, so it cannot send reminder emails. The person who runs it
          can change that.
        </p>
      ) : !confirmed ? (
        <p className="email-note">
          Reminders start once your address is confirmed.{' '}
          <Link to="/account">Confirm it on your Account page</Link>.
        </p>
      ) : null}
      {settings ? (
        <DigestForm initial={settings.digest} timeZone={settings.timeZone} disabled={!delivery} />
      ) : failed ? null : (
        <p className="muted compact">Loading…</p>
      )}
    </section>
  );
}

function DigestForm({
  initial,
  timeZone,
  disabled,
}: {
  initial: Digest;
  timeZone: string;
  disabled: boolean;
}) {
  const id = useId();
  const [digest, setDigest] = useState(initial);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ApiError | undefined>(undefined);
  // What to save is always the latest choice; saves run one at a time, in order.
  const latest = useRef(initial);
  const saving = useRef(false);
  const again = useRef(false);

  const save = async () => {
    if (saving.current) {
      again.current = true;
      return;
    }
    saving.current = true;
    setStatus('');
    try {
      do {
        again.current = false;
        const sent = latest.current;
        try {
          await api.updateSettings({ digest: sent });
          setError(undefined);
          if (!again.current) setStatus(`Saved. ${describe(sent, timeZone)}`);
        } catch (e) {
          setError(toApiError(e));
        }
      } while (again.current);
    } finally {
      saving.current = false;
    }
  };

  const change = (patch: Partial<Digest>) => {
    latest.current = { ...latest.current, ...patch };
    setDigest(latest.current);
    void save();
  };

  const zone = zoneLabel(timeZone);
  return (
    <div className="form">
      <label className="check">
        <input
          type="checkbox"
          role="switch"
          checked={digest.enabled}
          aria-checked={digest.enabled}
          disabled={disabled}
          onChange={(event) => change({ enabled: event.target.checked })}
        />
        Send me a reminder email
      </label>
      <fieldset disabled={disabled}>
        <legend>How often</legend>
        <div className="choices">
          {(['daily', 'weekly'] as const).map((frequency) => (
            <label key={frequency} className="choice">
              <input
                type="radio"
                name={`${id}-frequency`}
                value={frequency}
                checked={digest.frequency === frequency}
                onChange={() => change({ frequency })}
              />
              <span>{frequency === 'daily' ? 'Daily' : 'Weekly'}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        {digest.frequency === 'weekly' ? (
          <div className="field">
            <label htmlFor={`${id}-weekday`}>Day of the week</label>
            <select
              id={`${id}-weekday`}
              value={digest.weekday}
              disabled={disabled}
              onChange={(event) => change({ weekday: Number(event.target.value) })}
            >
              {WEEKDAYS.map((name, index) => (
                <option key={name} value={index + 1}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-hour`}>Time</label>
          <select
            id={`${id}-hour`}
            value={digest.hour}
            disabled={disabled}
            aria-describedby={`${id}-hour-hint`}
            onChange={(event) => change({ hour: Number(event.target.value) })}
          >
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {clock(hour)} ({zone})
              </option>
            ))}
          </select>
          <p id={`${id}-hour-hint`} className="hint">
            In your time zone, {zone}, set above.
          </p>
        </div>
      </div>
      <div className="form-end">
        <div role="alert" className="feedback feedback-error">
          {error ? (
            <p>
              <strong>Not saved.</strong> {error.message} Your choice is still shown here; try again
              when you are ready.
            </p>
          ) : null}
        </div>
        <p role="status" className="feedback feedback-ok">
          {status}
        </p>
        {error ? (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => void save()}>
              Try again
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
