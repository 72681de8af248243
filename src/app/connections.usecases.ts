import {
  type Connection,
  ConnectionCreate,
  ConnectionUpdate,
} from '../core/connections.schemas.js';
import { notFound } from '../core/errors.js';
import { parseOrThrow } from '../core/validation.js';
import type { Page } from '../storage/pagination.js';
import { type AppContext, nowInstant } from './context.js';
import { ConnectionListQuery } from './ranges.js';

export async function createConnection(ctx: AppContext, input: unknown): Promise<Connection> {
  const data = parseOrThrow(ConnectionCreate, input, 'connection');
  const settings = await ctx.store.settings();
  const now = nowInstant(ctx);
  const connection: Connection = {
    id: ctx.newId(),
    ...data,
    cadenceDays: data.cadenceDays ?? settings.ringCadenceDays[data.ring],
    createdAt: now,
    updatedAt: now,
  };
  await ctx.store.connections.insert(connection);
  return connection;
}

export async function getConnection(ctx: AppContext, id: string): Promise<Connection> {
  const found = await ctx.store.connections.get(id);
  if (!found) throw notFound('connection', id);
  return found;
}

export async function updateConnection(
  ctx: AppContext,
  id: string,
  input: unknown,
): Promise<Connection> {
  const patch = parseOrThrow(ConnectionUpdate, input, 'connection');
  return ctx.store.transaction(async (store) => {
    const current = await store.connections.get(id);
    if (!current) throw notFound('connection', id);
    const next: Connection = { ...current, ...patch, updatedAt: nowInstant(ctx) };
    await store.connections.replace(next);
    return next;
  });
}

/**
 * Deleting a connection removes it from every interaction and plan; those
 * left with nobody are removed too, since a contact with no one is no record.
 */
export async function deleteConnection(ctx: AppContext, id: string): Promise<void> {
  await ctx.store.transaction(async (store) => {
    if (!(await store.connections.delete(id))) throw notFound('connection', id);
    await store.interactions.deleteOrphans();
    await store.plans.deleteOrphans();
  });
}

export async function listConnections(ctx: AppContext, input: unknown): Promise<Page<Connection>> {
  const query = parseOrThrow(ConnectionListQuery, input, 'query');
  return ctx.store.connections.list(query);
}
