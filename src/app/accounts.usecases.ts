import { randomUUID } from 'node:crypto';
import {
  AccountDelete,
  ApiTokenCreate,
  Credentials,
  EmailVerify,
  PasswordChange,
  SignUp,
  type SignupPolicy,
} from '../core/accounts.schemas.js';
import { TendError } from '../core/errors.js';
import { defaultSettings } from '../core/settings.schemas.js';
import type { Clock } from '../core/time.js';
import { parseOrThrow } from '../core/validation.js';
import {
  accountsRepository,
  apiTokensRepository,
  emailVerificationsRepository,
  invitesRepository,
  sessionsRepository,
  throttlesRepository,
} from '../storage/accounts.repository.js';
import type { Database } from '../storage/database.js';
import {
  equalSecrets,
  hashPassword,
  newSecret,
  RECOMMENDED_PASSWORD_COST,
  sha256,
  verifyPassword,
} from './auth/secrets.js';

/** What an operator sets for a hosted Tend (docs/deployment.md). */
export interface HostedConfig {
  signup: SignupPolicy;
  /** scrypt cost as log2(N); below the recommendation only in tests. */
  passwordCost: number;
  /** A session unused this long ends. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, used or not. */
  sessionMaxMs: number;
  /** New accounts' time zone until the user sets theirs. */
  defaultTimeZone: string;
}

const DAY = 24 * 60 * 60 * 1000;

export function hostedConfig(overrides: Partial<HostedConfig> = {}): HostedConfig {
  return {
    signup: 'invite',
    passwordCost: RECOMMENDED_PASSWORD_COST,
    sessionIdleMs: 30 * DAY,
    sessionMaxMs: 180 * DAY,
    defaultTimeZone: 'UTC',
    ...overrides,
  };
}

/** Sends one email (server/mailer.ts implements it over SMTP). */
export interface OutgoingMail {
  send(message: { to: string; subject: string; text: string; html: string }): Promise<void>;
}

export interface AccountsContext {
  database: Database;
  clock: Clock;
  config: HostedConfig;
  /** Set when the operator configured SMTP; without it Tend sends no email. */
  mail?: OutgoingMail | undefined;
}

/** Where a sign-in comes from: for throttling and the sessions list, never logged. */
export interface ClientInfo {
  address: string;
  label: string;
}

export interface NewSession {
  userId: string;
  sessionId: string;
  token: string;
  csrfToken: string;
  expiresAt: string;
}

/** Login failures allowed per window before the account or address must wait. */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perAddress: 30,
  signupsPerAddress: 10,
};

const WRONG = 'The email or password is not right.';

/**
 * The CSRF token belongs to the session: derived from its secret token, so
 * it needs no storage and a page on another site, which cannot read the
 * HttpOnly cookie, cannot compute it.
 */
export function csrfTokenFor(sessionToken: string): string {
  return sha256(`tend-csrf\u0000${sessionToken}`);
}

export function checkCsrf(sessionToken: string, presented: string | undefined): boolean {
  return !!presented && equalSecrets(csrfTokenFor(sessionToken), presented);
}

function windowStart(now: Date): string {
  const start = Math.floor(now.getTime() / LOGIN_LIMITS.windowMs) * LOGIN_LIMITS.windowMs;
  return new Date(start).toISOString();
}

function minutesLeft(now: Date): number {
  const end = (Math.floor(now.getTime() / LOGIN_LIMITS.windowMs) + 1) * LOGIN_LIMITS.windowMs;
  return Math.max(1, Math.ceil((end - now.getTime()) / 60_000));
}

function tooMany(now: Date): TendError {
  const error = new TendError(
    'too_many_requests',
    `Too many attempts. Wait ${minutesLeft(now)} minutes and try again.`,
  );
  error.retryAfter = minutesLeft(now) * 60;
  return error;
}

/** A hash to verify against when the account does not exist, so both cost the same. */
const decoys = new Map<number, Promise<string>>();
function decoyHash(cost: number): Promise<string> {
  let decoy = decoys.get(cost);
  if (!decoy) {
    decoy = hashPassword(newSecret('decoy'), cost);
    decoys.set(cost, decoy);
  }
  return decoy;
}

async function openSession(
  ctx: AccountsContext,
  userId: string,
  client: ClientInfo,
): Promise<NewSession> {
  const now = ctx.clock();
  const token = newSecret('tend_s');
  const sessionId = randomUUID();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionIdleMs).toISOString();
  await sessionsRepository(ctx.database.db).create({
    id: sessionId,
    user_id: userId,
    token_hash: sha256(token),
    label: client.label.slice(0, 200),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt,
  });
  return { userId, sessionId, token, csrfToken: csrfTokenFor(token), expiresAt };
}

export async function signUp(
  ctx: AccountsContext,
  input: unknown,
  client: ClientInfo,
): Promise<NewSession> {
  const { signup, passwordCost } = ctx.config;
  if (signup === 'closed') {
    throw new TendError('forbidden', 'This Tend does not take new accounts.');
  }
  const body = parseOrThrow(SignUp, input, 'sign-up');
  const now = ctx.clock();
  const throttles = throttlesRepository(ctx.database.db);
  const addressKey = `signup:address:${client.address}`;
  if ((await throttles.hit(addressKey, windowStart(now))) > LOGIN_LIMITS.signupsPerAddress) {
    throw tooMany(now);
  }
  if (signup === 'invite' && !body.invite) {
    throw new TendError('forbidden', 'This Tend takes new accounts by invitation only.', [
      { path: 'invite', message: 'is required' },
    ]);
  }
  // Hash before anything can fail on the email, so a taken address costs the same time.
  const passwordHash = await hashPassword(body.password, passwordCost);
  const userId = randomUUID();
  await ctx.database.db.transaction().execute(async (trx) => {
    if (signup === 'invite') {
      const used = await invitesRepository(trx).consume(
        sha256(body.invite ?? ''),
        now.toISOString(),
      );
      if (!used) {
        throw new TendError('forbidden', 'This invite code is not valid, used or expired.', [
          { path: 'invite', message: 'is not valid' },
        ]);
      }
    }
    const created = await accountsRepository(trx).create({
      id: userId,
      email: body.email,
      passwordHash,
      now: now.toISOString(),
      settings: defaultSettings(body.timeZone ?? ctx.config.defaultTimeZone),
    });
    if (!created) {
      // Sign-up cannot hide that an address is taken without email confirmation;
      // the message is the same whatever the password, and sign-ups are throttled.
      throw new TendError(
        'conflict',
        'An account with this email already exists. Log in instead.',
        [{ path: 'email', message: 'is already registered' }],
      );
    }
  });
  return openSession(ctx, userId, client);
}

export async function logIn(
  ctx: AccountsContext,
  input: unknown,
  client: ClientInfo,
): Promise<NewSession> {
  const body = parseOrThrow(Credentials, input, 'login');
  const now = ctx.clock();
  const window = windowStart(now);
  const throttles = throttlesRepository(ctx.database.db);
  // Keyed by the address asked for, existing or not, so a lockout says nothing either.
  const accountKey = `login:account:${sha256(body.email)}`;
  const addressKey = `login:address:${client.address}`;
  if (
    (await throttles.count(accountKey, window)) >= LOGIN_LIMITS.perAccount ||
    (await throttles.count(addressKey, window)) >= LOGIN_LIMITS.perAddress
  ) {
    throw tooMany(now);
  }
  const accounts = accountsRepository(ctx.database.db);
  const account = await accounts.byEmail(body.email);
  const stored = account?.password_hash ?? (await decoyHash(ctx.config.passwordCost));
  const check = await verifyPassword(body.password, stored, ctx.config.passwordCost);
  if (!account?.password_hash || !check.ok) {
    await throttles.hit(accountKey, window);
    await throttles.hit(addressKey, window);
    throw new TendError('unauthorized', WRONG);
  }
  await throttles.clear(accountKey);
  if (check.outdated) {
    await accounts.setPassword(
      account.id,
      await hashPassword(body.password, ctx.config.passwordCost),
    );
  }
  return openSession(ctx, account.id, client);
}

export interface Authenticated {
  userId: string;
  /** Set when a session cookie authenticated the request. */
  sessionId?: string;
  /** Set when a personal API token authenticated the request. */
  tokenId?: string;
  /** The session's CSRF token (session cookies only). */
  csrfToken?: string;
}

/** The session a cookie names, sliding its expiry forward at most once a minute. */
export async function authenticateSession(
  ctx: AccountsContext,
  token: string,
): Promise<Authenticated | undefined> {
  if (!token.startsWith('tend_s_')) return undefined;
  const now = ctx.clock();
  const sessions = sessionsRepository(ctx.database.db);
  const session = await sessions.findLive(sha256(token), now.toISOString());
  if (!session) return undefined;
  const hardEnd = Date.parse(session.created_at) + ctx.config.sessionMaxMs;
  if (now.getTime() >= hardEnd) {
    await sessions.delete(session.user_id, session.id);
    return undefined;
  }
  if (now.getTime() - Date.parse(session.last_seen_at) > 60_000) {
    const expires = Math.min(now.getTime() + ctx.config.sessionIdleMs, hardEnd);
    await sessions.touch(session.id, now.toISOString(), new Date(expires).toISOString());
  }
  return { userId: session.user_id, sessionId: session.id, csrfToken: csrfTokenFor(token) };
}

export async function authenticateToken(
  ctx: AccountsContext,
  token: string,
): Promise<Authenticated | undefined> {
  if (!token.startsWith('tend_pat_')) return undefined;
  const tokens = apiTokensRepository(ctx.database.db);
  const row = await tokens.find(sha256(token));
  if (!row) return undefined;
  const now = ctx.clock();
  // Recorded to the minute: enough to show "last used", without a write per request.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await tokens.touch(row.id, now.toISOString());
  }
  return { userId: row.user_id, tokenId: row.id };
}

export async function logOut(ctx: AccountsContext, auth: Authenticated): Promise<void> {
  if (auth.sessionId) await sessionsRepository(ctx.database.db).delete(auth.userId, auth.sessionId);
}

async function requirePassword(
  ctx: AccountsContext,
  userId: string,
  password: string,
  field: string,
) {
  const account = await accountsRepository(ctx.database.db).byId(userId);
  const check = account?.password_hash
    ? await verifyPassword(password, account.password_hash, ctx.config.passwordCost)
    : { ok: false };
  if (!check.ok) {
    throw new TendError('forbidden', 'That is not your current password.', [
      { path: field, message: 'is not right' },
    ]);
  }
}

/** A new password ends every other session: whoever knew the old one is signed out. */
export async function changePassword(
  ctx: AccountsContext,
  auth: Authenticated,
  input: unknown,
): Promise<void> {
  const body = parseOrThrow(PasswordChange, input, 'password change');
  await requirePassword(ctx, auth.userId, body.currentPassword, 'currentPassword');
  const hash = await hashPassword(body.newPassword, ctx.config.passwordCost);
  await ctx.database.db.transaction().execute(async (trx) => {
    await accountsRepository(trx).setPassword(auth.userId, hash);
    await sessionsRepository(trx).deleteAll(auth.userId, auth.sessionId);
  });
}

export async function listSessions(ctx: AccountsContext, auth: Authenticated) {
  const rows = await sessionsRepository(ctx.database.db).list(
    auth.userId,
    ctx.clock().toISOString(),
  );
  return rows.map((s) => ({
    id: s.id,
    label: s.label,
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    current: s.id === auth.sessionId,
  }));
}

export async function endSession(
  ctx: AccountsContext,
  auth: Authenticated,
  id: string,
): Promise<void> {
  if (!(await sessionsRepository(ctx.database.db).delete(auth.userId, id))) {
    throw new TendError('not_found', `No session with id ${id}.`);
  }
}

export async function endAllSessions(ctx: AccountsContext, auth: Authenticated): Promise<void> {
  await sessionsRepository(ctx.database.db).deleteAll(auth.userId);
}

/** Deletes the account and, by cascade, every record of it, in one statement. */
export async function deleteAccount(
  ctx: AccountsContext,
  auth: Authenticated,
  input: unknown,
): Promise<void> {
  const body = parseOrThrow(AccountDelete, input, 'account deletion');
  await requirePassword(ctx, auth.userId, body.password, 'password');
  await accountsRepository(ctx.database.db).delete(auth.userId);
}

const tokenView = (row: {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}) => ({ id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at });

export async function createApiToken(ctx: AccountsContext, auth: Authenticated, input: unknown) {
  const body = parseOrThrow(ApiTokenCreate, input, 'token');
  const token = newSecret('tend_pat');
  const row = {
    id: randomUUID(),
    user_id: auth.userId,
    name: body.name,
    created_at: ctx.clock().toISOString(),
    last_used_at: null,
  };
  await apiTokensRepository(ctx.database.db).create({ ...row, token_hash: sha256(token) });
  return { ...tokenView(row), token };
}

export async function listApiTokens(ctx: AccountsContext, auth: Authenticated) {
  return (await apiTokensRepository(ctx.database.db).list(auth.userId)).map(tokenView);
}

export async function revokeApiToken(
  ctx: AccountsContext,
  auth: Authenticated,
  id: string,
): Promise<void> {
  if (!(await apiTokensRepository(ctx.database.db).delete(auth.userId, id))) {
    throw new TendError('not_found', `No API token with id ${id}.`);
  }
}

export const VERIFICATION = { validMs: 2 * DAY, perWindow: 3 };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Send a link to the account's address; following it confirms the address,
 * and only a confirmed address gets reminder digests. `origin` is where the
 * web app is reached (TEND_PUBLIC_URL, else the request's own origin).
 */
export async function sendEmailVerification(
  ctx: AccountsContext,
  auth: Authenticated,
  origin: string,
): Promise<{ sentTo: string }> {
  if (!ctx.mail) {
    throw new TendError('conflict', 'This Tend has no email set up, so it cannot send the link.');
  }
  const account = await accountsRepository(ctx.database.db).byId(auth.userId);
  if (!account?.email) throw new TendError('not_found', 'This account has no email address.');
  if (account.email_verified_at) {
    throw new TendError('conflict', 'This address is already confirmed.');
  }
  const now = ctx.clock();
  const sent = await throttlesRepository(ctx.database.db).hit(
    `verify-mail:${auth.userId}`,
    windowStart(now),
  );
  if (sent > VERIFICATION.perWindow) throw tooMany(now);
  const token = newSecret('tend_v');
  await emailVerificationsRepository(ctx.database.db).create({
    token_hash: sha256(token),
    user_id: auth.userId,
    email: account.email,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + VERIFICATION.validMs).toISOString(),
  });
  // The link opens a page that confirms with a POST, so a mail scanner that
  // fetches links cannot confirm an address on the owner's behalf.
  const link = `${origin.replace(/\/+$/, '')}/verify-email#token=${token}`;
  await ctx.mail.send({
    to: account.email,
    subject: 'Confirm your email address for Tend',
    text: [
      'Someone (we hope you) asked Tend to send reminders to this address.',
      '',
      `To confirm it, open this link within two days:\n${link}`,
      '',
      'If it was not you, ignore this email: nothing will be sent to you.',
    ].join('\n'),
    html: `<p>Someone (we hope you) asked Tend to send reminders to this address.</p><p><a href="${escapeHtml(link)}">Confirm this address</a> within two days.</p><p>If it was not you, ignore this email: nothing will be sent to you.</p>`,
  });
  return { sentTo: account.email };
}

export async function verifyEmail(ctx: AccountsContext, input: unknown): Promise<void> {
  const { token } = parseOrThrow(EmailVerify, input, 'confirmation');
  const ok = await emailVerificationsRepository(ctx.database.db).consume(
    sha256(token),
    ctx.clock().toISOString(),
  );
  if (!ok) {
    throw new TendError(
      'not_found',
      'This confirmation link is not valid any more (used, expired, or for another address). Ask for a new one in your account.',
    );
  }
}

/** For the operator (`tend invite`): a one-time sign-up code. */
export async function createInvite(
  ctx: Pick<AccountsContext, 'database' | 'clock'>,
  options: { note?: string; days?: number } = {},
): Promise<{ id: string; code: string; expiresAt: string }> {
  const now = ctx.clock();
  const code = newSecret('tend_i');
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + (options.days ?? 14) * DAY).toISOString();
  await invitesRepository(ctx.database.db).create({
    id,
    code_hash: sha256(code),
    note: options.note ?? '',
    created_at: now.toISOString(),
    expires_at: expiresAt,
    used_at: null,
  });
  return { id, code, expiresAt };
}

/** Housekeeping: expired sessions and old throttle windows. */
export async function sweepAccounts(ctx: Pick<AccountsContext, 'database' | 'clock'>) {
  const now = ctx.clock();
  await sessionsRepository(ctx.database.db).deleteExpired(now.toISOString());
  await emailVerificationsRepository(ctx.database.db).deleteExpired(now.toISOString());
  await throttlesRepository(ctx.database.db).deleteOlderThan(
    new Date(now.getTime() - DAY).toISOString(),
  );
}
