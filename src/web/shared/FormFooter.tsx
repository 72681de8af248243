import type { ReactNode } from 'react';
import { type ApiError, fieldOf } from '../api.js';

/**
 * The end of a form: the outcome next to its submit button (`children`): an
 * alert with what went wrong, or a polite status after a save. Both regions
 * stay in the page so assistive technology announces changes to them.
 */
export function FormFooter({
  error,
  status,
  labels,
  children,
}: {
  error: ApiError | undefined;
  status: string;
  /** Field name → its visible label, to name the fields in error messages. */
  labels: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <div className="form-end">
      <div role="alert" className="feedback feedback-error">
        {error ? (
          <>
            <p>
              <strong>Not saved.</strong>{' '}
              {error.fieldErrors.length > 0 ? 'Please check:' : error.message}
            </p>
            {error.fieldErrors.length > 0 ? (
              <ul>
                {error.fieldErrors.map((e) => (
                  <li key={`${e.path}:${e.message}`}>
                    {labels[fieldOf(e.path)] ?? e.path}: {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      <p role="status" className="feedback feedback-ok">
        {status}
      </p>
      <div className="actions">{children}</div>
    </div>
  );
}

/** The server's message for one field, shown under it and linked with `aria-describedby`. */
export function FieldMessage({
  id,
  error,
  field,
}: {
  id: string;
  error: ApiError | undefined;
  field: string;
}) {
  const messages = error?.errorsFor(field) ?? [];
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.map((m) => m.message).join('; ')}
    </p>
  );
}

/** Props that mark an input invalid and point it at its message, when the server rejected it. */
export function invalidProps(
  error: ApiError | undefined,
  field: string,
  messageId: string,
  hintId?: string,
) {
  const invalid = (error?.errorsFor(field).length ?? 0) > 0;
  const describedBy = [hintId, invalid ? messageId : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}
