import type { Kysely } from 'kysely';
import type { Settings } from '../core/settings.schemas.js';
import { userCalendarFeedRepository } from './calendar-feeds.repository.js';
import { checkinsRepository } from './checkins.repository.js';
import { connectionsRepository } from './connections.repository.js';
import type { Database, Engine } from './database.js';
import type { DB } from './database.types.js';
import { interactionsRepository } from './interactions.repository.js';
import { nudgesRepository } from './nudges.repository.js';
import { plansRepository } from './plans.repository.js';
import { usersRepository } from './users.repository.js';

/**
 * All of one user's data. Every repository in it is bound to the owner's id,
 * so no caller can forget the scope; a route never sees another user's rows.
 */
export interface UserStore {
  readonly userId: string;
  /** The database this store reads, as an identity for caches (never used to query). */
  readonly scope: object;
  readonly connections: ReturnType<typeof connectionsRepository>;
  readonly interactions: ReturnType<typeof interactionsRepository>;
  readonly checkins: ReturnType<typeof checkinsRepository>;
  readonly plans: ReturnType<typeof plansRepository>;
  readonly nudges: ReturnType<typeof nudgesRepository>;
  readonly calendarFeed: ReturnType<typeof userCalendarFeedRepository>;
  settings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** When the user was created. */
  createdAt(): Promise<string>;
  /** Settings plus the data version every write bumps, in one read. */
  versioned(): Promise<{ settings: Settings; version: number }>;
  /**
   * Whether any of these record ids is already used in this database, by
   * anyone. Only for restoring a backup: ids are global keys, and a second
   * account restoring the same backup must get fresh ones.
   */
  anyIdInUse(ids: readonly string[]): Promise<boolean>;
  /** Run `work` atomically: every write in it lands, or none does. */
  transaction<T>(work: (store: UserStore) => Promise<T>): Promise<T>;
}

/**
 * Make every write method also bump the user's data version, so results
 * cached against the version (Today) can never outlive the data they came
 * from. Done here, once, rather than in each repository or use case.
 */
function bumping<R extends object>(
  repository: R,
  writes: readonly (keyof R)[],
  bump: () => Promise<void>,
): R {
  const out = { ...repository };
  for (const name of writes) {
    const original = repository[name] as unknown as (...args: unknown[]) => Promise<unknown>;
    (out as Record<keyof R, unknown>)[name] = async (...args: unknown[]) => {
      const result = await original(...args);
      await bump();
      return result;
    };
  }
  return out;
}

function bind(
  db: Kysely<DB>,
  engine: Engine,
  userId: string,
  inTransaction: boolean,
  scope: object,
): UserStore {
  const users = usersRepository(db);
  const bump = () => users.bump(userId);
  const store: UserStore = {
    userId,
    scope,
    connections: bumping(
      connectionsRepository(db, engine, userId),
      ['insert', 'replace', 'delete'],
      bump,
    ),
    interactions: bumping(
      interactionsRepository(db, userId),
      ['insert', 'replace', 'delete', 'deleteOrphans'],
      bump,
    ),
    checkins: bumping(checkinsRepository(db, userId), ['insert', 'replace', 'delete'], bump),
    plans: bumping(
      plansRepository(db, userId),
      ['insert', 'replace', 'delete', 'deleteOrphans'],
      bump,
    ),
    nudges: bumping(nudgesRepository(db, userId), ['save', 'clear'], bump),
    calendarFeed: userCalendarFeedRepository(db, userId),
    settings: () => users.settings(userId),
    saveSettings: async (settings) => {
      await users.saveSettings(userId, settings);
      await bump();
    },
    createdAt: () => users.createdAt(userId),
    versioned: () => users.versioned(userId),
    anyIdInUse: async (ids) => {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        for (const table of ['connections', 'interactions', 'checkins', 'plans'] as const) {
          const hit = await db
            .selectFrom(table)
            .select('id')
            .where('id', 'in', chunk)
            .limit(1)
            .executeTakeFirst();
          if (hit) return true;
        }
      }
      return false;
    },
    transaction: (work) =>
      inTransaction
        ? work(store)
        : db.transaction().execute((trx) => work(bind(trx, engine, userId, true, scope))),
  };
  return store;
}

export function userStore(database: Database, userId: string): UserStore {
  return bind(database.db, database.engine, userId, false, database);
}
