import type { Kysely } from 'kysely';
import type { DB } from './database.types.js';

/**
 * Feed tokens are looked up without a user (the calendar app only has the
 * URL), so this repository is not owner-bound; it stores hashes only.
 */
export function calendarFeedsRepository(db: Kysely<DB>) {
  return {
    async set(userId: string, tokenHash: string, now: string): Promise<void> {
      await db
        .insertInto('calendar_feeds')
        .values({ user_id: userId, token_hash: tokenHash, created_at: now })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({ token_hash: tokenHash, created_at: now }),
        )
        .execute();
    },

    async get(userId: string): Promise<{ createdAt: string } | undefined> {
      const row = await db
        .selectFrom('calendar_feeds')
        .select('created_at')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && { createdAt: row.created_at };
    },

    async remove(userId: string): Promise<boolean> {
      const r = await db
        .deleteFrom('calendar_feeds')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async userFor(tokenHash: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('calendar_feeds')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row?.user_id;
    },
  };
}

/** The same table, bound to one owner for the user's own settings. */
export function userCalendarFeedRepository(db: Kysely<DB>, userId: string) {
  const all = calendarFeedsRepository(db);
  return {
    set: (tokenHash: string, now: string) => all.set(userId, tokenHash, now),
    get: () => all.get(userId),
    remove: () => all.remove(userId),
  };
}
