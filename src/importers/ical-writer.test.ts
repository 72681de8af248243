import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type FeedEvent, fold, writeCalendar } from './ical-writer.js';
import { parseCalendar } from './icalendar.js';

const NOW = new Date('2024-11-15T12:00:00Z');

const tricky = 'Tea, cake; talk\nthen \\ walk 🐕‍🦺 — über Straße';

const events: FeedEvent[] = [
  {
    uid: 'plan-1@tend',
    summary: tricky,
    description: `${'A long note that goes on and on, '.repeat(6)}with émoji 🎉🎉🎉 at the fold.`,
    location: 'Café Müller, Hauptstraße 1; Berlin',
    start: { instant: '2024-11-10T09:30:00+01:00' },
    end: { instant: '2024-11-10T10:30:00.000Z' },
  },
  { uid: 'bday-ana@tend', summary: 'Ana’s birthday', start: { date: '2024-07-12' }, yearly: true },
  { uid: 'bday-leap@tend', summary: 'Leap birthday', start: { date: '2024-02-29' }, yearly: true },
  { uid: 'reminder@tend', summary: 'Call Grandma', start: { date: '2024-11-20' } },
];

const output = writeCalendar({ name: 'Tend, plans & dates', events, now: NOW });

describe('writeCalendar', () => {
  it('writes the calendar header and one VEVENT per event', () => {
    const lines = output.split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Tend//Tend//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Tend\\, plans & dates',
    ]);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(4);
    expect(output).toContain('DTSTAMP:20241115T120000Z\r\n');
    expect(output).toContain('DTSTART:20241110T083000Z\r\nDTEND:20241110T103000Z\r\n');
    expect(output).toContain('DTSTART;VALUE=DATE:20240712\r\nDTEND;VALUE=DATE:20240713\r\n');
  });

  it('every line ends with CRLF and is at most 75 octets', () => {
    expect(output.endsWith('\r\n')).toBe(true);
    expect(output.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of output.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('folding never splits a UTF-8 sequence', () => {
    const folded = fold(`DESCRIPTION:${'é🎉'.repeat(40)}`);
    const parts = folded.split('\r\n');
    for (const part of parts) expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(
      `DESCRIPTION:${'é🎉'.repeat(40)}`,
    );
  });

  it('yearly dates repeat; 29 February falls on the last day of February', () => {
    expect(output).toContain('SUMMARY:Ana’s birthday');
    expect(output.match(/RRULE:FREQ=YEARLY\r\n/g)).toHaveLength(1);
    expect(output).toContain('RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n');
  });

  it('parses back with ical.js, escaping round-tripping', () => {
    const vcalendar = new ICAL.Component(ICAL.parse(output));
    const [plan, ana, leap] = vcalendar.getAllSubcomponents('vevent');
    // ical.js leaves X- properties raw; the name is escaped as TEXT, like Google writes it.
    expect(vcalendar.getFirstPropertyValue('x-wr-calname')).toBe('Tend\\, plans & dates');
    expect(plan?.getFirstPropertyValue('summary')).toBe(tricky);
    expect(plan?.getFirstPropertyValue('location')).toBe('Café Müller, Hauptstraße 1; Berlin');
    expect(plan?.getFirstPropertyValue('description')).toBe(events[0]?.description);
    const expand = (c: typeof ana) => {
      const it = new ICAL.Event(c).iterator();
      return [0, 1, 2].map(() => it.next()?.toString());
    };
    expect(expand(ana)).toEqual(['2024-07-12', '2025-07-12', '2026-07-12']);
    expect(expand(leap)).toEqual(['2024-02-29', '2025-02-28', '2026-02-28']);
  });

  it('parses back with our own importer', () => {
    const { meetings, skipped } = parseCalendar(output, { now: NOW, defaultTimeZone: 'UTC' });
    expect(meetings).toEqual([
      {
        line: 7,
        externalId: 'plan-1@tend@2024-11-10T08:30:00.000Z',
        title: tricky,
        startedAt: '2024-11-10T08:30:00.000Z',
        durationMinutes: 120,
        channel: 'in_person',
        attendees: [],
        location: 'Café Müller, Hauptstraße 1; Berlin',
      },
    ]);
    expect(skipped.map((s) => s.reason)).toEqual(['all-day event', 'all-day event']);
  });

  it('rejects dates and instants that do not exist', () => {
    const write = (start: FeedEvent['start']) =>
      writeCalendar({ name: 'x', now: NOW, events: [{ uid: 'u', summary: 's', start }] });
    expect(() => write({ date: '2023-02-29' })).toThrow(RangeError);
    expect(() => write({ instant: 'soon' })).toThrow(RangeError);
  });
});
