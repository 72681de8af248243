import { type FormEvent, useId, useRef, useState } from 'react';
import { ApiError, accountApi, toApiError } from '../../api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { FieldMessage, invalidProps } from '../../shared/FormFooter.js';
import { Link } from '../../shared/router.js';
import { reloadToSignIn } from './SignInPage.js';

/** Deleting the account: the password first, then a dialog that says what it means. */
export function DeleteAccountSection() {
  const id = useId();
  const passwordInput = useRef<HTMLInputElement>(null);
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (password === '') {
      setError(
        new ApiError('Enter your password to delete your account.', {
          status: 0,
          title: 'missing password',
          fieldErrors: [{ path: 'password', message: 'is needed to delete the account' }],
        }),
      );
      passwordInput.current?.focus();
      return;
    }
    setConfirming(true);
  };

  const onConfirm = async () => {
    setBusy(true);
    try {
      await accountApi.deleteAccount(password);
      reloadToSignIn('deleted');
    } catch (failure) {
      const problem = toApiError(failure);
      setBusy(false);
      setConfirming(false);
      setError(problem);
      if (problem.fieldErrors.length > 0) passwordInput.current?.focus();
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card danger-zone">
      <h3 id={`${id}-title`} className="card-title">
        Delete your account
      </h3>
      <p className="lede">
        This deletes your account and everything in it — your people, time together, check-ins,
        plans and settings — for good. Nobody can bring it back, not even whoever runs this Tend.
      </p>
      <p className="compact">
        Want a copy first? <Link to="/settings">Download a full backup in Settings</Link>; you can
        restore it into any Tend later.
      </p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-password`}>Your password</label>
          <input
            ref={passwordInput}
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            {...invalidProps(error, 'password', `${id}-password-error`)}
          />
          <FieldMessage id={`${id}-password-error`} error={error} field="password" />
        </div>
        <div role="alert" className="feedback feedback-error">
          {error ? <p>{error.message}</p> : null}
        </div>
        <div className="actions">
          <button type="submit" className="danger">
            Delete my account…
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title="Delete your account for good?"
        confirmLabel="Delete my account"
        busyLabel="Deleting…"
        busy={busy}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Your account, your people, your log, your check-ins and your plans will be gone at once
          and for good. This cannot be undone.
        </p>
        <p className="compact">
          If you might want any of it later, keep your account for now and download a backup in{' '}
          <Link to="/settings" onClick={() => setConfirming(false)}>
            Settings
          </Link>{' '}
          first.
        </p>
      </ConfirmDialog>
    </section>
  );
}
