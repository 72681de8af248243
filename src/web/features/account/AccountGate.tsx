import { lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { type ApiError, loadSession, onSignedOut, refreshSession, toApiError } from '../../api.js';
import { navigate, usePath } from '../../shared/router.js';
import { SessionContext, SessionRefreshContext } from '../../shared/session.js';
import type { SessionState } from '../../shared/types.js';
import { HelpPage } from '../help/HelpPage.js';
import { AuthShell } from './AuthShell.js';
import { type SignInNotice, SignInPage } from './SignInPage.js';
import { SignUpPage } from './SignUpPage.js';

const LearnPage = lazy(() =>
  import('../learn/LearnPage.js').then((m) => ({ default: m.LearnPage })),
);
const VerifyEmailPage = lazy(() =>
  import('./VerifyEmailPage.js').then((m) => ({ default: m.VerifyEmailPage })),
);

type Gate =
  | { kind: 'asking' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; session: SessionState };

const AUTH_PATHS = new Set(['/signin', '/signup']);
/**
 * Pages anyone may read without an account: help must never sit behind a
 * login, and an emailed confirmation link works in any browser.
 */
const PUBLIC_PATHS = new Set(['/help', '/learn', '/verify-email']);
const NOTICES = new Set<string>(['signed-out', 'signed-out-everywhere', 'deleted']);

/** A path on this site to return to; anything else (another origin, the sign-in pages) is `/`. */
export function safeReturnPath(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  const path = value.split(/[?#]/, 1)[0] ?? '/';
  return AUTH_PATHS.has(path) ? '/' : value;
}

/** Go to `to` in place of the current entry, so Back does not return to a sign-in page. */
function replaceWith(to: string): void {
  window.history.replaceState(null, '', to);
  navigate(to);
}

/**
 * Asks the server once how this Tend runs. Local mode shows the app as it
 * always was; hosted mode shows it only to a signed-in person, and the
 * sign-in page to anyone else, coming back to the page they were on.
 */
export function AccountGate({ children }: { children: ReactNode }) {
  const [gate, setGate] = useState<Gate>({ kind: 'asking' });
  const path = usePath();

  const ask = useCallback(() => {
    setGate({ kind: 'asking' });
    loadSession().then(
      (session) => setGate({ kind: 'ready', session }),
      (error: unknown) => setGate({ kind: 'failed', error: toApiError(error) }),
    );
  }, []);
  useEffect(() => ask(), [ask]);

  // Quietly: a failed refresh leaves what is shown as it was.
  const refresh = useCallback(async () => {
    try {
      const next = await refreshSession();
      setGate((g) => (g.kind === 'ready' ? { kind: 'ready', session: next } : g));
    } catch {}
  }, []);

  // Any 401 means the session has ended (expired, or signed out elsewhere).
  useEffect(
    () =>
      onSignedOut(() =>
        setGate((g) =>
          g.kind === 'ready' && g.session.mode === 'hosted' && g.session.user
            ? { kind: 'ready', session: { ...g.session, user: null, csrfToken: null } }
            : g,
        ),
      ),
    [],
  );

  const session = gate.kind === 'ready' ? gate.session : undefined;
  const hosted = session?.mode === 'hosted';
  const signedIn = !!session?.user;

  // Keep the address honest: signed out, it names the sign-in page and where to return.
  useEffect(() => {
    if (!hosted) return;
    if (!signedIn && !AUTH_PATHS.has(path) && !PUBLIC_PATHS.has(path)) {
      const here = window.location.pathname + window.location.search;
      replaceWith(`/signin?next=${encodeURIComponent(here)}`);
    } else if (signedIn && AUTH_PATHS.has(path)) {
      replaceWith(safeReturnPath(new URLSearchParams(window.location.search).get('next')));
    }
  }, [hosted, signedIn, path]);

  if (gate.kind === 'asking') {
    return (
      <p className="booting muted" role="status">
        Opening Tend…
      </p>
    );
  }
  if (gate.kind === 'failed') {
    return (
      <AuthShell title="Cannot reach Tend">
        <div className="auth card load-problem">
          <p className="load-error">{gate.error.message}</p>
          <button type="button" className="secondary" onClick={ask}>
            Try again
          </button>
        </div>
      </AuthShell>
    );
  }

  const { session: state } = gate;
  if (state.mode === 'local' || state.user) {
    // Signed in on a sign-in address: the effect above is about to leave it.
    if (state.mode === 'hosted' && AUTH_PATHS.has(path)) return null;
    return (
      <SessionContext.Provider value={state}>
        <SessionRefreshContext.Provider value={refresh}>{children}</SessionRefreshContext.Provider>
      </SessionContext.Provider>
    );
  }

  const onSignedIn = (next: SessionState) => {
    const target = safeReturnPath(new URLSearchParams(window.location.search).get('next'));
    setGate({ kind: 'ready', session: next });
    replaceWith(target);
  };
  if (path === '/help' || path === '/learn') {
    return (
      <AuthShell title={path === '/help' ? 'Help in a crisis' : 'Learn'}>
        <Suspense fallback={<p className="narrow muted">Loading…</p>}>
          {path === '/help' ? <HelpPage /> : <LearnPage />}
        </Suspense>
      </AuthShell>
    );
  }
  if (path === '/verify-email') {
    return (
      <AuthShell title="Confirm your email address">
        <Suspense fallback={<p className="narrow muted">Loading…</p>}>
          <VerifyEmailPage />
        </Suspense>
      </AuthShell>
    );
  }
  if (path === '/signup') return <SignUpPage signup={state.signup} onSignedIn={onSignedIn} />;
  const notice = new URLSearchParams(window.location.search).get('notice') ?? '';
  return (
    <SignInPage
      signup={state.signup}
      notice={NOTICES.has(notice) ? (notice as SignInNotice) : undefined}
      onSignedIn={onSignedIn}
    />
  );
}
