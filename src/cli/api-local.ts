import { openLocalTend } from '../app/local.js';
import { type Api, findRoute, type Operations, queryStrings } from './api.js';

/**
 * The API run in this process on the local database: the same RouteDef
 * handlers the server runs, given what HTTP would give them (text query
 * values, a JSON-shaped body), so a command behaves the same either way.
 */
export async function openLocalApi(dataDir: string | undefined): Promise<Api> {
  const tend = await openLocalTend({ dataDir, databaseUrl: process.env.DATABASE_URL });
  return {
    now: () => tend.ctx.clock(),
    async call(operationId, request = {}) {
      const def = await findRoute(operationId);
      const result = await def.handler({
        ctx: tend.ctx,
        params: request.params ?? {},
        query: queryStrings(request.query),
        body: request.body === undefined ? undefined : JSON.parse(JSON.stringify(request.body)),
        ...(request.stream ? { stream: request.stream } : {}),
      });
      return result as Operations[typeof operationId];
    },
    close: () => tend.database.close(),
  };
}
