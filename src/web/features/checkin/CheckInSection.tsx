import { type FormEvent, useId, useRef, useState } from 'react';
import { type ApiError, api } from '../../api.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import { useSubmit } from '../../shared/useSubmit.js';

const LABELS = { stress: 'Stress', loneliness: 'Loneliness', mood: 'Mood', at: 'When' };
const SCALE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * The quick daily check-in: tap a number for stress, one for loneliness, and
 * save — three taps. Mood is optional.
 */
export function CheckInSection({
  onSaved,
  checkedInToday = false,
}: {
  onSaved: () => Promise<void>;
  checkedInToday?: boolean;
}) {
  return (
    <section id="checkin" aria-labelledby="checkin-heading" className="card">
      <h3 id="checkin-heading" className="card-title">
        Check in
      </h3>
      {checkedInToday ? (
        <p className="done-note">
          <span aria-hidden="true">✓ </span>You have checked in today. Thank you. Check in again any
          time things change.
        </p>
      ) : null}
      <p className="lede">
        How are you right now? A quick daily rating helps you notice patterns. This is
        self-tracking, not a diagnosis.
      </p>
      <CheckInForm onSaved={onSaved} />
    </section>
  );
}

function Scale({
  id,
  field,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  field: string;
  label: string;
  value: number | null;
  onChange: (value: number) => void;
  error: ApiError | undefined;
}) {
  const groupId = `${id}-${field}`;
  const invalid = invalidProps(error, field, `${groupId}-error`, `${groupId}-hint`);
  return (
    <fieldset className="field" aria-describedby={invalid['aria-describedby']}>
      <legend>{label}</legend>
      <div className="scale-11">
        {SCALE.map((n) => (
          <label key={n} className="scale-step">
            <input
              type="radio"
              name={groupId}
              value={n}
              checked={value === n}
              onChange={() => onChange(n)}
            />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <p id={`${groupId}-hint`} className="hint scale-ends">
        <span>0 not at all</span>
        <span>10 extremely</span>
      </p>
      <FieldMessage id={`${groupId}-error`} error={error} field={field} />
    </fieldset>
  );
}

function CheckInForm({ onSaved }: { onSaved: () => Promise<void> }) {
  const id = useId();
  const [stress, setStress] = useState<number | null>(null);
  const [loneliness, setLoneliness] = useState<number | null>(null);
  const [mood, setMood] = useState('');
  const { saving, error, status, run } = useSubmit();
  const submitButton = useRef<HTMLButtonElement>(null);
  const missing = stress === null || loneliness === null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (stress === null || loneliness === null) return;
    const saved = await run(async () => {
      const created = await api.createCheckIn({
        stress,
        loneliness,
        mood: mood.trim() === '' ? null : mood.trim(),
        note: '',
      });
      await onSaved();
      return `Check-in saved: stress ${created.stress}, loneliness ${created.loneliness}.`;
    });
    if (saved) {
      setStress(null);
      setLoneliness(null);
      setMood('');
    }
    if (document.activeElement === document.body || document.activeElement === null) {
      submitButton.current?.focus();
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="checkin-heading">
      <Scale
        id={id}
        field="stress"
        label="Stress"
        value={stress}
        onChange={setStress}
        error={error}
      />
      <Scale
        id={id}
        field="loneliness"
        label="Loneliness"
        value={loneliness}
        onChange={setLoneliness}
        error={error}
      />
      <div className="field">
        <label htmlFor={`${id}-mood`}>Mood</label>
        <input
          id={`${id}-mood`}
          type="text"
          autoComplete="off"
          maxLength={40}
          value={mood}
          onChange={(e) => setMood(e.target.value)}
          {...invalidProps(error, 'mood', `${id}-mood-error`, `${id}-mood-hint`)}
        />
        <p id={`${id}-mood-hint`} className="hint">
          Optional, a word or two: calm, tired, hopeful…
        </p>
        <FieldMessage id={`${id}-mood-error`} error={error} field="mood" />
      </div>
      <FormFooter error={error} status={status} labels={LABELS}>
        <button
          ref={submitButton}
          type="submit"
          disabled={saving}
          aria-describedby={missing ? `${id}-needs` : undefined}
        >
          {saving ? 'Saving…' : 'Save check-in'}
        </button>
        {missing ? (
          <span id={`${id}-needs`} className="hint">
            Pick a number for stress and for loneliness.
          </span>
        ) : null}
      </FormFooter>
    </form>
  );
}
