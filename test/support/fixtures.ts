import type { AppContext } from '../../src/app/context.js';
import type { Connection } from '../../src/core/connections.schemas.js';
import type { Interaction } from '../../src/core/interactions.schemas.js';
import type { Database } from '../../src/storage/database.js';
import { userStore } from '../../src/storage/store.js';
import { usersRepository } from '../../src/storage/users.repository.js';

/** A clock that stands still until moved, so every timestamp is known. */
export function fixedClock(start = '2026-11-26T12:00:00.000Z') {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

/** Ids that sort in creation order and are still valid UUIDs. */
export function sequentialIds(prefix = 'a') {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix.padEnd(8, '0').slice(0, 8)}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  };
}

export async function contextFor(
  database: Database,
  userId: string,
  idPrefix = 'a',
): Promise<AppContext> {
  await usersRepository(database.db).ensure(userId, '2026-01-01T00:00:00.000Z');
  return {
    store: userStore(database, userId),
    clock: fixedClock(),
    newId: sequentialIds(idPrefix),
  };
}

export const USER_A = '0000000a-0000-4000-8000-00000000000a';
export const USER_B = '0000000b-0000-4000-8000-00000000000b';

export function connectionInput(name: string, extra: Partial<Connection> = {}) {
  return { name, ring: 'close', ...extra };
}

export function interactionInput(
  connectionIds: string[],
  startedAt: string,
  extra: Partial<Interaction> = {},
) {
  return {
    startedAt,
    connectionIds,
    channel: 'in_person',
    kinds: ['conversation'],
    durationMinutes: 30,
    ...extra,
  };
}
