import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostedConfig } from '../src/app/accounts.usecases.js';
import { type LocalTend, openLocalTend } from '../src/app/local.js';
import { findRoute, OPERATION_GROUPS, type OperationId } from '../src/cli/api.js';
import { Backup } from '../src/core/backup.schemas.js';
import { nameKey } from '../src/core/names.js';
import { API_ROUTES, createApp, silentLogger } from '../src/server/app.js';
import type { HostedOptions } from '../src/server/auth.js';
import { nameKey as storedNameKey } from '../src/storage/connections.repository.js';
import { type RunResult, runTend } from './support/cli.js';
import { overHttp, TestClient } from './support/http-client.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

let scratch: string;
let localDir: string;
let served: { url: string; tend: LocalTend; close(): Promise<void> };

/** A Tend server in this process, on a free loopback port, as `tend serve` runs it. */
async function startTend(dataDir: string, hosted?: HostedOptions) {
  const tend = await openLocalTend({ dataDir });
  const app = createApp({
    database: tend.database,
    log: silentLogger,
    webDir: '/nonexistent',
    ...(hosted ? { hosted } : {}),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tend,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await tend.database.close();
    },
  };
}

/** A plain HTTP server that answers every request with `reply`, and notes what it was sent. */
async function startFake(reply: (res: import('node:http').ServerResponse) => void) {
  const seen: { url: string; authorization: string | undefined }[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    reply(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const local = (...args: string[]) => runTend([...args, '--data-dir', localDir]);
const remote = (...args: string[]) =>
  runTend(args, { TEND_SERVER: served.url, TEND_TOKEN: undefined, TEND_DATA_DIR: undefined });

/** Run the same command on local data and on the server, side by side. */
async function both(...args: string[]): Promise<[RunResult, RunResult]> {
  return Promise.all([local(...args), remote(...args)]);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Ids and the moments records were written differ between two Tends; all
 * else must match. Ids become their order of first appearance.
 */
function normalise(text: string): string {
  const ids = new Map<string, string>();
  return text
    .replace(UUID, (id) => {
      if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
      return ids.get(id) ?? id;
    })
    .replace(
      /"(createdAt|updatedAt|exportedAt)": "[^"]+"/g,
      (_, key: string) => `"${key}": "(time)"`,
    )
    .replace(
      /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z,\d{4}-\d{2}-\d{2}T[\d:.]+Z\r?$/gm,
      '(times)',
    );
}

/**
 * A backup without its ids and write times, people named instead of
 * referenced, and every list in a fixed order: records that tie (the same
 * start, say) are ordered by their random ids, which differ between two Tends.
 */
function comparable(backup: Backup) {
  const names = new Map(backup.connections.map((c) => [c.id, c.name]));
  const strip = (records: Record<string, unknown>[]) =>
    records
      .map(({ id, createdAt, updatedAt, ...rest }) =>
        JSON.stringify(rest, (key, value) =>
          key === 'connectionIds' ? value.map((v: string) => names.get(v) ?? v).sort() : value,
        ).replace(UUID, (v) => names.get(v) ?? '(id)'),
      )
      .sort();
  return {
    settings: backup.settings,
    connections: strip(backup.connections),
    interactions: strip(backup.interactions),
    checkins: strip(backup.checkins),
    plans: strip(backup.plans),
  };
}

function expectSame([l, r]: [RunResult, RunResult]) {
  expect(r.code, r.stderr).toBe(l.code);
  expect(normalise(r.stdout)).toBe(normalise(l.stdout));
  expect(r.stderr.replaceAll(served.url, '(server)')).toBe(l.stderr);
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'tend-cli-remote-'));
  localDir = join(scratch, 'local');
  served = await startTend(join(scratch, 'served'));
});
afterAll(async () => {
  await served?.close();
  rmSync(scratch, { recursive: true, force: true });
});

// Each step runs the real binary twice (in parallel) on a shared 2-core machine.
describe('tend with --server, against a Tend server', { timeout: 60_000 }, () => {
  it('the operations the CLI calls are the very routes the server serves, matching names alike', async () => {
    for (const id of Object.keys(OPERATION_GROUPS) as OperationId[]) {
      expect(await findRoute(id)).toBe(API_ROUTES.find((d) => d.operationId === id));
    }
    // The CLI ranks the names the server's filter found with the key that filter uses.
    for (const name of ['Zoë', 'ÅSA', 'Łukasz', 'ﬁona', 'Ｓａｍ', 'José María', 'İlker', 'ß']) {
      expect(nameKey(name)).toBe(storedNameKey(name));
    }
  });

  it('when people are added, logged, checked in and listed, the answers match the local ones', async () => {
    expectSame(
      await both(
        'people',
        'add',
        'Sam Okafor',
        '--ring',
        'inner',
        '--joy',
        'trail running',
        '--birthday',
        '1990-04-12',
        '--email',
        'sam@example.org',
        '--json',
      ),
    );
    expectSame(await both('people', 'add', 'Biscuit', '--pet', '--ring', 'inner'));
    expectSame(await both('people', 'add', 'Sami'));
    const list = await both('people', 'list');
    expectSame(list);
    expect(list[1].stdout).toMatch(/^NAME .*\nBiscuit .*\nSam Okafor .*\nSami /);
    expectSame(await both('people', 'list', '--json'));
  });

  it('when time is logged and a check-in given, names resolve and the answers match', async () => {
    // Names resolve through the list route: a unique start, and the same ambiguity.
    const logged = await both(
      'log',
      'Sam O',
      'biscuit',
      '--kind',
      'shared_meal',
      '--minutes',
      '90',
      '--at',
      '2026-03-01T18:30:00+01:00',
      '--json',
    );
    expectSame(logged);
    expect(JSON.parse(logged[1].stdout)).toMatchObject({
      startedAt: '2026-03-01T17:30:00.000Z',
      connectionIds: [expect.any(String), expect.any(String)],
    });
    const ambiguous = await both('log', 'Sa');
    expectSame(ambiguous);
    expect(ambiguous[1].code).toBe(2);
    expect(ambiguous[1].stderr).toContain('could mean');
    expectSame(
      await both('checkin', '--stress', '6', '--loneliness', '3', '--at', '2026-03-01T20:00:00Z'),
    );
    expectSame(await both('people', 'show', 'sam okafor'));
  });

  it('when today and the insights are asked for, they match the local ones', async () => {
    expectSame(await both('today', '--json'));
    expectSame(await both('today'));
    expectSame(await both('insights', '--json'));
  });

  it('when a request breaks a rule, the error and the exit code are the local ones', async () => {
    const bad = await both('people', 'add', 'Eve', '--ring', 'best');
    expectSame(bad);
    expect(bad[1].code).toBe(2);
    expect(bad[1].stderr).toMatch(/ring: Invalid option/);
    const badJson = await both('people', 'add', 'Eve', '--ring', 'best', '--json');
    expectSame(badJson);
    expect(JSON.parse(badJson[1].stderr)).toMatchObject({ error: 'validation_failed' });
    expectSame(await both('log', 'Nobody'));
    expectSame(await both('export', '--format', 'csv', '--entity', 'friends'));
  });

  it('when files are imported, the file is streamed to the server and the reports match', async () => {
    const contacts = join(FIXTURES, 'contacts', 'google.vcf');
    const dry = await both('import', contacts, '--dry-run', '--json');
    expectSame(dry);
    expect(JSON.parse(dry[1].stdout)).toMatchObject({ dryRun: true, type: 'vcard' });
    const real = await both('import', contacts);
    expectSame(real);
    expect(real[1].stdout).toMatch(/created: [1-9]\d* connections/);
    const again = await both('import', contacts, '--json');
    expectSame(again);
    expect(JSON.parse(again[1].stdout).created).toEqual({ connections: 0, interactions: 0 });
    expectSame(await both('import', join(FIXTURES, 'calendars', 'google.ics')));
    // People the chat adds get random ids, which order the report's items: compare them as sets.
    const chat = join(FIXTURES, 'chats', 'android-us-12h.txt');
    const chats = await both('import', chat, '--self', 'Me', '--create-unmatched', '--json');
    expect(chats[1].code, chats[1].stderr).toBe(0);
    const [l, r] = chats.map((run) => {
      const report = JSON.parse(run.stdout);
      return { ...report, items: report.items.map((i: unknown) => JSON.stringify(i)).sort() };
    });
    expect(r).toEqual(l);
    expect(r.created.interactions).toBeGreaterThan(0);
    const broken = join(scratch, 'broken.ics');
    writeFileSync(broken, 'not a calendar');
    const bad = await both('import', broken);
    expectSame(bad);
    expect(bad[1].code).toBe(2);
  });

  it('when exported, the backup, the CSV tables and the vCards match the local ones', async () => {
    const out = (side: string, name: string) => join(scratch, `${side}-${name}`);
    const [l, r] = await Promise.all([
      local('export', '--output', out('local', 'backup.json')),
      remote('export', '--output', out('remote', 'backup.json')),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.replace(out('remote', 'backup.json'), out('local', 'backup.json'))).toBe(
      l.stderr,
    );
    const backup = Backup.parse(JSON.parse(readFileSync(out('remote', 'backup.json'), 'utf8')));
    expect(backup.connections.map((c) => c.name)).toContain('Sam Okafor');
    const read = (side: string) =>
      comparable(Backup.parse(JSON.parse(readFileSync(out(side, 'backup.json'), 'utf8'))));
    expect(read('remote')).toEqual(read('local'));
    expectSame(await both('export', '--format', 'csv', '--entity', 'checkins'));
    expectSame(await both('export', '--format', 'vcard'));
    await Promise.all([
      local('export', '--format', 'csv', '--output', out('local', 'tables')),
      remote('export', '--format', 'csv', '--output', out('remote', 'tables')),
    ]);
    for (const table of ['connections', 'interactions', 'checkins', 'plans']) {
      const read = (side: string) =>
        readFileSync(join(out(side, 'tables'), `${table}.csv`), 'utf8').split('\r\n').length;
      expect(read('remote'), table).toBe(read('local'));
    }
  });
});

describe('tend with --server, when something is wrong', { timeout: 60_000 }, () => {
  it('when nothing answers at the address, it names the address and exits 2', async () => {
    const gone = await startFake((res) => res.end());
    await gone.close();
    const r = await runTend(['today', '--server', gone.url]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Cannot reach the Tend server at ${gone.url}`);
    expect(r.stderr).toContain('connection refused');
    const json = await runTend(['today', '--json'], { TEND_SERVER: gone.url });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: 'unreachable' });
  });

  it('when the server says nothing, it gives up after --timeout and says so', async () => {
    const silent = await startFake(() => {});
    try {
      const started = Date.now();
      const r = await runTend(['today', '--server', silent.url, '--timeout', '1']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`The Tend server at ${silent.url} did not answer within 1 s`);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await silent.close();
    }
  });

  it('after a file is sent, the server gets time in proportion to it before it answers', async () => {
    const busy = createServer((req, res) => {
      req.resume();
      // Reads all of it, then works for 2.5 s without a word.
      req.on('end', () =>
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ type: 'vcard', answered: true }));
        }, 2_500),
      );
    });
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(busy.address() as AddressInfo).port}`;
    const file = join(scratch, 'quarter-mib.vcf');
    writeFileSync(file, 'x'.repeat(256 * 1024));
    try {
      // --timeout 1, plus 10 s per MiB: 3.5 s for a quarter of a MiB.
      const r = await runTend(['import', file, '--json', '--server', url, '--timeout', '1']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ type: 'vcard', answered: true });
    } finally {
      busy.closeAllConnections();
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('when the token is refused, it says unauthorized, exits 2 and never prints the token', async () => {
    const secret = 'tend_pat_this-must-never-be-printed';
    const guard = await startFake((res) => {
      res.writeHead(401, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          type: 'urn:tend:problem:unauthorized',
          title: 'unauthorized',
          status: 401,
          detail: 'Sign in first.',
          errors: [],
        }),
      );
    });
    const tokenFile = join(scratch, 'token');
    writeFileSync(tokenFile, `${secret}\n`, { mode: 0o600 });
    try {
      const viaEnv = await runTend(['today'], { TEND_SERVER: guard.url, TEND_TOKEN: secret });
      expect(viaEnv.code).toBe(2);
      expect(viaEnv.stderr).toContain('refused the token (unauthorized)');
      const viaFile = await runTend(['people', 'list', '--json', '--token-file', tokenFile], {
        TEND_SERVER: guard.url,
      });
      expect(viaFile.code).toBe(2);
      expect(JSON.parse(viaFile.stderr)).toMatchObject({ error: 'unauthorized' });
      const upload = await runTend(
        ['import', join(FIXTURES, 'contacts', 'google.vcf'), '--server', guard.url],
        { TEND_TOKEN: secret },
      );
      expect(upload.code).toBe(2);
      expect(upload.stderr).toContain('unauthorized');
      const none = await runTend(['today', '--server', guard.url], { TEND_TOKEN: undefined });
      expect(none.stderr).toContain('needs a personal API token (unauthorized)');
      for (const r of [viaEnv, viaFile, upload, none]) {
        expect(r.stdout + r.stderr).not.toContain(secret);
      }
      // Sent as a bearer token, from the environment and from the file alike.
      expect(guard.seen.map((s) => s.authorization)).toEqual([
        `Bearer ${secret}`,
        `Bearer ${secret}`,
        `Bearer ${secret}`,
        undefined,
      ]);
    } finally {
      await guard.close();
    }
  });

  it('refuses a token on the command line, and plain http:// to another machine without --insecure', async () => {
    const flag = await runTend(['today', '--server', served.url, '--token', 'abc']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('There is no --token option');
    expect(flag.stderr).not.toContain('abc');
    const plain = await runTend(['today', '--server', 'http://192.0.2.10:4321']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('unencrypted');
    expect(plain.stderr).toContain('--insecure');
    const insecure = await runTend(
      ['today', '--server', 'http://192.0.2.10:4321', '--insecure', '--timeout', '1'],
      { TEND_TOKEN: 'tend_pat_secret' },
    );
    expect(insecure.code).toBe(2);
    expect(insecure.stderr).toContain(
      'warning: talking to http://192.0.2.10:4321 without encryption',
    );
    expect(insecure.stderr).not.toContain('tend_pat_secret');
  });

  it('refuses --server for demo and serve, and --data-dir together with a server', async () => {
    for (const command of ['demo', 'serve']) {
      const r = await runTend([command, '--server', served.url]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`tend ${command} does not take --server`);
    }
    const both = await runTend(['today', '--server', served.url, '--data-dir', localDir]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--data-dir is for local data');
  });

  it('when the address is not a Tend server, it says so', async () => {
    const web = await startFake((res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>Something else</title>');
    });
    try {
      const r = await runTend(['today', '--server', web.url]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`The server at ${web.url} did not answer like Tend`);
    } finally {
      await web.close();
    }
  });
});

describe('tend with --server, against a hosted Tend with a personal API token', {
  timeout: 60_000,
}, () => {
  let hosted: Awaited<ReturnType<typeof startTend>>;
  const PASSWORD = 'correct horse battery staple';

  /** Sign up in the browser's way, then make a token for the CLI, as a person would. */
  async function newAccount(email: string) {
    const browser = new TestClient(overHttp(hosted.url));
    await browser.signUp(email, PASSWORD);
    const created = await browser.call('POST', '/api/v1/account/tokens', { name: 'laptop CLI' });
    expect(created.status).toBe(201);
    return { browser, tokenId: created.body.id as string, token: created.body.token as string };
  }
  const as = (token: string | undefined, ...args: string[]) =>
    runTend(args, { TEND_SERVER: hosted.url, TEND_TOKEN: token, TEND_DATA_DIR: undefined });

  beforeAll(async () => {
    hosted = await startTend(join(scratch, 'hosted'), {
      config: hostedConfig({ signup: 'open', passwordCost: 10 }),
    });
  });
  afterAll(async () => {
    await hosted?.close();
  });

  it('with a token, the commands work on the account’s own data, and another account sees none of it', async () => {
    const ada = await newAccount('ada@example.org');
    const add = await as(ada.token, 'people', 'add', 'Sam Okafor', '--ring', 'inner');
    expect(add.code, add.stderr).toBe(0);
    expect((await as(ada.token, 'log', 'sam', '--minutes', '45')).code).toBe(0);
    expect((await as(ada.token, 'checkin', '--stress', '5', '--loneliness', '2')).code).toBe(0);
    const contacts = join(FIXTURES, 'contacts', 'google.vcf');
    const imported = await as(ada.token, 'import', contacts, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).created.connections).toBeGreaterThan(0);
    const today = await as(ada.token, 'today', '--json');
    expect(today.code, today.stderr).toBe(0);
    expect(JSON.parse(today.stdout)).toMatchObject({ checkedInToday: true });
    const backup = Backup.parse(JSON.parse((await as(ada.token, 'export')).stdout));
    expect(backup.connections.map((c) => c.name)).toContain('Sam Okafor');
    expect(backup.interactions).toHaveLength(1);
    expect(backup.checkins).toHaveLength(1);
    // The browser sees what the CLI wrote: one account, two ways in.
    const listed = await ada.browser.call('GET', '/api/v1/connections?limit=500');
    expect(listed.body.items).toHaveLength(backup.connections.length);

    const bo = await newAccount('bo@example.org');
    const tokenFile = join(scratch, 'bo-token');
    writeFileSync(tokenFile, bo.token, { mode: 0o600 });
    const theirs = await runTend(['people', 'list', '--json', '--token-file', tokenFile], {
      TEND_SERVER: hosted.url,
      TEND_TOKEN: undefined,
    });
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(JSON.parse(theirs.stdout)).toEqual([]);
    const notTheirs = await runTend(['log', 'Sam', '--token-file', tokenFile], {
      TEND_SERVER: hosted.url,
    });
    expect(notTheirs.code).toBe(2);
    expect(notTheirs.stderr).toContain('No connection named "Sam"');
  });

  it('without a token, or with a revoked or made-up one, it says unauthorized and exits 2', async () => {
    const cy = await newAccount('cy@example.org');
    expect((await as(cy.token, 'people', 'list')).code).toBe(0);
    const none = await as(undefined, 'people', 'list');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs a personal API token (unauthorized)');
    const madeUp = await as(`${cy.token}x`, 'today');
    expect(madeUp.code).toBe(2);
    expect(madeUp.stderr).toContain('refused the token (unauthorized)');
    const revoked = await cy.browser.call('DELETE', `/api/v1/account/tokens/${cy.tokenId}`);
    expect(revoked.status).toBe(204);
    const after = await as(cy.token, 'people', 'add', 'Kim');
    expect(after.code).toBe(2);
    expect(after.stderr).toContain('refused the token (unauthorized)');
    const upload = await as(cy.token, 'import', join(FIXTURES, 'contacts', 'google.vcf'));
    expect(upload.code).toBe(2);
    expect(upload.stderr).toContain('unauthorized');
    for (const r of [none, madeUp, after, upload]) {
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toContain(cy.token);
    }
    // Nothing was written by the refused token.
    expect((await cy.browser.call('GET', '/api/v1/connections')).body.items).toEqual([]);
  });
});
