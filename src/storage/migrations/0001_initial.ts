import type { Kysely } from 'kysely';

/**
 * The first schema. Every table carries the owning user's id from the start,
 * so hosted multi-user mode needs no data migration later. Only portable
 * column types are used, so one migration serves SQLite and PostgreSQL.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('connections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ring', 'text', (c) => c.notNull())
    .addColumn('cadence_days', 'integer', (c) => c.notNull())
    .addColumn('shared_joys', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('important_dates', 'text', (c) => c.notNull())
    .addColumn('handles', 'text', (c) => c.notNull())
    .addColumn('draining', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('connections_user_name')
    .on('connections')
    .columns(['user_id', 'name_key', 'id'])
    .execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('delight', 'integer')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('message_count', 'integer')
    .addColumn('source_system', 'text')
    .addColumn('source_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interactions_user_started')
    .on('interactions')
    .columns(['user_id', 'started_at', 'id'])
    .execute();
  // NULLs are distinct in both engines, so hand-entered rows never collide.
  await db.schema
    .createIndex('interactions_user_source')
    .on('interactions')
    .columns(['user_id', 'source_system', 'source_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('interaction_connections')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('interaction_id', 'text', (c) =>
      c.notNull().references('interactions.id').onDelete('cascade'),
    )
    .addColumn('connection_id', 'text', (c) =>
      c.notNull().references('connections.id').onDelete('cascade'),
    )
    // Copied from the interaction so "last contact with X" is one index lookup,
    // however long the history (the reach-out list needs it for everyone).
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interaction_connections_pk', ['interaction_id', 'connection_id'])
    .execute();
  await db.schema
    .createIndex('interaction_connections_by_connection')
    .on('interaction_connections')
    .columns(['user_id', 'connection_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('stress', 'integer', (c) => c.notNull())
    .addColumn('loneliness', 'integer', (c) => c.notNull())
    .addColumn('mood', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('checkins_user_at')
    .on('checkins')
    .columns(['user_id', 'at', 'id'])
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('interaction_id', 'text', (c) =>
      c.references('interactions.id').onDelete('set null'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plans_user_starts')
    .on('plans')
    .columns(['user_id', 'starts_at', 'id'])
    .execute();

  await db.schema
    .createTable('plan_connections')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('connection_id', 'text', (c) =>
      c.notNull().references('connections.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('plan_connections_pk', ['plan_id', 'connection_id'])
    .execute();
  await db.schema
    .createIndex('plan_connections_by_connection')
    .on('plan_connections')
    .columns(['user_id', 'connection_id', 'plan_id'])
    .execute();

  await db.schema
    .createTable('nudge_decisions')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('nudge_decisions_pk', ['user_id', 'key'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'nudge_decisions',
    'plan_connections',
    'plans',
    'checkins',
    'interaction_connections',
    'interactions',
    'connections',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
