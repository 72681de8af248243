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
