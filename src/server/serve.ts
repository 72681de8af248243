import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sweepAccounts } from '../app/accounts.usecases.js';
import { openLocalTend } from '../app/local.js';
import { TendError } from '../core/errors.js';
import { consoleLogger, createApp } from './app.js';
import type { HostedOptions } from './auth.js';
import { startDigestScheduler } from './digests.js';
import type { Mailer } from './mailer.js';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  /** Hosted mode (accounts); without it Tend is local and listens on loopback only. */
  hosted?: HostedOptions | undefined;
  /** Hosted mode: sends reminder digests (each once, whatever the number of servers). */
  mailer?: Mailer | undefined;
  /** Called once the server listens, with its real address. */
  onListening?: (url: string) => void;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * Start the HTTP server. Local mode has no login, so it refuses any address
 * that other machines could reach; hosted mode may listen anywhere.
 */
export async function startServer(
  options: ServeOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  if (!options.hosted && !isLoopback(options.host)) {
    throw new TendError(
      'validation_failed',
      `Local Tend has no login, so it only listens on this machine (127.0.0.1 or ::1), not on ${options.host}. To serve many people with accounts, set TEND_MODE=hosted (see docs/deployment.md).`,
      [{ path: 'host', message: 'must be a loopback address unless TEND_MODE=hosted' }],
    );
  }
  const tend = await openLocalTend({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  const app = createApp({
    database: tend.database,
    log: consoleLogger,
    ...(options.hosted ? { hosted: options.hosted } : {}),
  });
  // Requests in flight, so shutdown closes the database only after they answer.
  let active = 0;
  const fetch: typeof app.fetch = async (request, env, executionCtx) => {
    active += 1;
    try {
      return await app.fetch(request, env, executionCtx);
    } finally {
      active -= 1;
    }
  };
  const server = serve({ fetch, port: options.port, hostname: options.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await tend.database.close();
    if (error.code === 'EADDRINUSE') {
      throw new TendError(
        'conflict',
        `Port ${options.port} is already in use. Choose another with --port.`,
        [{ path: 'port', message: 'is in use' }],
      );
    }
    throw error;
  });
  // Background work, hosted only. Every server runs it; the database makes
  // each digest go out once (digest_runs claims) and sweeping is idempotent.
  const clock = () => new Date();
  const digests =
    options.hosted && options.mailer
      ? startDigestScheduler({
          database: tend.database,
          clock,
          mailer: options.mailer,
          log: consoleLogger,
          publicUrl: options.hosted.publicUrl,
        })
      : undefined;
  const sweep = () =>
    sweepAccounts({ database: tend.database, clock }).catch((error: Error) =>
      consoleLogger.error(`Sweeping expired sessions failed: ${error.message}`),
    );
  const sweeper = options.hosted ? setInterval(sweep, 60 * 60 * 1000).unref() : undefined;
  if (options.hosted) void sweep();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  options.onListening?.(url);
  return {
    url,
    async close() {
      // Stop accepting, let requests in flight finish (up to 10 s), then close.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const http = server as unknown as {
        closeIdleConnections?: () => void;
        closeAllConnections?: () => void;
      };
      http.closeIdleConnections?.();
      for (let waited = 0; active > 0 && waited < 10_000; waited += 20) {
        await new Promise((r) => setTimeout(r, 20));
      }
      http.closeAllConnections?.();
      await closed;
      if (sweeper) clearInterval(sweeper);
      await digests?.stop();
      options.mailer?.close();
      await tend.database.close();
    },
  };
}
