import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseContactsCsv } from './contacts-csv.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/contacts/${name}`, import.meta.url), 'utf8');
const HASH = expect.stringMatching(/^hash:[0-9a-f]{64}$/);

const amara = {
  externalId: HASH,
  name: 'Amara Okafor',
  phones: ['+44 7700 900123', '020 7946 0958'],
  birthday: { month: 3, day: 14, year: 1988 },
  otherDates: [{ month: 9, day: 3, year: 2016, label: 'Anniversary' }],
};
const tomasz = {
  externalId: HASH,
  name: 'Tomasz Wiśniewski',
  phones: ['+48 512 345 678'],
  emails: [],
  birthday: { month: 11, day: 2 },
  otherDates: [],
  notes: '',
};

describe('Google Contacts CSV, current layout', () => {
  const result = parseContactsCsv(fixture('google-current.csv'));

  it('reads people, splitting ::: lists and dropping repeats, with multi-line notes', () => {
    expect(result.contacts).toEqual([
      {
        ...amara,
        line: 2,
        emails: ['amara.okafor@example.com', 'Amara.Okafor@Example.org', 'amara@work.example.com'],
        notes: 'Met at the pottery class, autumn 2019.\nLoves figs.',
      },
      { ...tomasz, line: 6 },
      {
        line: 8,
        externalId: HASH,
        name: 'Dr. Ngozi Ada Achebe',
        phones: ['07700 900456'],
        emails: ['ngozi@example.org'],
        birthday: { month: 12, day: 1, year: 1979 },
        otherDates: [],
        notes: 'She said "call any time".',
      },
    ]);
  });

  it('when a row is only an organisation, it is skipped and reported', () => {
    expect(result.skipped).toEqual([{ line: 7, reason: 'a company, not a person' }]);
  });

  it('gives the same person the same id as the vCard export does', () => {
    const older = parseContactsCsv(fixture('google-older.csv'));
    expect(older.contacts[1]?.externalId).toBe(result.contacts[1]?.externalId);
  });
});

describe('Google Contacts CSV, older layout', () => {
  it('reads Name / Given Name / Family Name rows and skips the company', () => {
    const result = parseContactsCsv(fixture('google-older.csv'));
    expect(result.contacts).toEqual([
      {
        ...amara,
        line: 2,
        emails: ['amara.okafor@example.com', 'Amara.Okafor@Example.org'],
        notes: 'Loves figs.',
      },
      { ...tomasz, line: 3 },
    ]);
    expect(result.skipped).toEqual([{ line: 4, reason: 'a company, not a person' }]);
  });
});

describe("Tend's template", () => {
  it('reads ;-separated phones and emails and both birthday forms', () => {
    expect(parseContactsCsv(fixture('tend-template.csv'))).toEqual({
      contacts: [
        {
          line: 2,
          externalId: HASH,
          name: 'Ada Moreno',
          phones: ['+44 7700 900123', '020 7946 0001'],
          emails: ['ada@example.com'],
          birthday: { month: 4, day: 12, year: 1990 },
          otherDates: [],
          notes: 'Met at choir',
        },
        {
          line: 3,
          externalId: HASH,
          name: 'Ben Ito',
          phones: [],
          emails: ['ben@example.org'],
          birthday: { month: 4, day: 12 },
          otherDates: [],
          notes: '',
        },
        {
          line: 4,
          externalId: HASH,
          name: 'Chidi Obi',
          phones: ['+234 803 555 0101'],
          emails: [],
          birthday: null,
          otherDates: [],
          notes: 'Lives in Lagos, visits in August.\nLoves jollof.',
        },
      ],
      skipped: [],
    });
  });

  it('accepts its columns in any order and case', () => {
    const { contacts } = parseContactsCsv('Email,Name\nann@example.com,Ann Lee\n');
    expect(contacts.map((c) => [c.name, c.emails])).toEqual([['Ann Lee', ['ann@example.com']]]);
  });

  it.each([
    ['1990-02-30', 'birthday'],
    ['12/04/1990', 'birthday'],
  ])('when a birthday reads %s, the error names the line and column', (birthday, field) => {
    expect(() => parseContactsCsv(`name,birthday\nAnn,2000-01-01\nBen,${birthday}\n`)).toThrow(
      expect.objectContaining({ line: 3, field }),
    );
  });

  it('when an email is not an address, the error names the line and column', () => {
    expect(() => parseContactsCsv('name,email\nAnn,ann at example\n')).toThrow(
      expect.objectContaining({ line: 2, field: 'email' }),
    );
  });

  it('skips a row without a name, reporting it, and ignores empty rows', () => {
    expect(parseContactsCsv('name,phone\n,555 0100\n,\n')).toEqual({
      contacts: [],
      skipped: [{ line: 2, reason: 'a row without a name' }],
    });
  });
});

describe('unknown CSV', () => {
  it('names line 1 and lists the expected columns', () => {
    expect(() => parseContactsCsv('Full name,Mobile\nAnn,555\n')).toThrow(
      /line 1: unknown columns\. Expected Tend's template \(name,phone,email,birthday,notes\)/,
    );
  });

  it('an empty file has no contacts', () => {
    expect(parseContactsCsv('')).toEqual({ contacts: [], skipped: [] });
  });
});
