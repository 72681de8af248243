import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../core/connections.schemas.js';
import { parseVCards } from './vcard.js';
import { writeVCards } from './vcard-writer.js';

const connection = (over: Partial<Connection> = {}): Connection => ({
  id: '0b8f6c1e-2d4a-4b7e-9a21-5c0d8e7f6a10',
  name: 'Ann Marie Lee',
  kind: 'person',
  ring: 'close',
  cadenceDays: 30,
  sharedJoys: [],
  notes: '',
  importantDates: [],
  handles: { phones: [], emails: [] },
  draining: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('writeVCards', () => {
  it('writes a vCard 4.0 with CRLF lines, escaped text and every field Tend keeps', () => {
    const text = writeVCards([
      connection({
        notes: 'Tea, not coffee; ask about C:\\ drive\nand the dog',
        handles: { phones: ['+44 7700 900123'], emails: ['ann@example.com'] },
        importantDates: [
          { kind: 'birthday', month: 4, day: 12 },
          { kind: 'anniversary', month: 6, day: 19, year: 2010 },
          { kind: 'other', label: 'Name day', month: 7, day: 26 },
        ],
      }),
    ]);
    expect(text).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:urn:uuid:0b8f6c1e-2d4a-4b7e-9a21-5c0d8e7f6a10',
        'KIND:individual',
        'FN:Ann Marie Lee',
        'N:Lee;Ann Marie;;;',
        'TEL;VALUE=uri:tel:+44-7700-900123',
        'EMAIL:ann@example.com',
        'BDAY:--0412',
        'ANNIVERSARY:20100619',
        'item1.X-ABDATE:--0726',
        'item1.X-ABLabel:Name day',
        'NOTE:Tea\\, not coffee\\; ask about C:\\\\ drive\\nand the dog',
        'CATEGORIES:close',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('marks a pet as an individual with X-TEND-KIND:pet', () => {
    expect(writeVCards([connection({ kind: 'pet', name: 'Biscuit' })])).toContain(
      'KIND:individual\r\nX-TEND-KIND:pet\r\nFN:Biscuit\r\nN:;Biscuit;;;\r\n',
    );
  });

  it('folds lines at 75 octets without splitting a UTF-8 character', () => {
    const text = writeVCards([connection({ notes: 'é'.repeat(100) + '🌻'.repeat(30) })]);
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(2);
    expect(parseVCards(text).contacts[0]?.notes).toBe('é'.repeat(100) + '🌻'.repeat(30));
  });

  it('what it writes reads back with the same names, phones, emails and birthdays', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ\u4e00-\u4e10'’,;\\-]{1,12}$/);
    const date = fc
      .record({
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        year: fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }),
      })
      .map(({ year, ...md }) => (year === undefined ? md : { ...md, year }));
    const person = fc.record({
      name: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
      phones: fc.uniqueArray(fc.stringMatching(/^\+?[0-9]{3,12}$/), { maxLength: 3 }),
      emails: fc.uniqueArray(
        fc.stringMatching(/^[A-Za-z0-9]{1,8}(\.[A-Za-z0-9_+-]{1,5})?@[a-z0-9]{1,8}\.[a-z]{2,6}$/),
        {
          maxLength: 3,
          selector: (e) => e.toLowerCase(),
        },
      ),
      birthday: fc.option(date, { nil: undefined }),
      notes: fc.string({ maxLength: 200 }),
    });
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 3 }), (people) => {
        const connections = people.map((p, i) =>
          connection({
            id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            name: p.name,
            handles: { phones: p.phones, emails: p.emails },
            importantDates: p.birthday ? [{ kind: 'birthday', ...p.birthday }] : [],
          }),
        );
        const { contacts } = parseVCards(writeVCards(connections));
        expect(contacts.map((c) => [c.externalId, c.name, c.phones, c.emails, c.birthday])).toEqual(
          people.map((p, i) => [
            `uid:urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
            p.name,
            p.phones,
            p.emails,
            p.birthday ?? null,
          ]),
        );
      }),
      { numRuns: 150 },
    );
  });
});
