import type { Kysely } from 'kysely';

/**
 * Hosted mode: an address gets email from Tend (reminder digests) only once
 * its owner has shown they read it, by following a link sent there. Only the
 * SHA-256 of each link's token is kept.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email_verified_at', 'text').execute();
  await db.schema
    .createTable('email_verifications')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('email_verifications_user')
    .on('email_verifications')
    .column('user_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_verifications').execute();
  await db.schema.alterTable('users').dropColumn('email_verified_at').execute();
}
