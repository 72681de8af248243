import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection } from '../src/app/connections.usecases.js';
import {
  createInteraction,
  deleteInteraction,
  updateInteraction,
} from '../src/app/interactions.usecases.js';
import { availableEngines, createTestDatabase, type TestDatabase } from './support/databases.js';
import { contextFor } from './support/fixtures.js';

/**
 * The link table keeps a copy of each interaction's start so that "last
 * contact with X" is an index lookup. That copy is pre-aggregated data: after
 * any sequence of creates, edits and deletes it must equal a recomputation
 * from the interactions themselves.
 */
type Op =
  | { type: 'create'; people: number[]; minute: number }
  | { type: 'edit'; target: number; people: number[] | null; minute: number | null }
  | { type: 'delete'; target: number };

const people = fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 });
const minute = fc.integer({ min: 0, max: 60 * 24 * 60 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('create' as const), people, minute }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('edit' as const),
      target: fc.nat(),
      people: fc.option(people, { nil: null }),
      minute: fc.option(minute, { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('delete' as const), target: fc.nat() }) },
);

const at = (m: number) => new Date(Date.UTC(2026, 0, 1) + m * 60_000).toISOString();

for (const engine of await availableEngines()) {
  describe(`pre-aggregated last contacts on ${engine}`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase(engine);
    });
    afterAll(async () => {
      await test?.destroy();
    });

    it('when interactions are created, edited and deleted at random, last contacts equal a full recomputation', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(op, { minLength: 1, maxLength: 20 }),
          minute,
          async (ops, cut) => {
            const ctx = await contextFor(test.database, randomUUID(), randomUUID().slice(0, 8));
            const ids: string[] = [];
            for (let i = 0; i < 4; i++)
              ids.push((await createConnection(ctx, { name: `P${i}` })).id);
            const live: string[] = [];
            for (const o of ops) {
              if (o.type === 'create') {
                const created = await createInteraction(ctx, {
                  startedAt: at(o.minute),
                  connectionIds: o.people.map((p) => ids[p]),
                  channel: 'voice',
                });
                live.push(created.id);
              } else if (live.length > 0) {
                const index = o.target % live.length;
                const id = live[index] ?? '';
                if (o.type === 'delete') {
                  await deleteInteraction(ctx, id);
                  live.splice(index, 1);
                } else {
                  await updateInteraction(ctx, id, {
                    ...(o.people ? { connectionIds: o.people.map((p) => ids[p]) } : {}),
                    ...(o.minute !== null ? { startedAt: at(o.minute) } : {}),
                  });
                }
              }
            }
            const before = at(cut);
            const all = await ctx.store.interactions.between('0000', '9999');
            const expected = new Map<string, string | null>(ids.map((id) => [id, null]));
            for (const i of all) {
              if (i.startedAt >= before) continue;
              for (const c of i.connectionIds) {
                const known = expected.get(c);
                if (!known || i.startedAt > known) expected.set(c, i.startedAt);
              }
            }
            expect(await ctx.store.interactions.lastContacts(before)).toEqual(expected);
          },
        ),
        { numRuns: 15 },
      );
    }, 120_000);
  });
}

type CacheOp =
  | { type: 'log'; person: number; minutesAgo: number; channel: 'in_person' | 'text' | 'voice' }
  | { type: 'edit'; target: number; minutesAgo: number }
  | { type: 'delete'; target: number }
  | { type: 'checkin'; loneliness: number }
  | { type: 'snooze'; person: number }
  | { type: 'zone'; zone: string }
  | { type: 'param'; halfLife: number }
  | { type: 'person' }
  | { type: 'unperson'; person: number };

const cacheOp: fc.Arbitrary<CacheOp> = fc.oneof(
  fc.record({
    type: fc.constant('log' as const),
    person: fc.nat(),
    minutesAgo: fc.integer({ min: 0, max: 60 * 24 * 40 }),
    channel: fc.constantFrom('in_person' as const, 'text' as const, 'voice' as const),
  }),
  fc.record({
    type: fc.constant('edit' as const),
    target: fc.nat(),
    minutesAgo: fc.integer({ min: 0, max: 60 * 24 * 40 }),
  }),
  fc.record({ type: fc.constant('delete' as const), target: fc.nat() }),
  fc.record({ type: fc.constant('checkin' as const), loneliness: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ type: fc.constant('snooze' as const), person: fc.nat() }),
  fc.record({
    type: fc.constant('zone' as const),
    zone: fc.constantFrom('UTC', 'Pacific/Auckland', 'America/Los_Angeles'),
  }),
  fc.record({ type: fc.constant('param' as const), halfLife: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ type: fc.constant('person' as const) }),
  fc.record({ type: fc.constant('unperson' as const), person: fc.nat() }),
);

for (const engine of await availableEngines()) {
  describe(`the cached Today report on ${engine}`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase(engine);
    });
    afterAll(async () => {
      await test?.destroy();
    });

    it('when the log is changed at random between requests, the cached Today always equals a fresh computation', async () => {
      const { today, computeTodayReport, decideNudge } = await import(
        '../src/app/model.usecases.js'
      );
      const { createCheckIn } = await import('../src/app/checkins.usecases.js');
      const { deleteConnection } = await import('../src/app/connections.usecases.js');
      const { updateSettings } = await import('../src/app/settings.usecases.js');
      await fc.assert(
        fc.asyncProperty(fc.array(cacheOp, { minLength: 1, maxLength: 12 }), async (ops) => {
          const ctx = await contextFor(test.database, randomUUID(), randomUUID().slice(0, 8));
          const people: string[] = [];
          for (let i = 0; i < 3; i++)
            people.push((await createConnection(ctx, { name: `P${i}`, ring: 'inner' })).id);
          const logged: string[] = [];
          const ago = (m: number) => new Date(ctx.clock().getTime() - m * 60_000).toISOString();
          // Everyone starts overdue, so reach-out nudges (and snoozing them) show.
          for (const id of people) {
            logged.push(
              (
                await createInteraction(ctx, {
                  startedAt: ago(60 * 24 * 20),
                  connectionIds: [id],
                  channel: 'voice',
                })
              ).id,
            );
          }
          for (const o of ops) {
            await today(ctx); // warm the cache with the state before the change
            const who = () => people[('person' in o ? o.person : 0) % Math.max(1, people.length)];
            switch (o.type) {
              case 'log':
                if (people.length) {
                  logged.push(
                    (
                      await createInteraction(ctx, {
                        startedAt: ago(o.minutesAgo),
                        connectionIds: [who()],
                        channel: o.channel,
                      })
                    ).id,
                  );
                }
                break;
              case 'edit':
              case 'delete': {
                const id = logged[o.target % Math.max(1, logged.length)];
                if (!id || !(await ctx.store.interactions.get(id))) break;
                if (o.type === 'edit')
                  await updateInteraction(ctx, id, { startedAt: ago(o.minutesAgo) });
                else await deleteInteraction(ctx, id);
                break;
              }
              case 'checkin':
                await createCheckIn(ctx, { stress: 5, loneliness: o.loneliness });
                break;
              case 'snooze':
                if (people.length)
                  await decideNudge(ctx, { key: `reach-out:${who()}`, action: 'snoozed' });
                break;
              case 'zone':
                await updateSettings(ctx, { timeZone: o.zone });
                break;
              case 'param':
                await updateSettings(ctx, { modelParams: { everydayHalfLifeDays: o.halfLife } });
                break;
              case 'person':
                people.push(
                  (await createConnection(ctx, { name: `Q${people.length}`, ring: 'close' })).id,
                );
                break;
              case 'unperson': {
                const id = who();
                if (id) {
                  await deleteConnection(ctx, id);
                  people.splice(people.indexOf(id), 1);
                }
                break;
              }
            }
            expect(await today(ctx)).toEqual(await computeTodayReport(ctx));
          }
        }),
        { numRuns: 8 },
      );
    }, 120_000);
  });
}
