import { readFileSync, statSync } from 'node:fs';
import { intOption } from './args.js';
import { UsageError } from './output.js';

/** The options that say where a command's data is. */
export interface TargetOptions {
  'data-dir'?: string | undefined;
  server?: string | undefined;
  'token-file'?: string | undefined;
  insecure?: boolean | undefined;
  timeout?: string | undefined;
}

export type Target =
  | { kind: 'local'; dataDir: string | undefined }
  | {
      kind: 'remote';
      /** The server's address, without credentials, query or trailing slash. */
      server: string;
      /** Never printed: not in errors, notes or logs. */
      token: string | undefined;
      timeoutMs: number;
    };

export const DEFAULT_TIMEOUT_SECONDS = 30;

const LOOPBACK_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

/**
 * Local data unless `--server URL` or TEND_SERVER names a Tend server; then
 * the token comes from `--token-file FILE` or TEND_TOKEN (never a flag, which
 * shell history and `ps` would keep).
 */
export function resolveTarget(
  values: TargetOptions,
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
): Target {
  const fromFlag = values.server !== undefined;
  const text = (values.server ?? env.TEND_SERVER ?? '').trim();
  if (!text) {
    if (values['token-file'] !== undefined) {
      throw new UsageError(
        '--token-file is for a Tend server: add --server URL (or set TEND_SERVER).',
      );
    }
    if (fromFlag) throw new UsageError('--server needs an address, like https://tend.example.org.');
    return { kind: 'local', dataDir: values['data-dir'] };
  }
  if (values['data-dir'] !== undefined) {
    throw new UsageError(
      fromFlag
        ? '--data-dir is for local data; with --server the data lives on the server.'
        : '--data-dir is for local data, but TEND_SERVER names a Tend server.',
      fromFlag ? undefined : 'To use local data, unset it for this command: TEND_SERVER= tend …',
    );
  }
  const server = parseServer(text);
  const secure = server.startsWith('https:') || LOOPBACK_HOST.test(new URL(server).hostname);
  if (!secure) {
    if (!values.insecure) {
      throw new UsageError(
        `${server} is plain http:// to another machine, so your token and your data would cross the network unencrypted.`,
        'Use its https:// address; or, on a network you trust, add --insecure to accept that.',
      );
    }
    warn(
      `tend: warning: talking to ${server} without encryption (--insecure): the token and your data can be read on the way.`,
    );
  }
  return {
    kind: 'remote',
    server,
    token: readToken(values['token-file'], env, warn),
    timeoutMs: (intOption('timeout', values.timeout, 1, 3600) ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
  };
}

function parseServer(text: string): string {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new UsageError(
      `The server address must look like https://tend.example.org, not "${text}".`,
    );
  }
  if (url.username || url.password) {
    // Said without the address: it holds a secret.
    throw new UsageError(
      'The server address holds a user name or password; give the token in TEND_TOKEN or a --token-file instead.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(
      `The server address must start with https:// (or http://), not ${url.protocol}//.`,
    );
  }
  if (url.search || url.hash) {
    throw new UsageError('The server address cannot have a query (?…) or a fragment (#…).');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A token is sent as an HTTP header, so it must be printable ASCII without spaces. */
const TOKEN_TEXT = /^[\x21-\x7e]+$/;

function readToken(
  file: string | undefined,
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): string | undefined {
  let token: string;
  let source: string;
  if (file !== undefined) {
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `Cannot read the token file ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}.`,
      );
    }
    source = `the token file ${file}`;
    try {
      if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
        warn(`tend: warning: other users can read ${file}; make it yours alone: chmod 600 ${file}`);
      }
    } catch {
      // Read above; a race here only loses the warning.
    }
  } else {
    token = (env.TEND_TOKEN ?? '').trim();
    source = 'TEND_TOKEN';
  }
  if (!token) {
    if (file !== undefined) throw new UsageError(`The token file ${file} is empty.`);
    return undefined;
  }
  if (!TOKEN_TEXT.test(token)) {
    // Never echo it: say only where it came from.
    throw new UsageError(
      `The token in ${source} has characters a token cannot have (spaces, line breaks or non-ASCII); is it the right ${file !== undefined ? 'file' : 'value'}?`,
    );
  }
  return token;
}
