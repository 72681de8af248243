import { type FormEvent, useEffect, useId, useState } from 'react';
import { accountApi, toApiError } from '../../api.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import { useFreshSession, useRefreshSession } from '../../shared/session.js';
import { formatWhen } from '../../shared/time.js';
import type { SessionInfo } from '../../shared/types.js';
import { type Remote, useRemote } from '../../shared/useRemote.js';
import { useSubmit } from '../../shared/useSubmit.js';
import { ApiTokensSection } from './ApiTokensSection.js';
import { DeleteAccountSection } from './DeleteAccountSection.js';
import { reloadToSignIn } from './SignInPage.js';

const loadSessions = async (signal: AbortSignal) => (await accountApi.sessions(signal)).items;

type Sessions = Remote<SessionInfo[]> & { reload: () => Promise<void> };

/** Hosted mode only: the account's email, password, sessions, API tokens and deletion. */
export function AccountPage() {
  const id = useId();
  const session = useFreshSession();
  const email = session.user?.email ?? '';
  const confirmed = session.user?.emailVerified ?? false;
  const sessions = useRemote(loadSessions);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState('');

  const signOut = async () => {
    setSigningOut(true);
    setSignOutError('');
    try {
      await accountApi.logOut();
      reloadToSignIn('signed-out');
    } catch (error) {
      setSignOutError(toApiError(error).message);
      setSigningOut(false);
    }
  };

  return (
    <div className="narrow">
      <h2 className="page-title">Account</h2>
      <section aria-labelledby={`${id}-you`} className="card account-you">
        <h3 id={`${id}-you`} className="card-title">
          You
        </h3>
        <p className="compact">
          Signed in as <strong className="account-email">{email}</strong>{' '}
          <span className={confirmed ? 'tag email-confirmed' : 'tag email-unconfirmed'}>
            <span className="visually-hidden">(address </span>
            {confirmed ? 'confirmed' : 'not confirmed'}
            <span className="visually-hidden">)</span>
          </span>
        </p>
        {confirmed ? null : <EmailConfirmation emailDelivery={session.emailDelivery} />}
        <div role="alert" className="feedback feedback-error">
          {signOutError ? <p>{signOutError}</p> : null}
        </div>
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={signingOut}
            onClick={() => void signOut()}
          >
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </section>
      <PasswordSection email={email} onChanged={() => void sessions.reload()} />
      <SessionsSection sessions={sessions} />
      <ApiTokensSection />
      <DeleteAccountSection />
    </div>
  );
}

/** Reminder emails go only to a confirmed address: the way to confirm it, if this Tend sends email. */
function EmailConfirmation({ emailDelivery }: { emailDelivery: boolean }) {
  const submit = useSubmit();
  const refreshSession = useRefreshSession();
  // After a 429, the button rests until the server's Retry-After has passed.
  const [waiting, setWaiting] = useState(false);
  const retryAfter = submit.error?.status === 429 ? submit.error.retryAfter : undefined;
  useEffect(() => {
    if (!retryAfter) return;
    setWaiting(true);
    const timer = setTimeout(() => setWaiting(false), retryAfter * 1000);
    return () => clearTimeout(timer);
  }, [retryAfter]);

  if (!emailDelivery) {
    return (
      <p className="hint compact">
        This Tend has no email set up, so it cannot confirm your address or send reminder emails.
      </p>
    );
  }
  const send = () =>
    submit.run(async () => {
      try {
        const { sentTo } = await accountApi.sendEmailConfirmation();
        return `Sent to ${sentTo}; the link works for two days.`;
      } catch (error) {
        // Confirmed meanwhile (another tab), or mail switched off: show what is true now.
        if (toApiError(error).status === 409) void refreshSession();
        throw error;
      }
    });
  return (
    <>
      <p className="hint compact">
        Reminder emails go only to a confirmed address. Tend emails you a link; opening it confirms
        that the address is yours.
      </p>
      <div role="alert" className="feedback feedback-error">
        {submit.error ? <p>{submit.error.message}</p> : null}
      </div>
      <p role="status" className="feedback feedback-ok">
        {submit.status}
      </p>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={submit.saving || waiting}
          onClick={() => void send()}
        >
          {submit.saving ? 'Sending…' : 'Send confirmation link'}
        </button>
      </div>
    </>
  );
}

function PasswordSection({ email, onChanged }: { email: string; onChanged: () => void }) {
  const id = useId();
  const submit = useSubmit();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  // The server names a wrong current password `password`; both names mean this field.
  const currentField = submit.error?.errorsFor('currentPassword').length
    ? 'currentPassword'
    : 'password';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submit.run(async () => {
      await accountApi.changePassword({ currentPassword: current, newPassword: next });
      return 'Password changed. Everywhere else you were signed in has been signed out.';
    });
    if (ok) {
      setCurrent('');
      setNext('');
      onChanged();
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h3 id={`${id}-title`} className="card-title">
        Change password
      </h3>
      <p className="lede">Every other place you are signed in will be signed out.</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        {/* For password managers: which account this new password belongs to. */}
        <input type="email" autoComplete="username" value={email} readOnly hidden />
        <div className="field">
          <label htmlFor={`${id}-current`}>Current password</label>
          <input
            id={`${id}-current`}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            {...invalidProps(submit.error, currentField, `${id}-current-error`)}
          />
          <FieldMessage id={`${id}-current-error`} error={submit.error} field={currentField} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-new`}>New password</label>
          <input
            id={`${id}-new`}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
            {...invalidProps(submit.error, 'newPassword', `${id}-new-error`, `${id}-new-hint`)}
          />
          <p id={`${id}-new-hint`} className="hint">
            At least 10 characters. A few unrelated words are easy to remember and hard to guess.
          </p>
          <FieldMessage id={`${id}-new-error`} error={submit.error} field="newPassword" />
        </div>
        <FormFooter
          error={submit.error}
          status={submit.status}
          labels={{
            currentPassword: 'Current password',
            password: 'Current password',
            newPassword: 'New password',
          }}
        >
          <button type="submit" disabled={submit.saving}>
            {submit.saving ? 'Changing…' : 'Change password'}
          </button>
        </FormFooter>
      </form>
    </section>
  );
}

function SessionsSection({ sessions }: { sessions: Sessions }) {
  const id = useId();
  const submit = useSubmit();

  const endOne = async (session: SessionInfo) => {
    const ok = await submit.run(async () => {
      await accountApi.endSession(session.id);
      return `Signed out ${session.label}.`;
    });
    if (ok) await sessions.reload();
  };

  const endAll = async () => {
    const ok = await submit.run(async () => {
      await accountApi.endAllSessions();
      return 'Signed out everywhere.';
    });
    if (ok) reloadToSignIn('signed-out-everywhere');
  };

  const items = sessions.data ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h3 id={`${id}-title`} className="card-title">
        Where you are signed in
      </h3>
      {sessions.error && !sessions.data ? (
        <div className="load-problem">
          <p className="load-error">Could not load your sessions: {sessions.error.message}</p>
          <button type="button" className="secondary small" onClick={() => void sessions.reload()}>
            Try again
          </button>
        </div>
      ) : !sessions.data ? (
        <p className="muted compact">Loading…</p>
      ) : (
        <ul className="session-list" aria-labelledby={`${id}-title`}>
          {items.map((session) => (
            <li key={session.id} className="session-item">
              <div className="session-text">
                <span className="session-label">
                  {session.label}
                  {session.current ? <span className="tag ring-inner">This browser</span> : null}
                </span>
                <span className="hint">
                  Signed in: {formatWhen(session.createdAt)} · Last active:{' '}
                  {formatWhen(session.lastSeenAt)}
                </span>
              </div>
              {session.current ? null : (
                <button
                  type="button"
                  className="secondary small"
                  disabled={submit.saving}
                  aria-label={`Sign out ${session.label}, last active ${formatWhen(session.lastSeenAt)}`}
                  onClick={() => void endOne(session)}
                >
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="hint compact">
        Lost a phone, or signed in on a computer that is not yours? Signing out everywhere ends
        every session, this one too; your data stays as it is.
      </p>
      <FormFooter error={submit.error} status={submit.status} labels={{}}>
        <button
          type="button"
          className="secondary"
          disabled={submit.saving}
          onClick={() => void endAll()}
        >
          Sign out everywhere
        </button>
      </FormFooter>
    </section>
  );
}
