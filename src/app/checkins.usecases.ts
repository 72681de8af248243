import { type CheckIn, CheckInCreate, CheckInUpdate } from '../core/checkins.schemas.js';
import { invalid, notFound } from '../core/errors.js';
import { parseOrThrow } from '../core/validation.js';
import type { Page } from '../storage/pagination.js';
import { type AppContext, nowInstant } from './context.js';
import { rangeFilter } from './ranges.js';

export async function createCheckIn(ctx: AppContext, input: unknown): Promise<CheckIn> {
  const data = parseOrThrow(CheckInCreate, input, 'check-in');
  const now = nowInstant(ctx);
  const checkIn: CheckIn = {
    id: ctx.newId(),
    ...data,
    at: data.at ?? now,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.checkins.insert(checkIn);
  return checkIn;
}

export async function getCheckIn(ctx: AppContext, id: string): Promise<CheckIn> {
  const found = await ctx.store.checkins.get(id);
  if (!found) throw notFound('check-in', id);
  return found;
}

export async function updateCheckIn(ctx: AppContext, id: string, input: unknown): Promise<CheckIn> {
  const patch = parseOrThrow(CheckInUpdate, input, 'check-in');
  return ctx.store.transaction(async (store) => {
    const current = await store.checkins.get(id);
    if (!current) throw notFound('check-in', id);
    const next: CheckIn = { ...current, ...patch, updatedAt: nowInstant(ctx) };
    await store.checkins.replace(next);
    return next;
  });
}

export async function deleteCheckIn(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.store.checkins.delete(id))) throw notFound('check-in', id);
}

export async function listCheckIns(ctx: AppContext, input: unknown): Promise<Page<CheckIn>> {
  const filter = await rangeFilter(ctx, input);
  if (filter.connectionId) {
    throw invalid('Check-ins are not about one connection.', [
      { path: 'connectionId', message: 'is not a filter for check-ins' },
    ]);
  }
  return ctx.store.checkins.list(filter);
}
