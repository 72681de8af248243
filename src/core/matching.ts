import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Connection } from './connections.schemas.js';

/**
 * Matching what an import names (a phone, an email, a name) to the user's
 * connections. Pure: the phone metadata is a lookup table, not I/O.
 *
 * Care with names: only a whole-name match counts, compared without case or
 * accents; a name that two connections share matches neither, because
 * guessing wrong would put someone's messages on another person's page.
 */

/** `+4915123456789`, or null when the text is not a possible number. */
export function normalizePhone(raw: string, defaultRegion: string | null): string | null {
  const cleaned = raw.replace(/[^\d+]/g, '');
  if (cleaned.replace(/\D/g, '').length < 5) return null;
  const parsed = parsePhoneNumberFromString(
    raw.trim().replace(/^00/, '+'),
    (defaultRegion ?? undefined) as CountryCode | undefined,
  );
  if (parsed?.isPossible()) return parsed.number;
  // Without a region, a national number can still match one stored the same way.
  return cleaned.startsWith('+') ? null : `local:${cleaned.replace(/^0+/, '')}`;
}

export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Case- and accent-blind, whitespace-collapsed. */
export function normalizeName(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface Participant {
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
}

export type MatchedBy = 'phone' | 'email' | 'name';

export interface Matcher {
  match(p: Participant): { connectionId: string; by: MatchedBy } | null;
  /** Connections whose whole name appears as words in the text (for calendar titles). */
  namedIn(text: string): string[];
  /** Teach the matcher a connection created during the same import. */
  add(connection: Pick<Connection, 'id' | 'name' | 'handles'>): void;
}

const AMBIGUOUS = '\u0000ambiguous';

export function createMatcher(
  connections: readonly Pick<Connection, 'id' | 'name' | 'handles'>[],
  defaultRegion: string | null,
): Matcher {
  const phones = new Map<string, string>();
  const emails = new Map<string, string>();
  const names = new Map<string, string>();
  const put = (map: Map<string, string>, key: string | null, id: string) => {
    if (!key) return;
    const known = map.get(key);
    map.set(key, known === undefined || known === id ? id : AMBIGUOUS);
  };
  const add = (c: Pick<Connection, 'id' | 'name' | 'handles'>) => {
    for (const p of c.handles.phones) put(phones, normalizePhone(p, defaultRegion), c.id);
    for (const e of c.handles.emails) put(emails, normalizeEmail(e), c.id);
    put(names, normalizeName(c.name), c.id);
  };
  for (const c of connections) add(c);
  const found = (map: Map<string, string>, key: string | null) => {
    const id = key ? map.get(key) : undefined;
    return id && id !== AMBIGUOUS ? id : null;
  };
  return {
    add,
    match(p) {
      const byPhone = p.phone ? found(phones, normalizePhone(p.phone, defaultRegion)) : null;
      if (byPhone) return { connectionId: byPhone, by: 'phone' };
      const byEmail = p.email ? found(emails, normalizeEmail(p.email)) : null;
      if (byEmail) return { connectionId: byEmail, by: 'email' };
      const byName = p.name ? found(names, normalizeName(p.name)) : null;
      if (byName) return { connectionId: byName, by: 'name' };
      return null;
    },
    namedIn(text) {
      const haystack = ` ${normalizeName(text)} `;
      const hits: string[] = [];
      for (const [name, id] of names) {
        if (id !== AMBIGUOUS && name && haystack.includes(` ${name} `)) hits.push(id);
      }
      return [...new Set(hits)].sort();
    },
  };
}
