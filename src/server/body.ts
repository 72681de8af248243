import type { Context } from 'hono';
import { TendError } from '../core/errors.js';

/** Large enough for any record; a full backup restore has its own, larger limit. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Read a JSON body with a hard size cap, reading no further than the cap
 * even when Content-Length is missing or wrong.
 */
export async function readJsonBody(c: Context, limit: number): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new TendError(
      'unsupported_media_type',
      'Send the body as JSON (Content-Type: application/json).',
    );
  }
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const stream = c.req.raw.body;
  if (!stream) throw malformed('the body is empty');
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw malformed('the body is empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformed((error as Error).message);
  }
}

function tooLarge(limit: number): TendError {
  return new TendError(
    'payload_too_large',
    `The body is larger than ${Math.round(limit / 1024)} KiB.`,
    [{ path: '(body)', message: `must be at most ${limit} bytes` }],
  );
}

function malformed(reason: string): TendError {
  return new TendError('validation_failed', `The body is not valid JSON: ${reason}.`, [
    { path: '(body)', message: 'is not valid JSON' },
  ]);
}

/**
 * An uploaded file's bytes as a stream, refusing more than `limit` bytes
 * (the check runs as the bytes arrive, so an oversized upload is never held).
 */
export function rawBodyStream(
  c: Context,
  mediaTypes: string[],
  limit: number,
): AsyncIterable<Uint8Array> {
  const type =
    (c.req.header('content-type') ?? 'application/octet-stream')
      .split(';')[0]
      ?.trim()
      .toLowerCase() ?? '';
  if (!mediaTypes.includes(type)) {
    throw new TendError(
      'unsupported_media_type',
      `Send the file as one of: ${mediaTypes.join(', ')}.`,
    );
  }
  const declared = Number(c.req.header('content-length') ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const stream = c.req.raw.body;
  return {
    async *[Symbol.asyncIterator]() {
      if (!stream) return;
      let size = 0;
      for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > limit) throw tooLarge(limit);
        yield chunk;
      }
    },
  };
}
