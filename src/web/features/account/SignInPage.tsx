import { type FormEvent, useId, useState } from 'react';
import { accountApi } from '../../api.js';
import { FieldMessage, invalidProps } from '../../shared/FormFooter.js';
import { Link } from '../../shared/router.js';
import type { SessionState, SignupPolicy } from '../../shared/types.js';
import { useSubmit } from '../../shared/useSubmit.js';
import { AuthShell, EmailField, FormAlert } from './AuthShell.js';

/** Why the sign-in page is shown, when the app sent the person here itself. */
export type SignInNotice = 'signed-out' | 'signed-out-everywhere' | 'deleted';

const NOTICES: Record<SignInNotice, string> = {
  'signed-out': 'You are signed out.',
  'signed-out-everywhere': 'You are signed out everywhere, this browser included.',
  deleted: 'Your account and everything in it have been deleted.',
};

export function SignInPage({
  signup,
  notice,
  onSignedIn,
}: {
  signup: SignupPolicy | null;
  notice: SignInNotice | undefined;
  onSignedIn: (session: SessionState) => void;
}) {
  const id = useId();
  const submit = useSubmit();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    let session: SessionState | undefined;
    const ok = await submit.run(async () => {
      session = await accountApi.logIn({ email, password });
      return '';
    });
    if (ok && session) onSignedIn(session);
  };

  return (
    <AuthShell title="Sign in">
      <div className="auth">
        <section aria-labelledby={`${id}-title`} className="card">
          <h2 id={`${id}-title`} className="page-title">
            Sign in
          </h2>
          <p className="lede">Your people, your log and your check-ins are yours alone.</p>
          {notice ? (
            <p role="status" className="done-note">
              {NOTICES[notice]}
            </p>
          ) : null}
          <form className="form" onSubmit={onSubmit} noValidate>
            <EmailField id={id} value={email} onChange={setEmail} error={submit.error} />
            <div className="field">
              <label htmlFor={`${id}-password`}>Password</label>
              <input
                id={`${id}-password`}
                type="password"
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                {...invalidProps(submit.error, 'password', `${id}-password-error`)}
              />
              <FieldMessage id={`${id}-password-error`} error={submit.error} field="password" />
            </div>
            <FormAlert error={submit.error} />
            <div className="actions">
              <button type="submit" disabled={submit.saving}>
                {submit.saving ? 'Signing in…' : 'Sign in'}
              </button>
            </div>
          </form>
        </section>
        <div className="auth-aside">
          {signup === 'open' || signup === 'invite' ? (
            <p>
              New here? <Link to="/signup">Create an account</Link>
              {signup === 'invite' ? ' with your invite code' : ''}.
            </p>
          ) : null}
          <p className="muted">
            Forgotten your password? Tend cannot send reset emails yet; the person who runs this
            Tend is the one to talk to.
          </p>
        </div>
      </div>
    </AuthShell>
  );
}

/**
 * Leave the app for the sign-in page with a full page load, so nothing of
 * the account stays in this tab's memory either.
 */
export function reloadToSignIn(notice: SignInNotice): void {
  window.location.replace(`/signin?notice=${notice}`);
}
