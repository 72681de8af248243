import { z } from 'zod';
import type { RouteDef } from './route.js';

type JsonSchema = Record<string, unknown>;

const PROBLEM_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details; `errors` names each bad field.',
  required: ['type', 'title', 'status', 'detail', 'errors'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/**
 * Collects JSON Schemas for the components section. A schema with an id is
 * emitted once; where its request (input) and response (output) forms differ
 * (defaults make fields optional on input), the input form gets an `Input` suffix.
 */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  ref(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, {
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
      reused: 'inline',
    }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const rename = new Map<string, string>();
    const defs = json.$defs ?? {};
    delete json.$defs;
    delete json.$schema;
    for (const [name, def] of Object.entries(defs)) {
      rename.set(name, this.add(name, def, io));
    }
    return rewriteRefs(json, rename) as JsonSchema;
  }

  private add(name: string, def: JsonSchema, io: 'input' | 'output'): string {
    const text = JSON.stringify(def);
    const existing = this.schemas[name];
    if (!existing || JSON.stringify(existing) === text) {
      this.schemas[name] = def;
      return name;
    }
    const alt = io === 'input' ? `${name}Input` : `${name}Output`;
    this.schemas[alt] = def;
    return alt;
  }
}

function rewriteRefs(value: unknown, rename: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, rename));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
        const name = v.slice('#/$defs/'.length);
        out[k] = `#/components/schemas/${rename.get(name) ?? name}`;
      } else {
        out[k] = rewriteRefs(v, rename);
      }
    }
    return out;
  }
  return value;
}

export interface OpenApiInfo {
  version: string;
  /** Hosted mode: document sign-in (cookie or token), CSRF and the account routes' rules. */
  hosted?: boolean;
}

/** The OpenAPI 3.1 document, generated from the same schemas that validate requests. */
export function buildOpenApi(routes: readonly RouteDef[], info: OpenApiInfo): JsonSchema {
  const components = new Components();
  const paths: Record<string, Record<string, unknown>> = {};
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });

  for (const r of routes) {
    const parameters: unknown[] = [];
    for (const name of r.path.match(/\{(\w+)\}/g) ?? []) {
      parameters.push({
        name: name.slice(1, -1),
        in: 'path',
        required: true,
        schema: name === '{id}' ? { type: 'string', format: 'uuid' } : { type: 'string' },
      });
    }
    for (const [name, field] of Object.entries(r.query?.shape ?? {})) {
      const schema = components.ref(field as z.ZodType, 'input');
      const { description, ...rest } = schema;
      parameters.push({
        name,
        in: 'query',
        required: !(field as z.ZodType).safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
    const responses: Record<string, unknown> = {};
    responses[String(r.status)] = r.produces
      ? {
          description: 'The file.',
          content: { [r.produces.mediaType]: { schema: { type: 'string' } } },
        }
      : r.status === 204 || !r.response
        ? { description: 'Done.' }
        : {
            description: 'OK.',
            content: { 'application/json': { schema: components.ref(r.response, 'output') } },
          };
    if (r.body || r.query || r.rawBody)
      responses['400'] = problem('The input is not valid; `errors` says where.');
    if (r.path.includes('{')) responses['404'] = problem('No such record (or not yours).');
    if (r.body || r.rawBody) {
      responses['413'] = problem('The body is too large.');
      responses['415'] = problem('The body is not JSON.');
    }
    if (info.hosted) {
      if (r.auth !== 'public') responses['401'] = problem('Not signed in.');
      if (r.auth === 'session' || r.method !== 'get')
        responses['403'] = problem(
          r.auth === 'session'
            ? 'Needs a browser session (not an API token), or the CSRF token is missing.'
            : 'The CSRF token is missing or the request came from another site.',
        );
      responses['429'] = problem('Too many requests; see Retry-After.');
    }
    responses['500'] = problem('A server error; nothing was changed.');
    responses['503'] = problem(
      'The database is unavailable; nothing was changed; see Retry-After.',
    );
    const operation: Record<string, unknown> = {
      operationId: r.operationId,
      summary: r.summary,
      tags: [r.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(r.rawBody
        ? {
            requestBody: {
              required: true,
              description: `The file, at most ${Math.round(r.rawBody.limit / 1024 / 1024)} MiB.`,
              content: Object.fromEntries(
                r.rawBody.mediaTypes.map((t) => [
                  t,
                  { schema: { type: 'string', format: 'binary' } },
                ]),
              ),
            },
          }
        : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: components.ref(r.body, 'input') } },
            },
          }
        : {}),
      responses,
      ...(info.hosted && r.auth === 'public' ? { security: [] } : {}),
      ...(info.hosted && r.auth === 'session' ? { security: [{ session: [] }] } : {}),
    };
    const pathItem = paths[r.path] ?? {};
    pathItem[r.method] = operation;
    paths[r.path] = pathItem;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Tend API',
      version: info.version,
      description:
        'The JSON API of Tend, a local-first companion for keeping the ties that buffer stress alive. Instants are ISO 8601; a calendar date means a day in the user’s time zone.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/' }],
    paths,
    ...(info.hosted ? { security: [{ session: [] }, { token: [] }] } : {}),
    components: {
      schemas: { ...components.schemas, Problem: PROBLEM_SCHEMA },
      ...(info.hosted
        ? {
            securitySchemes: {
              session: {
                type: 'apiKey',
                in: 'cookie',
                name: 'tend_session',
                description:
                  'Set by logIn/signUp (named __Host-tend_session over HTTPS). Changes also need the X-CSRF-Token header from getSession.',
              },
              token: {
                type: 'http',
                scheme: 'bearer',
                description: 'A personal API token from createApiToken.',
              },
            },
          }
        : {}),
    },
  };
}
