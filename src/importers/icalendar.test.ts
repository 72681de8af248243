import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ParseCalendarOptions, parseCalendar } from './icalendar.js';
import { IMPORT_LIMITS, ImportFormatError } from './types.js';

const NOW = new Date('2024-11-15T12:00:00Z');

function fixture(name: string): string {
  return readFileSync(new URL(`../../test/fixtures/calendars/${name}`, import.meta.url), 'utf8');
}

function parse(text: string, options: Partial<ParseCalendarOptions> = {}) {
  return parseCalendar(text, { now: NOW, defaultTimeZone: 'Europe/Lisbon', ...options });
}

/** A calendar around the given VEVENT lines, CRLF-terminated. */
function calendar(...lines: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    ...lines,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function event(...lines: string[]): string[] {
  return ['BEGIN:VEVENT', 'UID:e1@test', 'SUMMARY:Tea', ...lines, 'END:VEVENT'];
}

function starts(text: string, options: Partial<ParseCalendarOptions> = {}): string[] {
  return parse(text, options).meetings.map((m) => m.startedAt);
}

function errorOf(text: string): ImportFormatError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ImportFormatError) return error;
    throw error;
  }
  throw new Error('expected an ImportFormatError');
}

describe('Google Calendar export', () => {
  const text = fixture('google.ics');
  const { meetings, skipped } = parse(text);
  const climbing = meetings.filter((m) => m.title.startsWith('Climbing'));

  it('yields the past occurrences of a weekly series, without EXDATEs and cancelled instances', () => {
    expect(climbing.map((m) => m.startedAt)).toEqual([
      '2024-10-07T16:30:00.000Z',
      '2024-10-15T17:00:00.000Z', // moved from Monday 14th to Tuesday 19:00
      '2024-11-04T17:30:00.000Z', // after the end of summer time: still 18:30 local
      '2024-11-11T17:30:00.000Z',
    ]);
    expect(skipped).toEqual([{ line: 67, reason: 'cancelled occurrence' }]);
  });

  it('when an occurrence is moved, it takes the new title and keeps the identity of its slot', () => {
    const moved = climbing[1];
    expect(moved?.title).toBe('Climbing with Ana (Tuesday)');
    expect(moved?.externalId).toBe('4kq8n2v7c1climbing0x9s3@google.com@2024-10-14T16:30:00.000Z');
    expect(moved?.durationMinutes).toBe(90);
  });

  it('keeps the organiser, leaves out declined guests and lowercases addresses', () => {
    expect(climbing[0]?.attendees).toEqual([
      { email: 'me@example.com' },
      { name: 'Ana Silva', email: 'ana.silva@example.org' },
    ]);
    const jonas = meetings.find((m) => m.title === 'Catch-up with Jonas');
    expect(jonas?.attendees).toContainEqual({
      name: 'Jonas Weber',
      email: 'jonas.weber@example.net',
    });
  });

  it('a Google Meet conference makes a video call; a gym is in person', () => {
    const jonas = meetings.find((m) => m.title === 'Catch-up with Jonas');
    expect(jonas).toMatchObject({ channel: 'video', location: null, durationMinutes: 30 });
    expect(climbing[0]?.channel).toBe('in_person');
    expect(climbing[0]?.location).toBe(
      'Berta Block Boulderhalle, Mühlenstraße 62, 13187 Berlin, Germany',
    );
  });

  it('future events are not meetings yet, and are not reported as skipped', () => {
    expect(meetings.some((m) => m.title.includes('Winter party'))).toBe(false);
    expect(meetings).toHaveLength(5);
  });

  it('each meeting names the BEGIN:VEVENT line it came from', () => {
    const lines = text.split('\r\n');
    for (const m of meetings) expect(lines[m.line - 1]).toBe('BEGIN:VEVENT');
    expect(climbing.map((m) => m.line)).toEqual([26, 49, 26, 26]);
  });

  it('since leaves out earlier occurrences', () => {
    const recent = parse(text, { since: new Date('2024-11-05T00:00:00Z') }).meetings;
    expect(recent.map((m) => m.startedAt)).toEqual([
      '2024-11-05T17:00:00.000Z',
      '2024-11-11T17:30:00.000Z',
    ]);
  });
});

describe('Apple Calendar export', () => {
  const { meetings, skipped } = parse(fixture('apple.ics'));
  const byTitle = (title: string) => meetings.find((m) => m.title === title);

  it('reads a Berlin time with its VTIMEZONE as Berlin time', () => {
    expect(byTitle("Dinner at Mira's")).toMatchObject({
      startedAt: '2024-09-14T17:30:00.000Z',
      durationMinutes: 150,
      channel: 'in_person',
      location: "Mira's place\nKastanienallee 12, 10435 Berlin",
      attendees: [
        { name: 'Mira Novak', email: 'mira.novak@example.com' },
        { name: 'Tomás Ruiz', email: 'tomas.ruiz@example.com' },
      ],
    });
  });

  it('reads a floating time in the default time zone', () => {
    expect(byTitle('Coffee with Theo')?.startedAt).toBe('2024-09-20T08:00:00.000Z');
    const tokyo = parse(fixture('apple.ics'), { defaultTimeZone: 'Asia/Tokyo' }).meetings;
    expect(tokyo.find((m) => m.title === 'Coffee with Theo')?.startedAt).toBe(
      '2024-09-20T00:00:00.000Z',
    );
  });

  it('skips a yearly all-day birthday once, with a reason', () => {
    expect(skipped).toEqual([{ line: 65, reason: 'all-day event' }]);
  });

  it('a Zoom link in URL makes a video call', () => {
    expect(byTitle('Video call with Dad')).toMatchObject({
      channel: 'video',
      startedAt: '2024-10-04T15:15:00.000Z',
    });
  });
});

describe('Outlook / Exchange export', () => {
  const { meetings, skipped } = parse(fixture('outlook.ics'));
  const byTitle = (title: string) => meetings.find((m) => m.title === title);

  it('maps quoted Windows zone names to IANA zones', () => {
    expect(byTitle('Project sync')?.startedAt).toBe('2024-11-08T13:00:00.000Z');
    expect(byTitle('Coffee with Diego')?.startedAt).toBe('2024-07-10T16:00:00.000Z');
  });

  it('a Teams link inside a folded DESCRIPTION makes a video call', () => {
    expect(byTitle('Project sync')?.channel).toBe('video');
    expect(byTitle('Coffee with Diego')?.channel).toBe('in_person');
  });

  it('rooms are not attendees; the organiser is', () => {
    expect(byTitle('Project sync')?.attendees).toEqual([
      { name: 'Sam Okafor', email: 'sam.okafor@contoso.example' },
      { name: 'Priya Raman', email: 'priya.raman@contoso.example' },
    ]);
  });

  it('skips the all-day offsite and the cancelled lunch, with reasons', () => {
    expect(skipped).toEqual([
      { line: 76, reason: 'all-day event' },
      { line: 91, reason: 'cancelled event' },
    ]);
    expect(meetings).toHaveLength(2);
  });
});

describe('recurrence across daylight saving time', () => {
  const { meetings } = parse(fixture('dst-weekly.ics'));

  it('when a weekly meeting crosses the end of summer time, it stays at 10:00 local', () => {
    const walks = meetings.filter((m) => m.title === 'Walk with Noor');
    expect(walks.map((m) => m.startedAt)).toEqual([
      '2024-10-14T08:00:00.000Z',
      '2024-10-21T08:00:00.000Z',
      '2024-10-28T09:00:00.000Z',
      '2024-11-04T09:00:00.000Z',
      '2024-11-11T09:00:00.000Z', // UNTIL (in UTC) is inclusive
    ]);
    expect(walks.every((m) => m.durationMinutes === 45)).toBe(true);
  });

  it('when a weekly series in a vendor-prefixed New York zone crosses the start of US summer time, it stays at 09:00 local', () => {
    expect(meetings.filter((m) => m.title === 'Piano with Grace').map((m) => m.startedAt)).toEqual([
      '2024-03-04T14:00:00.000Z',
      '2024-03-11T13:00:00.000Z',
      '2024-03-18T13:00:00.000Z',
    ]);
  });

  it('a time skipped by the spring change is read with the winter offset; a repeated one is its first', () => {
    const gap = calendar(...event('DTSTART;TZID=Europe/Berlin:20240331T023000'));
    expect(starts(gap)).toEqual(['2024-03-31T01:30:00.000Z']);
    const fold = calendar(...event('DTSTART;TZID=Europe/Berlin:20241027T023000'));
    expect(starts(fold)).toEqual(['2024-10-27T00:30:00.000Z']);
  });
});

describe('recurrence rules', () => {
  const berlin = (rule: string, start = '20240101T100000', ...more: string[]) =>
    starts(calendar(...event(`DTSTART;TZID=Europe/Berlin:${start}`, rule, ...more)));
  const days = (list: string[]) => list.map((s) => s.slice(0, 10));

  it('BYDAY with an ordinal: the second Monday and the last Friday of each month', () => {
    expect(days(berlin('RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=2MO', '20240108T100000'))).toEqual([
      '2024-01-08',
      '2024-02-12',
      '2024-03-11',
    ]);
    expect(days(berlin('RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=-1FR', '20240126T100000'))).toEqual([
      '2024-01-26',
      '2024-02-23',
      '2024-03-29',
    ]);
  });

  it('BYMONTHDAY, BYMONTH and INTERVAL', () => {
    expect(
      days(berlin('RRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15;COUNT=3', '20240115T100000')),
    ).toEqual(['2024-01-15', '2024-03-15', '2024-05-15']);
    expect(days(berlin('RRULE:FREQ=YEARLY;BYMONTH=6,9;BYMONTHDAY=1', '20230601T100000'))).toEqual([
      '2023-06-01',
      '2023-09-01',
      '2024-06-01',
      '2024-09-01',
    ]);
  });

  it('BYSETPOS picks the last weekday of the month', () => {
    const rule = 'RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3';
    expect(days(berlin(rule, '20240531T100000'))).toEqual([
      '2024-05-31',
      '2024-06-28',
      '2024-07-31',
    ]);
  });

  it('EXDATE in several lines, comma lists, another zone or UTC removes occurrences', () => {
    const list = berlin(
      'RRULE:FREQ=DAILY;COUNT=6',
      '20240101T100000',
      'EXDATE;TZID=Europe/Berlin:20240102T100000,20240103T100000',
      'EXDATE:20240104T090000Z',
      'EXDATE;VALUE=DATE:20240105',
    );
    expect(days(list)).toEqual(['2024-01-01', '2024-01-06']);
  });

  it('RDATE adds occurrences, periods included', () => {
    const list = berlin(
      'RRULE:FREQ=WEEKLY;COUNT=2',
      '20240101T100000',
      'RDATE;TZID=Europe/Berlin:20240103T150000',
      'RDATE;VALUE=PERIOD:20240104T120000Z/PT1H',
    );
    expect(list).toEqual([
      '2024-01-01T09:00:00.000Z',
      '2024-01-03T14:00:00.000Z',
      '2024-01-04T12:00:00.000Z',
      '2024-01-08T09:00:00.000Z',
    ]);
  });

  it('an endless daily rule stops at now, quickly', () => {
    const list = berlin('RRULE:FREQ=DAILY', '20241110T100000');
    expect(days(list)).toEqual([
      '2024-11-10',
      '2024-11-11',
      '2024-11-12',
      '2024-11-13',
      '2024-11-14',
      '2024-11-15',
    ]);
  });

  it('an absurd rule is cut off at the occurrence limit, with a reason', () => {
    const text = calendar(
      ...event('DTSTART:20240101T000000Z', 'RRULE:FREQ=SECONDLY;COUNT=999999999'),
    );
    const { meetings, skipped } = parse(text);
    expect(meetings).toHaveLength(IMPORT_LIMITS.maxOccurrencesPerEvent);
    expect(skipped).toEqual([
      {
        line: 4,
        reason: `recurrence stopped after ${IMPORT_LIMITS.maxOccurrencesPerEvent} occurrences`,
      },
    ]);
  });

  it('a rule that can never match yields only DTSTART, does not hang, and says so', () => {
    const text = calendar(
      ...event('DTSTART:20240101T100000Z', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
    );
    const { meetings, skipped } = parse(text);
    expect(meetings.map((m) => m.startedAt)).toEqual(['2024-01-01T10:00:00.000Z']);
    expect(skipped).toEqual([
      { line: 4, reason: 'recurrence rule matches too rarely; stopped early' },
    ]);
  });

  it('an override that moves a future occurrence into the past is a meeting', () => {
    const text = calendar(
      ...event('DTSTART:20241120T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=3'),
      ...event(
        'RECURRENCE-ID:20241127T100000Z',
        'DTSTART:20241114T100000Z',
        'DTEND:20241114T110000Z',
      ),
    );
    expect(parse(text).meetings).toMatchObject([
      {
        startedAt: '2024-11-14T10:00:00.000Z',
        externalId: 'e1@test@2024-11-27T10:00:00.000Z',
        durationMinutes: 60,
      },
    ]);
  });

  it('an override without its series is still a meeting', () => {
    const text = calendar(...event('RECURRENCE-ID:20241101T100000Z', 'DTSTART:20241101T120000Z'));
    expect(starts(text)).toEqual(['2024-11-01T12:00:00.000Z']);
  });
});

describe('time zones and values', () => {
  it('an unknown TZID with its own VTIMEZONE follows that definition', () => {
    const text = calendar(
      'BEGIN:VTIMEZONE',
      'TZID:Customized Time Zone',
      'BEGIN:STANDARD',
      'DTSTART:16010101T000000',
      'TZOFFSETFROM:+0530',
      'TZOFFSETTO:+0530',
      'END:STANDARD',
      'END:VTIMEZONE',
      ...event('DTSTART;TZID=Customized Time Zone:20240601T100000'),
    );
    expect(starts(text)).toEqual(['2024-06-01T04:30:00.000Z']);
  });

  it('an unknown TZID without a definition falls back to the default zone', () => {
    const text = calendar(...event('DTSTART;TZID=Atlantis Standard Time:20240601T100000'));
    expect(starts(text, { defaultTimeZone: 'UTC' })).toEqual(['2024-06-01T10:00:00.000Z']);
  });

  it('durations come from DTEND or DURATION, else null; negative ones are null', () => {
    const duration = (...lines: string[]) =>
      parse(calendar(...event('DTSTART:20240601T100000Z', ...lines))).meetings[0]?.durationMinutes;
    expect(duration('DURATION:PT1H30M')).toBe(90);
    expect(duration('DTEND;TZID=Europe/Berlin:20240601T130000')).toBe(60);
    expect(duration()).toBeNull();
    expect(duration('DTEND:20240601T090000Z')).toBeNull();
  });

  it('unescapes SUMMARY text', () => {
    const text = calendar(
      'BEGIN:VEVENT',
      'UID:x',
      'DTSTART:20240601T100000Z',
      'SUMMARY:Tea\\, cake\\; talk\\nlater \\\\o/',
      'END:VEVENT',
    );
    expect(parse(text).meetings[0]?.title).toBe('Tea, cake; talk\nlater \\o/');
  });

  it('without a UID the id is a stable hash; repeated events are kept once', () => {
    const noUid = ['BEGIN:VEVENT', 'DTSTART:20240601T100000Z', 'SUMMARY:Tea', 'END:VEVENT'];
    const first = parse(calendar(...noUid)).meetings[0]?.externalId;
    expect(first).toMatch(/^tend-[0-9a-f]{20}@2024-06-01T10:00:00.000Z$/);
    expect(parse(calendar(...noUid)).meetings[0]?.externalId).toBe(first);
    const twice = [...event('DTSTART:20240601T100000Z'), ...event('DTSTART:20240601T100000Z')];
    expect(parse(calendar(...twice)).meetings).toHaveLength(1);
  });

  it('an event with an unreadable DTSTART is skipped, the rest imported', () => {
    const text = calendar(
      ...event('DTSTART:2024-06-xx'),
      ...event('DTSTART:20240601T100000Z').map((l) => l.replace('e1@', 'e2@')),
      'BEGIN:VEVENT',
      'UID:e3',
      'END:VEVENT',
    );
    const { meetings, skipped } = parse(text);
    expect(meetings).toHaveLength(1);
    expect(skipped.map((s) => s.line)).toEqual([4, 14]);
    expect(skipped[0]?.reason).toMatch(/^unreadable event: /);
    expect(skipped[1]?.reason).toBe('no DTSTART');
  });
});

describe('bad files', () => {
  it('not an iCalendar file: line 1', () => {
    expect(errorOf('BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n').line).toBe(1);
    expect(errorOf('').line).toBe(1);
  });

  it('unbalanced BEGIN/END name the line', () => {
    expect(errorOf(calendar('BEGIN:VEVENT', 'UID:x', 'END:VTODO')).line).toBe(6);
    expect(errorOf('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n').line).toBe(2);
    expect(errorOf(calendar('END:VEVENT')).line).toBe(4);
  });

  it('NUL bytes, overlong lines and lines without a colon name the line', () => {
    expect(errorOf(calendar('X-A:ok', 'X-B:bin\0ary')).line).toBe(5);
    expect(errorOf(calendar(`X-LONG:${'a'.repeat(IMPORT_LIMITS.maxLineLength)}`)).line).toBe(4);
    expect(errorOf(calendar('just some words')).line).toBe(4);
  });

  it('ical.js parse errors point at the offending line', () => {
    const text = calendar(...event('DTSTART;TZID:20240101T100000'));
    const error = errorOf(text);
    expect(error.line).toBe(7);
    expect(error.message).toMatch(/^line 7: unreadable iCalendar/);
  });

  it('folded lines are unfolded and keep the physical line numbers', () => {
    const text = calendar(...event('DTSTART:20240601T1', ' 00000Z', 'X-BAD;=oops:1'));
    expect(errorOf(text).line).toBe(9);
  });
});
