import { type FormEvent, useId, useRef, useState } from 'react';
import { api } from '../../api.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import { RING_OPTIONS, RING_ORDER, ringLabel } from '../../shared/labels.js';
import { Link } from '../../shared/router.js';
import type { Connection, Ring } from '../../shared/types.js';
import type { Remote } from '../../shared/useRemote.js';
import { useSubmit } from '../../shared/useSubmit.js';

const LABELS = { name: 'Name', kind: 'Person or pet', ring: 'Closeness' };

export function PeopleSection({
  connections,
  onChanged,
}: {
  connections: Remote<Connection[]>;
  onChanged: () => Promise<void>;
}) {
  return (
    <section id="people" aria-labelledby="people-heading" className="card">
      <h2 id="people-heading">People</h2>
      <p className="lede">The people and animals you delight in. Even one helps.</p>
      <PeopleList connections={connections} />
      <AddConnectionForm onAdded={onChanged} />
    </section>
  );
}

function byCloseness(a: Connection, b: Connection): number {
  return RING_ORDER[a.ring] - RING_ORDER[b.ring] || a.name.localeCompare(b.name);
}

function PeopleList({ connections }: { connections: Remote<Connection[]> }) {
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
  return (
    <ul className="people-list" aria-label="Your people">
      {[...data].sort(byCloseness).map((c) => (
        <li key={c.id}>
          <Link to={`/people/${encodeURIComponent(c.id)}`} className="person-name">
            {c.name}
          </Link>
          <span className="tags">
            <span className={`tag ring-${c.ring}`}>{ringLabel(c.ring)}</span>
            <span className="tag">{c.kind === 'pet' ? 'Pet' : 'Person'}</span>
          </span>
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
