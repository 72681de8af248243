import { appContext } from '../app/context.js';
import { composeDigest, dueDigests } from '../app/digest.usecases.js';
import type { Clock } from '../core/time.js';
import type { Database } from '../storage/database.js';
import { digestRunsRepository } from '../storage/digest-runs.repository.js';
import { userStore } from '../storage/store.js';
import type { Mailer } from './mailer.js';
import type { Logger } from './problem.js';

/**
 * Reminder digests. Every app server runs the scheduler; the claim table
 * (digest_runs, one row per user and period) makes sure each digest is sent
 * by exactly one of them: inserting the row is the claim, and the primary key
 * lets only one insert land. See docs/ARCHITECTURE.md, "Background work".
 */

export interface DigestRunOptions {
  database: Database;
  clock: Clock;
  mailer: Mailer;
  log: Logger;
  /** Where users reach Tend (TEND_PUBLIC_URL), for links in the email. */
  publicUrl?: string | undefined;
  /** Users read per page while scanning. */
  pageSize?: number;
}

export interface DigestRunSummary {
  /** Digests due now whose period this run found unsent. */
  due: number;
  sent: number;
  failed: number;
  /** Due, but claimed by another server (or by an earlier run still sending). */
  skipped: number;
}

/** A short reason for the record: the error's code and first line, never a stack or credentials. */
function shortError(error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? String((error as { code: unknown }).code)
      : '';
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  // An SMTP URL with a password must never reach the table or a log.
  const scrubbed = message.replace(/\b(smtps?):\/\/[^\s@/]*@/gi, '$1://***@');
  return (code ? `${code}: ${scrubbed}` : scrubbed).slice(0, 200);
}

/**
 * Send every digest that is due now and not yet sent: scan users with an
 * email address and digests on, in pages; for each due one, claim the period,
 * compose, send and record the outcome. Safe to run on any number of servers
 * at once. Throws only when the database cannot be read at all.
 */
export async function runDigestsOnce(options: DigestRunOptions): Promise<DigestRunSummary> {
  const { database, clock, mailer, log } = options;
  const pageSize = options.pageSize ?? 200;
  const runs = digestRunsRepository(database);
  const summary: DigestRunSummary = { due: 0, sent: 0, failed: 0, skipped: 0 };
  let after = '';
  for (;;) {
    const page = await runs.candidates(after, pageSize);
    const last = page[page.length - 1];
    if (!last) break;
    after = last.userId;
    const due = dueDigests(page, clock());
    const known = await runs.existing(due);
    for (const d of due) {
      const run = known.get(`${d.userId}|${d.period}`);
      // Sent, in flight elsewhere, waiting for its retry or out of tries: nothing to do.
      if (run && !runs.mayReclaim(run, clock().toISOString())) continue;
      summary.due += 1;
      const claim = await runs.claim(d.userId, d.period, clock().toISOString());
      if (!claim) {
        summary.skipped += 1;
        continue;
      }
      try {
        const ctx = appContext(userStore(database, d.userId), clock);
        const email = await composeDigest(ctx, { publicUrl: options.publicUrl });
        await mailer.send({ to: d.email, ...email });
        await runs.finish(claim, { status: 'sent' }, clock().toISOString());
        summary.sent += 1;
      } catch (error) {
        summary.failed += 1;
        const reason = shortError(error);
        log.error(
          `The ${d.period} digest for user ${d.userId} failed (attempt ${claim.attempt}): ${reason}`,
        );
        await runs
          .finish(claim, { status: 'failed', error: reason }, clock().toISOString())
          .catch((e) => log.error(`Could not record the failed digest: ${shortError(e)}`));
      }
    }
    if (page.length < pageSize) break;
  }
  return summary;
}

export interface DigestScheduler {
  /** Stop the timer and wait for a run in progress to end. */
  stop(): Promise<void>;
}

/**
 * Run digests now and then every `intervalMs` (default a minute) until
 * stopped. Runs never overlap: a tick while one is in progress is skipped.
 * Errors are logged, never thrown, and the timer does not keep the process
 * alive.
 */
export function startDigestScheduler(
  options: DigestRunOptions & { intervalMs?: number },
): DigestScheduler {
  const { log } = options;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runDigestsOnce(options)
      .then((s) => {
        if (s.sent + s.failed > 0)
          log.info(
            `Digests: ${s.sent} sent, ${s.failed} failed, ${s.skipped} left to other servers.`,
          );
      })
      .catch((error) => log.error(`The digest run failed: ${shortError(error)}`))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
