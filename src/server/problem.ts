import type { Context } from 'hono';
import { type FieldIssue, TendError } from '../core/errors.js';

export interface Logger {
  error(message: string, detail?: unknown): void;
  info(message: string): void;
}

/** PostgreSQL SQLSTATE classes and Node error codes that mean "the database is not there". */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300)/;
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|database is locked/i;

/** A database that is down or busy is the server's temporary state, not a bug: 503. */
export function asUnavailable(error: unknown): TendError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (
    (typeof code === 'string' &&
      (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) ||
    code === 'SQLITE_BUSY' ||
    UNAVAILABLE_MESSAGE.test(error.message)
  ) {
    const unavailable = new TendError(
      'unavailable',
      'The database is not reachable right now. Nothing was changed; try again in a moment.',
    );
    unavailable.retryAfter = 5;
    return unavailable;
  }
  return undefined;
}

/**
 * The one place errors become HTTP answers (RFC 9457 problem details).
 * Known errors keep their message; anything else is logged and masked. The
 * log line names the route pattern, never the path, which may hold a secret
 * (the calendar feed's token).
 */
export function problemResponse(c: Context, error: unknown, log: Logger): Response {
  const known = error instanceof TendError ? error : asUnavailable(error);
  if (!known) log.error(`${c.req.method} ${c.req.routePath} failed`, error);
  else if (known.code === 'unavailable')
    log.error(`${c.req.method} ${c.req.routePath}: database unavailable`);
  const status = known?.status ?? 500;
  const body: {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors: FieldIssue[];
  } = {
    type: `urn:tend:problem:${known?.code ?? 'internal'}`,
    title: known?.code.replace(/_/g, ' ') ?? 'internal error',
    status,
    detail: known?.message ?? 'Something went wrong on the server. Nothing was changed.',
    errors: known?.issues ?? [],
  };
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (known?.retryAfter !== undefined) headers['retry-after'] = String(known.retryAfter);
  return new Response(JSON.stringify(body), { status, headers });
}
