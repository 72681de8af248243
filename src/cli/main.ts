import { packageVersion } from '../app/package-info.js';
import { GLOBAL_OPTIONS } from './args.js';
import { createOutput, type Output, reportError, UsageError } from './output.js';

const HELP = `tend — keep the ties that buffer stress alive

Usage: tend COMMAND [options]

Commands:
  serve        run the web app and API (default http://127.0.0.1:4321)
  people       add, list and show the people and pets in your circle
  log          log time together: tend log Sam --channel in_person --minutes 90
  checkin      a quick stress and loneliness check-in
  today        today's states, alerts and whom to reach out to
  insights     what goes with calmer days (association, not cause)
  import       contacts, calendars, chats and backups: tend import FILE [--dry-run]
  export       a complete backup as JSON, CSV tables or vCards
  demo         fill an empty Tend with a realistic demo year
  invite       hosted mode: make a one-time sign-up code (for the operator)

Options for every command:
  --data-dir DIR   where data lives (default $TEND_DATA_DIR or ~/.local/share/tend)
  --json           machine-readable output
  -h, --help       help for a command
  -v, --version    the version

Set DATABASE_URL=postgres://… to use PostgreSQL instead of the local SQLite file.

A Tend server instead of local data (people, log, checkin, today, insights,
import, export; demo and serve work on this machine only):
  --server URL         the server's address (or set TEND_SERVER)
  --token-file FILE    read your personal API token from FILE (or set TEND_TOKEN);
                       there is no --token: it would stay in shell history
  --insecure           allow http:// to another machine (the token travels unencrypted)
  --timeout SECONDS    how long a silent server is waited for (default 30)

Tend is not medical advice. If you are in crisis, contact local emergency services.`;

type Command = (argv: string[], out: Output) => Promise<void>;

/** Commands that work on this machine's data only, and why, for a --server given to them. */
const LOCAL_ONLY: Record<string, string> = {
  serve: 'it serves the data on this machine; run it where the data lives.',
  demo: 'it fills a local, empty Tend (try --data-dir /tmp/tend-demo).',
  invite: 'it writes to the server’s own database; run it where the server runs.',
};

/** Loaded on demand, so a quick `tend log` never loads the web server. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  people: async () => (await import('./commands/people.js')).peopleCommand,
  log: async () => (await import('./commands/log.js')).logCommand,
  checkin: async () => (await import('./commands/checkin.js')).checkinCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
  invite: async () => (await import('./commands/invite.js')).inviteCommand,
  today: async () => (await import('./commands/today.js')).todayCommand,
  import: async () => (await import('./commands/import.js')).importCommand,
  insights: async () => (await import('./commands/insights.js')).insightsCommand,
};

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const out = createOutput(json);
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      out.result({ usage: HELP, commands: Object.keys(COMMANDS) }, () => HELP);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      out.result({ version: packageVersion() }, () => packageVersion());
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) {
      const options = Object.keys(GLOBAL_OPTIONS).map((o) => `--${o}`);
      throw new UsageError(
        options.includes(command)
          ? `Put ${command} after the command.`
          : `Unknown command "${command}".`,
        'Run `tend --help` for the list of commands.',
      );
    }
    const localOnly = LOCAL_ONLY[command];
    if (localOnly && rest.some((a) => /^--(server|token-file)(=|$)/.test(a))) {
      throw new UsageError(`tend ${command} does not take --server: ${localOnly}`);
    }
    await (await load())(rest, out);
    return 0;
  } catch (error) {
    return reportError(error, json);
  }
}
