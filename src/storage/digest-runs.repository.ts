import { type Expression, type SqlBool, sql } from 'kysely';
import { defaultSettings, type Settings } from '../core/settings.schemas.js';
import type { Database } from './database.js';
import type { DigestRunsTable } from './database.types.js';

/** A claim older than this whose server never finished it is taken to be dead. */
export const STALE_CLAIM_MS = 10 * 60_000;
/** Sends per user and period at most: the first try and two retries. */
export const MAX_DIGEST_ATTEMPTS = 3;
/** Wait before retry n (after n failed attempts): 10 minutes, then 20. */
export const retryDelayMs = (attempts: number) => attempts * 10 * 60_000;

export interface DigestCandidate {
  userId: string;
  email: string;
  settings: Settings;
}

export type DigestRun = Pick<
  DigestRunsTable,
  'status' | 'claimed_at' | 'attempts' | 'finished_at' | 'error'
>;

/** A won claim: finishing it needs the same one, so a server presumed dead cannot overwrite a newer claim. */
export interface DigestClaim {
  userId: string;
  period: string;
  claimedAt: string;
  attempt: number;
}

const minus = (instant: string, ms: number) => new Date(Date.parse(instant) - ms).toISOString();

/**
 * The digest claim table, shared by every server. Not bound to one user: it
 * is the scheduler's view across accounts, and reads only what a digest
 * needs (id, email, settings), never anyone's data.
 */
export function digestRunsRepository(database: Database) {
  const { db, engine } = database;

  // Prefilter in SQL on the stored settings JSON, so a page holds only users
  // who turned digests on; the caller still checks the parsed settings.
  const digestOn: Expression<SqlBool> =
    engine === 'postgres'
      ? sql<SqlBool>`(settings::jsonb -> 'digest' ->> 'enabled') = 'true'`
      : sql<SqlBool>`json_extract(settings, '$.digest.enabled') = 1`;

  /** The conditions under which an existing run may be taken over at `now`. */
  const reclaimable = (now: string) =>
    sql<SqlBool>`attempts < ${MAX_DIGEST_ATTEMPTS} and (
      (status = 'claimed' and claimed_at <= ${minus(now, STALE_CLAIM_MS)})
      or (status = 'failed' and (${sql.join(
        Array.from(
          { length: MAX_DIGEST_ATTEMPTS - 1 },
          (_, i) =>
            sql`(attempts = ${i + 1} and finished_at <= ${minus(now, retryDelayMs(i + 1))})`,
        ),
        sql` or `,
      )}))
    )`;

  return {
    /** Users with a confirmed email address and digests on, ordered by id, after `after`. */
    async candidates(after: string, limit: number): Promise<DigestCandidate[]> {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'email', 'settings'])
        .where('email', 'is not', null)
        // Mail goes only to an address its owner confirmed (0005_email_verification).
        .where('email_verified_at', 'is not', null)
        .where('id', '>', after)
        .where(digestOn)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        userId: r.id,
        email: r.email as string,
        settings: { ...defaultSettings(), ...(JSON.parse(r.settings) as Partial<Settings>) },
      }));
    },

    /** The runs already recorded for these (user, period) pairs, keyed `user|period`. */
    async existing(
      pairs: readonly { userId: string; period: string }[],
    ): Promise<Map<string, DigestRun>> {
      const out = new Map<string, DigestRun>();
      if (pairs.length === 0) return out;
      const wanted = new Set(pairs.map((p) => `${p.userId}|${p.period}`));
      const rows = await db
        .selectFrom('digest_runs')
        .select(['user_id', 'period', 'status', 'claimed_at', 'attempts', 'finished_at', 'error'])
        .where(
          'user_id',
          'in',
          pairs.map((p) => p.userId),
        )
        .where('period', 'in', [...new Set(pairs.map((p) => p.period))])
        .execute();
      for (const { user_id, period, ...run } of rows) {
        const key = `${user_id}|${period}`;
        if (wanted.has(key)) out.set(key, { ...run, attempts: Number(run.attempts) });
      }
      return out;
    },

    /** Whether a recorded run could be taken over at `now` (a hint; claim() decides). */
    mayReclaim(run: DigestRun, now: string): boolean {
      if (run.attempts >= MAX_DIGEST_ATTEMPTS) return false;
      if (run.status === 'claimed') return run.claimed_at <= minus(now, STALE_CLAIM_MS);
      if (run.status === 'failed')
        return !!run.finished_at && run.finished_at <= minus(now, retryDelayMs(run.attempts));
      return false;
    },

    /**
     * Claim the digest of `userId` for `period`, or answer undefined when
     * another server holds it, sent it, or it has run out of attempts. A first
     * claim inserts the row (the primary key lets exactly one insert land); a
     * retry updates it under a condition that only one concurrent update can
     * still meet, since the winner's write makes it false for the others.
     */
    async claim(userId: string, period: string, now: string): Promise<DigestClaim | undefined> {
      const inserted = await db
        .insertInto('digest_runs')
        .values({
          user_id: userId,
          period,
          status: 'claimed',
          claimed_at: now,
          attempts: 1,
          finished_at: null,
          error: null,
        })
        .onConflict((oc) => oc.columns(['user_id', 'period']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
        return { userId, period, claimedAt: now, attempt: 1 };
      }
      const retaken = await db
        .updateTable('digest_runs')
        .set((eb) => ({
          status: 'claimed',
          claimed_at: now,
          attempts: eb('attempts', '+', 1),
          finished_at: null,
        }))
        .where('user_id', '=', userId)
        .where('period', '=', period)
        .where(reclaimable(now))
        .returning('attempts')
        .executeTakeFirst();
      return retaken
        ? { userId, period, claimedAt: now, attempt: Number(retaken.attempts) }
        : undefined;
    },

    /** Record how a claimed send ended; false when the claim was lost meanwhile. */
    async finish(
      claim: DigestClaim,
      outcome: { status: 'sent' } | { status: 'failed'; error: string },
      now: string,
    ): Promise<boolean> {
      const result = await db
        .updateTable('digest_runs')
        .set({
          status: outcome.status,
          finished_at: now,
          error: outcome.status === 'failed' ? outcome.error : null,
        })
        .where('user_id', '=', claim.userId)
        .where('period', '=', claim.period)
        .where('status', '=', 'claimed')
        .where('claimed_at', '=', claim.claimedAt)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** The recorded run for one user and period, for tests and operators. */
    async get(userId: string, period: string): Promise<DigestRun | undefined> {
      const row = await db
        .selectFrom('digest_runs')
        .select(['status', 'claimed_at', 'attempts', 'finished_at', 'error'])
        .where('user_id', '=', userId)
        .where('period', '=', period)
        .executeTakeFirst();
      return row && { ...row, attempts: Number(row.attempts) };
    },
  };
}

export type DigestRunsRepository = ReturnType<typeof digestRunsRepository>;
