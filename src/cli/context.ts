import type { LocalTend } from '../app/local.js';
import type { Api } from './api.js';
import { resolveTarget, type TargetOptions } from './target.js';

/**
 * Open the user's local Tend for one command, and always close it. Only for
 * commands that work on this machine's data alone (demo); the rest use withApi.
 */
export async function withTend<T>(
  dataDir: string | undefined,
  work: (tend: LocalTend) => Promise<T>,
): Promise<T> {
  const { openLocalTend } = await import('../app/local.js');
  const tend = await openLocalTend({ dataDir, databaseUrl: process.env.DATABASE_URL });
  try {
    return await work(tend);
  } finally {
    await tend.database.close();
  }
}

/**
 * Run a command against the local data, or a Tend server when `--server` or
 * TEND_SERVER names one; the database code is loaded only when it is local.
 */
export async function withApi<T>(
  values: TargetOptions,
  work: (api: Api) => Promise<T>,
): Promise<T> {
  const target = resolveTarget(values);
  const api =
    target.kind === 'remote'
      ? (await import('./api-remote.js')).openRemoteApi(target)
      : await (await import('./api-local.js')).openLocalApi(target.dataDir);
  try {
    return await work(api);
  } finally {
    await api.close();
  }
}
