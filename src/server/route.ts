import type { z } from 'zod';
import type {
  AccountsContext,
  Authenticated,
  ClientInfo,
  NewSession,
} from '../app/accounts.usecases.js';
import type { AppContext } from '../app/context.js';

/** What the account routes need beyond one user's store (hosted mode only). */
export interface AccountSide {
  accounts: AccountsContext;
  /** The signed-in user, if any (public routes see undefined). */
  auth: Authenticated | undefined;
  client: ClientInfo;
  /** Where the web app is reached, for links in emails. */
  origin: string;
  /** Set the session cookie for a new session. */
  startSession(session: NewSession): void;
  /** Remove the session cookie. */
  endSession(): void;
}

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteRequest {
  ctx: AppContext;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body (unknown until the use case validates it). */
  body: unknown;
  /** For `rawBody` routes: the body's bytes, read with the route's cap. */
  stream?: AsyncIterable<Uint8Array>;
  /** For account routes in hosted mode. */
  account?: AccountSide;
}

/**
 * One API route: its contract (for the OpenAPI document) and its handler.
 * Handlers pass raw input to the use cases, which validate it with the same
 * schemas declared here, so the document and the checks cannot drift apart.
 */
export interface RouteDef {
  method: Method;
  /** OpenAPI form: `/api/v1/connections/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /**
   * A body that is not JSON (an uploaded file): the accepted media types and
   * the size cap. The handler then gets the body as a stream of chunks.
   */
  rawBody?: { mediaTypes: string[]; limit: number };
  /** Status of a successful answer; 204 has no body. */
  status: 200 | 201 | 204;
  response?: z.ZodType;
  /** A non-JSON answer (a file): the handler returns its text. */
  produces?: { mediaType: string; fileName?: (params: Record<string, string>) => string };
  /**
   * Who may call it. `user` (the default): a signed-in user, with their own
   * store. `public`: anyone (sign-up, login, the session state). `session`:
   * a user signed in with a session cookie, not an API token — managing the
   * account itself (password, tokens, deletion) needs the person, not a script.
   */
  auth?: 'user' | 'public' | 'session';
  /** Hosted mode only: the route exists only where there are accounts. */
  hostedOnly?: boolean;
  handler(request: RouteRequest): Promise<unknown>;
}

export function route(def: RouteDef): RouteDef {
  return def;
}

/** `/api/v1/x/{id}` → `/api/v1/x/:id` for the router. */
export function routerPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}
