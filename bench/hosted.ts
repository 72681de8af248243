/**
 * Hosted mode under load: many users logging interactions and opening Today
 * at the same time, on PostgreSQL, against the same server's trivial route
 * as the floor — with 10 users in the database and again with 10,000.
 *
 *   npx tsx bench/hosted.ts [seconds=8] [connections=16]
 *
 * Needs PostgreSQL (TEND_BENCH_POSTGRES_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres); a scratch database is made
 * and dropped. Requests authenticate with personal API tokens, each request
 * as one of 200 active users picked round-robin.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { type Insertable, sql } from 'kysely';
import pg from 'pg';
import { hashPassword, sha256 } from '../src/app/auth/secrets.js';
import { defaultSettings } from '../src/core/settings.schemas.js';
import { openDatabase } from '../src/storage/database.js';
import type { DB } from '../src/storage/database.types.js';
import { serveTend } from './support.js';

const SECONDS = Number(process.argv[2] ?? 8);
const CONNECTIONS = Number(process.argv[3] ?? 16);
const ADMIN = process.env.TEND_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ACTIVE = 200;
const PER_USER = { connections: 5, interactions: 30 };

interface Seeded {
  tokens: string[];
  connectionOf: Map<string, string>;
}

/** Add users (each with people, a month of interactions and a token) straight into the tables. */
async function seedUsers(url: string, from: number, to: number, seeded: Seeded): Promise<void> {
  const database = await openDatabase({ databaseUrl: url, maxConnections: 2 });
  const passwordHash = await hashPassword('bench passphrase', 10);
  const now = new Date();
  const settings = JSON.stringify(defaultSettings('Europe/Berlin'));
  try {
    for (let start = from; start < to; start += 250) {
      const users: Insertable<DB['users']>[] = [];
      const tokens: Insertable<DB['api_tokens']>[] = [];
      const connections: Insertable<DB['connections']>[] = [];
      const interactions: Insertable<DB['interactions']>[] = [];
      const links: Insertable<DB['interaction_connections']>[] = [];
      for (let u = start; u < Math.min(to, start + 250); u++) {
        const id = randomUUID();
        users.push({
          id,
          created_at: now.toISOString(),
          settings,
          email: `user${u}@bench.example`,
          password_hash: passwordHash,
        });
        const token = `tend_pat_${randomBytes(32).toString('base64url')}`;
        tokens.push({
          id: randomUUID(),
          user_id: id,
          token_hash: sha256(token),
          name: 'bench',
          created_at: now.toISOString(),
          last_used_at: null,
        });
        const people: string[] = [];
        for (let c = 0; c < PER_USER.connections; c++) {
          const cid = randomUUID();
          people.push(cid);
          connections.push({
            id: cid,
            user_id: id,
            name: `Friend ${c}`,
            name_key: `friend ${c}`,
            kind: 'person',
            ring: 'close',
            cadence_days: 14,
            shared_joys: '[]',
            notes: '',
            important_dates: '[]',
            handles: '{"phones":[],"emails":[]}',
            draining: 0,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          });
        }
        for (let i = 0; i < PER_USER.interactions; i++) {
          const iid = randomUUID();
          const startedAt = new Date(now.getTime() - i * 86_400_000).toISOString();
          const person = people[i % people.length] as string;
          interactions.push({
            id: iid,
            user_id: id,
            started_at: startedAt,
            duration_minutes: 30,
            channel: i % 3 ? 'text' : 'in_person',
            kinds: '["conversation"]',
            delight: 4,
            note: '',
            message_count: null,
            source_system: null,
            source_id: null,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          });
          links.push({
            user_id: id,
            interaction_id: iid,
            connection_id: person,
            started_at: startedAt,
          });
        }
        if (u < ACTIVE) {
          seeded.tokens.push(token);
          seeded.connectionOf.set(token, people[0] as string);
        }
      }
      await database.db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(users).execute();
        await trx.insertInto('api_tokens').values(tokens).execute();
        await trx.insertInto('connections').values(connections).execute();
        for (let i = 0; i < interactions.length; i += 1000) {
          await trx
            .insertInto('interactions')
            .values(interactions.slice(i, i + 1000))
            .execute();
          await trx
            .insertInto('interaction_connections')
            .values(links.slice(i, i + 1000))
            .execute();
        }
      });
    }
    // A bulk-loaded PostgreSQL plans well only with fresh statistics.
    await sql`analyze`.execute(database.db);
  } finally {
    await database.close();
  }
}

interface Row {
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function run(
  url: string,
  scenario: string,
  seeded: Seeded,
  request: (token: string, i: number) => autocannon.Request,
): Promise<Row> {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        setupRequest: (req) => {
          const token = seeded.tokens[i++ % seeded.tokens.length] as string;
          return { ...req, ...request(token, i) };
        },
      },
    ],
  });
  return {
    scenario,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function measure(url: string, seeded: Seeded): Promise<Row[]> {
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const logOne = (token: string, i: number): autocannon.Request => ({
    method: 'POST',
    path: '/api/v1/interactions',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify({
      connectionIds: [seeded.connectionOf.get(token)],
      startedAt: new Date(Date.now() - (i % 600) * 60_000).toISOString(),
      channel: 'voice',
      durationMinutes: 20,
    }),
  });
  const today = (token: string): autocannon.Request => ({
    method: 'GET',
    path: '/api/v1/today',
    headers: auth(token),
  });
  const rows: Row[] = [];
  await run(url, 'warm-up', seeded, today);
  rows.push(await run(url, 'floor: GET /livez', seeded, () => ({ method: 'GET', path: '/livez' })));
  rows.push(
    await run(url, 'GET /api/v1/connections (read, signed in)', seeded, (t) => ({
      method: 'GET',
      path: '/api/v1/connections',
      headers: auth(t),
    })),
  );
  rows.push(await run(url, 'POST /api/v1/interactions (write)', seeded, logOne));
  rows.push(await run(url, 'GET /api/v1/today', seeded, today));
  rows.push(
    await run(url, 'mixed: half log, half Today', seeded, (t, i) =>
      i % 2 ? logOne(t, i) : today(t),
    ),
  );
  return rows;
}

async function main() {
  const name = `tend_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const seeded: Seeded = { tokens: [], connectionOf: new Map() };
  const out: Record<number, Row[]> = {};
  try {
    // Create the schema first, through the same migrations the server runs.
    await (await openDatabase({ databaseUrl })).close();
    for (const [from, to] of [
      [0, 10],
      [10, 10_000],
    ] as const) {
      const t0 = performance.now();
      await seedUsers(databaseUrl, from, to, seeded);
      console.error(`seeded users ${from}–${to} in ${Math.round(performance.now() - t0)} ms`);
      const server = await serveTend([], {
        TEND_MODE: 'hosted',
        TEND_SIGNUP: 'closed',
        DATABASE_URL: databaseUrl,
      });
      try {
        out[to] = await measure(server.url, seeded);
      } finally {
        await server.stop();
      }
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  const small = out[10] ?? [];
  const large = out[10_000] ?? [];
  console.log(
    `\nHosted load: ${CONNECTIONS} connections, ${SECONDS} s per row, ${ACTIVE} active users (API tokens)\n`,
  );
  console.log(
    '| Scenario | 10 users: req/s | p50 ms | p99 ms | 10,000 users: req/s | p50 ms | p99 ms | errors |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  small.forEach((row, i) => {
    const big = large[i];
    console.log(
      `| ${row.scenario} | ${row.rps} | ${row.p50} | ${row.p99} | ${big?.rps} | ${big?.p50} | ${big?.p99} | ${row.errors + (big?.errors ?? 0)} |`,
    );
  });
  const floor = (rows: Row[]) => rows[0]?.rps ?? 1;
  const write = (rows: Row[]) => rows.find((r) => r.scenario.startsWith('POST'))?.rps ?? 0;
  console.log(
    `\nwrite / floor: ${(write(small) / floor(small)).toFixed(2)} (10 users), ${(write(large) / floor(large)).toFixed(2)} (10,000 users)`,
  );
}

await main();
