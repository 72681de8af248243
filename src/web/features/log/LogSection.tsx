import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError, api } from '../../api.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import {
  CHANNEL_OPTIONS,
  channelLabel,
  DELIGHT_LABELS,
  KIND_OPTIONS,
  RING_ORDER,
} from '../../shared/labels.js';
import { Link } from '../../shared/router.js';
import { formatMinutes, localInputToInstant, nowForInput } from '../../shared/time.js';
import type { Channel, Connection, InteractionKind } from '../../shared/types.js';
import type { Remote } from '../../shared/useRemote.js';
import { useSubmit } from '../../shared/useSubmit.js';

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

const EMPTY: Draft = {
  connectionIds: [],
  channel: 'in_person',
  kinds: ['conversation'],
  minutes: '',
  when: '',
  delight: null,
  note: '',
};

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

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
  return (
    <section id="log" aria-labelledby="log-heading" className="card">
      <h2 id="log-heading">Log time together</h2>
      <p className="lede">A visit, a call, a walk with the dog: it all counts, in person most.</p>
      <LogForm connections={connections} onLogged={onLogged} />
    </section>
  );
}

function LogForm({
  connections,
  onLogged,
}: {
  connections: Remote<Connection[]>;
  onLogged: () => Promise<void>;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
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
      if (draft.when !== '') {
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
      const created = await api.createInteraction({
        connectionIds: draft.connectionIds,
        channel: draft.channel,
        kinds: draft.kinds,
        startedAt,
        durationMinutes,
        delight: draft.delight,
        note: draft.note,
      });
      await onLogged();
      const names = people.filter((p) => created.connectionIds.includes(p.id)).map((p) => p.name);
      const details = [
        channelLabel(created.channel).toLowerCase(),
        created.durationMinutes ? formatMinutes(created.durationMinutes) : null,
      ].filter(Boolean);
      const who = new Intl.ListFormat('en', { type: 'conjunction' }).format(names);
      return `Logged time with ${who} (${details.join(', ')}).`;
    });
    if (saved) setDraft(EMPTY);
    if (document.activeElement === document.body || document.activeElement === null) {
      submitButton.current?.focus();
    }
  }

  const groupError = (field: string) =>
    error?.errorsFor(field).length ? `${id}-${field}-error` : undefined;

  return (
    <form className="form" onSubmit={submit} aria-labelledby="log-heading">
      <fieldset className="field" aria-describedby={groupError('connectionIds')}>
        <legend>Who with</legend>
        <div className="choices">
          {people.map((p) => (
            <label key={p.id} className="choice">
              <input
                type="checkbox"
                name="connectionIds"
                value={p.id}
                checked={draft.connectionIds.includes(p.id)}
                onChange={(e) =>
                  update({ connectionIds: toggle(draft.connectionIds, p.id, e.target.checked) })
                }
              />
              <span>{p.name}</span>
            </label>
          ))}
        </div>
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
        <div className="choices">
          {KIND_OPTIONS.map((o) => (
            <label key={o.value} className="choice">
              <input
                type="checkbox"
                name="kinds"
                value={o.value}
                checked={draft.kinds.includes(o.value)}
                onChange={(e) => update({ kinds: toggle(draft.kinds, o.value, e.target.checked) })}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
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
            value={draft.when}
            onChange={(e) => update({ when: e.target.value })}
            {...invalidProps(error, 'startedAt', `${id}-when-error`, `${id}-when-hint`)}
          />
          <p id={`${id}-when-hint`} className="hint">
            Leave empty for now.
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
          {saving ? 'Saving…' : 'Log it'}
        </button>
      </FormFooter>
    </form>
  );
}
