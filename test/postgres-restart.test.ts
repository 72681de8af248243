import { describe, expect, it } from 'vitest';
import { startTendServer } from './support/cli.js';
import { overHttp, TestClient } from './support/http-client.js';
import { postgresBinDir, startPrivatePostgres } from './support/private-postgres.js';

const bin = postgresBinDir();
if (!bin && process.env.CI === 'true') {
  throw new Error(
    'PostgreSQL server programs (initdb, pg_ctl) are missing, and CI=true forbids skipping.',
  );
}

describe.skipIf(!bin)('a hosted server while PostgreSQL restarts', () => {
  it('answers 503 while the database is down, recovers by itself, and loses nothing it acknowledged', async () => {
    const pg = await startPrivatePostgres(bin ?? '');
    const server = await startTendServer([], {
      TEND_MODE: 'hosted',
      TEND_SIGNUP: 'open',
      TEND_PASSWORD_COST: '10',
      DATABASE_URL: pg.url,
    });
    try {
      const owner = new TestClient(overHttp(server.url));
      await owner.signUp('steady@example.org', 'through the restart we go');
      const token = (await owner.call('POST', '/api/v1/account/tokens', { name: 'load' })).body
        .token;
      const acknowledged: string[] = [];
      const statuses = new Map<number, number>();
      const problems = new Set<string>();
      let phase: 'up' | 'down' | 'back' = 'up';
      let running = true;
      let n = 0;
      const writer = async () => {
        while (running) {
          const i = n++;
          try {
            const res = await fetch(`${server.url}/api/v1/checkins`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ stress: i % 11, loneliness: 2, note: `write ${i}` }),
            });
            const body = (await res.json()) as { id?: string; type?: string };
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            if (res.status === 201 && body.id) acknowledged.push(body.id);
            else problems.add(`${phase}: ${res.status} ${body.type}`);
          } catch (error) {
            problems.add(`${phase}: no answer (${(error as Error).message})`);
          }
          await new Promise((r) => setTimeout(r, 5));
        }
      };
      const writers = Array.from({ length: 4 }, writer);
      await new Promise((r) => setTimeout(r, 800));
      const beforeCrash = acknowledged.length;
      await pg.crash();
      phase = 'down';
      await new Promise((r) => setTimeout(r, 1500));
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      await pg.start();
      phase = 'back';
      // The server reconnects on its own: writes succeed again within seconds.
      const resumedFrom = acknowledged.length;
      for (
        let waited = 0;
        acknowledged.length < resumedFrom + 20 && waited < 20_000;
        waited += 100
      ) {
        await new Promise((r) => setTimeout(r, 100));
      }
      running = false;
      await Promise.all(writers);

      expect(beforeCrash).toBeGreaterThan(10);
      expect(acknowledged.length).toBeGreaterThanOrEqual(resumedFrom + 20);
      // While it was down: clean 503 problems, never a 500 or a dropped connection.
      expect(
        [...problems].filter((p) => !/^(down|back|up): 503 urn:tend:problem:unavailable$/.test(p)),
      ).toEqual([]);
      expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

      const stored = new Set<string>();
      for (let cursor: string | undefined; ; ) {
        const page = await owner.call(
          'GET',
          `/api/v1/checkins?from=2000-01-01&to=2100-01-01&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        for (const c of page.body.items) stored.add(c.id);
        cursor = page.body.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await server.stop();
      await pg.destroy();
    }
  }, 90_000);
});
