/**
 * Time zones for calendar imports: turning the TZID an exporter wrote into an
 * IANA zone name that Intl knows, and wall-clock times in it into instants.
 *
 * Outlook and Exchange write Windows zone names (`W. Europe Standard Time`);
 * older Mozilla and Evolution builds prefix IANA names with a vendor path
 * (`/mozilla.org/20050126_1/Europe/Berlin`). The table below is the "001"
 * (territory-neutral) mapping of CLDR's windowsZones.xml for the common zones.
 */
import { isValidTimeZone, zoneOffsetMinutes } from '../core/time.js';

export const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'UTC-11': 'Etc/GMT+11',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Pacific Standard Time (Mexico)': 'America/Tijuana',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': 'America/Denver',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time': 'America/New_York',
  'US Eastern Standard Time': 'America/Indianapolis',
  'Atlantic Standard Time': 'America/Halifax',
  'Venezuela Standard Time': 'America/Caracas',
  'SA Western Standard Time': 'America/La_Paz',
  'Pacific SA Standard Time': 'America/Santiago',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Buenos_Aires',
  'SA Eastern Standard Time': 'America/Cayenne',
  'Greenland Standard Time': 'America/Godthab',
  'UTC-02': 'Etc/GMT+2',
  'Azores Standard Time': 'Atlantic/Azores',
  'Cape Verde Standard Time': 'Atlantic/Cape_Verde',
  UTC: 'Etc/UTC',
  'Coordinated Universal Time': 'Etc/UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Jordan Standard Time': 'Asia/Amman',
  'GTB Standard Time': 'Europe/Bucharest',
  'Middle East Standard Time': 'Asia/Beirut',
  'Egypt Standard Time': 'Africa/Cairo',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'FLE Standard Time': 'Europe/Kiev',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Kaliningrad Standard Time': 'Europe/Kaliningrad',
  'Arabic Standard Time': 'Asia/Baghdad',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Arab Standard Time': 'Asia/Riyadh',
  'Russian Standard Time': 'Europe/Moscow',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Iran Standard Time': 'Asia/Tehran',
  'Arabian Standard Time': 'Asia/Dubai',
  'Azerbaijan Standard Time': 'Asia/Baku',
  'Georgian Standard Time': 'Asia/Tbilisi',
  'Afghanistan Standard Time': 'Asia/Kabul',
  'West Asia Standard Time': 'Asia/Tashkent',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Calcutta',
  'Sri Lanka Standard Time': 'Asia/Colombo',
  'Nepal Standard Time': 'Asia/Katmandu',
  'Central Asia Standard Time': 'Asia/Almaty',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'Myanmar Standard Time': 'Asia/Rangoon',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'W. Australia Standard Time': 'Australia/Perth',
  'Taipei Standard Time': 'Asia/Taipei',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'AUS Central Standard Time': 'Australia/Darwin',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'Tasmania Standard Time': 'Australia/Hobart',
  'West Pacific Standard Time': 'Pacific/Port_Moresby',
  'Central Pacific Standard Time': 'Pacific/Guadalcanal',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Fiji Standard Time': 'Pacific/Fiji',
  'Tonga Standard Time': 'Pacific/Tongatapu',
  'Samoa Standard Time': 'Pacific/Apia',
};

const lowerCased = new Map(Object.entries(WINDOWS_ZONES).map(([k, v]) => [k.toLowerCase(), v]));

/**
 * The IANA name for a TZID as written in a file, or null when it names no zone
 * we know (the caller may still have the file's own VTIMEZONE definition).
 */
export function ianaZoneFor(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '').trim();
  if (!name) return null;
  const windows = lowerCased.get(name.toLowerCase());
  if (windows) return windows;
  if (!name.startsWith('/') && isValidTimeZone(name)) return name;
  // Vendor prefixes: try the last one, two and three path segments
  // (`UTC`, `Europe/Berlin`, `America/Argentina/Buenos_Aires`).
  const segments = name.split('/').filter((s) => s !== '');
  for (const take of [2, 3, 1]) {
    if (segments.length < take) continue;
    const candidate = segments.slice(-take).join('/');
    const mapped = lowerCased.get(candidate.toLowerCase());
    if (mapped) return mapped;
    if (isValidTimeZone(candidate)) return candidate;
  }
  return null;
}

/** A wall-clock time with no zone attached. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The UTC instant (epoch ms) of a wall-clock time in an IANA zone. RFC 5545
 * §3.3.5 settles the two DST edge cases: a time repeated by the autumn change
 * means its first occurrence, and a time skipped by the spring change is read
 * with the offset in force before the gap (02:30 becomes 03:30 summer time).
 */
export function wallToUtc(wall: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (timeZone === 'UTC') return asUtc;
  const day = 86_400_000;
  const before = zoneOffsetMinutes(new Date(asUtc - day), timeZone);
  const after = zoneOffsetMinutes(new Date(asUtc + day), timeZone);
  // Try both offsets around the time; a valid reading maps back to the same wall clock.
  const readings = [before, after]
    .map((offset) => asUtc - offset * 60_000)
    .filter((t) => asUtc - zoneOffsetMinutes(new Date(t), timeZone) * 60_000 === t)
    .sort((a, b) => a - b);
  return readings[0] ?? asUtc - before * 60_000;
}
