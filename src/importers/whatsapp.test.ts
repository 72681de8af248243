import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedContactEvent } from './types.js';
import { parseWhatsApp, parseWhatsAppText, type WhatsAppDetection } from './whatsapp.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/chats/${name}`, import.meta.url), 'utf8');
const SELF = ['Sam Rivera', 'Sam'];

/** One compact row per event: line, local time, who, direction. */
const rows = (events: ImportedContactEvent[]) =>
  events.map((e) => [
    e.line,
    e.localTime,
    e.counterpart.name ?? e.counterpart.phone ?? '-',
    e.direction,
  ]);

async function parse(name: string, options: Parameters<typeof parseWhatsAppText>[1] = {}) {
  let detection: WhatsAppDetection | undefined;
  const events = await parseWhatsAppText(fixture(name), {
    self: SELF,
    ...options,
    onDetected: (d) => {
      detection = d;
    },
  });
  return { events, detection };
}

describe('WhatsApp exports', () => {
  it('reads Android US 12-hour exports, multi-line messages and media as messages', async () => {
    const { events, detection } = await parse('android-us-12h.txt');
    expect(detection).toEqual({
      dateOrder: 'MDY',
      dateOrderSource: 'detected',
      group: false,
      conversation: null,
    });
    expect(rows(events)).toEqual([
      [2, '2023-12-30T20:02:00', 'Ana Lima', 'incoming'],
      [3, '2023-12-30T20:05:00', 'Ana Lima', 'outgoing'],
      [4, '2023-12-30T20:05:00', 'Ana Lima', 'outgoing'],
      [7, '2023-12-31T09:41:00', 'Ana Lima', 'incoming'],
      [8, '2023-12-31T12:15:00', 'Ana Lima', 'incoming'],
      [9, '2024-01-01T00:03:00', 'Ana Lima', 'outgoing'],
      [10, '2024-01-01T12:30:00', 'Ana Lima', 'incoming'],
    ]);
    expect(events.every((e) => e.channel === 'text' && e.conversation === null)).toBe(true);
  });

  it('reads German 24-hour exports with dots and phone-number senders', async () => {
    const { events, detection } = await parse('android-de-24h-dots.txt');
    expect(detection?.dateOrder).toBe('DMY');
    expect(rows(events)).toEqual([
      [2, '2023-12-30T20:03:00', '+49 151 23456789', 'incoming'],
      [3, '2023-12-30T20:04:00', '+49 151 23456789', 'outgoing'],
      [4, '2023-12-31T07:15:00', '+49 151 23456789', 'incoming'],
      [5, '2023-12-31T23:59:00', '+49 151 23456789', 'incoming'],
      [7, '2024-01-01T00:01:00', '+49 151 23456789', 'outgoing'],
    ]);
    expect(events[0]?.counterpart).toEqual({ phone: '+49 151 23456789' });
  });

  it('recognises ISO dates as year-month-day', async () => {
    const { events, detection } = await parse('android-iso.txt');
    expect(detection?.dateOrder).toBe('YMD');
    expect(rows(events).map((r) => r[1])).toEqual([
      '2024-03-05T18:30:00',
      '2024-03-05T18:32:00',
      '2024-03-09T11:04:00',
      '2024-03-09T16:20:00',
    ]);
  });

  it('reads iOS exports with U+200E marks: system lines skipped, attachments counted', async () => {
    const { events } = await parse('ios-eu-24h.txt');
    expect(rows(events)).toEqual([
      [2, '2024-02-14T09:01:30', 'Ana Lima', 'incoming'],
      [3, '2024-02-14T09:03:02', 'Ana Lima', 'outgoing'],
      [4, '2024-02-14T09:04:45', 'Ana Lima', 'incoming'],
      [5, '2024-02-14T15:58:00', 'Ana Lima', 'outgoing'],
      [6, '2024-02-15T21:10:09', 'Ana Lima', 'incoming'],
      [8, '2024-02-15T21:11:00', 'Ana Lima', 'incoming'],
    ]);
  });

  it('reads iOS US group chats: narrow no-break spaces, "~" senders, group title', async () => {
    const { events, detection } = await parse('ios-us-12h-group.txt');
    expect(detection).toMatchObject({ dateOrder: 'MDY', group: true, conversation: 'Hiking Crew' });
    expect(rows(events)).toEqual([
      [4, '2024-03-02T07:20:44', 'Ana Lima', 'incoming'],
      [5, '2024-03-02T07:22:10', 'Ben Okafor', 'incoming'],
      [6, '2024-03-02T07:25:31', '-', 'outgoing'],
      [8, '2024-03-16T18:05:09', '+1 (415) 555-0134', 'incoming'],
    ]);
    expect(events.every((e) => e.conversation === 'Hiking Crew')).toBe(true);
  });

  it('names an Android group from its file name, else from its subject', async () => {
    const named = await parse('android-group.txt', { fileName: 'WhatsApp Chat with Family.txt' });
    expect(named.detection?.conversation).toBe('Family');
    const unnamed = await parse('android-group.txt');
    expect(unnamed.detection?.conversation).toBe('Family ❤️');
    const perSenderDay = new Map<string, number>();
    for (const e of named.events) {
      const key = `${e.counterpart.name ?? '(group)'} ${e.localTime?.slice(0, 10)} ${e.direction}`;
      perSenderDay.set(key, (perSenderDay.get(key) ?? 0) + 1);
    }
    expect(Object.fromEntries(perSenderDay)).toEqual({
      'Ana Lima 2024-01-05 incoming': 1,
      'Ben Okafor 2024-01-05 incoming': 1,
      '(group) 2024-01-05 outgoing': 1,
      'Ben Okafor 2024-01-13 incoming': 1,
      'Ana Lima 2024-01-13 incoming': 1,
    });
  });

  it('understands a.m./p.m., nachm., CRLF line ends and a byte-order mark', async () => {
    const { events } = await parse('android-crlf-ampm-variants.txt');
    expect(rows(events)).toEqual([
      [1, '2024-03-15T09:05:00', 'Ana Lima', 'incoming'],
      [2, '2024-03-15T21:06:00', 'Ana Lima', 'outgoing'],
      [3, '2024-03-16T20:00:00', 'Ana Lima', 'incoming'],
    ]);
  });

  it('marks directions unknown when the user is not named', async () => {
    const events = await parseWhatsAppText(fixture('android-iso.txt'));
    expect(rows(events).map((r) => [r[2], r[3]])).toEqual([
      ['Chloé Martin', 'unknown'],
      ['Sam Rivera', 'unknown'],
      ['Chloé Martin', 'unknown'],
      ['Chloé Martin', 'unknown'],
    ]);
  });

  it('defaults ambiguous dates to day-month-year and says so; honours a given order', async () => {
    const text = '03/04/24, 18:00 - Ana Lima: See you\n03/04/24, 18:01 - Sam Rivera: ok\n';
    let detection: WhatsAppDetection | undefined;
    const events = await parseWhatsAppText(text, { onDetected: (d) => (detection = d) });
    expect(detection).toMatchObject({ dateOrder: 'DMY', dateOrderSource: 'default' });
    expect(events[0]?.localTime).toBe('2024-04-03T18:00:00');
    const us = await parseWhatsAppText(text, { dateOrder: 'MDY' });
    expect(us[0]?.localTime).toBe('2024-03-04T18:00:00');
  });

  it('returns a summary from the stream and reads Buffer chunks split mid-character', async () => {
    const bytes = Buffer.from(fixture('android-group.txt'));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
      bytes.subarray(i * 7, i * 7 + 7),
    );
    const stream = parseWhatsApp(chunks, { self: SELF });
    let count = 0;
    let next = await stream.next();
    while (!next.done) {
      count++;
      next = await stream.next();
    }
    expect(count).toBe(5);
    expect(next.value).toMatchObject({ messages: 5, systemMessages: 6, group: true });
  });

  it('switches a one-to-one chat to a group when a second person writes later', async () => {
    const lines = ['01/02/2024, 10:00 - Ana Lima: hi'];
    for (let i = 0; i < 1000; i++) lines.push('01/02/2024, 10:01 - Sam Rivera: filler');
    lines.push('02/02/2024, 11:00 - Ben Okafor: hello', '02/02/2024, 11:01 - Sam Rivera: hey');
    const events = await parseWhatsAppText(lines.join('\n'), {
      self: SELF,
      fileName: 'WhatsApp Chat with Book Club.txt',
    });
    expect(events[1]?.counterpart).toEqual({ name: 'Ana Lima' });
    expect(events.at(-2)).toMatchObject({ counterpart: { name: 'Ben Okafor' } });
    expect(events.at(-1)).toMatchObject({ counterpart: {}, conversation: 'Book Club' });
  });
});

describe('WhatsApp format errors', () => {
  const error = async (text: string) => {
    try {
      await parseWhatsAppText(text);
    } catch (e) {
      return e as Error & { line: number | null };
    }
    throw new Error('expected an ImportFormatError');
  };

  it('rejects a file with no message line as not a WhatsApp export', async () => {
    const e = await error('Subject: hello\n\nThis is an email.\n');
    expect(e.name).toBe('ImportFormatError');
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/not a WhatsApp chat export/);
  });

  it('rejects binary data, naming the line', async () => {
    const e = await error('01/02/2024, 10:00 - Ana: hi\nok\n\0\0\x01\n');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/NUL/);
  });

  it('rejects a line longer than the limit', async () => {
    const e = await error(`01/02/2024, 10:00 - Ana: ${'x'.repeat(1024 * 1024 + 1)}\n`);
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/longer than/);
  });

  it('rejects a date that contradicts the detected order, naming the line', async () => {
    const e = await error('13/02/2024, 10:00 - Ana: hi\n02/13/2024, 10:01 - Ana: hi\n');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/not a valid DMY date/);
  });

  it('stays linear on a huge multi-line message', async () => {
    const body = Array.from({ length: 200_000 }, (_, i) => `line ${i} of a long story`);
    const started = performance.now();
    const events = await parseWhatsAppText(`01/02/2024, 10:00 - Ana: start\n${body.join('\n')}`);
    expect(events).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
