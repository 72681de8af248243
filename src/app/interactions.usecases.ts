import { notFound, TendError } from '../core/errors.js';
import {
  type Interaction,
  InteractionCreate,
  InteractionUpdate,
} from '../core/interactions.schemas.js';
import { parseOrThrow } from '../core/validation.js';
import type { Page } from '../storage/pagination.js';
import { type AppContext, nowInstant } from './context.js';
import { assertConnectionsExist, rangeFilter } from './ranges.js';

export async function createInteraction(ctx: AppContext, input: unknown): Promise<Interaction> {
  const data = parseOrThrow(InteractionCreate, input, 'interaction');
  return ctx.store.transaction(async (store) => {
    await assertConnectionsExist({ ...ctx, store }, data.connectionIds);
    if (
      data.source &&
      (await store.interactions.findBySource(data.source.system, data.source.externalId))
    ) {
      throw new TendError('conflict', 'An interaction from this source already exists.', [
        { path: 'source', message: 'is already recorded' },
      ]);
    }
    const now = nowInstant(ctx);
    const interaction: Interaction = { id: ctx.newId(), ...data, createdAt: now, updatedAt: now };
    await store.interactions.insert(interaction);
    return interaction;
  });
}

export async function getInteraction(ctx: AppContext, id: string): Promise<Interaction> {
  const found = await ctx.store.interactions.get(id);
  if (!found) throw notFound('interaction', id);
  return found;
}

export async function updateInteraction(
  ctx: AppContext,
  id: string,
  input: unknown,
): Promise<Interaction> {
  const patch = parseOrThrow(InteractionUpdate, input, 'interaction');
  return ctx.store.transaction(async (store) => {
    const current = await store.interactions.get(id);
    if (!current) throw notFound('interaction', id);
    if (patch.connectionIds) await assertConnectionsExist({ ...ctx, store }, patch.connectionIds);
    const next: Interaction = { ...current, ...patch, updatedAt: nowInstant(ctx) };
    await store.interactions.replace(next);
    return next;
  });
}

export async function deleteInteraction(ctx: AppContext, id: string): Promise<void> {
  if (!(await ctx.store.interactions.delete(id))) throw notFound('interaction', id);
}

export async function listInteractions(
  ctx: AppContext,
  input: unknown,
): Promise<Page<Interaction>> {
  return ctx.store.interactions.list(await rangeFilter(ctx, input));
}
