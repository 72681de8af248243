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
  /** Run `work` atomically: every write in it lands, or none does. */
  transaction<T>(work: (store: UserStore) => Promise<T>): Promise<T>;
}

function bind(db: Kysely<DB>, engine: Engine, userId: string, inTransaction: boolean): UserStore {
  const users = usersRepository(db);
  const store: UserStore = {
    userId,
    connections: connectionsRepository(db, engine, userId),
    interactions: interactionsRepository(db, userId),
    checkins: checkinsRepository(db, userId),
    plans: plansRepository(db, userId),
    nudges: nudgesRepository(db, userId),
    calendarFeed: userCalendarFeedRepository(db, userId),
    settings: () => users.settings(userId),
    saveSettings: (settings) => users.saveSettings(userId, settings),
    createdAt: () => users.createdAt(userId),
    transaction: (work) =>
      inTransaction
        ? work(store)
        : db.transaction().execute((trx) => work(bind(trx, engine, userId, true))),
  };
  return store;
}

export function userStore(database: Database, userId: string): UserStore {
  return bind(database.db, database.engine, userId, false);
}
