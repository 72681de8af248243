/**
 * The key names are matched and sorted by: case- and accent-insensitive.
 * Storage keeps the same function (connections.repository.ts, which the
 * server's name filter uses); a test holds the two together. It lives here
 * too so the CLI can match names against a server without loading storage.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
