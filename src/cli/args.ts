import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './output.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  // A Tend server instead of local data (see target.ts); the token never comes from a flag.
  server: { type: 'string' },
  'token-file': { type: 'string' },
  insecure: { type: 'boolean', default: false },
  timeout: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** parseArgs with errors that name the command and point at its help. */
export function parse<O extends Options>(command: string, argv: string[], options: O) {
  if (argv.some((a) => a === '--token' || a.startsWith('--token='))) {
    throw new UsageError(
      'There is no --token option: a token on the command line stays in shell history and shows in `ps`.',
      'Set TEND_TOKEN, or put the token in a file only you can read and pass --token-file FILE.',
    );
  }
  try {
    return parseArgs({
      args: argv,
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(
      (error as Error).message.replace(/^TypeError \[.*?\]: /, ''),
      `Run \`tend ${command} --help\` for usage.`,
    );
  }
}

export function intOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim()))
    throw new UsageError(`--${name} must be a whole number, not "${value}".`);
  const n = Number(value);
  if (n < min || n > max)
    throw new UsageError(`--${name} must be between ${min} and ${max}, not ${n}.`);
  return n;
}
