import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  type AccountsContext,
  type Authenticated,
  authenticateSession,
  authenticateToken,
  type ClientInfo,
  checkCsrf,
  type HostedConfig,
  type OutgoingMail,
} from '../app/accounts.usecases.js';
import { TendError } from '../core/errors.js';
import { throttlesRepository } from '../storage/accounts.repository.js';
import type { AccountSide, RouteDef } from './route.js';

/** How a hosted Tend is reached (docs/deployment.md). */
export interface HostedOptions {
  config: HostedConfig;
  /** Sends email (address confirmation); digests get the same mailer in serve.ts. */
  mail?: OutgoingMail | undefined;
  /** The address people use, e.g. `https://tend.example.org`; fixes the allowed Origin. */
  publicUrl?: string | undefined;
  /** Behind a reverse proxy: believe its X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy?: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const COOKIE = 'tend_session';
/** `__Host-` cookies are only accepted over HTTPS, for this host, for every path. */
const SECURE_COOKIE = `__Host-${COOKIE}`;

function isHttps(c: Context, options: HostedOptions): boolean {
  if (options.publicUrl?.startsWith('https:')) return true;
  if (options.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https')
    return true;
  return new URL(c.req.url).protocol === 'https:';
}

/** The peer's address; behind a trusted proxy, the one it saw (the last hop it appended). */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = c.req.header('x-forwarded-for')?.split(',') ?? [];
    const last = hops[hops.length - 1]?.trim();
    if (last) return last;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** "Firefox on Linux": enough for a person to recognise a session, nothing more. */
export function describeClient(userAgent: string | undefined): string {
  if (!userAgent) return 'Unknown client';
  if (/^tend-cli\//.test(userAgent)) return 'Tend CLI';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'A browser';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : 'an unknown system';
  return `${browser} on ${os}`;
}

function expectedOrigin(c: Context, options: HostedOptions): string {
  if (options.publicUrl) return new URL(options.publicUrl).origin;
  const url = new URL(c.req.url);
  const host = (options.trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host');
  const proto = isHttps(c, options) ? 'https:' : url.protocol;
  return `${proto}//${host ?? url.host}`;
}

/**
 * A browser always says where a cross-site request comes from; a request
 * that changes something must come from Tend's own pages (or from a
 * non-browser client, which sends no Origin).
 */
function assertSameOrigin(c: Context, expected: string): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('origin');
  if (origin && origin !== expected) {
    throw new TendError('forbidden', 'This request came from another site and was refused.');
  }
}

const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i;

/**
 * Local mode has no login, so it must not answer pages that a web site made
 * a browser send: a Host that is not this machine (DNS rebinding) or a
 * change requested from another origin is refused.
 */
export function guardLocal(c: Context): void {
  const host = c.req.header('host');
  if (host && !LOOPBACK_HOST.test(host)) {
    throw new TendError('forbidden', 'Local Tend answers only requests addressed to this machine.');
  }
  const origin = c.req.header('origin');
  if (origin && !SAFE_METHODS.has(c.req.method)) {
    let originHost = '';
    try {
      originHost = new URL(origin).host;
    } catch {}
    if (!host || originHost !== host) {
      throw new TendError('forbidden', 'This request came from another site and was refused.');
    }
  }
}

/**
 * Who is calling, for one hosted request: a personal API token in the
 * Authorization header, else the session cookie (whose CSRF token must then
 * accompany every change). Then the route's own rule decides.
 */
export async function hostedAccess(
  c: Context,
  def: Pick<RouteDef, 'auth'>,
  accounts: AccountsContext,
  options: HostedOptions,
): Promise<AccountSide> {
  const secure = isHttps(c, options);
  const origin = expectedOrigin(c, options);
  assertSameOrigin(c, origin);
  let auth: Authenticated | undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) {
    auth = await authenticateToken(accounts, bearer);
    if (!auth) throw new TendError('unauthorized', 'This API token is not valid (revoked?).');
  } else {
    const token = getCookie(c, SECURE_COOKIE) ?? getCookie(c, COOKIE);
    if (token) {
      auth = await authenticateSession(accounts, token);
      // Public routes (sign-up, login) act on no session, so they need no token;
      // the Origin check above still keeps other sites out.
      if (
        auth &&
        def.auth !== 'public' &&
        !SAFE_METHODS.has(c.req.method) &&
        !checkCsrf(token, c.req.header('x-csrf-token'))
      ) {
        throw new TendError(
          'forbidden',
          'This change lacks the page’s CSRF token. Reload the page and try again.',
        );
      }
    }
  }
  const rule = def.auth ?? 'user';
  if (rule !== 'public' && !auth) throw new TendError('unauthorized', 'Sign in first.');
  if (rule === 'session' && auth && !auth.sessionId) {
    throw new TendError(
      'forbidden',
      'API tokens cannot manage the account; sign in with your password for this.',
    );
  }
  const client: ClientInfo = {
    address: clientAddress(c, options.trustProxy ?? false),
    label: describeClient(c.req.header('user-agent')),
  };
  const cookieName = secure ? SECURE_COOKIE : COOKIE;
  return {
    accounts,
    auth,
    client,
    origin,
    startSession(session) {
      setCookie(c, cookieName, session.token, {
        httpOnly: true,
        secure,
        sameSite: 'Lax',
        path: '/',
        maxAge: Math.floor(accounts.config.sessionMaxMs / 1000),
      });
    },
    endSession() {
      deleteCookie(c, cookieName, { path: '/', secure });
    },
  };
}

/** Requests per user per minute on the routes that cost the server most. */
export const EXPENSIVE_ROUTES: Record<string, { group: string; perMinute: number }> = {
  importFile: { group: 'files', perMinute: 10 },
  restoreBackup: { group: 'files', perMinute: 10 },
  exportBackup: { group: 'files', perMinute: 10 },
  exportCsv: { group: 'files', perMinute: 10 },
  exportVCards: { group: 'files', perMinute: 10 },
  getStates: { group: 'model', perMinute: 60 },
  getInsights: { group: 'model', perMinute: 60 },
  explainDay: { group: 'model', perMinute: 120 },
};

/** Counted in the database, so the limit holds across every server. */
export async function rateLimit(
  accounts: AccountsContext,
  operationId: string,
  userId: string,
): Promise<void> {
  const limit = EXPENSIVE_ROUTES[operationId];
  if (!limit) return;
  const now = accounts.clock().getTime();
  const windowStart = new Date(Math.floor(now / 60_000) * 60_000).toISOString();
  const count = await throttlesRepository(accounts.database.db).hit(
    `rate:${limit.group}:${userId}`,
    windowStart,
  );
  if (count > limit.perMinute) {
    const error = new TendError(
      'too_many_requests',
      'That is a lot of heavy requests in a minute. Wait a moment and try again.',
    );
    error.retryAfter = 60 - Math.floor((now % 60_000) / 1000);
    throw error;
  }
}
