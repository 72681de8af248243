import { takeEarlyAnswer } from './early.js';
import type {
  ApiToken,
  CalendarFeedStatus,
  CheckIn,
  Connection,
  ConnectionChanges,
  ContactDays,
  ContactStatus,
  DayExplanation,
  ImportReport,
  ImportType,
  InsightsView,
  Interaction,
  InteractionChanges,
  ModelParamsView,
  NewApiToken,
  NewCalendarFeed,
  NewCheckIn,
  NewConnection,
  NewInteraction,
  NewNudgeDecision,
  NewPlan,
  NudgeDecision,
  Page,
  Plan,
  SessionInfo,
  SessionState,
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
  /** Seconds to wait before trying again (a lockout or rate limit's Retry-After). */
  readonly retryAfter: number | undefined;

  constructor(
    message: string,
    options: { status: number; title: string; fieldErrors?: FieldError[]; retryAfter?: number },
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = options.status;
    this.title = options.title;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfter = options.retryAfter;
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
  let error = genericProblem(response.status, response.statusText);
  if (type.includes('json')) {
    try {
      error = problemFromJson(
        (await response.json()) as Problem,
        response.status,
        response.statusText,
      );
    } catch {
      // Keep the generic message.
    }
  }
  const wait = Number(response.headers.get('retry-after'));
  if (!(wait > 0)) return error;
  return new ApiError(error.message, {
    status: error.status,
    title: error.title,
    fieldErrors: [...error.fieldErrors],
    retryAfter: wait,
  });
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

/*
 * Hosted mode. The session cookie is HttpOnly, so the page never sees it;
 * what the page keeps, in memory only, is the session's CSRF token, which
 * the server wants with every change. Local mode has neither.
 */
const SESSION_PATH = '/api/v1/session';
let session: Promise<SessionState> | undefined;
let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

/** How this Tend runs and who is signed in: asked once, then kept. */
export function loadSession(): Promise<SessionState> {
  if (!session) {
    const asked = request<SessionState>('GET', SESSION_PATH).then((state) => {
      csrfToken = state.csrfToken;
      return state;
    });
    // A failed attempt is not kept, so "Try again" asks the server again.
    asked.catch(() => {
      if (session === asked) session = undefined;
    });
    session = asked;
  }
  return session;
}

/** Ask the server again who is signed in (its answer replaces what was kept). */
export function refreshSession(): Promise<SessionState> {
  session = undefined;
  return loadSession();
}

function keepSession(state: SessionState): SessionState {
  csrfToken = state.csrfToken;
  session = Promise.resolve(state);
  return state;
}

/**
 * Call `listener` whenever the server says this browser is not signed in
 * (any 401), so the app can show the sign-in page. Returns an unsubscribe.
 */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

function announceSignedOut(): void {
  csrfToken = null;
  session = undefined;
  for (const listener of signedOutListeners) listener();
}

/**
 * When this browser signs out or the account is deleted, nothing of the
 * account may stay behind. The service worker (public/sw.js) forgets its
 * kept API answers when an account request passes through it, but a read
 * still in flight could write one back afterwards, and a page the worker
 * does not control yet bypasses it; so once the server has answered, every
 * cache of this origin is emptied too, except the app shell (`tend-shell-*`),
 * which holds only Tend's own files.
 */
export async function forgetCachedData(): Promise<void> {
  csrfToken = null;
  session = undefined;
  if (!('caches' in globalThis)) return;
  try {
    const names = await caches.keys();
    await Promise.all(
      names.filter((name) => !name.startsWith('tend-shell-')).map((name) => caches.delete(name)),
    );
  } catch {
    // Storage may be unavailable (some private windows); then nothing was kept either.
  }
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** A 401 is this call's answer (a wrong password), not a sign that the session ended. */
  unauthorizedIsAnswer?: boolean;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const url = withQuery(path, options.query);
  try {
    // The first reads may already be under way (public/boot.js).
    const early = method === 'GET' ? takeEarlyAnswer(url) : undefined;
    return await (early ??
      fetch(url, {
        method,
        headers: {
          accept: 'application/json, application/problem+json',
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        },
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('Could not reach Tend. Check that the Tend server is still running.', {
      status: 0,
      title: 'network error',
    });
  }
}

/** Whether a 403 is the server asking for a (fresh) CSRF token. */
async function isCsrfRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  try {
    const problem = (await response.clone().json()) as Problem;
    return typeof problem.detail === 'string' && /CSRF/.test(problem.detail);
  } catch {
    return false;
  }
}

/** Fetch JSON from the Tend API; any failure becomes an {@link ApiError}. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let response = await send(method, path, options);
  // The token may be stale (another tab signed in again): ask for the current one, once.
  if (method !== 'GET' && (await isCsrfRefusal(response))) {
    const fresh = await refreshSession();
    if (fresh.user) response = await send(method, path, options);
  }
  if (response.status === 401 && !options.unauthorizedIsAnswer) announceSignedOut();
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
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => {
      onProgress?.(event.lengthComputable && event.total > 0 ? event.loaded / event.total : null);
    };
    xhr.onload = () => {
      if (xhr.status === 401) announceSignedOut();
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

  /** Per local day, how often you were in touch with them over the past year. */
  contactDays: (id: string, signal?: AbortSignal) =>
    request<ContactDays>(
      'GET',
      `${V1}/connections/${encodeURIComponent(id)}/contact-days`,
      signal ? { signal } : {},
    ),
  /** Everyone's days since contact against their cadence, most overdue first. */
  contactStatus: (signal?: AbortSignal) =>
    request<ContactStatus>('GET', `${V1}/contact-status`, signal ? { signal } : {}),

  /** Interactions newest first, a page at a time; with `connectionId`, only theirs. */
  interactionsPage: (
    options: { limit: number; cursor?: string | undefined; connectionId?: string | undefined },
    signal?: AbortSignal,
  ) =>
    request<Page<Interaction>>('GET', `${V1}/interactions`, {
      query: options,
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
  updateInteraction: (id: string, body: InteractionChanges) =>
    request<Interaction>('PATCH', `${V1}/interactions/${encodeURIComponent(id)}`, { body }),
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

const ACCOUNT = `${V1}/account`;

/** Hosted mode: signing in and out, and the account's own settings. */
export const accountApi = {
  signUp: async (body: { email: string; password: string; invite?: string; timeZone?: string }) =>
    keepSession(await request<SessionState>('POST', `${ACCOUNT}/signup`, { body })),
  logIn: async (body: { email: string; password: string }) =>
    keepSession(
      await request<SessionState>('POST', `${ACCOUNT}/login`, { body, unauthorizedIsAnswer: true }),
    ),
  /** Ends this browser's session and forgets everything cached for it. */
  logOut: async () => {
    await request<void>('POST', `${ACCOUNT}/logout`);
    await forgetCachedData();
  },
  /** Every other session ends; this one stays signed in. */
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    request<void>('POST', `${ACCOUNT}/password`, { body }),
  sessions: (signal?: AbortSignal) =>
    request<{ items: SessionInfo[] }>('GET', `${ACCOUNT}/sessions`, signal ? { signal } : {}),
  endSession: (id: string) =>
    request<void>('DELETE', `${ACCOUNT}/sessions/${encodeURIComponent(id)}`),
  /** Signs out every session, this browser's included. */
  endAllSessions: async () => {
    await request<void>('DELETE', `${ACCOUNT}/sessions`);
    await forgetCachedData();
  },
  tokens: (signal?: AbortSignal) =>
    request<{ items: ApiToken[] }>('GET', `${ACCOUNT}/tokens`, signal ? { signal } : {}),
  createToken: (name: string) =>
    request<NewApiToken>('POST', `${ACCOUNT}/tokens`, { body: { name } }),
  revokeToken: (id: string) =>
    request<void>('DELETE', `${ACCOUNT}/tokens/${encodeURIComponent(id)}`),
  /** Emails a link that confirms the account's address (reminder emails need it). */
  sendEmailConfirmation: () => request<{ sentTo: string }>('POST', `${ACCOUNT}/email/verification`),
  /** The token from the emailed link; works signed in or not. */
  confirmEmail: (token: string) =>
    request<void>('POST', `${ACCOUNT}/email/verify`, { body: { token } }),
  /** Deletes the account and all its data for good, then forgets this browser's copies. */
  deleteAccount: async (password: string) => {
    await request<void>('POST', `${ACCOUNT}/delete`, { body: { password } });
    await forgetCachedData();
  },
};
