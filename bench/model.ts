/**
 * The model on a heavy user: 300 connections, 4,000 check-ins, 10,000
 * interactions in the last year and 10k / 100k / 1M in all (older history
 * makes up the rest: ten years for 100k, a century for 1M), on SQLite and on PostgreSQL. Measures
 * `GET /api/v1/today` and a 365-day `GET /api/v1/states` against `/livez`
 * (a trivial JSON route of the same server) as the floor. Not a test: it
 * reports figures for docs/benchmarks.md.
 *
 *   npm run build && npx tsx bench/model.ts [sizes=10000,100000,1000000] [seconds=5]
 *   (PostgreSQL at TEND_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { appContext } from '../src/app/context.js';
import { computeTodayReport } from '../src/app/model.usecases.js';
import { CHANNELS, INTERACTION_KINDS } from '../src/core/common.schemas.js';
import { defaultSettings } from '../src/core/settings.schemas.js';
import { addDays, localDateOf } from '../src/core/time.js';
import { type Engine, openDatabase } from '../src/storage/database.js';
import type { DB } from '../src/storage/database.types.js';
import { userStore } from '../src/storage/store.js';
import { LOCAL_USER_ID } from '../src/storage/users.repository.js';
import { type LoadResult, load, row, seeded, serveTend } from './support.js';

const sizes = (process.argv[2] ?? '10000,100000,1000000').split(',').map(Number);
const seconds = Number(process.argv[3] ?? 5);
const ADMIN = process.env.TEND_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TZ = 'Europe/Berlin';
const YEARS = 10;
/** Interactions in the most recent year: about 27 a day, a very social heavy user. */
const RECENT_PER_YEAR = 10_000;
const CONNECTIONS = 300;
const CHECKINS = 4_000;
const RINGS = ['inner', 'close', 'friends', 'wider'] as const;

export async function fill(db: Kysely<DB>, interactions: number): Promise<void> {
  const random = seeded(interactions);
  const now = Date.now();
  // The last year always holds RECENT_PER_YEAR interactions (a heavy user's
  // rate); larger sizes add older history, so only the history's length grows.
  const year = 365 * 86_400_000;
  const span = Math.max(YEARS * year, (interactions / RECENT_PER_YEAR) * year);
  const recent = Math.min(interactions, RECENT_PER_YEAR);
  const older = interactions - recent;
  const startOf = (k: number) =>
    k < older
      ? now - span + Math.floor((k / Math.max(1, older)) * (span - year))
      : now - year + Math.floor(((k - older) / recent) * year);
  const iso = (t: number) => new Date(t).toISOString();
  await db
    .insertInto('users')
    .values({
      id: LOCAL_USER_ID,
      created_at: iso(now - span),
      settings: JSON.stringify(defaultSettings(TZ)),
    })
    .execute();
  const connectionIds: string[] = [];
  const people = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const id = randomUUID();
    connectionIds.push(id);
    const ring = RINGS[Math.min(3, Math.floor(i / 75))] ?? 'wider';
    people.push({
      id,
      user_id: LOCAL_USER_ID,
      name: `Person ${i}`,
      name_key: `person ${i}`,
      kind: i === 0 ? 'pet' : 'person',
      ring,
      cadence_days: { inner: 7, close: 30, friends: 180, wider: 365 }[ring],
      shared_joys: JSON.stringify(['walks', 'cooking']),
      notes: '',
      important_dates: JSON.stringify([
        { kind: 'birthday', month: 1 + (i % 12), day: 1 + (i % 28) },
      ]),
      handles: JSON.stringify({ phones: [], emails: [] }),
      draining: i === 299 ? 1 : 0,
      created_at: iso(now - span),
      updated_at: iso(now - span),
    });
  }
  await db.insertInto('connections').values(people).execute();

  const BATCH = 1_000;
  for (let start = 0; start < interactions; start += BATCH) {
    const rows: DB['interactions'][] = [];
    const links: DB['interaction_connections'][] = [];
    for (let k = start; k < Math.min(interactions, start + BATCH); k++) {
      const id = randomUUID();
      const startedAt = iso(startOf(k) + Math.floor(random() * 3_600_000));
      const channel = CHANNELS[Math.floor(random() * CHANNELS.length)] ?? 'text';
      rows.push({
        id,
        user_id: LOCAL_USER_ID,
        started_at: startedAt,
        duration_minutes: channel === 'text' ? null : 15 + Math.floor(random() * 120),
        channel,
        kinds: JSON.stringify([INTERACTION_KINDS[Math.floor(random() * INTERACTION_KINDS.length)]]),
        delight: 1 + Math.floor(random() * 5),
        note: '',
        message_count: null,
        source_system: null,
        source_id: null,
        created_at: startedAt,
        updated_at: startedAt,
      });
      const who = new Set([Math.floor(random() ** 2 * CONNECTIONS)]);
      if (random() < 0.2) who.add(Math.floor(random() * CONNECTIONS));
      for (const w of who) {
        links.push({
          user_id: LOCAL_USER_ID,
          interaction_id: id,
          connection_id: connectionIds[w] ?? '',
          started_at: startedAt,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('interactions').values(rows).execute();
      await trx.insertInto('interaction_connections').values(links).execute();
    });
  }
  const checkins = [];
  for (let k = 0; k < CHECKINS; k++) {
    const at = iso(now - span + Math.floor((k / CHECKINS) * span));
    checkins.push({
      id: randomUUID(),
      user_id: LOCAL_USER_ID,
      at,
      stress: Math.floor(random() * 11),
      loneliness: Math.floor(random() * 11),
      mood: null,
      note: '',
      created_at: at,
      updated_at: at,
    });
  }
  for (let i = 0; i < checkins.length; i += BATCH) {
    await db
      .insertInto('checkins')
      .values(checkins.slice(i, i + BATCH))
      .execute();
  }
  // A live database has statistics (autovacuum gathers them); a bulk load has none yet.
  await sql`analyze`.execute(db);
}

async function prepare(engine: Engine, interactions: number) {
  if (engine === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tend-bench-'));
    const database = await openDatabase({ dataDir });
    await fill(database.db, interactions);
    await database.close();
    return {
      args: ['--data-dir', dataDir],
      env: {},
      open: { dataDir },
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `tend_bench_${interactions}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await fill(database.db, interactions);
  await database.close();
  return {
    args: [],
    env: { DATABASE_URL: url.toString() },
    open: { databaseUrl: url.toString() },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: ADMIN });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Median time of Today computed from the data (no cache), in process, after the load runs. */
async function freshToday(open: { dataDir?: string; databaseUrl?: string }): Promise<number> {
  const database = await openDatabase(open);
  try {
    const ctx = appContext(userStore(database, LOCAL_USER_ID));
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      await computeTodayReport(ctx);
      times.push(performance.now() - started);
    }
    return [...times].sort((a, b) => a - b)[7] ?? Number.NaN;
  } finally {
    await database.close();
  }
}

if (process.argv[1]?.endsWith('model.ts')) await main();

async function main() {
  const results: {
    engine: Engine;
    size: number;
    load: number;
    runs: LoadResult[];
    fresh: number;
  }[] = [];
  const today = localDateOf(new Date(), TZ);
  const statesPath = `/api/v1/states?from=${addDays(today, -364)}&to=${today}`;

  const engines = (process.env.TEND_BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[];
  for (const engine of engines) {
    for (const size of sizes) {
      const started = performance.now();
      const data = await prepare(engine, size);
      const loadSeconds = (performance.now() - started) / 1000;
      const server = await serveTend(data.args, { ...data.env, TZ });
      try {
        // Warm up caches and the JIT before measuring.
        await load(server.url, '/api/v1/today', 1);
        const runs = [
          await load(server.url, '/livez', seconds),
          await load(server.url, '/api/v1/today', seconds),
          await load(server.url, statesPath, seconds),
        ];
        results.push({ engine, size, load: loadSeconds, runs, fresh: await freshToday(data.open) });
        console.error(`${engine} ${size}: done (data written in ${loadSeconds.toFixed(0)} s)`);
      } finally {
        await server.stop();
        await data.cleanup();
      }
    }
  }

  console.log(
    `node ${process.version}; ${seconds} s per route, 4 connections; ${CONNECTIONS} connections, ${CHECKINS} check-ins, ${RECENT_PER_YEAR} interactions in the last year\n`,
  );
  console.log(
    row(['engine', 'interactions', 'route', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'cost × floor']),
  );
  console.log(row(['---', '---:', '---', '---:', '---:', '---:', '---:', '---:']));
  for (const r of results) {
    const floor = r.runs[0];
    for (const run of r.runs) {
      const name = run.path.startsWith('/api/v1/states') ? '/api/v1/states (365 days)' : run.path;
      // Cost relative to the floor: how many trivial requests one of these is worth.
      const ratio =
        floor && run.requestsPerSecond > 0
          ? (floor.requestsPerSecond / run.requestsPerSecond).toFixed(0)
          : '–';
      console.log(
        row([
          r.engine,
          r.size.toLocaleString('en'),
          name,
          run.requestsPerSecond.toFixed(0),
          run.p50.toFixed(1),
          run.p99.toFixed(1),
          run.errors,
          ratio,
        ]),
      );
    }
  }
  console.log('\nToday computed from the data, without the cache (median of 15, in process):\n');
  console.log(row(['engine', 'interactions', 'fresh Today ms']));
  console.log(row(['---', '---:', '---:']));
  for (const r of results)
    console.log(row([r.engine, r.size.toLocaleString('en'), r.fresh.toFixed(1)]));
}
