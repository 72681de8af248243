import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { TendError } from '../core/errors.js';
import { MIGRATIONS } from './migrations/index.js';

const provider: MigrationProvider = {
  getMigrations: async (): Promise<Record<string, Migration>> => MIGRATIONS,
};

// biome-ignore lint/suspicious/noExplicitAny: works on any schema
async function executedMigrations(db: Kysely<any>): Promise<string[]> {
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return rows.rows.map((r) => r.name);
  } catch {
    return []; // a new database has no migration table yet
  }
}

/**
 * Bring the schema up to date. Refuses a database written by a newer Tend:
 * running old code on a newer schema could silently lose data.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const known = new Set(Object.keys(MIGRATIONS));
  const unknown = (await executedMigrations(db)).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new TendError(
      'schema_too_new',
      `This database was written by a newer version of Tend (it has migration ${unknown.join(', ')}). Upgrade Tend; nothing was changed.`,
    );
  }
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
