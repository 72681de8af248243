import { TendError } from '../core/errors.js';

export interface Output {
  json: boolean;
  /** Print a result: as JSON for scripts, or as the human text. */
  result(data: unknown, human: () => string): void;
  /** Progress and notes for humans; silent under --json so stdout stays parseable. */
  note(message: string): void;
}

export function createOutput(json: boolean, out = process.stdout, err = process.stderr): Output {
  return {
    json,
    result(data, human) {
      out.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
    },
    note(message) {
      if (!json) err.write(`${message}\n`);
    },
  };
}

/** Errors go to stderr and say what to fix; the exit code is non-zero. */
export function reportError(error: unknown, json: boolean, err = process.stderr): number {
  if (error instanceof UsageError) {
    err.write(`tend: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    return 2;
  }
  if (error instanceof RemoteError) {
    if (json) err.write(`${JSON.stringify({ error: error.code, message: error.message })}\n`);
    else err.write(`tend: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    return 2;
  }
  if (error instanceof TendError) {
    if (json) {
      err.write(
        `${JSON.stringify({ error: error.code, message: error.message, errors: error.issues })}\n`,
      );
    } else {
      err.write(`tend: ${error.message}\n`);
      for (const issue of error.issues) err.write(`  ${issue.path}: ${issue.message}\n`);
    }
    return error.status >= 500 ? 1 : 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  err.write(`tend: unexpected error: ${message}\n`);
  if (process.env.TEND_DEBUG && error instanceof Error) err.write(`${error.stack}\n`);
  return 1;
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * A Tend server that could not be reached, or did not answer like Tend. Its
 * message names the server's address, never the token.
 */
export class RemoteError extends Error {
  constructor(
    readonly code: 'unreachable' | 'timeout' | 'not_tend' | 'redirected',
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Left-aligned columns for human tables. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
