/** A problem with one field of the input, located by a JSON path such as `kinds[1]`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'too_many_requests'
  | 'unavailable'
  | 'schema_too_new'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  too_many_requests: 429,
  unavailable: 503,
  schema_too_new: 500,
  internal: 500,
};

/**
 * Errors are values with a stable code and an HTTP status. The server turns
 * them into problem+json in one place; the CLI prints the message and issues.
 */
export class TendError extends Error {
  readonly status: number;
  /** For 429 and 503: when to try again, in seconds. */
  retryAfter?: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'TendError';
    this.status = STATUS[code];
  }
}

export const notFound = (what: string, id: string) =>
  new TendError('not_found', `No ${what} with id ${id}.`);

export const invalid = (message: string, issues: FieldIssue[] = []) =>
  new TendError('validation_failed', message, issues);
