import { type ReactNode, useEffect } from 'react';
import type { ApiError } from '../../api.js';
import { Brand } from '../../shared/Brand.js';
import { FieldMessage, invalidProps } from '../../shared/FormFooter.js';
import { Link } from '../../shared/router.js';

/** The frame of the pages seen before signing in: the name, the page, the way to help. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Tend`;
  }, [title]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Brand />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Tend is not medical advice. <Link to="/help">Help in a crisis</Link> ·{' '}
          <Link to="/learn">The science behind Tend</Link>
        </p>
      </footer>
    </>
  );
}

/** Whole minutes to wait, rounded up, from a Retry-After in seconds. */
function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return n === 1 ? '1 minute' : `${n} minutes`;
}

/** What to tell a person whose request failed, without saying more than the server did. */
export function problemText(error: ApiError): string {
  if (error.status === 429) {
    return error.retryAfter
      ? `Too many attempts. For your account’s safety, please wait ${minutes(error.retryAfter)} and try again.`
      : error.message;
  }
  // A validation summary repeats the field's own message in the server's terms; a refusal
  // ("this invite code is not valid") says more than its field note does.
  if (error.status === 400 && error.fieldErrors.length > 0) {
    return error.fieldErrors.length > 1
      ? 'Please check the fields marked above.'
      : 'Please check the field marked above.';
  }
  return error.message;
}

/**
 * The outcome of an account form. The region stays in the page, so a new
 * message is announced; the field a message is about shows its own too.
 */
export function FormAlert({ error }: { error: ApiError | undefined }) {
  return (
    <div role="alert" className="feedback feedback-error">
      {error ? <p>{problemText(error)}</p> : null}
    </div>
  );
}

/** The email field of the sign-in and sign-up forms, with the server's error for it. */
export function EmailField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: ApiError | undefined;
}) {
  return (
    <div className="field">
      <label htmlFor={`${id}-email`}>Email</label>
      <input
        id={`${id}-email`}
        type="email"
        name="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        {...invalidProps(error, 'email', `${id}-email-error`)}
      />
      <FieldMessage id={`${id}-email-error`} error={error} field="email" />
    </div>
  );
}
