import { type FormEvent, useId, useState } from 'react';
import { accountApi } from '../../api.js';
import { FieldMessage, invalidProps } from '../../shared/FormFooter.js';
import { Link } from '../../shared/router.js';
import type { SessionState, SignupPolicy } from '../../shared/types.js';
import { useSubmit } from '../../shared/useSubmit.js';
import { AuthShell, EmailField, FormAlert } from './AuthShell.js';

function inviteFromAddress(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('invite');
  const fromQuery = new URLSearchParams(window.location.search).get('invite');
  const code = fromHash ?? fromQuery ?? '';
  if (code) window.history.replaceState(window.history.state, '', window.location.pathname);
  return code;
}

/** The browser's IANA zone, so a new account's days start at the person's own midnight. */
function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

export function SignUpPage({
  signup,
  onSignedIn,
}: {
  signup: SignupPolicy | null;
  onSignedIn: (session: SessionState) => void;
}) {
  const id = useId();
  const submit = useSubmit();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // An invite link from `tend invite` carries the code in the fragment
  // (`/signup#invite=…`), which never reaches the server or its logs.
  const [invite, setInvite] = useState(inviteFromAddress);
  const byInvite = signup === 'invite';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    let session: SessionState | undefined;
    const ok = await submit.run(async () => {
      session = await accountApi.signUp({
        email,
        password,
        ...(byInvite ? { invite: invite.trim() } : {}),
        ...(browserTimeZone() ? { timeZone: browserTimeZone() } : {}),
      });
      return '';
    });
    if (ok && session) onSignedIn(session);
  };

  if (signup !== 'open' && signup !== 'invite') {
    return (
      <AuthShell title="Create an account">
        <div className="auth">
          <section aria-labelledby={`${id}-title`} className="card">
            <h2 id={`${id}-title`} className="page-title">
              Create an account
            </h2>
            <p className="lede">
              This Tend is not taking new accounts at the moment. If you were expecting to join, the
              person who runs it can tell you more.
            </p>
            <p className="compact">
              Already have an account? <Link to="/signin">Sign in</Link>.
            </p>
          </section>
        </div>
      </AuthShell>
    );
  }

  return (
    <AuthShell title="Create an account">
      <div className="auth">
        <section aria-labelledby={`${id}-title`} className="card">
          <h2 id={`${id}-title`} className="page-title">
            Create an account
          </h2>
          <p className="lede">
            A private place for your people, your time together and how you are doing. Only you can
            see what you put in.
          </p>
          <form className="form" onSubmit={onSubmit} noValidate>
            <EmailField id={id} value={email} onChange={setEmail} error={submit.error} />
            <div className="field">
              <label htmlFor={`${id}-password`}>Password</label>
              <input
                id={`${id}-password`}
                type="password"
                name="new-password"
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                {...invalidProps(
                  submit.error,
                  'password',
                  `${id}-password-error`,
                  `${id}-password-hint`,
                )}
              />
              <p id={`${id}-password-hint`} className="hint">
                At least 10 characters. A few unrelated words are easy to remember and hard to
                guess.
              </p>
              <FieldMessage id={`${id}-password-error`} error={submit.error} field="password" />
            </div>
            {byInvite ? (
              <div className="field">
                <label htmlFor={`${id}-invite`}>Invite code</label>
                <input
                  id={`${id}-invite`}
                  type="text"
                  name="invite"
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={invite}
                  onChange={(event) => setInvite(event.target.value)}
                  {...invalidProps(
                    submit.error,
                    'invite',
                    `${id}-invite-error`,
                    `${id}-invite-hint`,
                  )}
                />
                <p id={`${id}-invite-hint`} className="hint">
                  This Tend takes new accounts by invitation: the code comes from the person who
                  runs it.
                </p>
                <FieldMessage id={`${id}-invite-error`} error={submit.error} field="invite" />
              </div>
            ) : null}
            <FormAlert error={submit.error} />
            <div className="actions">
              <button type="submit" disabled={submit.saving}>
                {submit.saving ? 'Creating your account…' : 'Create account'}
              </button>
            </div>
          </form>
        </section>
        <div className="auth-aside">
          <p>
            Already have an account? <Link to="/signin">Sign in</Link>.
          </p>
        </div>
      </div>
    </AuthShell>
  );
}
