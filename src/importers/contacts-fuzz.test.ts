/**
 * Whatever bytes arrive, the contact parsers either return records that can
 * be saved as they are, or throw ImportFormatError: never another exception.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Handles, ImportantDate } from '../core/connections.schemas.js';
import type { ContactImport } from './contact-fields.js';
import { parseContactsCsv } from './contacts-csv.js';
import { readCsv } from './csv.js';
import { ImportFormatError } from './types.js';
import { parseVCards } from './vcard.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/contacts/${name}`, import.meta.url), 'utf8');

const RUNS = { numRuns: 100 };

/** Runs a parser; only ImportFormatError may escape. */
function attempt<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch (e) {
    // Rethrowing shows fast-check the unexpected error itself.
    if (!(e instanceof ImportFormatError)) throw e;
    return null;
  }
}

function expectSavable(result: ContactImport | null): void {
  if (!result) return;
  for (const c of result.contacts) {
    expect(c.name.trim()).not.toBe('');
    expect([...c.name].length).toBeLessThanOrEqual(200);
    expect(Number.isInteger(c.line) && c.line >= 1).toBe(true);
    expect(c.externalId).toMatch(/^(uid:.+|hash:[0-9a-f]{64})$/s);
    expect(Handles.safeParse({ phones: c.phones, emails: c.emails }).error).toBeUndefined();
    if (c.birthday) expect(ImportantDate.safeParse(c.birthday).error).toBeUndefined();
    for (const d of c.otherDates) {
      expect(ImportantDate.safeParse({ kind: 'other', ...d }).error).toBeUndefined();
    }
  }
  for (const s of result.skipped) expect(s.line).toBeGreaterThanOrEqual(1);
}

/** A fixture damaged the ways real files get damaged. */
function mutated(text: string): fc.Arbitrary<string> {
  const bytes = new TextEncoder().encode(text);
  const decode = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);
  return fc.oneof(
    fc.nat(text.length).map((n) => text.slice(0, n)),
    fc
      .array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      })
      .map((flips) => {
        const copy = bytes.slice();
        for (const [at, mask] of flips) copy[at] = (copy[at] ?? 0) ^ mask;
        return decode(copy);
      }),
    fc.nat(text.length).map((n) => `${text.slice(0, n)}\0${text.slice(n)}`),
    fc.nat(200).map((n) => {
      const lines = text.split('\n');
      const i = n % lines.length;
      return [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n');
    }),
    fc
      .tuple(fc.nat(text.length), fc.string({ unit: 'binary', maxLength: 20 }))
      .map(([n, s]) => `${text.slice(0, n)}${s}${text.slice(n)}`),
  );
}

/** Lines built from vCard's own vocabulary, to reach deeper than random text does. */
const vcardish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'BEGIN:VCARD',
        'END:VCARD',
        'VERSION:2.1',
        'FN:',
        'N:;;;;',
        'ORG:Acme',
        'KIND:group',
        'X-ABShowAs:COMPANY',
        'PHOTO;ENCODING=BASE64:',
        'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:=',
        'item1.X-ABDATE:',
        'item1.X-ABLabel:_$!<',
        'BDAY;X-APPLE-OMIT-YEAR=1604:1604-',
        'TEL;VALUE=uri:tel:',
        'EMAIL:',
        ' ',
        '',
      ),
      fc.string({ maxLength: 30 }),
    ),
    { maxLength: 40 },
  )
  .chain((parts) =>
    fc
      .array(fc.constantFrom('', '\r\n', '\n', ';', ':', '\\', '=', '"', ','), {
        minLength: parts.length,
        maxLength: parts.length,
      })
      .map((seps) => parts.map((p, i) => p + (seps[i] ?? '')).join('')),
  );

describe('parseVCards never fails except with ImportFormatError', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expectSavable(attempt(() => parseVCards(text)));
      }),
      RUNS,
    );
  });

  it('on text made of vCard pieces', () => {
    fc.assert(
      fc.property(vcardish, (text) => {
        expectSavable(attempt(() => parseVCards(text)));
      }),
      { numRuns: 200 },
    );
  });

  it.each(['google.vcf', 'apple.vcf', 'outlook.vcf', 'vcard4.vcf'])(
    'on damaged copies of %s',
    (name) => {
      fc.assert(
        fc.property(mutated(fixture(name)), (text) => {
          expectSavable(attempt(() => parseVCards(text)));
        }),
        RUNS,
      );
    },
  );
});

describe('parseContactsCsv never fails except with ImportFormatError', () => {
  it('on random text under a valid header', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'name,phone,email,birthday,notes\n',
          'First Name,Last Name,Phone 1 - Value\n',
        ),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (header, body) => {
          expectSavable(attempt(() => parseContactsCsv(header + body)));
        },
      ),
      RUNS,
    );
  });

  it.each(['google-current.csv', 'google-older.csv', 'tend-template.csv'])(
    'on damaged copies of %s',
    (name) => {
      fc.assert(
        fc.property(mutated(fixture(name)), (text) => {
          expectSavable(attempt(() => parseContactsCsv(text)));
        }),
        RUNS,
      );
    },
  );
});

describe('readCsv', () => {
  it('never fails except with ImportFormatError, and every record starts on a real line', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '\0', 'é'),
          maxLength: 200,
        }),
        (text) => {
          const records = attempt(() => readCsv(text));
          const lines = text.split(/\r\n|\r|\n/).length;
          for (const r of records ?? []) {
            expect(r.line).toBeGreaterThanOrEqual(1);
            expect(r.line).toBeLessThanOrEqual(lines);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
