import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiError, api, toApiError } from '../../api.js';
import { CheckboxChips } from '../../shared/Choices.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import {
  CHANNEL_OPTIONS,
  channelLabel,
  DELIGHT_LABELS,
  KIND_OPTIONS,
  RING_ORDER,
} from '../../shared/labels.js';
import { Link } from '../../shared/router.js';
import {
  formatMinutes,
  formatWhen,
  instantToLocalInput,
  localInputToInstant,
  nowForInput,
} from '../../shared/time.js';
import type { Channel, Connection, Interaction, InteractionKind } from '../../shared/types.js';
import { type InteractionPages, useInteractionPages } from '../../shared/useInteractionPages.js';
import type { Remote } from '../../shared/useRemote.js';
import { useSubmit } from '../../shared/useSubmit.js';
import { InteractionItem, whoWith } from '../history/RecentSection.js';

const LABELS = {
  connectionIds: 'Who with',
  channel: 'How',
  kinds: 'What you did',
  durationMinutes: 'Minutes',
  startedAt: 'When',
  delight: 'Delight',
  note: 'Note',
};

interface Draft {
  connectionIds: string[];
  channel: Channel;
  kinds: InteractionKind[];
  minutes: string;
  when: string;
  delight: number | null;
  note: string;
}

const ENTRIES_PAGE = 20;
const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

const EMPTY: Draft = {
  connectionIds: [],
  channel: 'in_person',
  kinds: ['conversation'],
  minutes: '',
  when: '',
  delight: null,
  note: '',
};

function invalid(path: string, message: string): ApiError {
  return new ApiError('Please check the form.', {
    status: 0,
    title: 'invalid input',
    fieldErrors: [{ path, message }],
  });
}

export function LogSection({
  connections,
  onLogged,
}: {
  connections: Remote<Connection[]>;
  onLogged: () => Promise<void>;
}) {
  const entries = useInteractionPages(ENTRIES_PAGE);
  const changed = async () => {
    await Promise.all([onLogged(), entries.reload()]);
  };
  return (
    <>
      <section id="log" aria-labelledby="log-heading" className="card">
        <h2 id="log-heading">Log time together</h2>
        <p className="lede">A visit, a call, a walk with the dog: it all counts, in person most.</p>
        <LogForm connections={connections} onSaved={changed} labelledBy="log-heading" />
      </section>
      {connections.data && connections.data.length > 0 ? (
        <PastEntries connections={connections} entries={entries} onChanged={changed} />
      ) : null}
    </>
  );
}

/** An entry's form fields, from what the server holds. */
function draftOf(i: Interaction): Draft {
  return {
    connectionIds: [...i.connectionIds],
    channel: i.channel,
    kinds: [...i.kinds],
    minutes: i.durationMinutes === null ? '' : String(i.durationMinutes),
    when: instantToLocalInput(i.startedAt),
    delight: i.delight,
    note: i.note,
  };
}

/**
 * The log form: a new entry, or with `entry` an edit of that one. On a
 * failed save every field keeps what was typed.
 */
function LogForm({
  connections,
  onSaved,
  labelledBy,
  entry,
  onCancel,
}: {
  connections: Remote<Connection[]>;
  onSaved: () => Promise<void>;
  labelledBy: string;
  entry?: Interaction;
  onCancel?: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => (entry ? draftOf(entry) : EMPTY));
  const { saving, error, status, run } = useSubmit();
  const submitButton = useRef<HTMLButtonElement>(null);
  const people = [...(connections.data ?? [])].sort(
    (a, b) => RING_ORDER[a.ring] - RING_ORDER[b.ring] || a.name.localeCompare(b.name),
  );
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  if (!connections.data) {
    return (
      <p className="muted">
        {connections.loading ? 'Loading…' : 'Your people could not be loaded.'}
      </p>
    );
  }
  if (people.length === 0) {
    return (
      <p className="empty">
        First add someone under <Link to="/people">People</Link>; then log your time together here.
      </p>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await run(async () => {
      let startedAt = new Date().toISOString();
      if (entry && draft.when === instantToLocalInput(entry.startedAt)) {
        // Unchanged: keep the stored instant to the second.
        startedAt = entry.startedAt;
      } else if (draft.when !== '') {
        const instant = localInputToInstant(draft.when);
        if (!instant)
          throw invalid('startedAt', 'enter a full date and time, or leave it empty for now');
        startedAt = instant;
      }
      const minutes = draft.minutes.trim();
      const durationMinutes = minutes === '' ? null : Number(minutes);
      if (durationMinutes !== null && !Number.isFinite(durationMinutes)) {
        throw invalid('durationMinutes', 'must be a number of minutes');
      }
      const body = {
        connectionIds: draft.connectionIds,
        channel: draft.channel,
        kinds: draft.kinds,
        startedAt,
        durationMinutes,
        delight: draft.delight,
        note: draft.note,
      };
      const saved = entry
        ? await api.updateInteraction(entry.id, body)
        : await api.createInteraction(body);
      await onSaved();
      const names = people.filter((p) => saved.connectionIds.includes(p.id)).map((p) => p.name);
      const details = [
        channelLabel(saved.channel).toLowerCase(),
        saved.durationMinutes ? formatMinutes(saved.durationMinutes) : null,
      ].filter(Boolean);
      const who = listFormat.format(names);
      return `${entry ? 'Saved' : 'Logged'} time with ${who} (${details.join(', ')}).`;
    });
    if (saved && !entry) setDraft(EMPTY);
    if (document.activeElement === document.body || document.activeElement === null) {
      submitButton.current?.focus();
    }
  }

  const groupError = (field: string) =>
    error?.errorsFor(field).length ? `${id}-${field}-error` : undefined;

  return (
    <form className="form" onSubmit={submit} aria-labelledby={labelledBy}>
      <fieldset className="field" aria-describedby={groupError('connectionIds')}>
        <legend>Who with</legend>
        <CheckboxChips
          name="connectionIds"
          options={people.map((p) => ({ value: p.id, label: p.name }))}
          selected={draft.connectionIds}
          onChange={(connectionIds) => update({ connectionIds })}
        />
        <FieldMessage id={`${id}-connectionIds-error`} error={error} field="connectionIds" />
      </fieldset>

      <fieldset className="field" aria-describedby={groupError('channel')}>
        <legend>How</legend>
        <div className="choices">
          {CHANNEL_OPTIONS.map((o) => (
            <label key={o.value} className="choice">
              <input
                type="radio"
                name={`${id}-channel`}
                value={o.value}
                checked={draft.channel === o.value}
                onChange={() => update({ channel: o.value })}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
        <FieldMessage id={`${id}-channel-error`} error={error} field="channel" />
      </fieldset>

      <fieldset className="field" aria-describedby={groupError('kinds')}>
        <legend>What you did</legend>
        <CheckboxChips
          name="kinds"
          options={KIND_OPTIONS}
          selected={draft.kinds}
          onChange={(kinds) => update({ kinds })}
        />
        <FieldMessage id={`${id}-kinds-error`} error={error} field="kinds" />
      </fieldset>

      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-minutes`}>Minutes</label>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={0}
            max={10080}
            step={1}
            value={draft.minutes}
            onChange={(e) => update({ minutes: e.target.value })}
            {...invalidProps(error, 'durationMinutes', `${id}-minutes-error`, `${id}-minutes-hint`)}
          />
          <p id={`${id}-minutes-hint`} className="hint">
            Optional.
          </p>
          <FieldMessage id={`${id}-minutes-error`} error={error} field="durationMinutes" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-when`}>When</label>
          <input
            id={`${id}-when`}
            type="datetime-local"
            max={nowForInput()}
            required={entry !== undefined}
            value={draft.when}
            onChange={(e) => update({ when: e.target.value })}
            {...invalidProps(error, 'startedAt', `${id}-when-error`, `${id}-when-hint`)}
          />
          <p id={`${id}-when-hint`} className="hint">
            {entry ? 'When it started.' : 'Leave empty for now.'}
          </p>
          <FieldMessage id={`${id}-when-error`} error={error} field="startedAt" />
        </div>
      </div>

      <fieldset
        className="field"
        aria-describedby={`${id}-delight-hint ${groupError('delight') ?? ''}`.trim()}
      >
        <legend>Delight</legend>
        <div className="choices scale">
          <label className="choice">
            <input
              type="radio"
              name={`${id}-delight`}
              value=""
              checked={draft.delight === null}
              onChange={() => update({ delight: null })}
            />
            <span>Skip</span>
          </label>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="choice">
              <input
                type="radio"
                name={`${id}-delight`}
                value={n}
                checked={draft.delight === n}
                onChange={() => update({ delight: n })}
              />
              <span>
                {n}
                <span className="visually-hidden"> – {DELIGHT_LABELS[n]}</span>
              </span>
            </label>
          ))}
        </div>
        <p id={`${id}-delight-hint`} className="hint">
          How much you enjoyed it: 1 a little, 5 pure delight.
        </p>
        <FieldMessage id={`${id}-delight-error`} error={error} field="delight" />
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={10000}
          value={draft.note}
          onChange={(e) => update({ note: e.target.value })}
          {...invalidProps(error, 'note', `${id}-note-error`)}
        />
        <FieldMessage id={`${id}-note-error`} error={error} field="note" />
      </div>

      <FormFooter error={error} status={status} labels={LABELS}>
        <button ref={submitButton} type="submit" disabled={saving}>
          {saving ? 'Saving…' : entry ? 'Save changes' : 'Log it'}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </FormFooter>
    </form>
  );
}

/** The log so far, newest first, each entry editable in place or deletable after a confirmation. */
function PastEntries({
  connections,
  entries,
  onChanged,
}: {
  connections: Remote<Connection[]>;
  entries: InteractionPages;
  onChanged: () => Promise<void>;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Interaction | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  // After a delete the entry and its button are gone: once the dialog has closed, go on from
  // the list's heading rather than leave focus nowhere.
  useEffect(() => {
    if (deleting === null && focusHeading.current) {
      focusHeading.current = false;
      heading.current?.focus();
    }
  }, [deleting]);
  const names = new Map((connections.data ?? []).map((c) => [c.id, c.name]));

  async function remove(entry: Interaction) {
    setBusy(true);
    setDeleteError(undefined);
    try {
      await api.deleteInteraction(entry.id);
      await onChanged();
      setDeleting(null);
      setStatus(`Deleted the time with ${whoWith(entry, names)} (${formatWhen(entry.startedAt)}).`);
      focusHeading.current = true;
    } catch (e) {
      setDeleteError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="entries-heading" className="card">
      <h2 id="entries-heading" ref={heading} tabIndex={-1}>
        Past entries
      </h2>
      <p className="lede">Change or remove something you logged; Today follows.</p>
      <p role="status" className="feedback feedback-ok">
        {status}
      </p>
      {entries.items.length === 0 && !entries.loading && !entries.error ? (
        <p className="empty">Nothing logged yet. What you log above shows here.</p>
      ) : null}
      {entries.items.length > 0 ? (
        <ul className="history" aria-labelledby="entries-heading">
          {entries.items.map((entry) =>
            editing === entry.id ? (
              <li key={entry.id} className="history-item editing">
                <h3 id={`edit-${entry.id}`}>
                  Edit time with {whoWith(entry, names)}, {formatWhen(entry.startedAt)}
                </h3>
                <LogForm
                  connections={connections}
                  entry={entry}
                  labelledBy={`edit-${entry.id}`}
                  onSaved={async () => {
                    await onChanged();
                    setEditing(null);
                    setStatus(`Saved your changes to the time with ${whoWith(entry, names)}.`);
                    heading.current?.focus();
                  }}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <InteractionItem
                key={entry.id}
                interaction={entry}
                names={names}
                actions={
                  <>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setStatus('');
                        setEditing(entry.id);
                      }}
                    >
                      Edit
                      <span className="visually-hidden">
                        {' '}
                        time with {whoWith(entry, names)}, {formatWhen(entry.startedAt)}
                      </span>
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setStatus('');
                        setDeleteError(undefined);
                        setDeleting(entry);
                      }}
                    >
                      Delete
                      <span className="visually-hidden">
                        {' '}
                        time with {whoWith(entry, names)}, {formatWhen(entry.startedAt)}
                      </span>
                    </button>
                  </>
                }
              />
            ),
          )}
        </ul>
      ) : null}
      {entries.error ? (
        <p className="load-error">Could not load your entries: {entries.error}</p>
      ) : null}
      {entries.loading ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {entries.nextCursor ? (
        <div className="actions compact">
          <button
            type="button"
            className="secondary"
            disabled={entries.loading}
            onClick={() => void entries.loadMore()}
          >
            Show older entries
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this entry?"
        confirmLabel="Delete entry"
        busyLabel="Deleting…"
        busy={busy}
        error={deleteError}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) void remove(deleting);
        }}
      >
        <p>
          {deleting
            ? `The time with ${whoWith(deleting, names)} (${formatWhen(deleting.startedAt)}) will be removed from your log for good, and Today will be worked out without it.`
            : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}
