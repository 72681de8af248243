import type { Kysely } from 'kysely';
import type { DB } from './database.types.js';

export interface NudgeDecision {
  key: string;
  action: 'done' | 'snoozed' | 'dismissed';
  until: string | null;
  decidedOn: string;
}

export function nudgesRepository(db: Kysely<DB>, userId: string) {
  return {
    /** One decision per nudge key; a newer decision replaces the older one. */
    async save(decision: NudgeDecision, now: string): Promise<void> {
      await db
        .insertInto('nudge_decisions')
        .values({
          user_id: userId,
          key: decision.key,
          action: decision.action,
          until: decision.until,
          decided_on: decision.decidedOn,
          created_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['user_id', 'key']).doUpdateSet({
            action: decision.action,
            until: decision.until,
            decided_on: decision.decidedOn,
            created_at: now,
          }),
        )
        .execute();
    },

    async all(): Promise<NudgeDecision[]> {
      const rows = await db
        .selectFrom('nudge_decisions')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('key')
        .execute();
      return rows.map((r) => ({
        key: r.key,
        action: r.action as NudgeDecision['action'],
        until: r.until,
        decidedOn: r.decided_on,
      }));
    },

    async clear(key: string): Promise<boolean> {
      const result = await db
        .deleteFrom('nudge_decisions')
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type NudgesRepository = ReturnType<typeof nudgesRepository>;
