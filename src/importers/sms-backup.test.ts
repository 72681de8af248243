import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSmsBackup, parseSmsBackupText } from './sms-backup.js';
import type { ImportedContactEvent } from './types.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/chats/${name}`, import.meta.url), 'utf8');
const rows = (events: ImportedContactEvent[]) =>
  events.map((e) => [e.line, e.instant, e.counterpart.name ?? e.counterpart.phone, e.direction]);

async function failure(text: string) {
  try {
    await parseSmsBackupText(text);
  } catch (e) {
    return e as Error & { line: number | null };
  }
  throw new Error('expected an ImportFormatError');
}

describe('SMS Backup & Restore', () => {
  it('reads received and sent SMS, skips drafts, drops "(Unknown)" names', async () => {
    const events = await parseSmsBackupText(fixture('sms-backup.xml'));
    expect(rows(events)).toEqual([
      [5, '2023-11-14T22:13:20.000Z', 'Jonas Weber', 'incoming'],
      [6, '2023-11-14T22:14:20.000Z', 'Jonas Weber', 'outgoing'],
      [8, '2023-11-17T05:46:40.000Z', '+15555550100', 'incoming'],
      [9, '2023-11-18T09:33:20.000Z', 'Jonas Weber', 'incoming'],
      [21, '2023-11-19T13:20:00.000Z', 'Ana Lima', 'outgoing'],
      [21, '2023-11-19T13:20:00.000Z', 'Jonas Weber', 'outgoing'],
    ]);
    expect(events[0]).toMatchObject({
      channel: 'text',
      counterpart: { phone: '+4915123456789', name: 'Jonas Weber' },
      conversation: null,
    });
  });

  it('credits a group MMS to its sender when received and to each recipient when sent', async () => {
    const events = await parseSmsBackupText(fixture('sms-backup.xml'));
    const mms = events.filter((e) => e.line >= 9);
    expect(mms.map((e) => e.counterpart.phone)).toEqual([
      '+4915123456789',
      '+15555550123',
      '+4915123456789',
    ]);
  });

  it('reads call logs: connected calls keep their duration, the rest count 0 s', async () => {
    const stream = parseSmsBackup([fixture('calls-backup.xml')]);
    const events: ImportedContactEvent[] = [];
    let next = await stream.next();
    while (!next.done) {
      events.push(next.value);
      next = await stream.next();
    }
    expect(next.value).toEqual({ kind: 'calls', events: 6 });
    expect(events.map((e) => [e.direction, e.durationSeconds, e.channel])).toEqual([
      ['incoming', 125, 'voice'],
      ['outgoing', 600, 'voice'],
      ['incoming', 0, 'voice'],
      ['incoming', 0, 'voice'],
      ['incoming', 0, 'voice'],
      ['incoming', 0, 'voice'],
    ]);
    expect(events[5]?.counterpart).toEqual({ phone: '+15555550188' });
  });

  it('reads byte chunks of any size with the same result', async () => {
    const bytes = Buffer.from(fixture('sms-backup.xml'));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) =>
      bytes.subarray(i * 5, i * 5 + 5),
    );
    const events: ImportedContactEvent[] = [];
    for await (const e of parseSmsBackup(chunks)) events.push(e);
    expect(events).toEqual(await parseSmsBackupText(fixture('sms-backup.xml')));
  });

  it('truncates huge attribute values (MMS photos) instead of holding them', async () => {
    const data = 'A'.repeat(5 * 1024 * 1024);
    const text = fixture('sms-backup.xml').replace('data="/9j/', `data="${data}`);
    expect(await parseSmsBackupText(text)).toHaveLength(6);
  });
});

describe('SMS backup safety and errors', () => {
  it('rejects any DTD before an entity can be declared', async () => {
    const bomb =
      '<?xml version="1.0"?>\n<!DOCTYPE smses [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n<smses count="1"><sms type="1" address="&b;" date="1"/></smses>';
    const e = await failure(bomb);
    expect(e.name).toBe('ImportFormatError');
    expect(e.message).toMatch(/DTDs are not allowed/);
    expect(e.line).toBe(2);
  });

  it('rejects undefined entities and external references', async () => {
    const e = await failure('<smses>\n<sms type="1" address="&xxe;" date="1"/></smses>');
    expect(e.message).toMatch(/malformed XML/);
    expect(e.line).toBe(2);
  });

  it('reports the line of malformed XML', async () => {
    const e = await failure(
      '<smses>\n<sms type="1" date="1" address="+1"/>\n<sms type="1" </smses>',
    );
    expect(e.name).toBe('ImportFormatError');
    expect(e.line).toBe(3);
  });

  it('rejects other XML and bad dates', async () => {
    expect((await failure('<html><body/></html>')).message).toMatch(/not an SMS Backup/);
    expect((await failure('')).name).toBe('ImportFormatError');
    const bad = await failure('<smses>\n<sms type="1" address="+1" date="soon"/></smses>');
    expect([bad.line, bad.message]).toEqual([2, 'line 2: missing or invalid date']);
  });
});
