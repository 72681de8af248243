import type { Kysely } from 'kysely';
import type { CheckIn } from '../core/checkins.schemas.js';
import type { CheckinsTable, DB } from './database.types.js';
import { type Page, type RangeFilter, timeRangeConditions, toPage } from './pagination.js';

function toRow(userId: string, c: CheckIn): CheckinsTable {
  return {
    id: c.id,
    user_id: userId,
    at: c.at,
    stress: c.stress,
    loneliness: c.loneliness,
    mood: c.mood,
    note: c.note,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function fromRow(r: CheckinsTable): CheckIn {
  return {
    id: r.id,
    at: r.at,
    stress: Number(r.stress),
    loneliness: Number(r.loneliness),
    mood: r.mood,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function checkinsRepository(db: Kysely<DB>, userId: string) {
  const scoped = () => db.selectFrom('checkins').selectAll().where('user_id', '=', userId);
  return {
    async insert(c: CheckIn): Promise<void> {
      await db.insertInto('checkins').values(toRow(userId, c)).execute();
    },

    async replace(c: CheckIn): Promise<void> {
      const { id: _id, user_id: _u, created_at: _c, ...rest } = toRow(userId, c);
      await db
        .updateTable('checkins')
        .set(rest)
        .where('user_id', '=', userId)
        .where('id', '=', c.id)
        .execute();
    },

    async get(id: string): Promise<CheckIn | undefined> {
      const row = await scoped().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },

    async delete(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('checkins')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Newest first. */
    async list(filter: RangeFilter): Promise<Page<CheckIn>> {
      let query = scoped();
      for (const condition of timeRangeConditions('at', filter, 'desc')) {
        query = query.where(condition);
      }
      const rows = await query
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
      return toPage(rows, filter.limit, fromRow, (r) => ({ key: r.at, id: r.id }));
    },

    /** The earliest check-in's instant, or null. An index lookup. */
    async earliest(): Promise<string | null> {
      const row = await db
        .selectFrom('checkins')
        .select((eb) => eb.fn.min('at').as('first'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return (row?.first as string | null | undefined) ?? null;
    },

    /** Every check-in in [from, to), oldest first. */
    async between(from: string, to: string): Promise<CheckIn[]> {
      const rows = await scoped()
        .where('at', '>=', from)
        .where('at', '<', to)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },
  };
}

export type CheckinsRepository = ReturnType<typeof checkinsRepository>;
