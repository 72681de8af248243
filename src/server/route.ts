import type { z } from 'zod';
import type { AppContext } from '../app/context.js';

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteRequest {
  ctx: AppContext;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body (unknown until the use case validates it). */
  body: unknown;
  /** For `rawBody` routes: the body's bytes, read with the route's cap. */
  stream?: AsyncIterable<Uint8Array>;
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
  handler(request: RouteRequest): Promise<unknown>;
}

export function route(def: RouteDef): RouteDef {
  return def;
}

/** `/api/v1/x/{id}` → `/api/v1/x/:id` for the router. */
export function routerPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}
