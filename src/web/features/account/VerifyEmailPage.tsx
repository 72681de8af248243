import { useEffect, useId, useState } from 'react';
import { type ApiError, accountApi, toApiError } from '../../api.js';
import { Link } from '../../shared/router.js';
import { useRefreshSession, useSession } from '../../shared/session.js';

type Outcome =
  | { kind: 'confirming' }
  | { kind: 'confirmed' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'no-token' };

/**
 * One request per token, however often the page mounts: React's StrictMode
 * mounts it twice, and a link is good for one use only. A failure that may
 * pass (no network, a server error) is forgotten so "Try again" can send it.
 */
const confirmations = new Map<string, Promise<void>>();

function confirmOnce(token: string): Promise<void> {
  let pending = confirmations.get(token);
  if (!pending) {
    pending = accountApi.confirmEmail(token);
    confirmations.set(token, pending);
    pending.catch(() => confirmations.delete(token));
  }
  return pending;
}

/** The token of an emailed link, `/verify-email#token=tend_v_…`. */
function tokenFromAddress(): string | null {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token') || null;
}

const mayPass = (error: ApiError) => error.status === 0 || error.status >= 500;

/**
 * Where the link in a confirmation email leads (hosted mode, signed in or
 * not). The token travels in the fragment, so it never reaches a server log;
 * the page takes it out of the address bar and confirms with one POST, which
 * a mail filter that merely fetches links never sends.
 */
export function VerifyEmailPage() {
  const id = useId();
  const [token] = useState(tokenFromAddress);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>(() =>
    token ? { kind: 'confirming' } : { kind: 'no-token' },
  );
  const refreshSession = useRefreshSession();
  const alreadyConfirmed = useSession().user?.emailVerified ?? false;

  // The token is a secret: off the address bar and out of the history at once.
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for a new try
  useEffect(() => {
    if (!token) return;
    let active = true;
    setOutcome({ kind: 'confirming' });
    confirmOnce(token).then(
      () => {
        if (!active) return;
        setOutcome({ kind: 'confirmed' });
        void refreshSession();
      },
      (error: unknown) => {
        if (active) setOutcome({ kind: 'failed', error: toApiError(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [token, attempt, refreshSession]);

  const confirmed =
    outcome.kind === 'confirmed' || (outcome.kind === 'no-token' && alreadyConfirmed);
  const error = outcome.kind === 'failed' ? outcome.error : undefined;

  return (
    <div className="auth">
      <section aria-labelledby={`${id}-title`} className="card">
        <h2 id={`${id}-title`} className="page-title">
          Confirm your email address
        </h2>
        <div role="status">
          {outcome.kind === 'confirming' ? (
            <p className="muted">Confirming your address…</p>
          ) : confirmed ? (
            <p className="done-note">
              Your address is confirmed; reminder emails can reach you now.
            </p>
          ) : null}
        </div>
        <div role="alert" className="feedback feedback-error">
          {error ? <p>{error.message}</p> : null}
          {outcome.kind === 'no-token' && !alreadyConfirmed ? (
            <p>
              This address holds no confirmation code. Open the link from the email once more,
              whole, or ask for a new one.
            </p>
          ) : null}
        </div>
        {confirmed ? (
          <p>
            Choose when they come, or turn them off, in <Link to="/settings">Settings</Link>.
          </p>
        ) : error && mayPass(error) ? (
          <div className="actions">
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </div>
        ) : outcome.kind !== 'confirming' ? (
          <p>
            <Link to="/account">Ask for a new link on your Account page</Link>.
          </p>
        ) : null}
      </section>
    </div>
  );
}
