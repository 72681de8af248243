import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/time.js';
import type { UserStore } from '../storage/store.js';

/** What every use case needs: one user's store, a clock and an id source. */
export interface AppContext {
  store: UserStore;
  clock: Clock;
  newId: () => string;
}

export function appContext(store: UserStore, clock: Clock = () => new Date()): AppContext {
  return { store, clock, newId: randomUUID };
}

export function nowInstant(ctx: AppContext): string {
  return ctx.clock().toISOString();
}
