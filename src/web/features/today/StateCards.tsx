import { useId, useState } from 'react';
import { STATE_INFO } from '../../../core/model/about.js';
import type { ApiError } from '../../api.js';
import { channelLabel } from '../../shared/labels.js';
import { formatWhen } from '../../shared/time.js';
import type {
  Contribution,
  DailyState,
  DayExplanation,
  StateExplanation,
  StateName,
} from '../../shared/types.js';
import type { Remote } from '../../shared/useRemote.js';
import { Sparkline } from './Sparkline.js';

const STATES: readonly StateName[] = ['everyday', 'deepBond', 'isolationLoad', 'technologyBalance'];
const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

/** The value shown for a state, 0–100 (technology balance: the in-person share over 7 days, %). */
function stateValue(state: DailyState, name: StateName): number | null {
  if (name === 'technologyBalance') {
    const share = state.technologyBalance.last7.inPersonShare;
    return share === null ? null : share * 100;
  }
  return state[name];
}

function changeText(name: StateName, now: number | null, before: number | null): string {
  if (now === null || before === null) return '';
  const diff = Math.round(now) - Math.round(before);
  const unit = name === 'technologyBalance' ? ' points' : '';
  if (diff === 0) return 'Same as yesterday';
  return `${diff > 0 ? 'Up' : 'Down'} ${Math.abs(diff)}${unit} since yesterday`;
}

/** What a state's number means, in a few words under it. */
function shortNote(name: StateName, state: DailyState): string {
  switch (name) {
    case 'everyday':
      return 'Higher: more everyday contact';
    case 'deepBond':
      return 'Higher: more close moments';
    case 'isolationLoad':
      return 'Lower is better';
    case 'technologyBalance': {
      const week = state.technologyBalance.last7.inPersonShare;
      const month = state.technologyBalance.last30.inPersonShare;
      if (week === null) return 'No time with people in 7 days';
      return month === null
        ? 'Face to face, last 7 days'
        : `Last 7 days; ${Math.round(month * 100)}% over 30`;
    }
  }
}

export function StateCards({
  today,
  days,
  explanation,
  onExplain,
  names,
}: {
  today: DailyState;
  /** Up to 14 days ending today, oldest first; undefined while loading. */
  days: readonly DailyState[] | undefined;
  explanation: Remote<DayExplanation> | undefined;
  onExplain: () => void;
  names: ReadonlyMap<string, string>;
}) {
  return (
    <ul className="state-grid" aria-label="Your four states">
      {STATES.map((name) => (
        <StateCard
          key={name}
          name={name}
          today={today}
          days={days}
          explanation={explanation}
          onExplain={onExplain}
          names={names}
        />
      ))}
    </ul>
  );
}

function StateCard({
  name,
  today,
  days,
  explanation,
  onExplain,
  names,
}: {
  name: StateName;
  today: DailyState;
  days: readonly DailyState[] | undefined;
  explanation: Remote<DayExplanation> | undefined;
  onExplain: () => void;
  names: ReadonlyMap<string, string>;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const info = STATE_INFO[name];
  const value = stateValue(today, name);
  const yesterday = days && days.length > 1 ? days[days.length - 2] : undefined;
  const before = yesterday ? stateValue(yesterday, name) : null;
  const trend = days?.map((d) => (d.tracked ? stateValue(d, name) : null)) ?? [];
  const shown = value === null ? '–' : String(Math.round(value));
  return (
    <li className={`state-card state-${name}`}>
      <h3 id={`${id}-label`} className="state-label">
        {info.label}
      </h3>
      <p className="state-value">
        <span className="state-number">{shown}</span>
        <span className="muted">
          {name === 'technologyBalance' ? (value === null ? '' : '% in person') : ' / 100'}
        </span>
      </p>
      <p className="state-meaning">{shortNote(name, today)}</p>
      <div className="state-trend">
        <Sparkline values={trend} />
        <span className="state-change">
          {changeText(name, value, before)}
          {trend.length > 1 ? (
            <span className="visually-hidden">; trend over 14 days shown as a line.</span>
          ) : null}
        </span>
      </div>
      <button
        type="button"
        className="link-button why"
        aria-expanded={open}
        aria-controls={`${id}-why`}
        onClick={() => {
          if (!open) onExplain();
          setOpen(!open);
        }}
      >
        Why?<span className="visually-hidden"> {info.label}</span>
      </button>
      <div id={`${id}-why`} className="why-panel" hidden={!open}>
        {open ? (
          <Why name={name} explanation={explanation} names={names} onRetry={onExplain} />
        ) : null}
      </div>
    </li>
  );
}

function Why({
  name,
  explanation,
  names,
  onRetry,
}: {
  name: StateName;
  explanation: Remote<DayExplanation> | undefined;
  names: ReadonlyMap<string, string>;
  onRetry: () => void;
}) {
  const info = STATE_INFO[name];
  const body = explanationBody(name, explanation, names, onRetry);
  return (
    <>
      {body}
      <p className="why-about">{info.summary}</p>
      <p className="why-about muted">{info.namedAfter}</p>
    </>
  );
}

function explanationBody(
  name: StateName,
  explanation: Remote<DayExplanation> | undefined,
  names: ReadonlyMap<string, string>,
  onRetry: () => void,
) {
  if (!explanation?.data) {
    if (explanation?.error) return <LoadProblem error={explanation.error} onRetry={onRetry} />;
    return <p className="muted">Loading the reasons…</p>;
  }
  const state: StateExplanation = explanation.data[name];
  const top = state.contributors.slice(0, 3);
  return (
    <>
      <p>{state.rule}</p>
      {top.length > 0 ? (
        <>
          <p className="why-list-title">Moved most by</p>
          <ul className="why-list">
            {top.map((c) => (
              <li key={c.interactionId}>
                <span className="history-title">{whoOf(c, names)}</span>
                <span className="muted">
                  {' '}
                  · {channelLabel(c.channel)} · {formatWhen(c.startedAt)} · {effectOf(state, c)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No logged contact moved it in the last weeks.</p>
      )}
    </>
  );
}

function LoadProblem({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  return (
    <p className="load-error">
      Could not load the reasons: {error.message}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        Try again
      </button>
    </p>
  );
}

function whoOf(c: Contribution, names: ReadonlyMap<string, string>): string {
  return listFormat.format(c.connectionIds.map((id) => names.get(id) ?? 'someone removed'));
}

function effectOf(state: StateExplanation, c: Contribution): string {
  const amount = Math.abs(c.contribution);
  const rounded = amount < 1 ? '<1' : String(Math.round(amount));
  if (state.unit === 'minutes') {
    return `${rounded} min ${c.contribution >= 0 ? 'face to face' : 'on screens or phone'}`;
  }
  return `${c.contribution >= 0 ? '+' : '−'}${rounded} points`;
}
