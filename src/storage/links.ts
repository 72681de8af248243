import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from './database.types.js';

type LinkTable =
  | { table: 'interaction_connections'; owner: 'interaction_id'; parent: 'interactions' }
  | { table: 'plan_connections'; owner: 'plan_id'; parent: 'plans' };

/**
 * The many-to-many link from a record (an interaction or a plan) to its
 * connections. Loaded for a whole page in one query, never one per row.
 */
export function connectionLinks(
  db: Kysely<DB>,
  userId: string,
  { table, owner, parent }: LinkTable,
) {
  // The two link tables share a shape; Kysely cannot express that generically.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const k = db as unknown as Kysely<any>;
  async function add(
    ownerId: string,
    connectionIds: readonly string[],
    extra: Record<string, string> = {},
  ): Promise<void> {
    if (connectionIds.length === 0) return;
    await k
      .insertInto(table)
      .values(
        connectionIds.map((id) => ({
          user_id: userId,
          [owner]: ownerId,
          connection_id: id,
          ...extra,
        })),
      )
      .execute();
  }
  const linked = sql`select 1 from ${sql.table(table)} as l where l.${sql.ref(owner)} = ${sql.ref(`${parent}.id`)}`;
  return {
    /** A condition for queries on the parent table: the record is with `connectionId`. */
    involves(connectionId: string): RawBuilder<boolean> {
      return sql<boolean>`exists (${linked} and l.user_id = ${userId} and l.connection_id = ${connectionId})`;
    },

    /** Delete this user's parent records that are left with nobody (after a connection went). */
    async deleteOrphans(): Promise<number> {
      const result = await k
        .deleteFrom(parent)
        .where('user_id', '=', userId)
        .where(sql<boolean>`not exists (${linked})`)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async load(ownerIds: readonly string[]): Promise<Map<string, string[]>> {
      const links = new Map<string, string[]>();
      // Chunked to stay under bind-parameter limits on long windows.
      for (let i = 0; i < ownerIds.length; i += 500) {
        const rows: { owner_id: string; connection_id: string }[] = await k
          .selectFrom(table)
          .select([`${owner} as owner_id`, 'connection_id'])
          // The owner ids come from a query already scoped to this user; adding
          // user_id here would steer SQLite onto the by-connection index and
          // scan every link the user has instead of the primary key.
          .where(owner, 'in', ownerIds.slice(i, i + 500))
          .orderBy('connection_id')
          .execute();
        for (const row of rows) {
          const list = links.get(row.owner_id);
          if (list) list.push(row.connection_id);
          else links.set(row.owner_id, [row.connection_id]);
        }
      }
      return links;
    },

    /**
     * Links for a record that has none yet (just inserted); `extra` columns
     * (such as a copied start time) go on every row.
     */
    add,

    /** Replace a record's links. */
    async write(
      ownerId: string,
      connectionIds: readonly string[],
      extra: Record<string, string> = {},
    ): Promise<void> {
      await k.deleteFrom(table).where('user_id', '=', userId).where(owner, '=', ownerId).execute();
      await add(ownerId, connectionIds, extra);
    },
  };
}
