import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type Engine, openDatabase } from '../../src/storage/database.js';

/** Where the test PostgreSQL server is; a fresh database is made in it per suite. */
export const POSTGRES_ADMIN_URL =
  process.env.TEND_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let postgresReachable: Promise<boolean> | undefined;

async function canReachPostgres(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: POSTGRES_ADMIN_URL,
    connectionTimeoutMillis: 3_000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The engines to run a suite against. PostgreSQL missing is a skip on a
 * developer's machine but a failure under CI=true: no suite may be skipped there.
 */
export async function availableEngines(): Promise<Engine[]> {
  postgresReachable ??= canReachPostgres();
  if (await postgresReachable) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}, and CI=true forbids skipping its suite.`,
    );
  }
  console.warn(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: its suites are skipped.`);
  return ['sqlite'];
}

export interface TestDatabase {
  database: Database;
  /** Connection options that open the same database again (a restart). */
  options: { dataDir?: string; databaseUrl?: string };
  /** Close and remove everything. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tend-test-'));
    const database = await openDatabase({ dataDir });
    return {
      database,
      options: { dataDir },
      async destroy() {
        await database.close().catch(() => {});
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `tend_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const database = await openDatabase({ databaseUrl, maxConnections: 4 });
  return {
    database,
    options: { databaseUrl },
    async destroy() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
