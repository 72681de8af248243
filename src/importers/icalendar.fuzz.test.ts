/**
 * Whatever the file, parseCalendar returns sound meetings or throws an
 * ImportFormatError: never another exception, never a hang. Each property
 * stops after a time budget, so the whole file runs in about five seconds.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalendar } from './icalendar.js';
import { ImportFormatError } from './types.js';

const NOW = new Date('2024-11-15T12:00:00Z');
const BUDGET = { interruptAfterTimeLimit: 900, numRuns: 10_000 };

const fixtures = ['google.ics', 'apple.ics', 'outlook.ics', 'dst-weekly.ics'].map((name) =>
  readFileSync(new URL(`../../test/fixtures/calendars/${name}`, import.meta.url), 'utf8'),
);

function checkSound(text: string): void {
  let result: ReturnType<typeof parseCalendar>;
  try {
    result = parseCalendar(text, { now: NOW, defaultTimeZone: 'Europe/Berlin' });
  } catch (error) {
    if (error instanceof ImportFormatError) return;
    throw error;
  }
  const ids = new Set<string>();
  for (const m of result.meetings) {
    expect(new Date(m.startedAt).toISOString()).toBe(m.startedAt);
    expect(m.startedAt < NOW.toISOString()).toBe(true);
    if (m.durationMinutes !== null) {
      expect(Number.isInteger(m.durationMinutes) && m.durationMinutes >= 0).toBe(true);
    }
    expect(['video', 'in_person']).toContain(m.channel);
    expect(Number.isInteger(m.line) && m.line >= 1).toBe(true);
    expect(ids.has(m.externalId)).toBe(false);
    ids.add(m.externalId);
  }
  for (const s of result.skipped) expect(Number.isInteger(s.line) && s.line >= 1).toBe(true);
}

const fixture = fc.constantFrom(...fixtures);

/** Edits a real export the way broken disks, mailers and hand edits do. */
const mutated = fc.oneof(
  fc.tuple(fixture, fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))),
  fc.tuple(fixture, fc.nat(), fc.integer({ min: 0, max: 0xffff })).map(([t, n, c]) => {
    const i = n % t.length;
    return t.slice(0, i) + String.fromCharCode(c) + t.slice(i + 1);
  }),
  fc.tuple(fixture, fc.nat()).map(([t, n]) => {
    const i = n % t.length;
    return `${t.slice(0, i)}\0${t.slice(i)}`;
  }),
  fc.tuple(fixture, fc.nat(), fc.nat(), fc.boolean()).map(([t, a, b, remove]) => {
    const lines = t.split('\r\n');
    const line = lines[a % lines.length] ?? '';
    const at = b % lines.length;
    if (remove) lines.splice(at, 1);
    else lines.splice(at, 0, line);
    return lines.join('\r\n');
  }),
);

const list = (values: fc.Arbitrary<string>) =>
  fc.array(values, { minLength: 1, maxLength: 4 }).map((v) => v.join(','));

/** RRULE parts, sensible and absurd. */
const rrule = fc
  .record(
    {
      FREQ: fc.constantFrom(
        'SECONDLY',
        'MINUTELY',
        'HOURLY',
        'DAILY',
        'WEEKLY',
        'MONTHLY',
        'YEARLY',
        'FORTNIGHTLY',
      ),
      INTERVAL: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(999999999)).map(String),
      COUNT: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(999999999)).map(String),
      UNTIL: fc.constantFrom('20241101T000000Z', '20240101', '19991231T235959', '99991231T000000Z'),
      BYDAY: list(fc.constantFrom('MO', '2MO', '-1FR', '53SU', '-5TU', 'XX', '0WE')),
      BYMONTHDAY: list(fc.integer({ min: -40, max: 40 }).map(String)),
      BYMONTH: list(fc.integer({ min: 0, max: 14 }).map(String)),
      BYSETPOS: list(fc.integer({ min: -400, max: 400 }).map(String)),
      BYHOUR: list(fc.integer({ min: 0, max: 25 }).map(String)),
      BYYEARDAY: list(fc.integer({ min: -370, max: 370 }).map(String)),
      BYWEEKNO: list(fc.integer({ min: -54, max: 54 }).map(String)),
    },
    { requiredKeys: ['FREQ'] },
  )
  .map((parts) =>
    Object.entries(parts)
      .map(([k, v]) => `${k}=${v}`)
      .join(';'),
  );

function withRule(rule: string, start: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'UID:fuzz@test',
    `DTSTART${start}`,
    'DTEND;TZID=Europe/Berlin:20230101T110000',
    `RRULE:${rule}`,
    'EXDATE;TZID=W. Europe Standard Time:20230108T100000',
    'SUMMARY:Fuzz',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('parseCalendar under fuzzing', () => {
  it('random text is rejected cleanly or read soundly', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkSound), BUDGET);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }), (lines) =>
        checkSound(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n')),
      ),
      BUDGET,
    );
  });

  it('mutated real exports are rejected cleanly or read soundly', () => {
    fc.assert(fc.property(mutated, checkSound), BUDGET);
  });

  it('absurd recurrence rules neither hang nor throw', () => {
    const start = fc.constantFrom(
      ';TZID=Europe/Berlin:20230101T100000',
      ':20230101T100000Z',
      ':20230101T100000',
      ';TZID=Nowhere:20230101T100000',
      ';VALUE=DATE:20230101',
    );
    fc.assert(
      fc.property(rrule, start, (rule, s) => checkSound(withRule(rule, s))),
      { ...BUDGET, interruptAfterTimeLimit: 1500 },
    );
  });
});
