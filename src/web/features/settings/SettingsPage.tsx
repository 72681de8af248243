import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { api, exportLinks } from '../../api.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import { Link } from '../../shared/router.js';
import { useSession } from '../../shared/session.js';
import type { CalendarFeedStatus, ModelParamsView, Settings } from '../../shared/types.js';
import { useRemote } from '../../shared/useRemote.js';
import { useSubmit } from '../../shared/useSubmit.js';
import { ModelParamsForm } from './ModelParamsForm.js';
import { ReminderEmailSection } from './ReminderEmailSection.js';

const loadSettings = (signal: AbortSignal) => api.settings(signal);
const loadParams = (signal: AbortSignal): Promise<ModelParamsView> => api.modelParams(signal);
const loadFeed = (signal: AbortSignal): Promise<CalendarFeedStatus> => api.calendarFeed(signal);

const RINGS = [
  ['inner', 'Inner circle (about 5)'],
  ['close', 'Close friends (about 15)'],
  ['friends', 'Friends (about 50)'],
  ['wider', 'Wider circle (about 150)'],
] as const;

function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  // Some engines leave out UTC or the saved zone; always offer both.
  return [...new Set([current, 'UTC', ...zones])].sort();
}

export function SettingsPage() {
  const settings = useRemote(loadSettings);
  const params = useRemote(loadParams);
  const id = useId();
  const hosted = useSession().mode === 'hosted';
  return (
    <div className="narrow">
      <h2 className="page-title">Settings</h2>
      <p className="lede">
        {hosted
          ? 'Everything here is stored with your account. '
          : 'Everything here is stored on this machine with your data. '}
        <Link to="/import">Import contacts, meetings or chats</Link>.
      </p>
      {hosted ? (
        <p className="compact">
          Your password, where you are signed in, API tokens and deleting your account are under{' '}
          <Link to="/account">Account</Link>.
        </p>
      ) : null}

      <section aria-labelledby={`${id}-general`} className="card">
        <h3 id={`${id}-general`} className="card-title">
          Time, phone numbers and cadence
        </h3>
        {settings.data ? (
          <GeneralForm settings={settings.data} onSaved={() => void settings.reload()} />
        ) : settings.error ? (
          <div className="load-problem">
            <p className="load-error">Could not load your settings: {settings.error.message}</p>
            <button
              type="button"
              className="secondary small"
              onClick={() => void settings.reload()}
            >
              Try again
            </button>
          </div>
        ) : (
          <p className="muted compact">Loading your settings…</p>
        )}
      </section>

      <section aria-labelledby={`${id}-model`} className="card">
        <h3 id={`${id}-model`} className="card-title">
          Model parameters
        </h3>
        <p className="lede">
          The numbers behind your states, alerts and reach-out list. The defaults come from the
          research described under <Link to="/learn">Learn</Link>; change them only if they do not
          fit your life.
        </p>
        <ModelParamsForm params={params} onSaved={() => void settings.reload()} />
      </section>

      <ExportSection hosted={hosted} />
      <CalendarFeedSection />
      {hosted ? <ReminderEmailSection settings={settings.data} failed={!!settings.error} /> : null}

      <section aria-labelledby={`${id}-privacy`} className="card">
        <h3 id={`${id}-privacy`} className="card-title">
          Privacy
        </h3>
        {hosted ? (
          <ul className="help-list">
            <li>
              Your data is stored in this Tend’s database, on a server run by its operator, not on
              the device you are using. As with any hosted service, the operator can reach what is
              stored there.
            </li>
            <li>
              No telemetry and no tracking. Tend calls no outside services, apart from sending the
              emails you ask for (confirming your address, reminders) through this Tend’s mail
              server.
            </li>
            <li>Everything you put in can be exported above, in open formats.</li>
            <li>
              Deleting your data is yours to do, whenever you like: export it first if you want a
              copy, then delete your account under <Link to="/account">Account</Link>. Everything in
              it is deleted at once; copies in the operator’s backups last until those expire.
            </li>
          </ul>
        ) : (
          <ul className="help-list">
            <li>Tend is local-first: your data lives in a file on the machine that runs it.</li>
            <li>No telemetry, no tracking, and no calls to outside services.</li>
            <li>Everything you put in can be exported above, in open formats.</li>
            <li>
              Deleting your data is yours to do, whenever you like: export it first if you want a
              copy, then delete Tend’s data folder.
            </li>
          </ul>
        )}
        <p className="help-back">
          Tend is not medical advice. <Link to="/help">Help in a crisis</Link>
        </p>
      </section>
    </div>
  );
}

function GeneralForm({ settings, onSaved }: { settings: Settings; onSaved: () => void }) {
  const id = useId();
  const submit = useSubmit();
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [region, setRegion] = useState(settings.defaultRegion ?? '');
  const [cadence, setCadence] = useState<Record<string, string>>(() =>
    Object.fromEntries(RINGS.map(([ring]) => [ring, String(settings.ringCadenceDays[ring])])),
  );
  const zones = useMemo(() => timeZones(settings.timeZone), [settings.timeZone]);

  // A successful save reloads the settings; show what the server kept.
  useEffect(() => {
    setTimeZone(settings.timeZone);
    setRegion(settings.defaultRegion ?? '');
    setCadence(
      Object.fromEntries(RINGS.map(([ring]) => [ring, String(settings.ringCadenceDays[ring])])),
    );
  }, [settings]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await api.updateSettings({
        timeZone,
        defaultRegion: region.trim() === '' ? null : region.trim().toUpperCase(),
        ringCadenceDays: {
          inner: Number(cadence.inner),
          close: Number(cadence.close),
          friends: Number(cadence.friends),
          wider: Number(cadence.wider),
        },
      });
      return 'Settings saved.';
    });
    if (ok) onSaved();
  };

  const labels = {
    timeZone: 'Time zone',
    defaultRegion: 'Default phone region',
    ringCadenceDays: 'Default cadence',
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-tz`}>Time zone</label>
          <select
            id={`${id}-tz`}
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
            {...invalidProps(submit.error, 'timeZone', `${id}-tz-error`, `${id}-tz-hint`)}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          <p id={`${id}-tz-hint`} className="hint">
            Days, streaks and reminders follow this zone.
          </p>
          <FieldMessage id={`${id}-tz-error`} error={submit.error} field="timeZone" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-region`}>Default phone region</label>
          <input
            id={`${id}-region`}
            type="text"
            value={region}
            maxLength={2}
            autoComplete="country"
            autoCapitalize="characters"
            spellCheck={false}
            className="short"
            onChange={(event) => setRegion(event.target.value.toUpperCase())}
            {...invalidProps(
              submit.error,
              'defaultRegion',
              `${id}-region-error`,
              `${id}-region-hint`,
            )}
          />
          <p id={`${id}-region-hint`} className="hint">
            Two letters, such as DE or GB: the country for phone numbers written without +code.
            Leave empty for none.
          </p>
          <FieldMessage id={`${id}-region-error`} error={submit.error} field="defaultRegion" />
        </div>
      </div>
      <fieldset>
        <legend>Default cadence for new people</legend>
        <p id={`${id}-cadence-hint`} className="hint">
          How often you would like to be in touch, by closeness. Each person can have their own.
        </p>
        <div className="field-row cadence-row">
          {RINGS.map(([ring, label]) => (
            <div className="field" key={ring}>
              <label htmlFor={`${id}-${ring}`}>{label}</label>
              <span className="with-unit">
                <input
                  id={`${id}-${ring}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={3650}
                  step={1}
                  value={cadence[ring] ?? ''}
                  onChange={(event) => setCadence((c) => ({ ...c, [ring]: event.target.value }))}
                  {...invalidProps(
                    submit.error,
                    'ringCadenceDays',
                    `${id}-cadence-error`,
                    `${id}-cadence-hint`,
                  )}
                />
                <span className="unit" aria-hidden="true">
                  days
                </span>
              </span>
            </div>
          ))}
        </div>
        <FieldMessage id={`${id}-cadence-error`} error={submit.error} field="ringCadenceDays" />
      </fieldset>
      <FormFooter error={submit.error} status={submit.status} labels={labels}>
        <button type="submit" disabled={submit.saving}>
          {submit.saving ? 'Saving…' : 'Save settings'}
        </button>
      </FormFooter>
    </form>
  );
}

function ExportSection({ hosted }: { hosted: boolean }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-export`} className="card">
      <h3 id={`${id}-export`} className="card-title">
        Export
      </h3>
      <p className="lede">
        {hosted
          ? 'Download your data at any time, to the device you are using. The data itself stays on this Tend’s server, run by its operator.'
          : 'Download your data at any time. Nothing leaves this machine otherwise.'}
      </p>
      <ul className="export-list">
        <li>
          <a href={exportLinks.backup} download="tend-backup.json">
            Full backup (JSON)
          </a>
          <span className="hint"> Everything, to restore under Import.</span>
        </li>
        <li>
          <a href={exportLinks.csv('connections')} download>
            People (CSV)
          </a>
        </li>
        <li>
          <a href={exportLinks.csv('interactions')} download>
            Time together (CSV)
          </a>
        </li>
        <li>
          <a href={exportLinks.csv('checkins')} download>
            Check-ins (CSV)
          </a>
        </li>
        <li>
          <a href={exportLinks.csv('plans')} download>
            Plans (CSV)
          </a>
        </li>
        <li>
          <a href={exportLinks.vcard} download>
            Contacts (vCard)
          </a>
          <span className="hint"> For an address book.</span>
        </li>
      </ul>
    </section>
  );
}

function CalendarFeedSection() {
  const id = useId();
  const feed = useRemote(loadFeed);
  const submit = useSubmit();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState('');

  const create = async () => {
    setCopied('');
    await submit.run(async () => {
      const made = await api.createCalendarFeed();
      setUrl(`${window.location.origin}${made.path}`);
      await feed.reload();
      return feed.data?.enabled
        ? 'A new address is ready; the old one no longer works.'
        : 'The calendar feed is on.';
    });
  };

  const turnOff = async () => {
    setCopied('');
    await submit.run(async () => {
      await api.deleteCalendarFeed();
      setUrl(null);
      await feed.reload();
      return 'The calendar feed is off; its address no longer works.';
    });
  };

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy: select the address and copy it yourself.');
    }
  };

  const enabled = feed.data?.enabled ?? false;
  return (
    <section aria-labelledby={`${id}-feed`} className="card">
      <h3 id={`${id}-feed`} className="card-title">
        Calendar feed
      </h3>
      <p className="lede">
        Subscribe to birthdays, plans and reach-out reminders from your calendar app.
      </p>
      {feed.error && !feed.data ? (
        <p className="load-error">Could not load the feed’s state: {feed.error.message}</p>
      ) : feed.data ? (
        <p className="compact">
          {enabled
            ? `On${feed.data.createdAt ? ` since ${new Date(feed.data.createdAt).toLocaleDateString()}` : ''}.`
            : 'Off.'}
        </p>
      ) : (
        <p className="muted compact">Loading…</p>
      )}
      {url ? (
        <div className="feed-url">
          <label htmlFor={`${id}-url`}>Your calendar address</label>
          <div className="copy-row">
            <input
              id={`${id}-url`}
              type="text"
              readOnly
              value={url}
              aria-describedby={`${id}-url-hint`}
              onFocus={(event) => event.target.select()}
            />
            <button type="button" className="secondary small" onClick={() => void copy()}>
              Copy
            </button>
          </div>
          <p id={`${id}-url-hint`} className="hint">
            Shown only this once. Anyone with this address can see the feed, so share it only with
            your calendar app. <span role="status">{copied}</span>
          </p>
        </div>
      ) : null}
      <FormFooter error={submit.error} status={submit.status} labels={{}}>
        {feed.data ? (
          enabled ? (
            <>
              <button
                type="button"
                className="secondary"
                onClick={() => void create()}
                disabled={submit.saving}
              >
                Make a new address
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => void turnOff()}
                disabled={submit.saving}
              >
                Turn off
              </button>
            </>
          ) : (
            <button type="button" onClick={() => void create()} disabled={submit.saving}>
              Turn on
            </button>
          )
        ) : null}
      </FormFooter>
    </section>
  );
}
