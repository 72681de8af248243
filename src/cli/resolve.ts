import type { Connection } from '../core/connections.schemas.js';
import { TendError } from '../core/errors.js';
import { nameKey } from '../core/names.js';
import type { Api } from './api.js';
import { UsageError } from './output.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Find a connection by id or by name: an exact (case- and accent-blind) match
 * wins, else a unique name that starts with the text, else a unique one containing it.
 * It asks the list route for the names containing the text, the same
 * case- and accent-blind match, so it works alike on local data and a server.
 */
export async function resolveConnection(api: Api, text: string): Promise<Connection> {
  if (UUID.test(text)) {
    try {
      return await api.call('getConnection', { params: { id: text.toLowerCase() } });
    } catch (error) {
      if (!(error instanceof TendError && error.code === 'not_found')) throw error;
    }
  }
  const q = text.trim();
  const all: Connection[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await api.call('listConnections', {
      // The route caps q at 200 characters; past that, fetch all and match here.
      query: { q: q.length <= 200 ? q : undefined, limit: 500, cursor },
    });
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const key = nameKey(q);
  const tiers = [
    all.filter((c) => nameKey(c.name) === key),
    all.filter((c) => nameKey(c.name).startsWith(key)),
    all.filter((c) => nameKey(c.name).includes(key)),
  ];
  for (const matches of tiers) {
    if (matches.length === 1 && matches[0]) return matches[0];
    if (matches.length > 1) {
      throw new UsageError(
        `"${text}" could mean ${matches.map((c) => c.name).join(', ')}.`,
        'Use more of the name, or the id from `tend people list`.',
      );
    }
  }
  throw new UsageError(
    `No connection named "${text}".`,
    `Add them first: tend people add "${text}"`,
  );
}

export function formatLocal(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}
