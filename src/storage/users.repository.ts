import type { Kysely } from 'kysely';
import { defaultSettings, type Settings } from '../core/settings.schemas.js';
import type { DB } from './database.types.js';

/** The single owner of a local (non-hosted) Tend. */
export const LOCAL_USER_ID = '00000000-0000-4000-8000-000000000001';

export function usersRepository(db: Kysely<DB>) {
  return {
    /** Create the user if missing; concurrent callers (two servers) are harmless. */
    async ensure(id: string, now: string, settings: Settings = defaultSettings()): Promise<void> {
      await db
        .insertInto('users')
        .values({ id, created_at: now, settings: JSON.stringify(settings) })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },

    async exists(id: string): Promise<boolean> {
      const row = await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
      return !!row;
    },

    async settings(id: string): Promise<Settings> {
      const row = await db
        .selectFrom('users')
        .select('settings')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      // Settings added in later versions fall back to their defaults.
      return { ...defaultSettings(), ...(JSON.parse(row.settings) as Partial<Settings>) };
    },

    async createdAt(id: string): Promise<string> {
      const row = await db
        .selectFrom('users')
        .select('created_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return row.created_at;
    },

    /** The user's settings and data version in one read: what a cached result is keyed by. */
    async versioned(id: string): Promise<{ settings: Settings; version: number }> {
      const row = await db
        .selectFrom('users')
        .select(['settings', 'data_version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return {
        settings: { ...defaultSettings(), ...(JSON.parse(row.settings) as Partial<Settings>) },
        version: Number(row.data_version),
      };
    },

    async bump(id: string): Promise<void> {
      await db
        .updateTable('users')
        .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },

    async saveSettings(id: string, settings: Settings): Promise<void> {
      await db
        .updateTable('users')
        .set({ settings: JSON.stringify(settings) })
        .where('id', '=', id)
        .execute();
    },

    async delete(id: string): Promise<void> {
      await db.deleteFrom('users').where('id', '=', id).execute();
    },
  };
}
