import type { AppContext } from '../app/context.js';
import type { Connection } from '../core/connections.schemas.js';
import { nameKey } from '../storage/connections.repository.js';
import { UsageError } from './output.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Find a connection by id or by name: an exact (case- and accent-blind) match
 * wins, else a unique name that starts with the text, else a unique one containing it.
 */
export async function resolveConnection(ctx: AppContext, text: string): Promise<Connection> {
  const all = await ctx.store.connections.all();
  if (UUID.test(text)) {
    const byId = all.find((c) => c.id === text.toLowerCase());
    if (byId) return byId;
  }
  const key = nameKey(text.trim());
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
