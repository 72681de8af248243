import type {
  CheckIn,
  Connection,
  DayExplanation,
  Interaction,
  NewCheckIn,
  NewConnection,
  NewInteraction,
  NewNudgeDecision,
  NudgeDecision,
  Page,
  StatesRange,
  TodayView,
} from './shared/types.js';

/** One problem with one input field, as the server reports it (`path` like `kinds[1]`). */
export interface FieldError {
  path: string;
  message: string;
}

/** A failed request: the server's problem+json, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly fieldErrors: readonly FieldError[];

  constructor(
    message: string,
    options: { status: number; title: string; fieldErrors?: FieldError[] },
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = options.status;
    this.title = options.title;
    this.fieldErrors = options.fieldErrors ?? [];
  }

  /** The errors for one top-level field (`connectionIds` also matches `connectionIds[0]`). */
  errorsFor(field: string): FieldError[] {
    return this.fieldErrors.filter((e) => fieldOf(e.path) === field);
  }
}

/** The top-level field a path points into: `kinds[1]` and `kinds.1` are both `kinds`. */
export function fieldOf(path: string): string {
  return path.split(/[.[]/, 1)[0] ?? path;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(message, { status: 0, title: 'error' });
}

interface Problem {
  type?: unknown;
  title?: unknown;
  status?: unknown;
  detail?: unknown;
  errors?: unknown;
}

function readFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, message } = item as { path?: unknown; message?: unknown };
    return typeof message === 'string'
      ? [{ path: typeof path === 'string' ? path : '', message: humanize(message) }]
      : [];
  });
}

/** Soften the most common validator wording for people reading it in a form. */
function humanize(message: string): string {
  if (/^Too small: expected string to have >=1 characters?$/.test(message))
    return 'cannot be empty';
  return message;
}

async function problemFrom(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as Problem;
      const title = typeof problem.title === 'string' ? problem.title : response.statusText;
      const detail = typeof problem.detail === 'string' ? problem.detail : title;
      return new ApiError(detail, {
        status: response.status,
        title,
        fieldErrors: readFieldErrors(problem.errors),
      });
    } catch {
      // Fall through to the generic message.
    }
  }
  return new ApiError(`The server answered ${response.status} ${response.statusText}.`.trim(), {
    status: response.status,
    title: response.statusText || 'error',
  });
}

type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Fetch JSON from the Tend API; any failure becomes an {@link ApiError}. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: { query?: Query; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('Could not reach Tend. Check that the Tend server is still running.', {
      status: 0,
      title: 'network error',
    });
  }
  if (!response.ok) throw await problemFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Every page of a list, following `nextCursor` (bounded, to stay safe). */
async function listAll<T>(path: string, signal?: AbortSignal, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await request<Page<T>>('GET', path, {
      query: { limit: 500, cursor },
      ...(signal ? { signal } : {}),
    });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

const V1 = '/api/v1';

export const api = {
  listConnections: (signal?: AbortSignal) => listAll<Connection>(`${V1}/connections`, signal),
  createConnection: (body: NewConnection) =>
    request<Connection>('POST', `${V1}/connections`, { body }),

  /** Newest first. */
  recentInteractions: (limit: number, signal?: AbortSignal) =>
    request<Page<Interaction>>('GET', `${V1}/interactions`, {
      query: { limit },
      ...(signal ? { signal } : {}),
    }),
  createInteraction: (body: NewInteraction) =>
    request<Interaction>('POST', `${V1}/interactions`, { body }),
  deleteInteraction: (id: string) =>
    request<void>('DELETE', `${V1}/interactions/${encodeURIComponent(id)}`),

  /** Newest first. */
  recentCheckIns: (limit: number, signal?: AbortSignal) =>
    request<Page<CheckIn>>('GET', `${V1}/checkins`, {
      query: { limit },
      ...(signal ? { signal } : {}),
    }),
  createCheckIn: (body: NewCheckIn) => request<CheckIn>('POST', `${V1}/checkins`, { body }),

  today: (signal?: AbortSignal) =>
    request<TodayView>('GET', `${V1}/today`, signal ? { signal } : {}),
  /** Daily states for local days `from`–`to`, both included. */
  states: (from: string, to: string, signal?: AbortSignal) =>
    request<StatesRange>('GET', `${V1}/states`, {
      query: { from, to },
      ...(signal ? { signal } : {}),
    }),
  explanation: (date: string, signal?: AbortSignal) =>
    request<DayExplanation>(
      'GET',
      `${V1}/states/${encodeURIComponent(date)}/explanation`,
      signal ? { signal } : {},
    ),
  decideNudge: (body: NewNudgeDecision) =>
    request<NudgeDecision>('POST', `${V1}/nudges/decisions`, { body }),
  /** Undo a decision, so the nudge can show again. */
  undoNudgeDecision: (key: string) =>
    request<void>('DELETE', `${V1}/nudges/decisions/${encodeURIComponent(key)}`),
};
