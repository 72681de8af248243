import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../src/app/backup.usecases.js';
import { createCheckIn, listCheckIns } from '../src/app/checkins.usecases.js';
import {
  createConnection,
  deleteConnection,
  getConnection,
  listConnections,
  updateConnection,
} from '../src/app/connections.usecases.js';
import type { AppContext } from '../src/app/context.js';
import {
  createInteraction,
  getInteraction,
  listInteractions,
  updateInteraction,
} from '../src/app/interactions.usecases.js';
import { createPlan, getPlan, updatePlan } from '../src/app/plans.usecases.js';
import { updateSettings } from '../src/app/settings.usecases.js';
import { TendError } from '../src/core/errors.js';
import { openDatabase } from '../src/storage/database.js';
import { migrateToLatest } from '../src/storage/migrator.js';
import { availableEngines, createTestDatabase, type TestDatabase } from './support/databases.js';
import {
  connectionInput,
  contextFor,
  interactionInput,
  USER_A,
  USER_B,
} from './support/fixtures.js';

async function collect<T>(
  fetchPage: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>,
) {
  const all: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { all, pages };
}

for (const engine of await availableEngines()) {
  describe(`storage on ${engine}`, () => {
    let test: TestDatabase;
    let a: AppContext;
    let b: AppContext;

    beforeAll(async () => {
      test = await createTestDatabase(engine);
      a = await contextFor(test.database, USER_A, 'aaaaaaaa');
      b = await contextFor(test.database, USER_B, 'bbbbbbbb');
    });
    afterAll(async () => {
      await test?.destroy();
    });

    describe('migrations', () => {
      it('when run again on an up-to-date database, apply nothing', async () => {
        expect(await migrateToLatest(test.database.db)).toEqual([]);
      });

      it('when the database was written by a newer Tend, refuse to open it and change nothing', async () => {
        await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2099-01-01T00:00:00.000Z')`.execute(
          test.database.db,
        );
        try {
          const reopen = openDatabase({ ...test.options, maxConnections: 1 });
          await expect(reopen).rejects.toMatchObject({ code: 'schema_too_new' });
          await expect(reopen).rejects.toThrow(/newer version of Tend/);
        } finally {
          await sql`delete from kysely_migration where name = '9999_from_the_future'`.execute(
            test.database.db,
          );
        }
      });
    });

    describe('connections', () => {
      it('when created without a cadence, take the default of its ring from the settings', async () => {
        await updateSettings(a, { ringCadenceDays: { inner: 5 } });
        const c = await createConnection(a, connectionInput('Ines', { ring: 'inner' }));
        expect(c.cadenceDays).toBe(5);
        expect(await getConnection(a, c.id)).toEqual(c);
      });

      it('when listed, come sorted by name ignoring case and accents, and pages cover every one exactly once', async () => {
        for (const name of ['émile', 'Zoë', 'adam', 'Bea', 'Chloé', 'dario', 'Élodie']) {
          await createConnection(a, connectionInput(name));
        }
        const { all, pages } = await collect((cursor) =>
          listConnections(a, { limit: 3, ...(cursor ? { cursor } : {}) }),
        );
        expect(pages).toBeGreaterThan(2);
        expect(all.map((c) => c.name)).toEqual([
          'adam',
          'Bea',
          'Chloé',
          'dario',
          'Élodie',
          'émile',
          'Ines',
          'Zoë',
        ]);
      });

      it('when searched by part of a name, match regardless of case and accents, and treat % literally', async () => {
        const found = await listConnections(a, { q: 'ELO' });
        expect(found.items.map((c) => c.name)).toEqual(['Élodie']);
        expect((await listConnections(a, { q: '%' })).items).toEqual([]);
      });

      it('when updated, keep the fields not mentioned and move updatedAt', async () => {
        const c = await createConnection(a, connectionInput('Farah', { sharedJoys: ['chess'] }));
        (a.clock as ReturnType<typeof import('./support/fixtures.js').fixedClock>).advance(60_000);
        const changed = await updateConnection(a, c.id, {
          ring: 'inner',
          notes: 'met at the climbing gym',
        });
        expect(changed).toMatchObject({
          name: 'Farah',
          ring: 'inner',
          sharedJoys: ['chess'],
          notes: 'met at the climbing gym',
        });
        expect(changed.updatedAt > c.updatedAt).toBe(true);
        expect(await getConnection(a, c.id)).toEqual(changed);
      });
    });

    describe('interactions', () => {
      let sam: string;
      let kim: string;
      beforeAll(async () => {
        sam = (await createConnection(a, connectionInput('Sam'))).id;
        kim = (await createConnection(a, connectionInput('Kim'))).id;
        for (let day = 1; day <= 9; day++) {
          await createInteraction(
            a,
            interactionInput(day % 2 ? [sam] : [sam, kim], `2026-10-0${day}T18:00:00Z`),
          );
        }
      });

      it('when listed, come newest first, and cursor pages return each one exactly once', async () => {
        const { all } = await collect((cursor) =>
          listInteractions(a, { limit: 4, ...(cursor ? { cursor } : {}) }),
        );
        expect(all).toHaveLength(9);
        expect(all.map((i) => i.startedAt)).toEqual(
          [...all.map((i) => i.startedAt)].sort().reverse(),
        );
        expect(new Set(all.map((i) => i.id)).size).toBe(9);
      });

      it('when filtered by connection and by local days, return only those', async () => {
        const withKim = await listInteractions(a, { connectionId: kim });
        expect(withKim.items).toHaveLength(4);
        expect(withKim.items.every((i) => i.connectionIds.includes(kim))).toBe(true);
        const days = await listInteractions(a, { from: '2026-10-03', to: '2026-10-05' });
        expect(days.items.map((i) => i.startedAt.slice(0, 10))).toEqual([
          '2026-10-05',
          '2026-10-04',
          '2026-10-03',
        ]);
      });

      it('when a calendar date is given, it means a day in the user’s time zone', async () => {
        await updateSettings(a, { timeZone: 'Pacific/Auckland' });
        try {
          // 18:00 UTC on 2 Oct is 07:00 on 3 Oct in Auckland (UTC+13).
          const day = await listInteractions(a, { from: '2026-10-03', to: '2026-10-03' });
          expect(day.items.map((i) => i.startedAt)).toEqual(['2026-10-02T18:00:00.000Z']);
        } finally {
          await updateSettings(a, { timeZone: 'UTC' });
        }
      });

      it('when edited, replace the list of connections', async () => {
        const first = (await listInteractions(a, { limit: 1 })).items[0];
        if (!first) throw new Error('no interaction');
        const changed = await updateInteraction(a, first.id, { connectionIds: [kim], delight: 4 });
        expect((await getInteraction(a, first.id)).connectionIds).toEqual([kim]);
        expect(changed.delight).toBe(4);
      });

      it('when asked for last contacts, give each connection its latest interaction before the instant', async () => {
        const last = await a.store.interactions.lastContacts('2026-10-05T00:00:00.000Z');
        expect(last.get(sam)).toBe('2026-10-04T18:00:00.000Z');
        expect(last.get(kim)).toBe('2026-10-04T18:00:00.000Z');
        const lonely = (await createConnection(a, connectionInput('Lonely'))).id;
        expect(
          (await a.store.interactions.lastContacts('2027-01-01T00:00:00.000Z')).get(lonely),
        ).toBeNull();
      });

      it('when one refers to a connection that is not the user’s, nothing is written and the error names the field', async () => {
        const before = await a.store.interactions.count();
        const error = await createInteraction(
          a,
          interactionInput([sam, 'ffffffff-0000-4000-8000-000000000000'], '2026-10-10T10:00:00Z'),
        ).catch((e) => e);
        expect(error).toBeInstanceOf(TendError);
        expect(error.issues).toEqual([
          { path: 'connectionIds[1]', message: 'is not one of your connections' },
        ]);
        expect(await a.store.interactions.count()).toBe(before);
      });

      it('when an import source is recorded twice, the second is refused', async () => {
        const input = interactionInput([sam], '2026-10-11T10:00:00Z', {
          source: { system: 'whatsapp', externalId: 'chat-1:2026-10-11' },
        });
        await createInteraction(a, input);
        await expect(createInteraction(a, input)).rejects.toMatchObject({ code: 'conflict' });
      });

      it('when a connection is deleted, interactions and plans left with nobody go too, and shared ones stay', async () => {
        const before = await listInteractions(a, { connectionId: kim, limit: 500 });
        const alone = await createPlan(a, {
          startsAt: '2026-12-01T10:00:00Z',
          connectionIds: [kim],
          title: 'Chess',
        });
        const shared = await createPlan(a, {
          startsAt: '2026-12-02T10:00:00Z',
          connectionIds: [sam, kim],
          title: 'Hike',
        });
        await deleteConnection(a, kim);
        await expect(getPlan(a, alone.id)).rejects.toMatchObject({ code: 'not_found' });
        expect((await getPlan(a, shared.id)).connectionIds).toEqual([sam]);
        for (const i of before.items) {
          const left = await a.store.interactions.get(i.id);
          if (i.connectionIds.length > 1)
            expect(left?.connectionIds).toEqual(i.connectionIds.filter((id) => id !== kim));
          else expect(left).toBeUndefined();
        }
        await expect(getConnection(a, kim)).rejects.toMatchObject({ code: 'not_found' });
      });
    });

    describe('transactions', () => {
      it('when work inside a transaction fails, none of its writes remain', async () => {
        const before = (await listConnections(a, { limit: 500 })).items.length;
        await expect(
          a.store.transaction(async (store) => {
            await createConnection({ ...a, store }, connectionInput('Ghost'));
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect((await listConnections(a, { limit: 500 })).items.length).toBe(before);
      });
    });

    describe('check-ins and plans', () => {
      it('when a check-in has no time, it is recorded at the clock’s now', async () => {
        const c = await createCheckIn(a, { stress: 6, loneliness: 3 });
        expect(c.at).toBe(a.clock().toISOString());
        const listed = await listCheckIns(a, { from: c.at });
        expect(listed.items.map((x) => x.id)).toContain(c.id);
      });

      it('when a plan is marked done, it becomes an in-person interaction once', async () => {
        const who = (await createConnection(a, connectionInput('Noor'))).id;
        const plan = await createPlan(a, {
          startsAt: '2026-11-20T17:00:00Z',
          connectionIds: [who],
          title: 'Ramen night',
          location: 'Kreuzberg',
        });
        expect(plan.interactionId).toBeNull();
        const done = await updatePlan(a, plan.id, { status: 'done' });
        expect(done.interactionId).not.toBeNull();
        const again = await updatePlan(a, plan.id, { note: 'lovely' });
        expect(again.interactionId).toBe(done.interactionId);
        const interaction = await getInteraction(a, done.interactionId ?? '');
        expect(interaction).toMatchObject({
          channel: 'in_person',
          connectionIds: [who],
          note: 'Ramen night (Kreuzberg)',
        });
        expect(await getPlan(a, plan.id)).toEqual(again);
      });
    });

    describe('owners', () => {
      it('when another user asks, they see none of the first user’s records', async () => {
        const mine = (await listConnections(a, { limit: 500 })).items;
        expect(mine.length).toBeGreaterThan(0);
        expect((await listConnections(b, {})).items).toEqual([]);
        expect((await listInteractions(b, {})).items).toEqual([]);
        for (const c of mine.slice(0, 3)) {
          await expect(getConnection(b, c.id)).rejects.toMatchObject({ code: 'not_found' });
          await expect(updateConnection(b, c.id, { name: 'Mallory' })).rejects.toMatchObject({
            code: 'not_found',
          });
          await expect(deleteConnection(b, c.id)).rejects.toMatchObject({ code: 'not_found' });
        }
        expect((await listConnections(a, { limit: 500 })).items).toEqual(mine);
      });
    });

    describe('backups', () => {
      it('when exported, restored into an empty Tend and exported again, give the same document', async () => {
        const first = await exportBackup(a);
        expect(first.connections.length).toBeGreaterThan(5);
        const fresh = await contextFor(
          test.database,
          'cccccccc-0000-4000-8000-00000000000c',
          'cccccccc',
        );
        // Ids are global keys, so restore into another database.
        const other = await createTestDatabase(engine);
        try {
          const target = await contextFor(other.database, USER_A);
          await restoreBackup(target, first);
          const second = await exportBackup(target);
          expect({ ...second, exportedAt: first.exportedAt }).toEqual(first);
          await expect(restoreBackup(target, first)).rejects.toThrow(/empty Tend/);
        } finally {
          await other.destroy();
        }
        expect((await listConnections(fresh, {})).items).toEqual([]);
      });

      it('when a backup is malformed, restore names the record and writes nothing', async () => {
        const backup = await exportBackup(a);
        const broken = structuredClone(backup);
        const target = await contextFor(
          test.database,
          'dddddddd-0000-4000-8000-00000000000d',
          'dddddddd',
        );
        (broken.interactions[2] as { channel: string }).channel = 'pigeon';
        await expect(restoreBackup(target, broken)).rejects.toMatchObject({
          issues: [expect.objectContaining({ path: 'interactions[2].channel' })],
        });
        expect((await listConnections(target, {})).items).toEqual([]);
      });
    });
  });
}
