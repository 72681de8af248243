import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTendServer } from './support/cli.js';
import { availableEngines, createTestDatabase } from './support/databases.js';

const WRITES = 300;

async function post(url: string, path: string, body: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string } };
}

for (const engine of await availableEngines()) {
  describe(`durability on ${engine}`, () => {
    it('when the server is killed with SIGKILL mid-stream, every write it acknowledged is there after a restart', async () => {
      const test = await createTestDatabase(engine);
      await test.database.close(); // the server opens its own
      const dataDir = test.options.dataDir ?? mkdtempSync(join(tmpdir(), 'tend-durable-'));
      const env = { DATABASE_URL: test.options.databaseUrl };
      const args = ['--data-dir', dataDir];
      try {
        const first = await startTendServer(args, env);
        const person = await post(first.url, '/api/v1/connections', { name: 'Sam' });
        expect(person.status).toBe(201);
        const acknowledged: string[] = [];
        // Eight writers at once, like a busy client; SIGKILL lands while some are in flight.
        let next = 0;
        const writer = async () => {
          while (next < WRITES) {
            const n = next++;
            const res =
              n % 2
                ? await post(first.url, '/api/v1/checkins', { stress: n % 11, loneliness: 3 })
                : await post(first.url, '/api/v1/interactions', {
                    startedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
                    connectionIds: [person.body.id],
                    channel: 'text',
                  });
            if (res.status === 201)
              acknowledged.push(`${n % 2 ? 'checkins' : 'interactions'}/${res.body.id}`);
            if (acknowledged.length === WRITES - 20) first.child.kill('SIGKILL');
          }
        };
        await Promise.allSettled(Array.from({ length: 8 }, writer));
        await new Promise((r) =>
          first.child.exitCode === null && first.child.signalCode === null
            ? first.child.once('exit', r)
            : r(null),
        );
        expect(first.child.signalCode).toBe('SIGKILL');
        expect(acknowledged.length).toBeGreaterThanOrEqual(WRITES - 20);

        const second = await startTendServer(args, env);
        try {
          const missing: string[] = [];
          for (const path of acknowledged) {
            const res = await fetch(`${second.url}/api/v1/${path}`);
            if (res.status !== 200) missing.push(path);
          }
          expect(missing).toEqual([]);
        } finally {
          await second.stop();
        }
      } finally {
        if (!test.options.dataDir) rmSync(dataDir, { recursive: true, force: true });
        await test.destroy().catch(() => {});
      }
    }, 60_000);
  });
}
