import { type DragEvent, type FormEvent, useId, useRef, useState } from 'react';
import { type ApiError, toApiError, uploadImport } from '../../api.js';
import { Link } from '../../shared/router.js';
import { useSession } from '../../shared/session.js';
import type { ImportReport, ImportType } from '../../shared/types.js';

/** What each import type reads, in the order the select offers them. */
const TYPES: { type: ImportType; label: string; ext: string; mime: string }[] = [
  { type: 'vcard', label: 'Contacts: vCard (.vcf)', ext: 'vcf', mime: 'text/vcard' },
  { type: 'csv', label: 'Contacts: spreadsheet (.csv)', ext: 'csv', mime: 'text/csv' },
  { type: 'ical', label: 'Past meetings: calendar (.ics)', ext: 'ics', mime: 'text/calendar' },
  { type: 'whatsapp', label: 'WhatsApp chat export (.txt)', ext: 'txt', mime: 'text/plain' },
  { type: 'sms', label: 'SMS and call log backup (.xml)', ext: 'xml', mime: 'application/xml' },
  { type: 'backup', label: 'Tend backup (.json)', ext: 'json', mime: 'application/json' },
];

/** Chats, calls and meetings name people; contacts and backups bring their own. */
const NAMES_PEOPLE: readonly ImportType[] = ['ical', 'whatsapp', 'sms'];
const SHOWN_ITEMS = 100;

/** The import type a file name suggests, if any. */
export function guessType(fileName: string): ImportType | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return TYPES.find((t) => t.ext === ext)?.type;
}

function mimeFor(type: ImportType): string {
  return TYPES.find((t) => t.type === type)?.mime ?? 'application/octet-stream';
}

function total(report: ImportReport): number {
  return (
    report.created.connections +
    report.created.interactions +
    report.updated.connections +
    report.updated.interactions +
    report.skipped
  );
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

type Busy = { step: 'preview' | 'import'; progress: number | null } | null;

/** `onImported` runs after a real import, so the other pages show the new records. */
export function ImportPage({ onImported }: { onImported?: () => void }) {
  const id = useId();
  const hosted = useSession().mode === 'hosted';
  const [file, setFile] = useState<File | null>(null);
  const [type, setType] = useState<ImportType>('vcard');
  const [createUnmatched, setCreateUnmatched] = useState(false);
  const [self, setSelf] = useState('');
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);

  /** Anything the preview depended on changed: it no longer holds. */
  const invalidate = () => {
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const choose = (chosen: File | null) => {
    setFile(chosen);
    const guessed = chosen ? guessType(chosen.name) : undefined;
    if (guessed) setType(guessed);
    invalidate();
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (!dropped) return;
    // Keep the input in step with the drop, so the form shows the file's name.
    if (fileInput.current) {
      const transfer = new DataTransfer();
      transfer.items.add(dropped);
      fileInput.current.files = transfer.files;
    }
    choose(dropped);
  };

  const run = async (dryRun: boolean) => {
    if (!file || busy) return;
    setBusy({ step: dryRun ? 'preview' : 'import', progress: 0 });
    setError(null);
    if (!dryRun) setResult(null);
    try {
      const body = file.type ? file : new Blob([file], { type: mimeFor(type) });
      const report = await uploadImport(
        body,
        {
          type,
          dryRun,
          createUnmatched: NAMES_PEOPLE.includes(type) && createUnmatched,
          ...(type === 'whatsapp' && self.trim() ? { self } : {}),
          fileName: file.name,
        },
        (progress) => setBusy((b) => (b ? { ...b, progress } : b)),
      );
      if (dryRun) setPreview(report);
      else {
        setResult(report);
        setPreview(null);
        onImported?.();
      }
      requestAnimationFrame(() => summary.current?.focus());
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };

  const report = result ?? preview;

  return (
    <div className="narrow">
      <h2 className="page-title">Import</h2>
      <p className="lede">
        Bring in contacts, past meetings, chats and call logs, or restore a Tend backup. You see
        what would change before anything is saved, and a file with a problem imports nothing.
      </p>

      <section aria-labelledby={`${id}-file`} className="card">
        <h3 id={`${id}-file`} className="card-title">
          1. Choose a file
        </h3>
        <form className="form" onSubmit={onSubmit} noValidate>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input inside serves the keyboard. */}
          <div
            className={`drop-zone${dragging ? ' dragging' : ''}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <div className="field">
              <label htmlFor={`${id}-input`}>File to import</label>
              <input
                ref={fileInput}
                id={`${id}-input`}
                type="file"
                accept=".vcf,.csv,.ics,.txt,.xml,.json,.zip"
                aria-describedby={`${id}-drop-hint`}
                onChange={(event) => choose(event.target.files?.[0] ?? null)}
              />
              <p id={`${id}-drop-hint`} className="hint">
                Or drop a file here.{' '}
                {file
                  ? `Chosen: ${file.name} (${formatSize(file.size)}).`
                  : hosted
                    ? 'It is sent to this Tend’s server, which reads it.'
                    : 'It stays on this machine: Tend reads it on its own server.'}
              </p>
            </div>
          </div>

          <div className="field">
            <label htmlFor={`${id}-type`}>What kind of file</label>
            <select
              id={`${id}-type`}
              value={type}
              aria-describedby={`${id}-type-hint`}
              onChange={(event) => {
                setType(event.target.value as ImportType);
                invalidate();
              }}
            >
              {TYPES.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
            <p id={`${id}-type-hint`} className="hint">
              Guessed from the file’s name; change it if the guess is wrong.{' '}
              <a href="/api/docs">The file formats</a> are described in the API documentation.
            </p>
          </div>

          {NAMES_PEOPLE.includes(type) ? (
            <label className="check">
              <input
                type="checkbox"
                checked={createUnmatched}
                onChange={(event) => {
                  setCreateUnmatched(event.target.checked);
                  invalidate();
                }}
              />
              Add the people the file names who are not in Tend yet
            </label>
          ) : null}

          {type === 'whatsapp' ? (
            <div className="field">
              <label htmlFor={`${id}-self`}>Your name in the chat</label>
              <input
                id={`${id}-self`}
                type="text"
                value={self}
                autoComplete="name"
                aria-describedby={`${id}-self-hint`}
                onChange={(event) => {
                  setSelf(event.target.value);
                  invalidate();
                }}
              />
              <p id={`${id}-self-hint`} className="hint">
                As the export writes it, so your own messages are not counted as someone else.
                Separate several names or numbers with commas.
              </p>
            </div>
          ) : null}

          <div className="actions">
            <button type="submit" disabled={!file || busy !== null}>
              {busy?.step === 'preview' ? 'Checking…' : 'Preview'}
            </button>
            {file ? null : <span className="muted">Choose a file first.</span>}
          </div>
        </form>
      </section>

      <div aria-live="polite" className="visually-hidden">
        {busy ? (busy.step === 'preview' ? 'Checking the file…' : 'Importing…') : ''}
      </div>

      {busy ? <Progress step={busy.step} progress={busy.progress} /> : null}

      <div role="alert" className="feedback feedback-error">
        {error ? <ImportError error={error} fileName={file?.name} /> : null}
      </div>

      {report ? (
        <section aria-labelledby={`${id}-report`} className={`card${result ? ' import-done' : ''}`}>
          <div ref={summary} tabIndex={-1} className="report-head">
            <h3 id={`${id}-report`} className="card-title">
              {result ? 'Imported' : '2. Check what would change'}
            </h3>
            <p className="lede">
              {result
                ? `${file?.name ?? 'The file'} is in Tend now.`
                : `Nothing is saved yet. This is what importing ${file?.name ?? 'the file'} would do.`}
            </p>
          </div>
          <Report report={report} />
          {result ? (
            <p className="compact">
              <Link to="/people">See your people</Link> · <Link to="/history">See history</Link> ·{' '}
              <Link to="/">Go to Today</Link>
            </p>
          ) : (
            <div className="actions compact">
              <button type="button" onClick={() => void run(false)} disabled={busy !== null}>
                {busy?.step === 'import' ? 'Importing…' : 'Import'}
              </button>
              <span className="muted">
                {total(report) === 0 ? 'There is nothing new to import.' : null}
              </span>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}

function Progress({ step, progress }: { step: 'preview' | 'import'; progress: number | null }) {
  const label = step === 'preview' ? 'Checking the file' : 'Importing';
  const uploaded = progress !== null && progress >= 1;
  const percent = progress === null ? null : Math.round(progress * 100);
  return (
    <div className="progress-wrap">
      <p className="muted">
        {uploaded
          ? `${label}: the file is uploaded; Tend is reading it…`
          : `${label}: uploading${percent === null ? '…' : ` ${percent}%`}`}
      </p>
      {percent !== null && !uploaded ? (
        <div
          className="progress"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
      ) : (
        <div className="progress progress-busy" role="progressbar" aria-label={label}>
          <div className="progress-fill" />
        </div>
      )}
    </div>
  );
}

function ImportError({ error, fileName }: { error: ApiError; fileName: string | undefined }) {
  return (
    <>
      <p>
        <strong>Nothing was imported.</strong>{' '}
        {error.fieldErrors.length > 0
          ? `${fileName ?? 'The file'} has a problem; fix it and preview again (the file stays chosen):`
          : error.message}
      </p>
      {error.fieldErrors.length > 0 ? (
        <ul>
          {error.fieldErrors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path && !e.message.toLowerCase().startsWith(e.path.toLowerCase())
                ? `${capitalise(e.path)}: ${e.message}`
                : capitalise(e.message)}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ACTION_LABEL = { create: 'Add', update: 'Update', skip: 'Skip' } as const;
const RECORD_LABEL: Record<string, string> = {
  connection: 'Person',
  interaction: 'Time together',
  checkin: 'Check-in',
  plan: 'Plan',
};

function Report({ report }: { report: ImportReport }) {
  const id = useId();
  const shown = report.items.slice(0, SHOWN_ITEMS);
  const more = total(report) - shown.length;
  const done = !report.dryRun;
  const counts: [string, number, string][] = [
    ['cp', report.created.connections, done ? 'added' : 'to add'],
    ['ci', report.created.interactions, done ? 'added' : 'to add'],
    ['up', report.updated.connections, done ? 'updated' : 'to update'],
    ['ui', report.updated.interactions, done ? 'updated' : 'to update'],
    ['sk', report.skipped, done ? 'skipped' : 'to skip'],
  ];
  const what = (key: string, n: number) =>
    key === 'sk'
      ? ''
      : key.endsWith('p')
        ? n === 1
          ? 'person '
          : 'people '
        : n === 1
          ? 'time together '
          : 'times together ';
  return (
    <div className="report">
      <ul className="counts" aria-label={report.dryRun ? 'Would change' : 'Changed'}>
        {counts.map(([key, n, verb]) => (
          <li key={key} className={n === 0 ? 'zero' : undefined}>
            <span className="count-number">{n}</span>{' '}
            <span className="count-label">
              {what(key, n)}
              {verb}
            </span>
          </li>
        ))}
      </ul>

      {report.warnings.length > 0 ? (
        <section aria-labelledby={`${id}-warnings`} className="report-part">
          <h4 id={`${id}-warnings`}>Warnings</h4>
          <ul className="warnings">
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {report.unmatched.length > 0 ? (
        <section aria-labelledby={`${id}-unmatched`} className="report-part">
          <h4 id={`${id}-unmatched`}>Not matched to anyone in Tend</h4>
          <p className="hint">
            {NAMES_PEOPLE.includes(report.type)
              ? 'Tick “Add the people the file names…” and preview again to add them, or add them under People first.'
              : 'Add them under People first, then import again.'}
          </p>
          <ul className="unmatched">
            {report.unmatched.map((u) => (
              <li key={`${u.name}|${u.phone}|${u.email}`}>
                <span className="person-name">{u.name ?? u.phone ?? u.email ?? 'Unknown'}</span>{' '}
                <span className="muted">
                  {[u.name ? u.phone : null, u.name || u.phone ? u.email : null]
                    .filter(Boolean)
                    .join(' · ')}{' '}
                  ({plural(u.records, 'record', 'records')})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {shown.length > 0 ? (
        <section aria-labelledby={`${id}-items`} className="report-part">
          <h4 id={`${id}-items`}>{report.dryRun ? 'What would happen' : 'What happened'}</h4>
          <div className="table-scroll">
            <table className="items">
              <caption className="visually-hidden">
                Each record in the file, what the import {report.dryRun ? 'would do' : 'did'} and
                why
              </caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Action</th>
                  <th scope="col">Record</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered; lines may repeat.
                  <tr key={i}>
                    <td className="num">{item.line ?? '–'}</td>
                    <td>
                      <span className={`tag action-${item.action}`}>
                        {ACTION_LABEL[item.action]}
                      </span>
                    </td>
                    <td>
                      <span className="item-label">{item.label}</span>
                      <span className="muted"> · {RECORD_LABEL[item.record] ?? item.record}</span>
                    </td>
                    <td>{item.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 ? <p className="hint compact">…and {more} more.</p> : null}
        </section>
      ) : null}
    </div>
  );
}
