import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AccountsContext } from '../app/accounts.usecases.js';
import { renderFeed } from '../app/calendar-feed.usecases.js';
import { appContext } from '../app/context.js';
import { packageRoot, packageVersion } from '../app/package-info.js';
import { TendError } from '../core/errors.js';
import type { Clock } from '../core/time.js';
import type { Database } from '../storage/database.js';
import { userStore } from '../storage/store.js';
import { LOCAL_USER_ID } from '../storage/users.repository.js';
import { accountRouteDefs } from './account.routes.js';
import { guardLocal, type HostedOptions, hostedAccess, rateLimit } from './auth.js';
import { backupRouteDefs } from './backup.routes.js';
import { DEFAULT_BODY_LIMIT, rawBodyStream, readJsonBody } from './body.js';
import { crudRouteDefs } from './crud.routes.js';
import { renderDocsPage } from './docs-page.js';
import { feedRouteDefs, fileRouteDefs } from './files.routes.js';
import { modelRouteDefs } from './model.routes.js';
import { buildOpenApi } from './openapi.js';
import { type Logger, problemResponse } from './problem.js';
import { type RouteDef, routerPath } from './route.js';

export const API_ROUTES: readonly RouteDef[] = [
  ...accountRouteDefs,
  ...crudRouteDefs,
  ...modelRouteDefs,
  ...backupRouteDefs,
  ...fileRouteDefs,
  ...feedRouteDefs,
];

/** A backup restore may be large; everything else is one record. */
const BODY_LIMITS: Record<string, number> = { restoreBackup: 64 * 1024 * 1024 };

export interface AppOptions {
  database: Database;
  clock?: Clock;
  log?: Logger;
  /** Built web app to serve at `/`; defaults to `dist/web` in the package. */
  webDir?: string;
  /**
   * Hosted mode: many accounts, each request signed in by a session cookie
   * or a personal API token. Without it Tend is local: one user, no login,
   * and only requests addressed to this machine are answered.
   */
  hosted?: HostedOptions;
}

export const silentLogger: Logger = { error() {}, info() {} };

export const consoleLogger: Logger = {
  error: (message, detail) =>
    console.error(message, detail instanceof Error ? detail.stack : (detail ?? '')),
  info: (message) => console.log(message),
};

export function createApp(options: AppOptions): Hono {
  const { database } = options;
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? consoleLogger;
  const app = new Hono();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.onError((error, c) => problemResponse(c, error, log));

  // Liveness: answers without touching the database (also the benchmarks' floor).
  app.get('/livez', (c) => c.json({ status: 'ok' }));

  app.get('/healthz', async (c) => {
    try {
      await database.db.selectFrom('users').select('id').limit(1).execute();
      return c.json({ status: 'ok', engine: database.engine });
    } catch {
      return c.json({ status: 'unavailable', engine: database.engine }, 503);
    }
  });

  const hosted = options.hosted;
  const accounts: AccountsContext | undefined = hosted
    ? { database, clock, config: hosted.config, mail: hosted.mail }
    : undefined;
  if (!hosted) {
    app.use('*', async (c, next) => {
      guardLocal(c);
      await next();
    });
  }
  app.use('/api/*', async (c, next) => {
    await next();
    // Private data: no shared cache may keep an answer.
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });

  const openApi = buildOpenApi(API_ROUTES, { version: packageVersion(), hosted: !!hosted });
  const docsPage = renderDocsPage(openApi);
  app.get('/api/openapi.json', (c) => c.json(openApi));
  app.get('/api/docs', (c) => c.html(docsPage));

  for (const def of API_ROUTES) {
    if (def.hostedOnly && !hosted) continue;
    app.on(def.method.toUpperCase(), routerPath(def.path), async (c) => {
      // Who is asking comes first: nothing is read from a caller who may not call.
      const account = accounts && hosted ? await hostedAccess(c, def, accounts, hosted) : undefined;
      const userId = account ? (account.auth?.userId ?? '') : LOCAL_USER_ID;
      if (accounts && account?.auth) await rateLimit(accounts, def.operationId, userId);
      const body = def.body
        ? await readJsonBody(c, BODY_LIMITS[def.operationId] ?? DEFAULT_BODY_LIMIT)
        : undefined;
      const stream = def.rawBody
        ? rawBodyStream(c, def.rawBody.mediaTypes, def.rawBody.limit)
        : undefined;
      const ctx = appContext(userStore(database, userId), clock);
      const params = c.req.param();
      const result = await def.handler({
        ctx,
        params,
        query: c.req.query(),
        body,
        ...(stream ? { stream } : {}),
        ...(account ? { account } : {}),
      });
      if (def.status === 204) return c.body(null, 204);
      if (def.produces) {
        const headers: Record<string, string> = { 'content-type': def.produces.mediaType };
        const name = def.produces.fileName?.(params);
        if (name) headers['content-disposition'] = `attachment; filename="${name}"`;
        return c.body(result as string, def.status, headers);
      }
      return c.json(result as object, def.status);
    });
  }

  // The calendar feed: public by design, the long random token is the secret.
  app.get('/calendar/:file', async (c) => {
    const token = /^(.+)\.ics$/.exec(c.req.param('file'))?.[1] ?? '';
    const text = await renderFeed(database, token, clock);
    return c.body(text, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'cache-control': 'private, max-age=300',
    });
  });

  app.all('/api/*', () => {
    throw new TendError('not_found', 'There is no such API route. See /api/docs.');
  });

  const webDir = options.webDir ?? join(packageRoot(), 'dist', 'web');
  if (existsSync(join(webDir, 'index.html'))) {
    const indexHtml = readFileSync(join(webDir, 'index.html'), 'utf8');
    app.use('/assets/*', async (c, next) => {
      await next();
      // Hashed file names never change content, so browsers may keep them.
      if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root: webDir }));
    app.get('*', (c) => c.html(indexHtml));
  } else {
    app.get('/', (c) =>
      c.text('Tend is running, but the web app is not built. Run `npm run build:web`.', 503),
    );
  }
  return app;
}
