import { defaultSettings } from '../core/settings.schemas.js';
import type { Clock } from '../core/time.js';
import { type Database, type DatabaseOptions, openDatabase } from '../storage/database.js';
import { type UserStore, userStore } from '../storage/store.js';
import { LOCAL_USER_ID, usersRepository } from '../storage/users.repository.js';
import { type AppContext, appContext } from './context.js';

export interface LocalTend {
  database: Database;
  store: UserStore;
  ctx: AppContext;
}

/** The machine's own time zone, the natural default for a local, one-person Tend. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Open (and migrate) the database and make sure the local user exists.
 * Local mode has exactly one user and no login.
 */
export async function openLocalTend(
  options: DatabaseOptions & { clock?: Clock } = {},
): Promise<LocalTend> {
  const clock = options.clock ?? (() => new Date());
  const database = await openDatabase(options);
  await usersRepository(database.db).ensure(
    LOCAL_USER_ID,
    clock().toISOString(),
    defaultSettings(systemTimeZone()),
  );
  const store = userStore(database, LOCAL_USER_ID);
  return { database, store, ctx: appContext(store, clock) };
}
