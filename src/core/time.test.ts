import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  instantFromLocal,
  isLocalDate,
  isoWeekday,
  isoWeekOf,
  isValidTimeZone,
  localDateOf,
  localDayRange,
  localHourOf,
  startOfLocalDay,
  toInstant,
} from './time.js';

const iso = (d: Date) => d.toISOString();

describe('local calendar days', () => {
  it('when an instant is late in UTC, it belongs to the next day east of Greenwich and the same day west of it', () => {
    const t = new Date('2026-06-01T23:30:00Z');
    expect(localDateOf(t, 'Europe/Berlin')).toBe('2026-06-02');
    expect(localDateOf(t, 'America/New_York')).toBe('2026-06-01');
    expect(localDateOf(t, 'UTC')).toBe('2026-06-01');
  });

  it('when summer time starts, the day is 23 hours long; when it ends, 25', () => {
    const spring = localDayRange('2026-03-29', 'Europe/Berlin');
    expect(iso(spring.start)).toBe('2026-03-28T23:00:00.000Z');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const autumn = localDayRange('2026-10-25', 'Europe/Berlin');
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(25);
    const ny = localDayRange('2026-11-01', 'America/New_York');
    expect(iso(ny.start)).toBe('2026-11-01T04:00:00.000Z');
    expect((ny.end.getTime() - ny.start.getTime()) / 3_600_000).toBe(25);
  });

  it('when a zone skips midnight itself, the day starts at the first minute that exists', () => {
    // Chile moves from 00:00 to 01:00 on 6 September 2026.
    expect(iso(startOfLocalDay('2026-09-06', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    expect(localDateOf(new Date('2026-09-06T03:59:59Z'), 'America/Santiago')).toBe('2026-09-05');
  });

  it('when a zone is half an hour off, days still start at its midnight', () => {
    expect(iso(startOfLocalDay('2026-01-10', 'Asia/Kolkata'))).toBe('2026-01-09T18:30:00.000Z');
  });

  it('when dates are added or compared, months and leap years are respected', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2026-03-29', '2026-03-28')).toBe(-1);
  });

  it('when a wall-clock time falls in a DST gap it moves forward; in an overlap it takes the first', () => {
    expect(iso(instantFromLocal('2026-06-01', 18, 30, 0, 'Europe/Berlin'))).toBe(
      '2026-06-01T16:30:00.000Z',
    );
    expect(iso(instantFromLocal('2026-03-29', 2, 30, 0, 'Europe/Berlin'))).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(iso(instantFromLocal('2026-10-25', 2, 30, 0, 'Europe/Berlin'))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(iso(instantFromLocal('2026-11-01', 1, 15, 0, 'America/New_York'))).toBe(
      '2026-11-01T05:15:00.000Z',
    );
  });

  it('when input is not a date, a zone or an instant, it is refused', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => toInstant('yesterday')).toThrow(RangeError);
    expect(toInstant('2026-03-01T18:30:00+01:00')).toBe('2026-03-01T17:30:00.000Z');
  });
});

describe('weeks and hours', () => {
  it('when a date is given, its ISO weekday counts Monday as 1 and Sunday as 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-26')).toBe(4);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('when a week straddles New Year, it belongs to the year of its Thursday', () => {
    expect(isoWeekOf('2026-11-26')).toBe('2026-W48');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2026-12-31')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
  });

  it('when an instant is given, the local hour follows the zone and its summer time', () => {
    const t = new Date('2026-06-01T23:30:00Z');
    expect(localHourOf(t, 'UTC')).toBe(23);
    expect(localHourOf(t, 'Europe/Berlin')).toBe(1);
    expect(localHourOf(t, 'America/New_York')).toBe(19);
    expect(localHourOf(new Date('2026-12-01T23:30:00Z'), 'Europe/Berlin')).toBe(0);
  });
});
