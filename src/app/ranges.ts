import { z } from 'zod';
import { Id, ListQuery } from '../core/common.schemas.js';
import { invalid } from '../core/errors.js';
import { addDays, isLocalDate, startOfLocalDay, toInstant } from '../core/time.js';
import { parseOrThrow } from '../core/validation.js';
import type { RangeFilter } from '../storage/pagination.js';
import type { AppContext } from './context.js';

/**
 * Turn list query parameters into a UTC range. A bare date means whole local
 * days in the user's time zone: `from` at the day's start, `to` through its end.
 */
export async function rangeFilter(ctx: AppContext, input: unknown): Promise<RangeFilter> {
  const query = parseOrThrow(ListQuery, input, 'query');
  const { timeZone } = await ctx.store.settings();
  const from =
    query.from === undefined
      ? undefined
      : isLocalDate(query.from)
        ? startOfLocalDay(query.from, timeZone).toISOString()
        : toInstant(query.from);
  const to =
    query.to === undefined
      ? undefined
      : isLocalDate(query.to)
        ? startOfLocalDay(addDays(query.to, 1), timeZone).toISOString()
        : toInstant(query.to);
  if (from && to && from > to) {
    throw invalid('The range ends before it starts.', [{ path: 'to', message: 'is before from' }]);
  }
  return { limit: query.limit, cursor: query.cursor, from, to, connectionId: query.connectionId };
}

export const ConnectionListQuery = z.strictObject({
  limit: ListQuery.shape.limit,
  cursor: ListQuery.shape.cursor,
  q: z.string().max(200).optional().meta({ description: 'Part of the name, any case or accent.' }),
  ring: z.enum(['inner', 'close', 'friends', 'wider']).optional(),
  kind: z.enum(['person', 'pet']).optional(),
});

/** Ids in a body must be this user's connections; the error names the field. */
export async function assertConnectionsExist(
  ctx: AppContext,
  ids: readonly string[],
  field = 'connectionIds',
): Promise<void> {
  const missing = new Set(await ctx.store.connections.missing(ids));
  if (missing.size === 0) return;
  throw invalid(
    `No connection with id ${[...missing].join(', ')}.`,
    ids.flatMap((id, i) =>
      missing.has(id)
        ? [{ path: `${field}[${i}]`, message: 'is not one of your connections' }]
        : [],
    ),
  );
}

export const IdParam = Id;
