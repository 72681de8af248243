import type { Context } from 'hono';
import { type FieldIssue, TendError } from '../core/errors.js';

export interface Logger {
  error(message: string, detail?: unknown): void;
  info(message: string): void;
}

/**
 * The one place errors become HTTP answers (RFC 9457 problem details).
 * Known errors keep their message; anything else is logged and masked.
 */
export function problemResponse(c: Context, error: unknown, log: Logger): Response {
  const known = error instanceof TendError ? error : undefined;
  if (!known) log.error(`${c.req.method} ${new URL(c.req.url).pathname} failed`, error);
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
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}
