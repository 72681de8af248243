import type { Kysely } from 'kysely';
import type { Plan } from '../core/plans.schemas.js';
import type { DB, PlansTable } from './database.types.js';
import { connectionLinks } from './links.js';
import { type Page, type RangeFilter, timeRangeConditions, toPage } from './pagination.js';

function toRow(userId: string, p: Plan): PlansTable {
  return {
    id: p.id,
    user_id: userId,
    starts_at: p.startsAt,
    duration_minutes: p.durationMinutes,
    title: p.title,
    location: p.location,
    status: p.status,
    note: p.note,
    interaction_id: p.interactionId,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

function fromRow(r: PlansTable, connectionIds: string[]): Plan {
  return {
    id: r.id,
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes === null ? null : Number(r.duration_minutes),
    connectionIds,
    title: r.title,
    location: r.location,
    status: r.status as Plan['status'],
    note: r.note,
    interactionId: r.interaction_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function plansRepository(db: Kysely<DB>, userId: string) {
  const scoped = () => db.selectFrom('plans').selectAll().where('user_id', '=', userId);
  const links = connectionLinks(db, userId, {
    table: 'plan_connections',
    owner: 'plan_id',
    parent: 'plans',
  });

  async function withConnections(rows: PlansTable[]): Promise<Plan[]> {
    if (rows.length === 0) return [];
    const byId = await links.load(rows.map((r) => r.id));
    return rows.map((r) => fromRow(r, byId.get(r.id) ?? []));
  }

  return {
    async insert(p: Plan): Promise<void> {
      await db.insertInto('plans').values(toRow(userId, p)).execute();
      await links.add(p.id, p.connectionIds);
    },

    async replace(p: Plan): Promise<void> {
      const { id: _id, user_id: _u, created_at: _c, ...rest } = toRow(userId, p);
      await db
        .updateTable('plans')
        .set(rest)
        .where('user_id', '=', userId)
        .where('id', '=', p.id)
        .execute();
      await links.write(p.id, p.connectionIds);
    },

    async get(id: string): Promise<Plan | undefined> {
      const row = await scoped().where('id', '=', id).executeTakeFirst();
      return row && (await withConnections([row]))[0];
    },

    async delete(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('plans')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Soonest first, so a list from today reads as "what's next". */
    async list(filter: RangeFilter): Promise<Page<Plan>> {
      let query = scoped();
      for (const condition of timeRangeConditions('starts_at', filter, 'asc')) {
        query = query.where(condition);
      }
      if (filter.connectionId) query = query.where(links.involves(filter.connectionId));
      const rows = await query
        .orderBy('starts_at')
        .orderBy('id')
        .limit(filter.limit + 1)
        .execute();
      const page = toPage(
        rows,
        filter.limit,
        (r) => r,
        (r) => ({ key: r.starts_at, id: r.id }),
      );
      return { items: await withConnections(page.items), nextCursor: page.nextCursor };
    },

    async deleteOrphans(): Promise<number> {
      return links.deleteOrphans();
    },
  };
}

export type PlansRepository = ReturnType<typeof plansRepository>;
