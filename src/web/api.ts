import type {
  CalendarFeedStatus,
  CheckIn,
  Connection,
  ConnectionChanges,
  DayExplanation,
  ImportReport,
  ImportType,
  InsightsView,
  Interaction,
  ModelParamsView,
  NewCalendarFeed,
  NewCheckIn,
  NewConnection,
  NewInteraction,
  NewNudgeDecision,
  NewPlan,
  NudgeDecision,
  Page,
  Plan,
  Settings,
  SettingsUpdate,
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

function problemFromJson(problem: Problem, status: number, statusText: string): ApiError {
  const title = typeof problem.title === 'string' ? problem.title : statusText;
  const detail = typeof problem.detail === 'string' ? problem.detail : title;
  return new ApiError(detail, { status, title, fieldErrors: readFieldErrors(problem.errors) });
}

async function problemFrom(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      return problemFromJson(
        (await response.json()) as Problem,
        response.status,
        response.statusText,
      );
    } catch {
      // Fall through to the generic message.
    }
  }
  return genericProblem(response.status, response.statusText);
}

function genericProblem(status: number, statusText: string): ApiError {
  return new ApiError(`The server answered ${status} ${statusText}.`.trim(), {
    status,
    title: statusText || 'error',
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

/** The options of one import upload; `dryRun` previews without saving anything. */
export interface ImportOptions {
  type: ImportType;
  dryRun: boolean;
  createUnmatched: boolean;
  /** Your own name(s) in a chat export, comma separated. */
  self?: string;
  fileName: string;
}

/**
 * Upload a file to the import route with XMLHttpRequest, so the caller can
 * show upload progress (`onProgress` gets 0–1, or null when the size is unknown).
 */
export function uploadImport(
  file: Blob,
  options: ImportOptions,
  onProgress?: (share: number | null) => void,
  signal?: AbortSignal,
): Promise<ImportReport> {
  const url = withQuery(`${V1}/imports`, {
    type: options.type,
    dryRun: String(options.dryRun),
    createUnmatched: String(options.createUnmatched),
    self: options.self?.trim() || undefined,
    fileName: options.fileName,
  });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      onProgress?.(event.lengthComputable && event.total > 0 ? event.loaded / event.total : null);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) {
        resolve(body as ImportReport);
      } else if (typeof body === 'object' && body !== null) {
        reject(problemFromJson(body as Problem, xhr.status, xhr.statusText));
      } else {
        reject(genericProblem(xhr.status, xhr.statusText));
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiError('Could not reach Tend. Check that the Tend server is still running.', {
          status: 0,
          title: 'network error',
        }),
      );
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Download addresses: plain links, so the browser saves the file itself. */
export const exportLinks = {
  backup: `${V1}/backup`,
  csv: (table: 'connections' | 'interactions' | 'checkins' | 'plans') =>
    `${V1}/exports/csv/${table}`,
  vcard: `${V1}/exports/connections.vcf`,
};

export const api = {
  listConnections: (signal?: AbortSignal) => listAll<Connection>(`${V1}/connections`, signal),
  createConnection: (body: NewConnection) =>
    request<Connection>('POST', `${V1}/connections`, { body }),
  connection: (id: string, signal?: AbortSignal) =>
    request<Connection>(
      'GET',
      `${V1}/connections/${encodeURIComponent(id)}`,
      signal ? { signal } : {},
    ),
  updateConnection: (id: string, body: ConnectionChanges) =>
    request<Connection>('PATCH', `${V1}/connections/${encodeURIComponent(id)}`, { body }),
  /** Also removes their interactions and plans with nobody else. */
  deleteConnection: (id: string) =>
    request<void>('DELETE', `${V1}/connections/${encodeURIComponent(id)}`),

  /** One person's interactions, newest first, a page at a time. */
  interactionsWith: (connectionId: string, limit: number, cursor?: string, signal?: AbortSignal) =>
    request<Page<Interaction>>('GET', `${V1}/interactions`, {
      query: { connectionId, limit, cursor },
      ...(signal ? { signal } : {}),
    }),

  /** Plans from `from` on, soonest first (one page of up to 500). */
  upcomingPlans: (from: string, signal?: AbortSignal) =>
    request<Page<Plan>>('GET', `${V1}/plans`, {
      query: { from, limit: 500 },
      ...(signal ? { signal } : {}),
    }),
  createPlan: (body: NewPlan) => request<Plan>('POST', `${V1}/plans`, { body }),
  setPlanStatus: (id: string, status: 'done' | 'cancelled') =>
    request<Plan>('PATCH', `${V1}/plans/${encodeURIComponent(id)}`, { body: { status } }),
  deletePlan: (id: string) => request<void>('DELETE', `${V1}/plans/${encodeURIComponent(id)}`),

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
  /** What went with calmer days, `from`–`to` (local days, both included). */
  insights: (from: string, to: string, signal?: AbortSignal) =>
    request<InsightsView>('GET', `${V1}/insights`, {
      query: { from, to },
      ...(signal ? { signal } : {}),
    }),
  /** Check-ins from local day `from` to `to`, both included, newest first (every page). */
  checkInsBetween: async (from: string, to: string, signal?: AbortSignal) => {
    const items: CheckIn[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page: Page<CheckIn> = await request<Page<CheckIn>>('GET', `${V1}/checkins`, {
        query: { from, to, limit: 500, cursor },
        ...(signal ? { signal } : {}),
      });
      items.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    return items;
  },
  decideNudge: (body: NewNudgeDecision) =>
    request<NudgeDecision>('POST', `${V1}/nudges/decisions`, { body }),
  /** Undo a decision, so the nudge can show again. */
  undoNudgeDecision: (key: string) =>
    request<void>('DELETE', `${V1}/nudges/decisions/${encodeURIComponent(key)}`),

  settings: (signal?: AbortSignal) =>
    request<Settings>('GET', `${V1}/settings`, signal ? { signal } : {}),
  updateSettings: (body: SettingsUpdate) => request<Settings>('PATCH', `${V1}/settings`, { body }),
  modelParams: (signal?: AbortSignal) =>
    request<ModelParamsView>('GET', `${V1}/model/params`, signal ? { signal } : {}),

  calendarFeed: (signal?: AbortSignal) =>
    request<CalendarFeedStatus>('GET', `${V1}/calendar-feed`, signal ? { signal } : {}),
  /** A new secret address (the old one stops working); shown only this once. */
  createCalendarFeed: () => request<NewCalendarFeed>('POST', `${V1}/calendar-feed`),
  deleteCalendarFeed: () => request<void>('DELETE', `${V1}/calendar-feed`),
};
