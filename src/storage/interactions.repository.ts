import type { Kysely } from 'kysely';
import type { InteractionKind } from '../core/common.schemas.js';
import type { Interaction } from '../core/interactions.schemas.js';
import type { DB, InteractionsTable } from './database.types.js';
import { connectionLinks } from './links.js';
import { type Page, type RangeFilter, timeRangeConditions, toPage } from './pagination.js';

function toRow(userId: string, i: Interaction): InteractionsTable {
  return {
    id: i.id,
    user_id: userId,
    started_at: i.startedAt,
    duration_minutes: i.durationMinutes,
    channel: i.channel,
    kinds: JSON.stringify(i.kinds),
    delight: i.delight,
    note: i.note,
    message_count: i.messageCount,
    source_system: i.source?.system ?? null,
    source_id: i.source?.externalId ?? null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

function fromRow(r: InteractionsTable, connectionIds: string[]): Interaction {
  return {
    id: r.id,
    startedAt: r.started_at,
    durationMinutes: r.duration_minutes === null ? null : Number(r.duration_minutes),
    connectionIds,
    channel: r.channel as Interaction['channel'],
    kinds: JSON.parse(r.kinds) as InteractionKind[],
    delight: r.delight === null ? null : Number(r.delight),
    note: r.note,
    messageCount: r.message_count === null ? null : Number(r.message_count),
    source:
      r.source_system !== null && r.source_id !== null
        ? { system: r.source_system, externalId: r.source_id }
        : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function interactionsRepository(db: Kysely<DB>, userId: string) {
  const scoped = () => db.selectFrom('interactions').selectAll().where('user_id', '=', userId);

  const links = connectionLinks(db, userId, {
    table: 'interaction_connections',
    owner: 'interaction_id',
    parent: 'interactions',
  });

  async function withConnections(rows: InteractionsTable[]): Promise<Interaction[]> {
    if (rows.length === 0) return [];
    const byId = await links.load(rows.map((r) => r.id));
    return rows.map((r) => fromRow(r, byId.get(r.id) ?? []));
  }

  return {
    async insert(i: Interaction): Promise<void> {
      await db.insertInto('interactions').values(toRow(userId, i)).execute();
      await links.add(i.id, i.connectionIds, { started_at: i.startedAt });
    },

    async replace(i: Interaction): Promise<void> {
      const { id: _id, user_id: _u, created_at: _c, ...rest } = toRow(userId, i);
      await db
        .updateTable('interactions')
        .set(rest)
        .where('user_id', '=', userId)
        .where('id', '=', i.id)
        .execute();
      await links.write(i.id, i.connectionIds, { started_at: i.startedAt });
    },

    async get(id: string): Promise<Interaction | undefined> {
      const row = await scoped().where('id', '=', id).executeTakeFirst();
      return row && (await withConnections([row]))[0];
    },

    async findBySource(system: string, externalId: string): Promise<Interaction | undefined> {
      const row = await scoped()
        .where('source_system', '=', system)
        .where('source_id', '=', externalId)
        .executeTakeFirst();
      return row && (await withConnections([row]))[0];
    },

    async delete(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('interactions')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Newest first. */
    async list(filter: RangeFilter): Promise<Page<Interaction>> {
      let query = scoped();
      for (const condition of timeRangeConditions('started_at', filter, 'desc')) {
        query = query.where(condition);
      }
      if (filter.connectionId) query = query.where(links.involves(filter.connectionId));
      const rows = await query
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
      const page = toPage(
        rows,
        filter.limit,
        (r) => r,
        (r) => ({ key: r.started_at, id: r.id }),
      );
      return { items: await withConnections(page.items), nextCursor: page.nextCursor };
    },

    /** Every interaction starting in [from, to), oldest first: the model's input. */
    async between(from: string, to: string): Promise<Interaction[]> {
      const rows = await scoped()
        .where('started_at', '>=', from)
        .where('started_at', '<', to)
        .orderBy('started_at')
        .orderBy('id')
        .execute();
      return withConnections(rows);
    },

    /** Interactions left without any connection (after a connection was deleted). */
    async deleteOrphans(): Promise<number> {
      return links.deleteOrphans();
    },

    /**
     * For each of the user's connections, the start of the latest interaction
     * before `before` (null if none). One index lookup per connection.
     */
    async lastContacts(before: string): Promise<Map<string, string | null>> {
      const rows = await db
        .selectFrom('connections as c')
        .select((eb) => [
          'c.id',
          eb
            .selectFrom('interaction_connections as ic')
            .select((e) => e.fn.max('ic.started_at').as('last'))
            .where('ic.user_id', '=', userId)
            .whereRef('ic.connection_id', '=', 'c.id')
            .where('ic.started_at', '<', before)
            .as('last'),
        ])
        .where('c.user_id', '=', userId)
        .execute();
      return new Map(rows.map((r) => [r.id, (r.last as string | null) ?? null]));
    },

    /** When the log begins: the earliest start, or null. An index lookup. */
    async earliest(): Promise<string | null> {
      const row = await db
        .selectFrom('interactions')
        .select((eb) => eb.fn.min('started_at').as('first'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return (row?.first as string | null | undefined) ?? null;
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('interactions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type InteractionsRepository = ReturnType<typeof interactionsRepository>;
