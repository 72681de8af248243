import { type Kysely, sql } from 'kysely';
import type { Connection, ImportantDate } from '../core/connections.schemas.js';
import type { Engine } from './database.js';
import type { ConnectionsTable, DB } from './database.types.js';
import { decodeCursor, type Page, toPage } from './pagination.js';

export interface ConnectionFilter {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  ring?: string | undefined;
  kind?: string | undefined;
}

/** Sort key for names: case- and accent-insensitive, the same on both engines. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function toRow(userId: string, c: Connection): ConnectionsTable {
  return {
    id: c.id,
    user_id: userId,
    name: c.name,
    name_key: nameKey(c.name),
    kind: c.kind,
    ring: c.ring,
    cadence_days: c.cadenceDays,
    shared_joys: JSON.stringify(c.sharedJoys),
    notes: c.notes,
    important_dates: JSON.stringify(c.importantDates),
    handles: JSON.stringify(c.handles),
    draining: c.draining ? 1 : 0,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function fromRow(r: ConnectionsTable): Connection {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as Connection['kind'],
    ring: r.ring as Connection['ring'],
    cadenceDays: Number(r.cadence_days),
    sharedJoys: JSON.parse(r.shared_joys) as string[],
    notes: r.notes,
    importantDates: JSON.parse(r.important_dates) as ImportantDate[],
    handles: JSON.parse(r.handles) as Connection['handles'],
    draining: Number(r.draining) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every query is scoped to one owner here, not in each route. */
export function connectionsRepository(db: Kysely<DB>, engine: Engine, userId: string) {
  // Byte order on both engines, so pages never shift with the server's locale.
  const byKey = engine === 'postgres' ? sql`name_key collate "C"` : sql`name_key`;
  const scoped = () => db.selectFrom('connections').selectAll().where('user_id', '=', userId);

  return {
    async insert(c: Connection): Promise<void> {
      await db.insertInto('connections').values(toRow(userId, c)).execute();
    },

    async replace(c: Connection): Promise<void> {
      const { id: _id, user_id: _u, created_at: _c, ...rest } = toRow(userId, c);
      await db
        .updateTable('connections')
        .set(rest)
        .where('user_id', '=', userId)
        .where('id', '=', c.id)
        .execute();
    },

    async get(id: string): Promise<Connection | undefined> {
      const row = await scoped().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },

    async delete(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('connections')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async list(filter: ConnectionFilter): Promise<Page<Connection>> {
      let query = scoped();
      if (filter.ring) query = query.where('ring', '=', filter.ring);
      if (filter.kind) query = query.where('kind', '=', filter.kind);
      if (filter.q) {
        const needle = `%${nameKey(filter.q).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
        query = query.where(sql<boolean>`name_key like ${needle} escape '\\'`);
      }
      if (filter.cursor) {
        const at = decodeCursor(filter.cursor);
        query = query.where(
          sql<boolean>`(${byKey} > ${at.key} or (name_key = ${at.key} and id > ${at.id}))`,
        );
      }
      const rows = await query
        .orderBy(byKey)
        .orderBy('id')
        .limit(filter.limit + 1)
        .execute();
      return toPage(rows, filter.limit, fromRow, (r) => ({ key: r.name_key, id: r.id }));
    },

    async all(): Promise<Connection[]> {
      const rows = await scoped().orderBy(byKey).orderBy('id').execute();
      return rows.map(fromRow);
    },

    /** The ids in `ids` that are not this user's connections. */
    async missing(ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const found = await db
        .selectFrom('connections')
        .select('id')
        .where('user_id', '=', userId)
        .where('id', 'in', ids)
        .execute();
      const have = new Set(found.map((r) => r.id));
      return ids.filter((id) => !have.has(id));
    },
  };
}

export type ConnectionsRepository = ReturnType<typeof connectionsRepository>;
