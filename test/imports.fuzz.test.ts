import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/app/context.js';
import type { ImportType } from '../src/app/import.report.js';
import { runImport } from '../src/app/import.usecases.js';
import { TendError } from '../src/core/errors.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { contextFor } from './support/fixtures.js';

/**
 * Whole imports, not just parsers, on damaged real-format files: each one
 * either succeeds or fails with a clear TendError, and a failed import leaves
 * the database exactly as it was (no partial write).
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');
const TYPES: Record<string, ImportType> = {
  '.vcf': 'vcard',
  '.csv': 'csv',
  '.ics': 'ical',
  '.txt': 'whatsapp',
  '.xml': 'sms',
};

function fixtures(): { name: string; type: ImportType; bytes: Buffer }[] {
  const out = [];
  for (const dir of readdirSync(FIXTURES)) {
    for (const file of readdirSync(join(FIXTURES, dir))) {
      const type = TYPES[file.slice(file.lastIndexOf('.'))];
      if (type)
        out.push({ name: `${dir}/${file}`, type, bytes: readFileSync(join(FIXTURES, dir, file)) });
    }
  }
  return out;
}

async function* once(bytes: Buffer) {
  yield bytes;
}

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('truncate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.string({ maxLength: 40 }),
  }),
);

interface Mutation {
  kind: 'truncate' | 'flip' | 'duplicate' | 'insert';
  at: number;
  byte?: number;
  length?: number;
  text?: string;
}

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const i = Math.floor(m.at * bytes.length);
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, i);
    case 'flip': {
      const copy = Buffer.from(bytes);
      if (copy.length) copy[Math.min(i, copy.length - 1)] = m.byte ?? 0;
      return copy;
    }
    case 'duplicate':
      return Buffer.concat([
        bytes.subarray(0, i),
        bytes.subarray(i, i + (m.length ?? 1)),
        bytes.subarray(i),
      ]);
    default:
      return Buffer.concat([bytes.subarray(0, i), Buffer.from(m.text ?? ''), bytes.subarray(i)]);
  }
}

describe('imports of damaged files', () => {
  let test: TestDatabase;
  let ctx: AppContext;
  beforeAll(async () => {
    test = await createTestDatabase('sqlite');
    ctx = await contextFor(test.database, '0000000f-0000-4000-8000-00000000000f');
    // Everyone in the fixtures could match someone: a few people with common test names.
    await runImport(ctx, {
      type: 'vcard',
      chunks: once(Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Seed Person\r\nEND:VCARD\r\n')),
    });
  });
  afterAll(async () => {
    await test?.destroy();
  });

  const snapshot = async () =>
    JSON.stringify({
      connections: await ctx.store.connections.all(),
      interactions: await ctx.store.interactions.between('0000', '9999'),
    });

  it('when a real-format file is damaged at random, the import succeeds or fails cleanly, and a failure writes nothing', async () => {
    const files = fixtures();
    expect(files.length).toBeGreaterThan(8);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        mutation,
        fc.boolean(),
        async (file, m, createUnmatched) => {
          const before = await snapshot();
          try {
            await runImport(
              ctx,
              { type: file.type, fileName: file.name, chunks: once(mutate(file.bytes, m)) },
              { createUnmatched, self: ['Me', 'You'] },
            );
          } catch (error) {
            expect(error, `${file.name} ${JSON.stringify(m)}`).toBeInstanceOf(TendError);
            expect(await snapshot()).toBe(before);
          }
        },
      ),
      { numRuns: Number(process.env.TEND_FUZZ_RUNS ?? 60) },
    );
  }, 60_000);
});
