import { packageVersion } from '../app/package-info.js';
import { type ErrorCode, type FieldIssue, TendError } from '../core/errors.js';
import type { RouteDef } from '../server/route.js';
import { type Api, type ApiRequest, findRoute, type Operations, queryStrings } from './api.js';
import { RemoteError } from './output.js';
import type { Target } from './target.js';

type RemoteTarget = Extract<Target, { kind: 'remote' }>;

/**
 * A Tend server's error, as the same TendError the local path throws, so the
 * CLI prints it and exits the same way. The status is the server's own, even
 * for a code this version of Tend does not know.
 */
export class RemoteProblem extends TendError {
  override readonly status: number;
  constructor(code: string, status: number, message: string, issues: FieldIssue[] = []) {
    super(code as ErrorCode, message, issues);
    this.status = status;
  }
}

/** The API of a Tend server over HTTP, signed in with a personal API token. */
export function openRemoteApi(target: RemoteTarget): Api {
  return {
    now: () => new Date(),
    async call(operationId, request = {}) {
      const def = await findRoute(operationId);
      return (await send(target, def, request)) as Operations[typeof operationId];
    },
    async close() {},
  };
}

async function send(target: RemoteTarget, def: RouteDef, request: ApiRequest): Promise<unknown> {
  const { server, token, timeoutMs } = target;
  const path = def.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(request.params?.[name] ?? ''),
  );
  const url = new URL(`${server}${path}`);
  for (const [key, value] of Object.entries(queryStrings(request.query))) {
    url.searchParams.set(key, value);
  }
  const headers: Record<string, string> = {
    accept: `${def.produces?.mediaType ?? 'application/json'}, application/problem+json`,
    'user-agent': `tend-cli/${packageVersion()}`,
  };
  if (token) headers.authorization = `Bearer ${token}`;

  // The clock restarts whenever bytes move, so a long upload or download is
  // fine and only a silent server times out.
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let waitMs = timeoutMs;
  const arm = (ms = timeoutMs) => {
    clearTimeout(timer);
    waitMs = ms;
    timer = setTimeout(() => controller.abort(), ms);
  };

  let body: RequestInit['body'];
  if (request.stream) {
    const limit = def.rawBody?.limit;
    if (limit !== undefined && request.size !== undefined && request.size > limit) {
      throw new TendError(
        'payload_too_large',
        `The file is ${mib(request.size)}; a Tend server takes files up to ${mib(limit)}.`,
        [{ path: '(body)', message: `must be at most ${limit} bytes` }],
      );
    }
    headers['content-type'] = 'application/octet-stream';
    // Node's fetch streams an async iterable as the body (with duplex: 'half').
    body = rearming(request.stream, arm, timeoutMs) as unknown as RequestInit['body'];
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }

  arm();
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        method: def.method.toUpperCase(),
        headers,
        body: body ?? null,
        signal: controller.signal,
        // A redirect could carry the token elsewhere: report it instead of following.
        redirect: 'manual',
        ...(request.stream ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      throw connectionError(error, server, controller.signal.aborted, waitMs);
    }
    arm();
    let text: string;
    try {
      text = await readText(response, arm);
    } catch (error) {
      throw connectionError(error, server, controller.signal.aborted, waitMs);
    }
    return answer(def, response, text, target, url);
  } finally {
    clearTimeout(timer);
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;

/** Seconds a server may work on each MiB of a file it has been sent before it answers. */
const SECONDS_PER_MIB = 10;

async function* rearming(
  chunks: AsyncIterable<Uint8Array>,
  arm: (ms?: number) => void,
  timeoutMs: number,
): AsyncGenerator<Uint8Array> {
  let sent = 0;
  for await (const chunk of chunks) {
    arm();
    sent += chunk.byteLength;
    yield chunk;
  }
  // With the whole file sent, the server matches and writes it before it
  // answers, silently: give it time in proportion to the file.
  arm(timeoutMs + Math.ceil((sent / 1024 / 1024) * SECONDS_PER_MIB * 1000));
}

async function readText(response: Response, arm: () => void): Promise<string> {
  if (!response.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    arm();
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/** What went wrong on the way, naming the server (never the token) and what to check. */
function connectionError(
  error: unknown,
  server: string,
  timedOut: boolean,
  timeoutMs: number,
): RemoteError {
  if (timedOut) {
    return new RemoteError(
      'timeout',
      `The Tend server at ${server} did not answer within ${Math.round(timeoutMs / 1000)} s.`,
      'Check that it is up, or wait longer with --timeout SECONDS.',
    );
  }
  const cause = (
    error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }
  ).cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code ?? '';
  const host = new URL(server).host;
  if (code === 'ECONNREFUSED') {
    return new RemoteError(
      'unreachable',
      `Cannot reach the Tend server at ${server}: nothing answers at ${host} (connection refused).`,
      'Check that the server is running and the address is right (--server or TEND_SERVER).',
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new RemoteError(
      'unreachable',
      `Cannot reach the Tend server at ${server}: the name ${new URL(server).hostname} is not known${code === 'EAI_AGAIN' ? ' right now' : ''}.`,
      'Check the address (--server or TEND_SERVER) and your network.',
    );
  }
  if (/CERT|TLS|SSL|EPROTO/.test(code)) {
    return new RemoteError(
      'unreachable',
      `Cannot reach the Tend server at ${server} securely: its certificate or TLS was refused (${code}).`,
      'If it uses your own certificate authority, set NODE_EXTRA_CA_CERTS=/path/to/ca.pem; if it speaks only http://, use that address.',
    );
  }
  return new RemoteError(
    'unreachable',
    `Cannot reach the Tend server at ${server}: the connection failed (${code || cause?.message || (error as Error).message}).`,
    'Check that the server is running and the address is right (--server or TEND_SERVER).',
  );
}

/** A success becomes the result; anything else the same TendError the local path throws. */
function answer(
  def: RouteDef,
  response: Response,
  text: string,
  target: RemoteTarget,
  url: URL,
): unknown {
  const { server } = target;
  const type = response.headers.get('content-type') ?? '';
  const status = response.status;
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    // Name the new base address when the redirect keeps the route's path.
    const moved = location ? new URL(location, url) : undefined;
    const to = !moved
      ? 'another address'
      : moved.pathname.endsWith(url.pathname) && !moved.search
        ? `${moved.origin}${moved.pathname.slice(0, -url.pathname.length)}`
        : moved.href;
    throw new RemoteError(
      'redirected',
      `The Tend server at ${server} sends requests on to ${to}.`,
      'Give that address with --server (or TEND_SERVER); Tend does not follow redirects, so the token goes nowhere else.',
    );
  }
  if (status === 401) {
    throw new RemoteProblem(
      'unauthorized',
      401,
      target.token
        ? `The Tend server at ${server} refused the token (unauthorized): it may be mistyped, revoked or expired.`
        : `The Tend server at ${server} needs a personal API token (unauthorized): set TEND_TOKEN, or use --token-file FILE.`,
    );
  }
  if (status >= 200 && status < 300) {
    if (def.status === 204) return undefined;
    if (def.produces) return text;
    if (/\bjson\b/i.test(type)) {
      try {
        return JSON.parse(text);
      } catch {
        // reported below
      }
    }
    throw notTend(server, type);
  }
  const problem = /problem\+json|\bjson\b/i.test(type) ? parseProblem(text) : undefined;
  if (problem) throw new RemoteProblem(problem.code, status, problem.detail, problem.issues);
  if (status === 404) throw notTend(server, type);
  throw new RemoteProblem(
    status >= 500 ? (status === 503 ? 'unavailable' : 'internal') : 'validation_failed',
    status,
    `The Tend server at ${server} answered ${status}${response.statusText ? ` ${response.statusText}` : ''}${status >= 500 ? '; try again in a moment' : ''}.`,
  );
}

function parseProblem(
  text: string,
): { code: string; detail: string; issues: FieldIssue[] } | undefined {
  try {
    const body = JSON.parse(text) as { type?: unknown; detail?: unknown; errors?: unknown };
    const code =
      typeof body.type === 'string' ? /^urn:tend:problem:(\w+)$/.exec(body.type)?.[1] : undefined;
    if (!code || typeof body.detail !== 'string') return undefined;
    const issues = Array.isArray(body.errors)
      ? body.errors.flatMap((e: { path?: unknown; message?: unknown }) =>
          typeof e?.path === 'string' && typeof e.message === 'string'
            ? [{ path: e.path, message: e.message }]
            : [],
        )
      : [];
    return { code, detail: body.detail, issues };
  } catch {
    return undefined;
  }
}

function notTend(server: string, type: string): RemoteError {
  return new RemoteError(
    'not_tend',
    `The server at ${server} did not answer like Tend${type ? ` (it sent ${type.split(';')[0]})` : ''}.`,
    'Check the address: it should be where Tend’s web app opens, and the server should run this version of Tend or newer.',
  );
}
