import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSmsBackup } from './sms-backup.js';
import { type ImportedContactEvent, ImportFormatError } from './types.js';
import { parseWhatsApp } from './whatsapp.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/chats/${name}`, import.meta.url), 'utf8');
const CHATS = [
  'android-us-12h.txt',
  'android-de-24h-dots.txt',
  'android-iso.txt',
  'ios-eu-24h.txt',
  'ios-us-12h-group.txt',
  'android-group.txt',
].map(fixture);
const XML = ['sms-backup.xml', 'calls-backup.xml'].map(fixture);
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** Valid events or an ImportFormatError; anything else fails the property. */
async function check(
  parse: () => AsyncGenerator<ImportedContactEvent, unknown>,
): Promise<ImportedContactEvent[]> {
  const events: ImportedContactEvent[] = [];
  try {
    for await (const e of parse()) events.push(e);
  } catch (error) {
    if (!(error instanceof ImportFormatError)) throw error;
  }
  for (const e of events) {
    expect(e.line).toBeGreaterThan(0);
    if (e.localTime !== undefined) expect(e.localTime).toMatch(LOCAL_TIME);
    if (e.instant !== undefined) expect(Number.isNaN(Date.parse(e.instant))).toBe(false);
  }
  return events;
}

/** Mutations of a known-good file: truncate, insert NULs or markup, duplicate lines. */
const mutated = (sources: string[]) =>
  fc
    .tuple(
      fc.constantFrom(...sources),
      fc.array(
        fc.tuple(
          fc.constantFrom('truncate', 'insert', 'duplicate'),
          fc.nat(),
          fc.constantFrom('\0', '\n', '<', '&', '"', '[', ': ', '\u200e', '12/31/23, 9:41 PM - '),
        ),
        { maxLength: 4 },
      ),
    )
    .map(([text, edits]) => {
      let out = text;
      for (const [kind, at, insert] of edits) {
        const i = at % (out.length + 1);
        if (kind === 'truncate') out = out.slice(0, i);
        else if (kind === 'insert') out = out.slice(0, i) + insert + out.slice(i);
        else {
          const lines = out.split('\n');
          const n = at % Math.max(lines.length, 1);
          lines.splice(n, 0, lines[n] ?? '');
          out = lines.join('\n');
        }
      }
      return out;
    });

const chunked = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
    text.slice(i * size, i * size + size),
  );

describe('chat importers under fuzzing', () => {
  it('WhatsApp: random text and bytes yield valid events or ImportFormatError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary-ascii', maxLength: 300 }),
        ),
        fc.uint8Array({ maxLength: 300 }),
        async (text, bytes) => {
          await check(() => parseWhatsApp([text]));
          await check(() => parseWhatsApp([Buffer.from(bytes)]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('WhatsApp: mutated fixtures in random chunk sizes never throw anything else', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(CHATS), fc.integer({ min: 1, max: 64 }), async (text, size) => {
        await check(() => parseWhatsApp(chunked(text, size), { self: ['Sam Rivera'] }));
      }),
      { numRuns: 300 },
    );
  });

  it('SMS backup: random bytes and mutated backups never throw anything else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutated(XML), fc.string({ maxLength: 200 })),
        fc.integer({ min: 1, max: 64 }),
        async (text, size) => {
          await check(() => parseSmsBackup(chunked(text, size)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('SMS backup: an entity bomb inserted anywhere is rejected', async () => {
    const bomb =
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...XML), fc.nat(), async (text, at) => {
        const i = at % (text.length + 1);
        const events = await check(() =>
          parseSmsBackup(chunked(text.slice(0, i) + bomb + text.slice(i), 13)),
        );
        expect(events.every((e) => !JSON.stringify(e).includes('lollol'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
