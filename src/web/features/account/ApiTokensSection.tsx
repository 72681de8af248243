import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { accountApi, toApiError } from '../../api.js';
import { ConfirmDialog } from '../../shared/ConfirmDialog.js';
import { FieldMessage, FormFooter, invalidProps } from '../../shared/FormFooter.js';
import { formatWhen } from '../../shared/time.js';
import type { ApiToken, NewApiToken } from '../../shared/types.js';
import { useRemote } from '../../shared/useRemote.js';
import { useSubmit } from '../../shared/useSubmit.js';

const loadTokens = async (signal: AbortSignal) => (await accountApi.tokens(signal)).items;

/** Personal API tokens for scripts and the `tend` command line on another machine. */
export function ApiTokensSection() {
  const id = useId();
  const tokens = useRemote(loadTokens);
  const submit = useSubmit();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revokeBusy, setRevokeBusy] = useState(false);
  const [revokeError, setRevokeError] = useState<string | undefined>(undefined);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    let made: NewApiToken | undefined;
    const ok = await submit.run(async () => {
      made = await accountApi.createToken(name.trim());
      return '';
    });
    if (ok && made) {
      setCreated(made);
      setName('');
      await tokens.reload();
    }
  };

  const onRevoke = async () => {
    if (!revoking) return;
    setRevokeBusy(true);
    setRevokeError(undefined);
    try {
      await accountApi.revokeToken(revoking.id);
      if (created?.id === revoking.id) setCreated(null);
      setRevoking(null);
      await tokens.reload();
    } catch (error) {
      setRevokeError(toApiError(error).message);
    } finally {
      setRevokeBusy(false);
    }
  };

  const items = tokens.data ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h3 id={`${id}-title`} className="card-title">
        API tokens
      </h3>
      <p className="lede">
        For scripts and the <code>tend</code> command line on another computer. A token can read and
        change everything in your Tend except this account, so keep it like a password.
      </p>
      <form className="form" onSubmit={onCreate} noValidate>
        <div className="field">
          <label htmlFor={`${id}-name`}>Token name</label>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.target.value)}
            {...invalidProps(submit.error, 'name', `${id}-name-error`, `${id}-name-hint`)}
          />
          <p id={`${id}-name-hint`} className="hint">
            So you know it again later, such as “Laptop” or “Backup script”.
          </p>
          <FieldMessage id={`${id}-name-error`} error={submit.error} field="name" />
        </div>
        <FormFooter error={submit.error} status="" labels={{ name: 'Token name' }}>
          <button type="submit" disabled={submit.saving}>
            {submit.saving ? 'Creating…' : 'Create token'}
          </button>
        </FormFooter>
      </form>
      {created ? <NewToken token={created} onDone={() => setCreated(null)} /> : null}

      <h4 id={`${id}-list`} className="subheading">
        Your tokens
      </h4>
      {tokens.error && !tokens.data ? (
        <div className="load-problem">
          <p className="load-error">Could not load your tokens: {tokens.error.message}</p>
          <button type="button" className="secondary small" onClick={() => void tokens.reload()}>
            Try again
          </button>
        </div>
      ) : !tokens.data ? (
        <p className="muted compact">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted compact">No tokens yet.</p>
      ) : (
        <ul className="session-list" aria-labelledby={`${id}-list`}>
          {items.map((token) => (
            <li key={token.id} className="session-item">
              <div className="session-text">
                <span className="session-label">{token.name}</span>
                <span className="hint">
                  Created: {formatWhen(token.createdAt)} ·{' '}
                  {token.lastUsedAt ? `Last used: ${formatWhen(token.lastUsedAt)}` : 'Never used'}
                </span>
              </div>
              <button
                type="button"
                className="secondary small"
                aria-label={`Revoke ${token.name}`}
                onClick={() => {
                  setRevokeError(undefined);
                  setRevoking(token);
                }}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke"
        busyLabel="Revoking…"
        busy={revokeBusy}
        error={revokeError}
        onConfirm={() => void onRevoke()}
        onCancel={() => setRevoking(null)}
      >
        <p>
          Scripts and command lines using this token stop working at once. This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** A token just made: shown this once, with a copy button and how to use it. */
function NewToken({ token, onDone }: { token: NewApiToken; onDone: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  const command = `TEND_SERVER=${window.location.origin} TEND_TOKEN=${token.token} tend today`;

  // Focus the token, selected, so it can be copied straight away and is read out.
  useEffect(() => {
    input.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('Copied.');
    } catch {
      setCopied('Could not copy: select the token and copy it yourself.');
    }
  };

  return (
    <div className="new-token feed-url">
      <label htmlFor={`${id}-token`}>New token “{token.name}”</label>
      <div className="copy-row">
        <input
          ref={input}
          id={`${id}-token`}
          type="text"
          readOnly
          value={token.token}
          spellCheck={false}
          aria-describedby={`${id}-token-hint`}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="secondary small" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p id={`${id}-token-hint`} className="hint">
        Shown only this once: Tend keeps only a fingerprint of it. Copy it now.{' '}
        <span role="status">{copied}</span>
      </p>
      <p className="compact">Use it with the command line:</p>
      <pre className="command">
        <code>{command}</code>
      </pre>
      <p className="hint">
        To keep the token out of your shell’s history, put it in a file only you can read and use{' '}
        <code>--token-file FILE</code> instead of <code>TEND_TOKEN</code>.
      </p>
      <div className="actions">
        <button type="button" className="secondary small" onClick={onDone}>
          Done, hide it
        </button>
      </div>
    </div>
  );
}
