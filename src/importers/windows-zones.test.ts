import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../core/time.js';
import { ianaZoneFor, WINDOWS_ZONES, wallToUtc } from './windows-zones.js';

describe('ianaZoneFor', () => {
  it('every Windows zone in the table maps to a zone Intl knows', () => {
    expect(Object.keys(WINDOWS_ZONES).length).toBeGreaterThanOrEqual(40);
    for (const iana of Object.values(WINDOWS_ZONES)) expect(isValidTimeZone(iana)).toBe(true);
  });

  it.each([
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['"Romance Standard Time"', 'Europe/Paris'],
    ['gmt standard time', 'Europe/London'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['Europe/Lisbon', 'Europe/Lisbon'],
    ['/mozilla.org/20050126_1/Europe/Berlin', 'Europe/Berlin'],
    [
      '/softwarestudio.org/Olson_20011030_5/America/Argentina/Buenos_Aires',
      'America/Argentina/Buenos_Aires',
    ],
    ['/Microsoft/W. Europe Standard Time', 'Europe/Berlin'],
    ['Customized Time Zone', null],
    ['', null],
  ])('%s → %s', (tzid, iana) => {
    expect(ianaZoneFor(tzid)).toBe(iana);
  });
});

describe('wallToUtc', () => {
  const wall = (day: number, hour: number, minute = 0) => ({
    year: 2024,
    month: 3,
    day,
    hour,
    minute,
    second: 0,
  });
  it('reads ordinary, skipped and repeated wall-clock times as RFC 5545 says', () => {
    expect(new Date(wallToUtc(wall(30, 10), 'Europe/Berlin')).toISOString()).toBe(
      '2024-03-30T09:00:00.000Z',
    );
    expect(new Date(wallToUtc(wall(31, 2, 30), 'Europe/Berlin')).toISOString()).toBe(
      '2024-03-31T01:30:00.000Z',
    );
    const repeated = { year: 2024, month: 11, day: 3, hour: 1, minute: 30, second: 0 };
    expect(new Date(wallToUtc(repeated, 'America/New_York')).toISOString()).toBe(
      '2024-11-03T05:30:00.000Z',
    );
  });
});
