import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './database.types.js';
import { migrateToLatest } from './migrator.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Where the data lives, for humans: a file path or a redacted URL. */
  location: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Run migrations on open (the default). */
  migrate?: boolean;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

/** `$TEND_DATA_DIR`, else `$XDG_DATA_HOME/tend`, else `~/.local/share/tend`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TEND_DATA_DIR) return env.TEND_DATA_DIR;
  const xdg = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(xdg, 'tend');
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const database = isPostgresUrl(options.databaseUrl)
    ? await openPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : openSqlite(options.dataDir ?? defaultDataDir());
  if (options.migrate !== false) {
    try {
      await migrateToLatest(database.db);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

function openSqlite(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'tend.sqlite');
  const sqlite = new SQLite(file);
  // WAL lets readers run beside the writer; FULL makes every acknowledged
  // commit reach the disk before we answer (decision 0003).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', location: file, close: () => db.destroy() };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // Loaded only when needed: most local commands never touch PostgreSQL.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // A client losing its server must not crash the process: the pool reports
  // idle clients' errors here, and a checked-out client between two queries
  // emits its own. The query in flight fails and answers 503 (server/problem.ts);
  // the pool then opens new connections once the server is back.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', location: redact(url), close: () => db.destroy() };
}
