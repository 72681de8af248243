import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf, zoneOffsetMinutes } from '../time.js';
import { dateOfDay, dayNumber, localDayOf, localDayStart } from './calendar.js';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe', // 30-minute DST shift
  'Asia/Kolkata', // +05:30, no DST
  'Pacific/Chatham', // +12:45 / +13:45
  'America/St_Johns', // −03:30 / −02:30
] as const;

describe('calendar', () => {
  it('when converting dates to day numbers and back, nothing is lost', () => {
    for (const d of ['1970-01-01', '2024-02-29', '2026-03-29', '2099-12-31']) {
      expect(dateOfDay(dayNumber(d))).toBe(d);
    }
    expect(dayNumber('1970-01-02')).toBe(1);
  });

  it('when a date is not a calendar date, it is refused', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumber('26-1-1')).toThrow(RangeError);
  });

  it('when looking up the local day of any instant, the fast path agrees with Intl in every zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          expect(dateOfDay(localDayOf(ms, zone))).toBe(localDateOf(new Date(ms), zone));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('when an instant falls on a UTC day with a zone transition, its local day still agrees with Intl', () => {
    const DAY = 86_400_000;
    for (const zone of ZONES) {
      for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2027, 0, 1); d += DAY) {
        if (zoneOffsetMinutes(new Date(d), zone) === zoneOffsetMinutes(new Date(d + DAY), zone)) {
          continue;
        }
        // Every 7 minutes across the surrounding three UTC days.
        for (let ms = d - DAY; ms < d + 2 * DAY; ms += 7 * 60_000) {
          expect(dateOfDay(localDayOf(ms, zone))).toBe(localDateOf(new Date(ms), zone));
        }
      }
    }
  });

  it('when an instant is a minute either side of a DST change, its local day is right', () => {
    // Berlin springs forward at 01:00Z on 2026-03-29 and falls back at 01:00Z on 2026-10-25.
    for (const iso of [
      '2026-03-29T00:59:00Z',
      '2026-03-29T01:01:00Z',
      '2026-10-25T00:59:00Z',
      '2026-10-25T01:01:00Z',
      '2026-03-28T22:59:00Z', // 23:59 local on the 28th
      '2026-03-28T23:00:00Z', // 00:00 local on the 29th
      '2026-10-24T21:59:00Z', // 23:59 local (+02:00) on the 24th
      '2026-10-24T22:00:00Z', // 00:00 local on the 25th
    ]) {
      const ms = Date.parse(iso);
      expect(dateOfDay(localDayOf(ms, 'Europe/Berlin'))).toBe(
        localDateOf(new Date(ms), 'Europe/Berlin'),
      );
    }
  });

  it('when a local day has a DST change, it is 23 or 25 hours long', () => {
    const hours = (date: string, zone: string) => {
      const d = dayNumber(date);
      return (localDayStart(d + 1, zone) - localDayStart(d, zone)) / 3_600_000;
    };
    expect(hours('2026-03-29', 'Europe/Berlin')).toBe(23);
    expect(hours('2026-10-25', 'Europe/Berlin')).toBe(25);
    expect(hours('2026-03-08', 'America/New_York')).toBe(23);
    expect(hours('2026-11-01', 'America/New_York')).toBe(25);
    expect(hours('2026-06-01', 'Europe/Berlin')).toBe(24);
  });
});
