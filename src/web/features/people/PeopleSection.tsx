import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import { RING_OPTIONS, RING_ORDER, ringLabel } from '../../shared/labels.js';
import { Link } from '../../shared/router.js';
import type { Connection, ContactStatus, Ring } from '../../shared/types.js';
import { type Remote, useRemote } from '../../shared/useRemote.js';
import { useSubmit } from '../../shared/useSubmit.js';
import { cadenceText, sinceText, statusLabel, TOUCH_LEVELS, touchOf } from './touch.js';

const LABELS = { name: 'Name', kind: 'Person or pet', ring: 'Closeness' };

const loadStatus = (signal: AbortSignal) => api.contactStatus(signal);

export function PeopleSection({
  connections,
  onChanged,
}: {
  connections: Remote<Connection[]>;
  onChanged: () => Promise<void>;
}) {
  const status = useRemote(loadStatus);
  return (
    <section id="people" aria-labelledby="people-heading" className="card">
      <h2 id="people-heading">People</h2>
      <p className="lede">The people and animals you delight in. Even one helps.</p>
      <PeopleList connections={connections} status={status} />
      <AddConnectionForm
        onAdded={async () => {
          await Promise.all([onChanged(), status.reload()]);
        }}
      />
    </section>
  );
}

type View = 'closeness' | 'touch';

interface Filters {
  q: string;
  ring: Ring | '';
  kind: 'person' | 'pet' | '';
  due: boolean;
  view: View;
}

const NO_FILTERS: Filters = { q: '', ring: '', kind: '', due: false, view: 'closeness' };

/** Filters live in the address too, so a reload or a shared link keeps them. */
function filtersFromAddress(): Filters {
  const params = new URLSearchParams(window.location.search);
  const ring = params.get('ring');
  const kind = params.get('kind');
  return {
    q: params.get('q') ?? '',
    ring: RING_OPTIONS.some((o) => o.value === ring) ? (ring as Ring) : '',
    kind: kind === 'person' || kind === 'pet' ? kind : '',
    due: params.get('due') === '1',
    view: params.get('view') === 'touch' ? 'touch' : 'closeness',
  };
}

function writeAddress(filters: Filters): void {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.ring) params.set('ring', filters.ring);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.due) params.set('due', '1');
  if (filters.view === 'touch') params.set('view', 'touch');
  const query = params.toString();
  const next = `${window.location.pathname}${query ? `?${query}` : ''}`;
  if (next !== window.location.pathname + window.location.search) {
    window.history.replaceState(window.history.state, '', next);
  }
}

/** Lower case without accents, so "zoe" finds "Zoë". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function byCloseness(a: Connection, b: Connection): number {
  return RING_ORDER[a.ring] - RING_ORDER[b.ring] || a.name.localeCompare(b.name);
}

function PeopleList({
  connections,
  status,
}: {
  connections: Remote<Connection[]>;
  status: Remote<ContactStatus>;
}) {
  const id = useId();
  const [filters, setFilters] = useState<Filters>(filtersFromAddress);
  const update = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  useEffect(() => writeAddress(filters), [filters]);

  const { data, error, loading } = connections;
  if (!data) {
    if (error) return <p className="load-error">Could not load your people: {error.message}</p>;
    return <p className="muted">{loading ? 'Loading…' : ''}</p>;
  }
  if (data.length === 0) {
    return (
      <p className="empty">
        No one here yet. Add someone you enjoy time with below: a friend, family, a neighbour, or a
        pet.
      </p>
    );
  }

  const statusById = new Map((status.data?.items ?? []).map((s) => [s.connectionId, s]));
  const needle = fold(filters.q.trim());
  const shown = data.filter((c) => {
    if (needle && !fold(c.name).includes(needle)) return false;
    if (filters.ring && c.ring !== filters.ring) return false;
    if (filters.kind && c.kind !== filters.kind) return false;
    if (filters.due) {
      const s = statusById.get(c.id);
      if (!s || s.overdueRatio < 1) return false;
    }
    return true;
  });
  if (filters.view === 'touch') {
    const ratio = (c: Connection) => statusById.get(c.id)?.overdueRatio ?? -1;
    shown.sort((a, b) => ratio(b) - ratio(a) || byCloseness(a, b));
  } else {
    shown.sort(byCloseness);
  }
  const filtered = filters.q !== '' || filters.ring !== '' || filters.kind !== '' || filters.due;

  return (
    <>
      <search className="people-filters" aria-label="Find people">
        <div className="field people-search">
          <label htmlFor={`${id}-q`}>Search by name</label>
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            value={filters.q}
            onChange={(e) => update({ q: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-ring`}>Closeness</label>
          <select
            id={`${id}-ring`}
            value={filters.ring}
            onChange={(e) => update({ ring: e.target.value as Ring | '' })}
          >
            <option value="">Any closeness</option>
            {RING_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.short}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Person or pet</label>
          <select
            id={`${id}-kind`}
            value={filters.kind}
            onChange={(e) => update({ kind: e.target.value as Filters['kind'] })}
          >
            <option value="">People and pets</option>
            <option value="person">People</option>
            <option value="pet">Pets</option>
          </select>
        </div>
        <label className="choice people-due">
          <input
            type="checkbox"
            checked={filters.due}
            onChange={(e) => update({ due: e.target.checked })}
          />
          <span>Only those due a contact</span>
        </label>
        <fieldset className="field people-view">
          <legend>Order</legend>
          <div className="choices">
            {(
              [
                ['closeness', 'By closeness'],
                ['touch', 'Losing touch first'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name={`${id}-view`}
                  value={value}
                  checked={filters.view === value}
                  onChange={() => update({ view: value })}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </search>

      <p role="status" className="people-count">
        {filtered ? `Showing ${shown.length} of ${data.length}.` : ''}
        {status.error ? ` Days since contact could not be loaded: ${status.error.message}` : ''}
      </p>

      {filters.view === 'touch' ? <TouchLegend /> : null}

      {shown.length === 0 ? (
        <p className="empty">
          No one matches these filters.{' '}
          <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>
            Clear the filters
          </button>
        </p>
      ) : (
        <ul
          className={`people-list${filters.view === 'touch' ? ' by-touch' : ''}`}
          aria-label="Your people"
        >
          {shown.map((c) => {
            const s = statusById.get(c.id);
            const touch = s ? touchOf(s.overdueRatio) : undefined;
            return (
              <li
                key={c.id}
                className={filters.view === 'touch' && touch ? `touch-${touch}` : undefined}
              >
                <Link to={`/people/${encodeURIComponent(c.id)}`} className="person-name">
                  {c.name}
                </Link>
                <span className="tags">
                  {filters.view === 'touch' && touch ? (
                    <span className={`tag touch touch-${touch}`}>{s ? statusLabel(s) : null}</span>
                  ) : null}
                  <span className={`tag ring-${c.ring}`}>{ringLabel(c.ring)}</span>
                  <span className="tag">{c.kind === 'pet' ? 'Pet' : 'Person'}</span>
                </span>
                {s ? (
                  <span className="person-since">
                    {sinceText(s)} · {cadenceText(s.cadenceDays)}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function TouchLegend() {
  return (
    <ul className="touch-legend" aria-label="What the colours mean">
      {TOUCH_LEVELS.map((t) => (
        <li key={t.value}>
          <span className={`tag touch touch-${t.value}`}>{t.label}</span> {t.meaning}
        </li>
      ))}
    </ul>
  );
}

function AddConnectionForm({ onAdded }: { onAdded: () => Promise<void> }) {
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'person' | 'pet'>('person');
  const [ring, setRing] = useState<Ring>('friends');
  const { saving, error, status, run } = useSubmit();
  const nameInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await run(async () => {
      const created = await api.createConnection({ name, kind, ring });
      await onAdded();
      return `Added ${created.name} to ${ringLabel(created.ring).toLowerCase()}.`;
    });
    if (saved) {
      setName('');
      setKind('person');
      setRing('friends');
    }
    // Saving disabled the button and so dropped focus; put it where the next entry starts.
    nameInput.current?.focus();
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Add someone</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          ref={nameInput}
          id={`${id}-name`}
          name="name"
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
        <fieldset
          className="field"
          aria-describedby={error?.errorsFor('kind').length ? `${id}-kind-error` : undefined}
        >
          <legend>Person or pet</legend>
          <div className="choices">
            {(['person', 'pet'] as const).map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={value}
                  checked={kind === value}
                  onChange={() => setKind(value)}
                />
                <span>{value === 'person' ? 'Person' : 'Pet'}</span>
              </label>
            ))}
          </div>
          <FieldMessage id={`${id}-kind-error`} error={error} field="kind" />
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-ring`}>Closeness</label>
          <select
            id={`${id}-ring`}
            name="ring"
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
      </div>
      <FormFooter error={error} status={status} labels={LABELS}>
        <button type="submit" disabled={saving}>
          {saving ? 'Adding…' : 'Add'}
        </button>
      </FormFooter>
    </form>
  );
}
