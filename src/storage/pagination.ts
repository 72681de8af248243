import { type RawBuilder, sql } from 'kysely';
import { invalid } from '../core/errors.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A position in a list ordered by (key, id): opaque to clients. */
export interface Position {
  key: string;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('The cursor is not valid.', [
    { path: 'cursor', message: 'is not a cursor this server gave out' },
  ]);
}

/** Rows fetched with `limit + 1` tell whether another page exists without a count query. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  position: (row: R) => Position,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && last ? encodeCursor(position(last)) : null,
  };
}

export interface RangeFilter {
  limit: number;
  cursor?: string | undefined;
  /** Inclusive lower bound, a UTC instant. */
  from?: string | undefined;
  /** Exclusive upper bound, a UTC instant. */
  to?: string | undefined;
  connectionId?: string | undefined;
}

/**
 * SQL conditions for a time-ordered list: the range, and the keyset after the
 * cursor in the list's direction. Instants are ISO text, so they compare as text.
 */
export function timeRangeConditions(
  column: string,
  filter: RangeFilter,
  direction: 'asc' | 'desc',
): RawBuilder<boolean>[] {
  const col = sql.ref(column);
  const conditions: RawBuilder<boolean>[] = [];
  if (filter.from) conditions.push(sql<boolean>`${col} >= ${filter.from}`);
  if (filter.to) conditions.push(sql<boolean>`${col} < ${filter.to}`);
  if (filter.cursor) {
    const at = decodeCursor(filter.cursor);
    conditions.push(
      direction === 'desc'
        ? sql<boolean>`(${col} < ${at.key} or (${col} = ${at.key} and id < ${at.id}))`
        : sql<boolean>`(${col} > ${at.key} or (${col} = ${at.key} and id > ${at.id}))`,
    );
  }
  return conditions;
}
