import { type FormEvent, useId, useRef, useState } from 'react';
import { type ApiError, api } from '../../api.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import { useSubmit } from '../../shared/useSubmit.js';

const LABELS = { stress: 'Stress', loneliness: 'Loneliness', mood: 'Mood', at: 'When' };

export function CheckInSection({ onSaved }: { onSaved: () => Promise<void> }) {
  return (
    <section id="checkin" aria-labelledby="checkin-heading" className="card">
      <h2 id="checkin-heading">Check in</h2>
      <p className="lede">
        How are you right now? A quick daily rating helps you notice patterns. This is
        self-tracking, not a diagnosis.
      </p>
      <CheckInForm onSaved={onSaved} />
    </section>
  );
}

function Rating({
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
  value: number;
  onChange: (value: number) => void;
  error: ApiError | undefined;
}) {
  const inputId = `${id}-${field}`;
  return (
    <div className="field rating">
      <div className="rating-label">
        <label htmlFor={inputId}>{label}</label>
        <span className="rating-value" aria-hidden="true">
          {value}
          <span className="muted"> / 10</span>
        </span>
      </div>
      <input
        id={inputId}
        type="range"
        min={0}
        max={10}
        step={1}
        value={value}
        aria-valuetext={`${value} out of 10`}
        onChange={(e) => onChange(Number(e.target.value))}
        {...invalidProps(error, field, `${inputId}-error`, `${inputId}-hint`)}
      />
      <p id={`${inputId}-hint`} className="hint scale-ends">
        <span>0 not at all</span>
        <span>10 extremely</span>
      </p>
      <FieldMessage id={`${inputId}-error`} error={error} field={field} />
    </div>
  );
}

function CheckInForm({ onSaved }: { onSaved: () => Promise<void> }) {
  const id = useId();
  const [stress, setStress] = useState(5);
  const [loneliness, setLoneliness] = useState(5);
  const [mood, setMood] = useState('');
  const { saving, error, status, run } = useSubmit();
  const submitButton = useRef<HTMLButtonElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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
      setStress(5);
      setLoneliness(5);
      setMood('');
    }
    if (document.activeElement === document.body || document.activeElement === null) {
      submitButton.current?.focus();
    }
  }

  return (
    <form className="form" onSubmit={submit} aria-labelledby="checkin-heading">
      <Rating
        id={id}
        field="stress"
        label="Stress"
        value={stress}
        onChange={setStress}
        error={error}
      />
      <Rating
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
        <button ref={submitButton} type="submit" disabled={saving}>
          {saving ? 'Saving…' : 'Save check-in'}
        </button>
      </FormFooter>
    </form>
  );
}
