import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { type ApiError, api, toApiError } from '../../api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import { RING_OPTIONS, ringLabel } from '../../shared/labels.js';
import { Link, navigate } from '../../shared/router.js';
import type { Connection, ContactStatusItem, ImportantDate, Ring } from '../../shared/types.js';
import { useInteractionPages } from '../../shared/useInteractionPages.js';
import { type Remote, useRemote } from '../../shared/useRemote.js';
import { useSubmit } from '../../shared/useSubmit.js';
import { InteractionItem } from '../history/RecentSection.js';
import { touchLabel, touchOf } from '../people/touch.js';
import { ContactHeatmap } from './ContactHeatmap.js';

const TIMELINE_PAGE = 50;

const LABELS = {
  name: 'Name',
  ring: 'Closeness',
  cadenceDays: 'Contact every (days)',
  sharedJoys: 'Shared joys',
  notes: 'Notes',
};

const monthFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

function formatImportantDate(d: ImportantDate): string {
  const kind =
    d.label ??
    (d.kind === 'birthday' ? 'Birthday' : d.kind === 'anniversary' ? 'Anniversary' : 'Date');
  const day = monthFormat.format(new Date(Date.UTC(2000, d.month - 1, d.day)));
  return `${kind}: ${day}${d.year ? ` ${d.year}` : ''}`;
}

export function ConnectionPage({
  id,
  connections,
  onChanged,
  onDeleted,
}: {
  id: string;
  connections: Remote<Connection[]>;
  /** The connection was edited. */
  onChanged: () => void;
  /** The connection and their own interactions are gone. */
  onDeleted: () => void;
}) {
  const load = useCallback((signal: AbortSignal) => api.connection(id, signal), [id]);
  const connection = useRemote(load);
  // Days since contact as the server counts them (local days in your time zone), as on People.
  const loadStatus = useCallback(
    async (signal: AbortSignal) =>
      (await api.contactStatus(signal)).items.find((i) => i.connectionId === id) ?? null,
    [id],
  );
  const status = useRemote(loadStatus);
  const timeline = useInteractionPages(TIMELINE_PAGE, id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | undefined>(undefined);
  const person = connection.data;

  useEffect(() => {
    if (person) document.title = `${person.name} · Tend`;
  }, [person]);

  if (!person) {
    return (
      <div className="narrow card">
        {connection.error ? (
          <>
            <h2>{connection.error.status === 404 ? 'Not found' : 'Could not load'}</h2>
            <p className="load-error">
              {connection.error.status === 404
                ? 'This person or pet is not in Tend (any more).'
                : `Could not load them: ${connection.error.message}`}
            </p>
            <p>
              <Link to="/people">Back to People</Link>
            </p>
          </>
        ) : (
          <p className="muted" role="status">
            Loading…
          </p>
        )}
      </div>
    );
  }

  const names = new Map((connections.data ?? []).map((c) => [c.id, c.name]));
  names.set(person.id, person.name);

  async function remove() {
    setDeleting(true);
    setDeleteError(undefined);
    try {
      await api.deleteConnection(id);
      setConfirming(false);
      onDeleted();
      navigate('/people');
    } catch (e) {
      setDeleteError(toApiError(e).message);
    } finally {
      setDeleting(false);
    }
  }

  return (
    <div className="narrow">
      <section aria-labelledby="person-heading" className="card">
        <p className="compact">
          <Link to="/people">← People</Link>
        </p>
        <h2 id="person-heading">{person.name}</h2>
        <p className="tags">
          <span className={`tag ring-${person.ring}`}>{ringLabel(person.ring)}</span>
          <span className="tag">{person.kind === 'pet' ? 'Pet' : 'Person'}</span>
        </p>
        <dl className="facts" aria-label={`About ${person.name}`}>
          <dt>Closeness</dt>
          <dd>{ringLabel(person.ring)}</dd>
          <dt>Contact every</dt>
          <dd>{person.cadenceDays === 1 ? 'day' : `${person.cadenceDays} days`}</dd>
          <dt>Last contact</dt>
          <dd>
            <LastContact status={status.data} loading={status.loading} error={status.error} />
          </dd>
          <dt>Shared joys</dt>
          <dd>{person.sharedJoys.length > 0 ? person.sharedJoys.join(', ') : 'None noted yet'}</dd>
          <dt>Important dates</dt>
          <dd>
            {person.importantDates.length > 0
              ? person.importantDates.map(formatImportantDate).join('; ')
              : 'None noted'}
          </dd>
          <dt>Notes</dt>
          <dd>{person.notes || 'No notes'}</dd>
        </dl>
        <div className="actions compact">
          <button
            type="button"
            className="secondary"
            aria-expanded={editing}
            aria-controls="edit-connection"
            onClick={() => setEditing((e) => !e)}
          >
            {editing ? 'Close editing' : 'Edit'}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDeleteError(undefined);
              setConfirming(true);
            }}
          >
            Delete
          </button>
        </div>
        <div id="edit-connection">
          {editing ? (
            <EditForm
              connection={person}
              onSaved={async () => {
                await Promise.all([connection.reload(), status.reload()]);
                onChanged();
              }}
            />
          ) : null}
        </div>
      </section>

      <ContactHeatmap connectionId={person.id} name={person.name} />

      <section aria-labelledby="timeline-heading" className="card">
        <h2 id="timeline-heading">Time together</h2>
        {timeline.items.length === 0 && !timeline.loading && !timeline.error ? (
          <p className="empty">
            Nothing logged with {person.name} yet. <Link to="/log">Log time together</Link>.
          </p>
        ) : null}
        {timeline.items.length > 0 ? (
          <ul className="history" aria-labelledby="timeline-heading">
            {timeline.items.map((i) => (
              <InteractionItem key={i.id} interaction={i} names={names} />
            ))}
          </ul>
        ) : null}
        {timeline.error ? (
          <p className="load-error">Could not load the timeline: {timeline.error}</p>
        ) : null}
        {timeline.loading ? (
          <p className="muted" role="status">
            Loading…
          </p>
        ) : null}
        {timeline.nextCursor ? (
          <div className="actions compact">
            <button
              type="button"
              className="secondary"
              disabled={timeline.loading}
              onClick={() => void timeline.loadMore()}
            >
              Load more
            </button>
          </div>
        ) : null}
      </section>

      <ConfirmDialog
        open={confirming}
        title={`Delete ${person.name}?`}
        confirmLabel={`Delete ${person.name}`}
        busyLabel="Deleting…"
        busy={deleting}
        error={deleteError}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void remove()}
      >
        <p>
          {person.name} will be removed from Tend for good. Time you logged with {person.name} and
          nobody else goes too, and so do plans with only them. Time shared with others stays.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function LastContact({
  status,
  loading,
  error,
}: {
  status: ContactStatusItem | null | undefined;
  loading: boolean;
  error: ApiError | undefined;
}) {
  if (status === undefined) {
    if (error) return <>Could not be worked out: {error.message}</>;
    return <>{loading ? 'Loading…' : ''}</>;
  }
  if (status === null || status.lastContact === null) return <>Nothing logged yet</>;
  const days = status.daysSinceContact;
  const touch = touchOf(status.overdueRatio);
  const cadence = status.cadenceDays;
  return (
    <>
      {days === 0 ? 'Today' : days === 1 ? '1 day ago' : `${days} days ago`} ·{' '}
      <span className={`tag touch touch-${touch}`}>{touchLabel(touch)}</span>{' '}
      {days > cadence ? (
        <span className="overdue">
          {days - cadence} {days - cadence === 1 ? 'day' : 'days'} past your {cadence}-day cadence
        </span>
      ) : days === cadence ? (
        <span>your {cadence}-day cadence is up today</span>
      ) : (
        <span>within your {cadence}-day cadence</span>
      )}
    </>
  );
}

function EditForm({
  connection,
  onSaved,
}: {
  connection: Connection;
  onSaved: () => Promise<void>;
}) {
  const id = useId();
  const [name, setName] = useState(connection.name);
  const [ring, setRing] = useState<Ring>(connection.ring);
  const [cadence, setCadence] = useState(String(connection.cadenceDays));
  const [joys, setJoys] = useState(connection.sharedJoys.join(', '));
  const [notes, setNotes] = useState(connection.notes);
  const { saving, error, status, run } = useSubmit();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      const sharedJoys = [
        ...new Set(
          joys
            .split(',')
            .map((j) => j.trim())
            .filter(Boolean),
        ),
      ];
      const saved = await api.updateConnection(connection.id, {
        name,
        ring,
        cadenceDays: Number(cadence),
        sharedJoys,
        notes,
      });
      await onSaved();
      return `Saved ${saved.name}.`;
    });
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Edit {connection.name}</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="off"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
          {...invalidProps(error, 'name', `${id}-name-error`)}
        />
        <FieldMessage id={`${id}-name-error`} error={error} field="name" />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-ring`}>Closeness</label>
          <select
            id={`${id}-ring`}
            value={ring}
            onChange={(e) => setRing(e.target.value as Ring)}
            {...invalidProps(error, 'ring', `${id}-ring-error`)}
          >
            {RING_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <FieldMessage id={`${id}-ring-error`} error={error} field="ring" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-cadence`}>Contact every (days)</label>
          <input
            id={`${id}-cadence`}
            type="number"
            inputMode="numeric"
            required
            min={1}
            max={3650}
            value={cadence}
            onChange={(e) => setCadence(e.target.value)}
            {...invalidProps(error, 'cadenceDays', `${id}-cadence-error`)}
          />
          <FieldMessage id={`${id}-cadence-error`} error={error} field="cadenceDays" />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-joys`}>Shared joys</label>
        <input
          id={`${id}-joys`}
          type="text"
          autoComplete="off"
          value={joys}
          onChange={(e) => setJoys(e.target.value)}
          {...invalidProps(error, 'sharedJoys', `${id}-joys-error`, `${id}-joys-hint`)}
        />
        <p id={`${id}-joys-hint`} className="hint">
          Separate them with commas, like “hiking, board games”.
        </p>
        <FieldMessage id={`${id}-joys-error`} error={error} field="sharedJoys" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={10000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          {...invalidProps(error, 'notes', `${id}-notes-error`)}
        />
        <FieldMessage id={`${id}-notes-error`} error={error} field="notes" />
      </div>
      <FormFooter error={error} status={status} labels={LABELS}>
        <button type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save changes'}
        </button>
      </FormFooter>
    </form>
  );
}
