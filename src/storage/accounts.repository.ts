import { type Kysely, sql } from 'kysely';
import type { Settings } from '../core/settings.schemas.js';
import type { DB } from './database.types.js';

/**
 * Hosted mode's own tables: accounts (the users table's login columns),
 * sessions, personal API tokens, invites and throttling counters. Unlike
 * the per-user repositories these are not bound to one user: they are how
 * a request finds its user in the first place. Every read or delete that a
 * signed-in user triggers still names that user, so one account can never
 * see or revoke another's sessions or tokens.
 */
export function accountsRepository(db: Kysely<DB>) {
  return {
    /** False when the email is taken (the unique index decides, race-free). */
    async create(account: {
      id: string;
      email: string;
      passwordHash: string;
      now: string;
      settings: Settings;
    }): Promise<boolean> {
      const result = await db
        .insertInto('users')
        .values({
          id: account.id,
          email: account.email,
          password_hash: account.passwordHash,
          created_at: account.now,
          settings: JSON.stringify(account.settings),
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    byEmail(email: string) {
      return db
        .selectFrom('users')
        .select(['id', 'email', 'password_hash'])
        .where('email', '=', email)
        .executeTakeFirst();
    },

    byId(id: string) {
      return db
        .selectFrom('users')
        .select(['id', 'email', 'password_hash', 'created_at', 'email_verified_at'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', id)
        .execute();
    },

    /** Deletes the account; every table references users with ON DELETE CASCADE. */
    async delete(id: string): Promise<void> {
      await db.deleteFrom('users').where('id', '=', id).execute();
    },
  };
}

export function emailVerificationsRepository(db: Kysely<DB>) {
  return {
    async create(row: {
      token_hash: string;
      user_id: string;
      email: string;
      created_at: string;
      expires_at: string;
    }): Promise<void> {
      await db.insertInto('email_verifications').values(row).execute();
    },

    /**
     * Use a link once: the row is deleted as it is read, so two clicks cannot
     * both count. Marks the address confirmed if it is still the account's.
     */
    async consume(tokenHash: string, now: string): Promise<boolean> {
      const row = await db
        .deleteFrom('email_verifications')
        .where('token_hash', '=', tokenHash)
        .returning(['user_id', 'email', 'expires_at'])
        .executeTakeFirst();
      if (!row || row.expires_at <= now) return false;
      const result = await db
        .updateTable('users')
        .set({ email_verified_at: now })
        .where('id', '=', row.user_id)
        .where('email', '=', row.email)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async deleteExpired(now: string): Promise<void> {
      await db.deleteFrom('email_verifications').where('expires_at', '<=', now).execute();
    },
  };
}

export interface SessionRow {
  id: string;
  user_id: string;
  label: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export function sessionsRepository(db: Kysely<DB>) {
  return {
    async create(session: SessionRow & { token_hash: string }): Promise<void> {
      await db.insertInto('sessions').values(session).execute();
    },

    /** The live session with this token hash, if any. */
    findLive(tokenHash: string, now: string): Promise<SessionRow | undefined> {
      return db
        .selectFrom('sessions')
        .select(['id', 'user_id', 'label', 'created_at', 'last_seen_at', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now)
        .executeTakeFirst();
    },

    async touch(id: string, now: string, expiresAt: string): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: now, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },

    list(userId: string, now: string): Promise<SessionRow[]> {
      return db
        .selectFrom('sessions')
        .select(['id', 'user_id', 'label', 'created_at', 'last_seen_at', 'expires_at'])
        .where('user_id', '=', userId)
        .where('expires_at', '>', now)
        .orderBy('last_seen_at', 'desc')
        .execute();
    },

    async delete(userId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('sessions')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async deleteAll(userId: string, exceptId?: string): Promise<void> {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) query = query.where('id', '!=', exceptId);
      await query.execute();
    },

    async deleteExpired(now: string): Promise<void> {
      await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },
  };
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export function apiTokensRepository(db: Kysely<DB>) {
  return {
    async create(token: ApiTokenRow & { token_hash: string }): Promise<void> {
      await db.insertInto('api_tokens').values(token).execute();
    },

    find(tokenHash: string): Promise<ApiTokenRow | undefined> {
      return db
        .selectFrom('api_tokens')
        .select(['id', 'user_id', 'name', 'created_at', 'last_used_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    async touch(id: string, now: string): Promise<void> {
      await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
    },

    list(userId: string): Promise<ApiTokenRow[]> {
      return db
        .selectFrom('api_tokens')
        .select(['id', 'user_id', 'name', 'created_at', 'last_used_at'])
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
    },

    async delete(userId: string, id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('api_tokens')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export interface InviteRow {
  id: string;
  note: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export function invitesRepository(db: Kysely<DB>) {
  return {
    async create(invite: InviteRow & { code_hash: string }): Promise<void> {
      await db.insertInto('invites').values(invite).execute();
    },

    /** Use an invite once: only one of two racing sign-ups can win it. */
    async consume(codeHash: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable('invites')
        .set({ used_at: now })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    list(): Promise<InviteRow[]> {
      return db
        .selectFrom('invites')
        .select(['id', 'note', 'created_at', 'expires_at', 'used_at'])
        .orderBy('created_at', 'desc')
        .execute();
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('invites').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

/**
 * Fixed-window counters in the database, so every server sees the same
 * count: login failures per account and per address, and calls to the
 * expensive routes per user.
 */
export function throttlesRepository(db: Kysely<DB>) {
  return {
    /** Count one more event in the window starting at `windowStart`; returns the new count. */
    async hit(key: string, windowStart: string): Promise<number> {
      const row = await db
        .insertInto('throttles')
        .values({ key, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when throttles.window_start = excluded.window_start then throttles.count + 1 else 1 end`,
            window_start: sql<string>`excluded.window_start`,
          }),
        )
        .returning('count')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async count(key: string, windowStart: string): Promise<number> {
      const row = await db
        .selectFrom('throttles')
        .select('count')
        .where('key', '=', key)
        .where('window_start', '=', windowStart)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('throttles').where('key', '=', key).execute();
    },

    async deleteOlderThan(windowStart: string): Promise<void> {
      await db.deleteFrom('throttles').where('window_start', '<', windowStart).execute();
    },
  };
}
