import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportFormatError } from './types.js';
import { parseVCards } from './vcard.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/contacts/${name}`, import.meta.url), 'utf8');
const HASH = expect.stringMatching(/^hash:[0-9a-f]{64}$/);
const card = (...lines: string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');
const only = (text: string) => {
  const { contacts } = parseVCards(text);
  expect(contacts).toHaveLength(1);
  return contacts[0];
};
const errorOf = (text: string) => {
  try {
    parseVCards(text);
  } catch (e) {
    if (e instanceof ImportFormatError) return e;
    throw e;
  }
  throw new Error('expected an ImportFormatError');
};

describe('Google Contacts vCard 3.0 export', () => {
  const result = parseVCards(fixture('google.vcf'));

  it('reads each person with deduplicated emails and phones, dates and unescaped notes', () => {
    expect(result.contacts).toEqual([
      {
        line: 1,
        externalId: HASH,
        name: 'Amara Okafor',
        phones: ['+44 7700 900123', '020 7946 0958'],
        emails: ['amara.okafor@example.com', 'Amara.Okafor@Example.org'],
        birthday: { month: 3, day: 14, year: 1988 },
        otherDates: [{ month: 9, day: 3, year: 2016, label: 'Anniversary' }],
        notes: 'Met at the pottery class, autumn 2019.\nLoves figs; hates early mornings.',
      },
      {
        line: 22,
        externalId: HASH,
        name: 'Tomasz Wiśniewski',
        phones: ['+48 512 345 678'],
        emails: [],
        birthday: { month: 11, day: 2 },
        otherDates: [],
        notes: '',
      },
    ]);
  });

  it('when a card is only a company, it is skipped and reported', () => {
    expect(result.skipped).toEqual([{ line: 31, reason: 'a company card, not a person' }]);
  });

  it('when a card has no UID, its id is a hash that is the same on every export', () => {
    const again = parseVCards(fixture('google.vcf'));
    expect(again.contacts.map((c) => c.externalId)).toEqual(
      result.contacts.map((c) => c.externalId),
    );
    expect(result.contacts[0]?.externalId).not.toBe(result.contacts[1]?.externalId);
  });
});

describe('Apple Contacts / iCloud vCard 3.0 export', () => {
  const result = parseVCards(fixture('apple.vcf'));

  it('reads grouped values, labelled dates and the UID', () => {
    expect(result.contacts).toEqual([
      {
        line: 1,
        externalId: 'uid:7A1D2C9E-3B44-4F1B-9C55-2B1E7F0A9D31',
        name: 'Johan Erik Lindqvist',
        phones: ['+46 70 123 45 67', '(555) 010-4477'],
        emails: ['johan.lindqvist@example.se', 'johan@example.net'],
        birthday: { month: 7, day: 9 },
        otherDates: [
          { month: 8, day: 25, year: 2012, label: 'Anniversary' },
          { month: 2, day: 29, label: 'Name day' },
        ],
        notes: 'Sails every summer.\nAllergic to walnuts; bring the other cake.',
      },
      {
        line: 43,
        externalId: 'uid:5C6D7E8F-9A0B-4C1D-8E2F-3A4B5C6D7E8F',
        name: 'Dr. Ngozi Achebe',
        phones: ['07700 900456'],
        emails: [],
        birthday: { month: 12, day: 1, year: 1979 },
        otherDates: [],
        notes: '',
      },
    ]);
  });

  it('when Apple exports a birthday without a year, it is imported without a year', () => {
    expect(result.contacts[0]?.birthday).toEqual({ month: 7, day: 9 });
  });

  it('skips the group card and the card shown as a company', () => {
    expect(result.skipped).toEqual([
      { line: 24, reason: 'a group, not a person' },
      { line: 33, reason: 'a company card, not a person' },
    ]);
  });
});

describe('Outlook vCard 2.1 export', () => {
  const result = parseVCards(fixture('outlook.vcf'));

  it('decodes quoted-printable in its charset, joins soft line breaks and skips the photo', () => {
    expect(result.contacts).toEqual([
      {
        line: 1,
        externalId: HASH,
        name: 'Jürgen Müller',
        phones: ['+49 30 901820', '+49 (151) 2345-6789'],
        emails: ['juergen.mueller@example.de'],
        birthday: { month: 2, day: 3, year: 1975 },
        otherDates: [{ month: 9, day: 15, year: 2001, label: 'Anniversary' }],
        notes: 'Prefers calls after six.\nLikes long walks by the river, especially in autumn.',
      },
      {
        line: 23,
        externalId: HASH,
        name: 'Zoë Adeyemi',
        phones: ['+1 (555) 010-7788'],
        emails: ['zoe.adeyemi@example.com'],
        birthday: { month: 6, day: 30, year: 1992 },
        otherDates: [],
        notes: '',
      },
    ]);
    expect(result.skipped).toEqual([{ line: 33, reason: 'a company card, not a person' }]);
  });
});

describe('vCard 4.0', () => {
  const result = parseVCards(fixture('vcard4.vcf'));

  it('reads tel: URIs, --MMDD birthdays, date-times, and ignores text and impossible dates', () => {
    expect(result.contacts).toEqual([
      {
        line: 1,
        externalId: 'uid:urn:uuid:3f2b6c1e-8d4a-4b7e-9a21-5c0d8e7f6a10',
        name: 'Priya Raman',
        phones: ['+1-555-010-2233', '+1-555-010-9900'],
        emails: ['priya@example.net'],
        birthday: { month: 4, day: 12 },
        otherDates: [{ month: 6, day: 19, year: 2010, label: 'Anniversary' }],
        notes: 'Runs the Thursday climbing session.',
      },
      {
        line: 14,
        externalId: 'uid:urn:uuid:9b1c2d3e-4f50-4a6b-8c7d-0e1f2a3b4c5d',
        name: 'Mateo Alvarez',
        phones: ['+34 612 34 56 78'],
        emails: [],
        birthday: { month: 4, day: 12, year: 1990 },
        otherDates: [],
        notes: '',
      },
      {
        line: 21,
        externalId: 'uid:urn:uuid:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5e',
        name: 'Keiko Sato',
        phones: [],
        emails: [],
        birthday: null,
        otherDates: [],
        notes: '',
      },
    ]);
  });

  it('skips KIND:group and KIND:org cards', () => {
    expect(result.skipped).toEqual([
      { line: 28, reason: 'a group, not a person' },
      { line: 36, reason: 'a card of kind "org", not a person' },
    ]);
  });
});

describe('vCard quirks', () => {
  it.each([
    ['1990-04-12', { month: 4, day: 12, year: 1990 }],
    ['19900412', { month: 4, day: 12, year: 1990 }],
    ['--0412', { month: 4, day: 12 }],
    ['--04-12', { month: 4, day: 12 }],
    ['1990-04-12T00:00:00Z', { month: 4, day: 12, year: 1990 }],
    ['19900412T000000', { month: 4, day: 12, year: 1990 }],
    ['--0229', { month: 2, day: 29 }],
    ['1990-02-29', null],
    ['1990-13-01', null],
    ['not a date', null],
    ['', null],
  ])('reads BDAY:%s', (value, birthday) => {
    expect(only(card('FN:Ann Lee', `BDAY:${value}`))?.birthday).toEqual(birthday);
  });

  it('when Apple writes 1604 with X-APPLE-OMIT-YEAR, the year is dropped', () => {
    const c = only(card('FN:Ann Lee', 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12'));
    expect(c?.birthday).toEqual({ month: 4, day: 12 });
  });

  it('when a birthday is text (VALUE=text), it is ignored', () => {
    expect(only(card('FN:Ann Lee', 'BDAY;VALUE=text:circa 1990'))?.birthday).toBeNull();
  });

  it('reads LF line endings, tab folding and every parameter form of TEL', () => {
    const c = only(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Ann',
        '\t Lee',
        'TEL;TYPE=CELL,VOICE:+1 555 0101',
        'TEL;CELL;VOICE:+1 555 0102',
        'TEL;TYPE="home,voice":+1 555 0103',
        'TEL;VALUE=uri:tel:+1-555-0104',
        'TEL;TYPE=fax:+1 555 0105',
        'TEL:call me maybe',
        'END:VCARD',
      ].join('\n'),
    );
    expect(c?.name).toBe('Ann Lee');
    expect(c?.phones).toEqual(['+1 555 0101', '+1 555 0102', '+1 555 0103', '+1-555-0104']);
  });

  it('keeps emails as written and drops case-insensitive repeats and non-addresses', () => {
    const c = only(
      card('FN:Ann Lee', 'EMAIL:Ann@Example.com', 'EMAIL:ann@example.COM', 'EMAIL:not-an-email'),
    );
    expect(c?.emails).toEqual(['Ann@Example.com']);
  });

  it('when FN is missing, builds the name from N; when both are empty, skips the card', () => {
    expect(only(card('N:Lee;Ann;Marie;Dr.;PhD'))?.name).toBe('Dr. Ann Marie Lee PhD');
    expect(parseVCards(card('N:;;;;', 'EMAIL:x@example.com')).skipped).toEqual([
      { line: 1, reason: 'a card without a name' },
    ]);
  });

  it('unescapes \\, \\; \\n and \\\\ in text', () => {
    expect(only(card('FN:Ann Lee', 'NOTE:a\\, b\\; c\\nd \\\\ e'))?.notes).toBe('a, b; c\nd \\ e');
  });

  it('a person with an employer is still a person', () => {
    expect(only(card('FN:Ann Lee', 'N:Lee;Ann;;;', 'ORG:Acme'))?.name).toBe('Ann Lee');
  });

  it('skips unindented vCard 2.1 base64 data up to the blank line', () => {
    const c = only(
      [
        'BEGIN:VCARD',
        'VERSION:2.1',
        'FN:Ann Lee',
        'PHOTO;JPEG;BASE64:',
        '/9j/4AAQSkZJRgABAQEAYABgAAD',
        'CQsLCgwMCgkQDA0PDxgTEA8QFBAP',
        '',
        'TEL;CELL:555 0100',
        'END:VCARD',
      ].join('\r\n'),
    );
    expect(c?.phones).toEqual(['555 0100']);
  });
});

describe('vCard errors name the line', () => {
  it.each([
    ['a card that never ends', card('FN:Ann').replace('END:VCARD', ''), 1, /without END/],
    ['a nested BEGIN', `BEGIN:VCARD\r\nFN:Ann\r\nBEGIN:VCARD\r\nEND:VCARD`, 3, /inside/],
    ['text outside a card', `${card('FN:Ann')}\r\nhello\r\n`, 5, /expected BEGIN/],
    ['an END with no card', 'END:VCARD', 1, /expected BEGIN/],
    ['a NUL byte', `${card('FN:Ann')}\r\n\0\0`, 5, /binary/],
    ['text that was not UTF-8', `BEGIN:VCARD\nFN:\uFFFD\uFFFD\nEND:VCARD`, 2, /UTF-8/],
    ['an over-long line', `BEGIN:VCARD\nNOTE:${'x'.repeat(1024 * 1024)}\nEND:VCARD`, 2, /longer/],
  ])('%s', (_, text, line, message) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  it('an empty file has no contacts', () => {
    expect(parseVCards('\r\n\r\n')).toEqual({ contacts: [], skipped: [] });
  });
});
