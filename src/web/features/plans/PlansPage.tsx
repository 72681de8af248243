import { type FormEvent, type ReactNode, useCallback, useId, useRef, useState } from 'react';
import { ApiError, api, toApiError } from '../../api.js';
import { CheckboxChips } from '../../shared/Choices.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import { RING_ORDER } from '../../shared/labels.js';
import { Link } from '../../shared/router.js';
import { formatMinutes, formatWhen, localInputToInstant, nowForInput } from '../../shared/time.js';
import type { Connection, Plan } from '../../shared/types.js';
import { type Remote, useRemote } from '../../shared/useRemote.js';
import { useSubmit } from '../../shared/useSubmit.js';

const LABELS = {
  title: 'What',
  connectionIds: 'With whom',
  startsAt: 'When',
  location: 'Where',
  durationMinutes: 'Minutes',
  note: 'Note',
};

interface Draft {
  title: string;
  connectionIds: string[];
  when: string;
  location: string;
  minutes: string;
  note: string;
}

const EMPTY: Draft = {
  title: '',
  connectionIds: [],
  when: '',
  location: '',
  minutes: '',
  note: '',
};

function invalid(path: string, message: string): ApiError {
  return new ApiError('Please check the form.', {
    status: 0,
    title: 'invalid input',
    fieldErrors: [{ path, message }],
  });
}

/** Plans from the start of the current minute on, soonest first. */
const loadPlans = (signal: AbortSignal) => {
  const now = new Date();
  now.setSeconds(0, 0);
  return api.upcomingPlans(now.toISOString(), signal).then((page) => page.items);
};

export function PlansPage({
  connections,
  onLogged,
}: {
  connections: Remote<Connection[]>;
  /** A plan became an interaction. */
  onLogged: () => void;
}) {
  const plans = useRemote(loadPlans);
  const names = new Map((connections.data ?? []).map((c) => [c.id, c] as const));

  return (
    <div className="narrow">
      <section aria-labelledby="plans-heading" className="card">
        <h2 id="plans-heading">Plans</h2>
        <p className="lede">
          Plan time together: a walk, a meal, a game. Looking forward to it is part of the joy.
        </p>
        <PlanForm connections={connections} onPlanned={plans.reload} />
      </section>
      <section aria-labelledby="upcoming-heading" className="card">
        <h2 id="upcoming-heading">Upcoming</h2>
        <PlanList plans={plans} names={names} reload={plans.reload} onLogged={onLogged} />
      </section>
    </div>
  );
}

function PlanForm({
  connections,
  onPlanned,
}: {
  connections: Remote<Connection[]>;
  onPlanned: () => Promise<void>;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const { saving, error, status, run } = useSubmit();
  const titleInput = useRef<HTMLInputElement>(null);
  const update = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));
  const people = [...(connections.data ?? [])].sort(
    (a, b) => RING_ORDER[a.ring] - RING_ORDER[b.ring] || a.name.localeCompare(b.name),
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await run(async () => {
      const startsAt = localInputToInstant(draft.when);
      if (!startsAt) throw invalid('startsAt', 'choose a date and time');
      if (draft.connectionIds.length === 0)
        throw invalid('connectionIds', 'choose at least one person');
      const minutes = draft.minutes.trim() === '' ? null : Number(draft.minutes);
      const created = await api.createPlan({
        title: draft.title,
        connectionIds: draft.connectionIds,
        startsAt,
        location: draft.location.trim() === '' ? null : draft.location,
        durationMinutes: minutes,
        note: draft.note,
      });
      await onPlanned();
      return `Planned “${created.title}” for ${formatWhen(created.startsAt)}.`;
    });
    if (saved) setDraft(EMPTY);
    titleInput.current?.focus();
  }

  const groupError = (field: string) =>
    error?.errorsFor(field).length ? `${id}-${field}-error` : undefined;

  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Plan something together</h3>
      <div className="field">
        <label htmlFor={`${id}-what`}>What</label>
        <input
          ref={titleInput}
          id={`${id}-what`}
          name="title"
          type="text"
          autoComplete="off"
          required
          maxLength={200}
          value={draft.title}
          onChange={(e) => update({ title: e.target.value })}
          {...invalidProps(error, 'title', `${id}-title-error`)}
        />
        <FieldMessage id={`${id}-title-error`} error={error} field="title" />
      </div>
      <fieldset className="field" aria-describedby={groupError('connectionIds')}>
        <legend>With whom</legend>
        {people.length === 0 ? (
          <p className="empty">
            {connections.loading ? (
              'Loading your people…'
            ) : connections.error ? (
              `Could not load your people: ${connections.error.message}`
            ) : (
              <>
                No one to plan with yet. <Link to="/people">Add someone on People</Link>.
              </>
            )}
          </p>
        ) : (
          <CheckboxChips
            name="connectionIds"
            options={people.map((p) => ({ value: p.id, label: p.name }))}
            selected={draft.connectionIds}
            onChange={(connectionIds) => setDraft((d) => ({ ...d, connectionIds }))}
          />
        )}
        <FieldMessage id={`${id}-connectionIds-error`} error={error} field="connectionIds" />
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-when`}>When</label>
          <input
            id={`${id}-when`}
            name="startsAt"
            type="datetime-local"
            required
            min={nowForInput()}
            value={draft.when}
            onChange={(e) => update({ when: e.target.value })}
            {...invalidProps(error, 'startsAt', `${id}-startsAt-error`)}
          />
          <FieldMessage id={`${id}-startsAt-error`} error={error} field="startsAt" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>Minutes (optional)</label>
          <input
            id={`${id}-minutes`}
            name="durationMinutes"
            type="number"
            inputMode="numeric"
            min={0}
            max={10080}
            value={draft.minutes}
            onChange={(e) => update({ minutes: e.target.value })}
            {...invalidProps(error, 'durationMinutes', `${id}-durationMinutes-error`)}
          />
          <FieldMessage id={`${id}-durationMinutes-error`} error={error} field="durationMinutes" />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-where`}>Where (optional)</label>
        <input
          id={`${id}-where`}
          name="location"
          type="text"
          maxLength={200}
          value={draft.location}
          onChange={(e) => update({ location: e.target.value })}
          {...invalidProps(error, 'location', `${id}-location-error`)}
        />
        <FieldMessage id={`${id}-location-error`} error={error} field="location" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={2}
          maxLength={10000}
          value={draft.note}
          onChange={(e) => update({ note: e.target.value })}
          {...invalidProps(error, 'note', `${id}-note-error`)}
        />
        <FieldMessage id={`${id}-note-error`} error={error} field="note" />
      </div>
      <FormFooter error={error} status={status} labels={LABELS}>
        <button type="submit" disabled={saving}>
          {saving ? 'Planning…' : 'Plan it'}
        </button>
      </FormFooter>
    </form>
  );
}

function PlanList({
  plans,
  names,
  reload,
  onLogged,
}: {
  plans: Remote<Plan[]>;
  names: Map<string, Connection>;
  reload: () => Promise<void>;
  onLogged: () => void;
}) {
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Plan | null>(null);
  const [deleteError, setDeleteError] = useState<string | undefined>(undefined);

  const act = useCallback(
    async (plan: Plan, action: () => Promise<string>) => {
      setBusyId(plan.id);
      setMessage('');
      setProblem('');
      try {
        setMessage(await action());
        await reload();
        return true;
      } catch (e) {
        setProblem(`“${plan.title}”: ${toApiError(e).message}`);
        return false;
      } finally {
        setBusyId(null);
      }
    },
    [reload],
  );

  const { data, error, loading } = plans;
  let body: ReactNode;
  if (!data) {
    body = error ? (
      <p className="load-error">Could not load your plans: {error.message}</p>
    ) : (
      <p className="muted">{loading ? 'Loading…' : ''}</p>
    );
  } else if (data.length === 0) {
    body = <p className="empty">Nothing planned yet. Plan something above.</p>;
  } else {
    body = (
      <ul className="plan-list" aria-label="Upcoming plans">
        {data.map((plan) => {
          const people = plan.connectionIds.map((cid) => names.get(cid));
          return (
            <li key={plan.id} className="plan-item">
              <div className="history-head">
                <span className="history-title">{plan.title}</span>
                <time dateTime={plan.startsAt}>{formatWhen(plan.startsAt)}</time>
              </div>
              <div className="history-details">
                With{' '}
                {people.map((p, i) => (
                  <span key={plan.connectionIds[i]}>
                    {i > 0 ? ', ' : ''}
                    {p ? <Link to={`/people/${p.id}`}>{p.name}</Link> : 'someone'}
                  </span>
                ))}
                {plan.location ? ` · at ${plan.location}` : ''}
                {plan.durationMinutes ? ` · ${formatMinutes(plan.durationMinutes)}` : ''}
              </div>
              {plan.note ? <p className="history-note">{plan.note}</p> : null}
              {plan.status === 'done' ? (
                <p className="tags">
                  <span className="tag ring-inner">Done · logged as time together</span>
                </p>
              ) : plan.status === 'cancelled' ? (
                <p className="tags">
                  <span className="tag">Cancelled</span>
                </p>
              ) : null}
              <div className="actions">
                {plan.status === 'planned' ? (
                  <>
                    <button
                      type="button"
                      className="small"
                      disabled={busyId === plan.id}
                      aria-label={`Mark “${plan.title}” done`}
                      onClick={() =>
                        void act(plan, async () => {
                          await api.setPlanStatus(plan.id, 'done');
                          onLogged();
                          return `“${plan.title}” is done and logged as time together.`;
                        })
                      }
                    >
                      Mark done
                    </button>
                    <button
                      type="button"
                      className="small secondary"
                      disabled={busyId === plan.id}
                      aria-label={`Cancel “${plan.title}”`}
                      onClick={() =>
                        void act(plan, async () => {
                          await api.setPlanStatus(plan.id, 'cancelled');
                          return `“${plan.title}” is cancelled.`;
                        })
                      }
                    >
                      Cancel
                    </button>
                  </>
                ) : null}
                <button
                  type="button"
                  className="small secondary"
                  disabled={busyId === plan.id}
                  aria-label={`Delete “${plan.title}”`}
                  onClick={() => {
                    setDeleteError(undefined);
                    setConfirming(plan);
                  }}
                >
                  Delete
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <>
      {error && data ? (
        <p className="load-error">Could not refresh your plans: {error.message}</p>
      ) : null}
      <div role="alert" className="feedback feedback-error">
        {problem}
      </div>
      <p role="status" className="feedback feedback-ok">
        {message}
      </p>
      {body}
      <ConfirmDialog
        open={confirming !== null}
        title="Delete this plan?"
        confirmLabel="Delete plan"
        busyLabel="Deleting…"
        busy={busyId !== null && busyId === confirming?.id}
        error={deleteError}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const plan = confirming;
          if (!plan) return;
          setBusyId(plan.id);
          api
            .deletePlan(plan.id)
            .then(async () => {
              setConfirming(null);
              setMessage(`Deleted “${plan.title}”.`);
              await reload();
            })
            .catch((e: unknown) => setDeleteError(toApiError(e).message))
            .finally(() => setBusyId(null));
        }}
      >
        <p>
          “{confirming?.title}” will be removed for good. If it was already done, the time you
          logged together stays in your history.
        </p>
      </ConfirmDialog>
    </>
  );
}
