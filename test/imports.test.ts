import type { Hono } from 'hono';
import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConnection, listConnections } from '../src/app/connections.usecases.js';
import type { AppContext } from '../src/app/context.js';
import { runImport } from '../src/app/import.usecases.js';
import { listInteractions } from '../src/app/interactions.usecases.js';
import { readCsv } from '../src/importers/csv.js';
import { createApp, silentLogger } from '../src/server/app.js';
import { LOCAL_USER_ID } from '../src/storage/users.repository.js';
import { availableEngines, createTestDatabase, type TestDatabase } from './support/databases.js';
import { contextFor } from './support/fixtures.js';

async function* chunksOf(text: string) {
  // Small chunks, so parsers meet lines split across reads.
  for (let i = 0; i < text.length; i += 7) yield Buffer.from(text.slice(i, i + 7));
}

const VCARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Ana Silva',
  'N:Silva;Ana;;;',
  'TEL;TYPE=CELL:+49 151 23456789',
  'EMAIL;TYPE=INTERNET:ana@example.org',
  'BDAY:1990-04-12',
  'UID:ana-1',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Ben Okoro',
  'TEL;TYPE=CELL:0151 9876543',
  'BDAY:--07-30',
  'UID:ben-1',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Acme GmbH',
  'ORG:Acme GmbH',
  'X-ABShowAs:COMPANY',
  'END:VCARD',
  '',
].join('\r\n');

const WHATSAPP = [
  '12/11/2026, 09:15 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.',
  '12/11/2026, 09:15 - Ana Silva: Morning! Coffee later?',
  '12/11/2026, 09:16 - Me: Yes please',
  '12/11/2026, 09:17 - Ana Silva: Great',
  'see you at 4',
  '13/11/2026, 21:40 - Ana Silva: <Media omitted>',
  '',
].join('\n');

const GROUP = [
  '14/11/2026, 10:00 - You created group "Climbing"',
  '14/11/2026, 10:01 - Ana Silva: Bouldering on Sunday?',
  '14/11/2026, 10:02 - Carla Ruiz: in!',
  '14/11/2026, 10:03 - Me: me too',
  '14/11/2026, 10:04 - Carla Ruiz: 🧗',
  '',
].join('\n');

const CALLS = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<calls count="3">
  <call number="+4915198765430" duration="125" date="1762941600000" type="1" contact_name="Ben Okoro" />
  <call number="+4915198765430" duration="0" date="1762945200000" type="3" contact_name="Ben Okoro" />
  <call number="+4930111111" duration="60" date="1762948800000" type="2" contact_name="(Unknown)" />
</calls>
`;

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//EN',
  'BEGIN:VEVENT',
  'UID:lunch-1',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20261105T123000',
  'DTEND;TZID=Europe/Berlin:20261105T133000',
  'SUMMARY:Lunch',
  'ORGANIZER;CN=Me:mailto:me@example.org',
  'ATTENDEE;CN=Ana Silva;PARTSTAT=ACCEPTED:mailto:ANA@example.org',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:call-1',
  'DTSTAMP:20261101T000000Z',
  'DTSTART:20261106T170000Z',
  'DURATION:PT45M',
  'SUMMARY:Catch-up with Ben Okoro',
  'DESCRIPTION:Join: https://meet.google.com/abc-defg-hij',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:future-1',
  'DTSTAMP:20261101T000000Z',
  'DTSTART:20261224T170000Z',
  'SUMMARY:Dinner with Ana Silva',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

for (const engine of await availableEngines()) {
  describe(`imports on ${engine}`, () => {
    let test: TestDatabase;
    let ctx: AppContext;

    beforeAll(async () => {
      test = await createTestDatabase(engine);
    });
    afterAll(async () => {
      await test?.destroy();
    });
    beforeEach(async () => {
      ctx = await contextFor(test.database, crypto.randomUUID(), crypto.randomUUID().slice(0, 8));
      await ctx.store.saveSettings({
        ...(await ctx.store.settings()),
        timeZone: 'Europe/Berlin',
        defaultRegion: 'DE',
      });
    });

    const count = async () => ({
      connections: (await listConnections(ctx, { limit: 500 })).items.length,
      interactions: (await listInteractions(ctx, { limit: 500 })).items.length,
    });

    it('when contacts are previewed, nothing is written; when imported twice, nobody is duplicated', async () => {
      const preview = await runImport(
        ctx,
        { type: 'vcard', chunks: chunksOf(VCARDS) },
        { dryRun: true },
      );
      expect(preview.created.connections).toBe(2);
      expect(preview.skipped).toBe(1);
      expect(preview.items.find((i) => i.action === 'skip')?.reason).toMatch(/compan/i);
      expect(await count()).toEqual({ connections: 0, interactions: 0 });

      const first = await runImport(ctx, { type: 'vcard', chunks: chunksOf(VCARDS) });
      expect(first.created.connections).toBe(2);
      const people = (await listConnections(ctx, {})).items;
      expect(people.map((p) => p.name)).toEqual(['Ana Silva', 'Ben Okoro']);
      expect(people[0]?.importantDates).toEqual([
        { kind: 'birthday', month: 4, day: 12, year: 1990 },
      ]);
      expect(people[1]?.importantDates).toEqual([{ kind: 'birthday', month: 7, day: 30 }]);

      const again = await runImport(ctx, { type: 'vcard', chunks: chunksOf(VCARDS) });
      expect(again.created.connections).toBe(0);
      expect(again.updated.connections).toBe(0);
      expect(await count()).toEqual({ connections: 2, interactions: 0 });
    });

    it('when a contact file is malformed, the error names the line and nothing is imported', async () => {
      const broken = VCARDS.replace(
        'END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben',
      );
      const error = await runImport(ctx, { type: 'vcard', chunks: chunksOf(broken) }).catch(
        (e) => e,
      );
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(/line \d+/);
      expect(await count()).toEqual({ connections: 0, interactions: 0 });
    });

    it('when a WhatsApp chat is imported, each person gets one interaction per day with the message count, and re-importing changes nothing', async () => {
      await runImport(ctx, { type: 'vcard', chunks: chunksOf(VCARDS) });
      const report = await runImport(
        ctx,
        {
          type: 'whatsapp',
          fileName: 'WhatsApp Chat with Ana Silva.txt',
          chunks: chunksOf(WHATSAPP),
        },
        { self: ['Me'] },
      );
      expect(report.created.interactions).toBe(2);
      expect(report.unmatched).toEqual([]);
      const logged = (await listInteractions(ctx, { limit: 50 })).items.sort((a, b) =>
        a.startedAt < b.startedAt ? -1 : 1,
      );
      expect(logged.map((i) => [i.startedAt, i.channel, i.messageCount])).toEqual([
        ['2026-11-12T08:15:00.000Z', 'text', 3],
        ['2026-11-13T20:40:00.000Z', 'text', 1],
      ]);
      const again = await runImport(
        ctx,
        {
          type: 'whatsapp',
          fileName: 'WhatsApp Chat with Ana Silva.txt',
          chunks: chunksOf(WHATSAPP),
        },
        { self: ['Me'] },
      );
      expect(again.created.interactions).toBe(0);
      expect(again.skipped).toBe(2);
      const group = await runImport(
        ctx,
        { type: 'whatsapp', chunks: chunksOf(GROUP) },
        { self: ['Me'], dryRun: true },
      );
      expect(group.unmatched).toEqual([
        { name: 'Carla Ruiz', phone: null, email: null, records: 2 },
      ]);
      expect(group.created.interactions).toBe(1);
      const added = await runImport(
        ctx,
        { type: 'whatsapp', chunks: chunksOf(GROUP) },
        { self: ['Me'], createUnmatched: true },
      );
      expect(added.created).toEqual({ connections: 1, interactions: 2 });
      expect((await listConnections(ctx, { q: 'carla' })).items.map((c) => c.ring)).toEqual([
        'wider',
      ]);
    });

    it('when a call log is imported, answered calls become voice time matched by number, and missed calls are left out', async () => {
      await runImport(ctx, {
        type: 'vcard',
        chunks: chunksOf(VCARDS.replace('0151 9876543', '0151 98765430')),
      });
      const report = await runImport(ctx, { type: 'sms', chunks: chunksOf(CALLS) });
      expect(report.created.interactions).toBe(1);
      expect(report.warnings.join(' ')).toMatch(/1 missed/);
      expect(report.unmatched.map((u) => u.phone)).toEqual(['+4930111111']);
      const [call] = (await listInteractions(ctx, {})).items;
      expect(call).toMatchObject({ channel: 'voice', durationMinutes: 3, messageCount: null });
    });

    it('when a backup carries a DTD, it is refused and nothing is written', async () => {
      const hostile = `<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><smses count="1"><sms address="+49151" date="1762941600000" type="1" body="&b;" /></smses>`;
      await expect(
        runImport(ctx, { type: 'sms', chunks: chunksOf(hostile) }),
      ).rejects.toMatchObject({ code: 'validation_failed' });
      expect(await count()).toEqual({ connections: 0, interactions: 0 });
    });

    it('when a calendar is imported, past meetings with connections become interactions, video when there is a call link', async () => {
      await runImport(ctx, { type: 'vcard', chunks: chunksOf(VCARDS) });
      const report = await runImport(
        ctx,
        { type: 'ical', chunks: chunksOf(ICS) },
        { self: ['me@example.org'] },
      );
      expect(report.created.interactions).toBe(2);
      const items = (await listInteractions(ctx, {})).items;
      expect(items.map((i) => [i.startedAt, i.channel, i.durationMinutes, i.kinds])).toEqual([
        ['2026-11-06T17:00:00.000Z', 'video', 45, ['conversation']],
        ['2026-11-05T11:30:00.000Z', 'in_person', 60, ['shared_meal']],
      ]);
      const again = await runImport(
        ctx,
        { type: 'ical', chunks: chunksOf(ICS) },
        { self: ['me@example.org'] },
      );
      expect(again.created.interactions).toBe(0);
    });

    it('when a Tend backup is imported into an empty Tend, everything comes back', async () => {
      await createConnection(ctx, { name: 'Dora' });
      const source = await contextFor(test.database, crypto.randomUUID());
      expect(source).toBeDefined();
      const { exportBackup } = await import('../src/app/backup.usecases.js');
      const backup = JSON.stringify(await exportBackup(ctx));
      const other = await createTestDatabase(engine);
      try {
        const target = await contextFor(other.database, LOCAL_USER_ID);
        const preview = await runImport(
          target,
          { type: 'backup', chunks: chunksOf(backup) },
          { dryRun: true },
        );
        expect(preview.created.connections).toBe(1);
        await runImport(target, { type: 'backup', chunks: chunksOf(backup) });
        expect((await listConnections(target, {})).items.map((c) => c.name)).toEqual(['Dora']);
      } finally {
        await other.destroy();
      }
    });
  });
}

describe('import, export and calendar feed over HTTP', () => {
  let test: TestDatabase;
  let app: Hono;
  beforeAll(async () => {
    test = await createTestDatabase('sqlite');
    await contextFor(test.database, LOCAL_USER_ID);
    app = createApp({
      database: test.database,
      log: silentLogger,
      webDir: '/nonexistent',
      clock: () => new Date('2026-11-26T12:00:00Z'),
    });
  });
  afterAll(async () => {
    await test?.destroy();
  });

  const upload = (query: string, body: string, type = 'text/vcard') =>
    app.request(`/api/v1/imports?${query}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });

  it('when a file is uploaded, the default is a preview; the same upload with dryRun=false commits it', async () => {
    const preview = await upload('type=vcard', VCARDS);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ dryRun: true, created: { connections: 2 } });
    expect((await (await app.request('/api/v1/connections')).json()).items).toEqual([]);
    const commit = await upload('type=vcard&dryRun=false', VCARDS);
    expect(await commit.json()).toMatchObject({ dryRun: false, created: { connections: 2 } });
    expect((await (await app.request('/api/v1/connections')).json()).items).toHaveLength(2);
  });

  it('when the upload is of the wrong kind or type, it is refused with problem details', async () => {
    expect((await upload('type=vcard', VCARDS, 'image/png')).status).toBe(415);
    expect((await upload('type=pdf', VCARDS)).status).toBe(400);
    const bad = await upload('type=ical&dryRun=false', 'hello');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toMatch(/line 1|\(file\)/);
  });

  it('when exports are downloaded, CSV tables and vCards hold every connection', async () => {
    const csv = await app.request('/api/v1/exports/csv/connections');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('tend-connections.csv');
    const rows = readCsv(await csv.text());
    expect(rows.map((r) => r.fields[1])).toEqual(['name', 'Ana Silva', 'Ben Okoro']);
    const vcf = await (await app.request('/api/v1/exports/connections.vcf')).text();
    expect(vcf.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect((await app.request('/api/v1/exports/csv/secrets')).status).toBe(400);
  });

  it('when the calendar feed is turned on, its secret address serves valid iCalendar, and rotating it retires the old one', async () => {
    const people = (await (await app.request('/api/v1/connections')).json()).items;
    await app.request('/api/v1/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        startsAt: '2026-11-28T15:00:00Z',
        connectionIds: [people[0].id],
        title: 'Picnic, with cake; and tea',
        location: 'Tempelhof',
      }),
    });
    const first = await (await app.request('/api/v1/calendar-feed', { method: 'POST' })).json();
    expect(first.path).toMatch(/^\/calendar\/[\w-]{40,}\.ics$/);
    const feed = await app.request(first.path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const text = await feed.text();
    const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const summaries = vevents.map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries).toContain('Picnic, with cake; and tea with Ana Silva');
    expect(summaries).toContain('Ana Silva’s birthday');
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const second = await (await app.request('/api/v1/calendar-feed', { method: 'POST' })).json();
    expect((await app.request(first.path)).status).toBe(404);
    expect((await app.request(second.path)).status).toBe(200);
    expect(await (await app.request('/api/v1/calendar-feed')).json()).toMatchObject({
      enabled: true,
    });
    expect((await app.request('/api/v1/calendar-feed', { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(second.path)).status).toBe(404);
  });
});
