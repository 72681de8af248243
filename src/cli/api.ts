import type { exportBackup } from '../app/backup.usecases.js';
import type { createCheckIn } from '../app/checkins.usecases.js';
import type {
  createConnection,
  getConnection,
  listConnections,
} from '../app/connections.usecases.js';
import type { exportCsv, exportVCards } from '../app/export.usecases.js';
import type { ImportReport } from '../app/import.report.js';
import type { createInteraction, listInteractions } from '../app/interactions.usecases.js';
import type { insights, today } from '../app/model.usecases.js';
import type { getSettings } from '../app/settings.usecases.js';
import type { RouteDef } from '../server/route.js';

type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/**
 * The API operations the CLI uses, by operationId, with what each answers.
 * A command names the operation; the Api runs it in this process or asks a
 * Tend server, so every command is written once for both.
 */
export interface Operations {
  listConnections: Result<typeof listConnections>;
  getConnection: Result<typeof getConnection>;
  createConnection: Result<typeof createConnection>;
  listInteractions: Result<typeof listInteractions>;
  createInteraction: Result<typeof createInteraction>;
  createCheckIn: Result<typeof createCheckIn>;
  getSettings: Result<typeof getSettings>;
  getToday: Result<typeof today>;
  getInsights: Result<typeof insights>;
  exportBackup: Result<typeof exportBackup>;
  exportCsv: Result<typeof exportCsv>;
  exportVCards: Result<typeof exportVCards>;
  importFile: ImportReport;
}

export type OperationId = keyof Operations;

export interface ApiRequest {
  params?: Record<string, string>;
  /** Sent as a query string; undefined values are left out, the rest become text. */
  query?: Record<string, string | number | boolean | undefined>;
  /** A JSON body. */
  body?: unknown;
  /** For routes that take a file: its bytes, read as they are sent. */
  stream?: AsyncIterable<Uint8Array>;
  /** The file's size, when known, to refuse an upload the server would refuse. */
  size?: number;
}

export interface Api {
  /** Now, on this machine (for "HH:MM today" and a log without --at). */
  now(): Date;
  call<K extends OperationId>(operationId: K, request?: ApiRequest): Promise<Operations[K]>;
  close(): Promise<void>;
}

/**
 * Where each operation's RouteDef lives, loaded on demand so a quick
 * `tend log` reads the CRUD routes only, never the importers or the web
 * server. A test checks each one is the very RouteDef in API_ROUTES.
 */
const ROUTE_GROUPS = {
  crud: async () => (await import('../server/crud.routes.js')).crudRouteDefs,
  model: async () => (await import('../server/model.routes.js')).modelRouteDefs,
  backup: async () => (await import('../server/backup.routes.js')).backupRouteDefs,
  files: async () => (await import('../server/files.routes.js')).fileRouteDefs,
} as const satisfies Record<string, () => Promise<readonly RouteDef[]>>;

export const OPERATION_GROUPS: Record<OperationId, keyof typeof ROUTE_GROUPS> = {
  listConnections: 'crud',
  getConnection: 'crud',
  createConnection: 'crud',
  listInteractions: 'crud',
  createInteraction: 'crud',
  createCheckIn: 'crud',
  getSettings: 'crud',
  getToday: 'model',
  getInsights: 'model',
  exportBackup: 'backup',
  exportCsv: 'files',
  exportVCards: 'files',
  importFile: 'files',
};

export async function findRoute(operationId: OperationId): Promise<RouteDef> {
  const defs = await ROUTE_GROUPS[OPERATION_GROUPS[operationId]]();
  const def = defs.find((d) => d.operationId === operationId);
  if (!def) throw new Error(`The API has no operation ${operationId}.`);
  return def;
}

/** Query values as HTTP carries them, so both paths see the same text. */
export function queryStrings(query: ApiRequest['query'] = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) out[key] = String(value);
  }
  return out;
}
