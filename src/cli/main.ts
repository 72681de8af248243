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

Options for every command:
  --data-dir DIR   where data lives (default $TEND_DATA_DIR or ~/.local/share/tend)
  --json           machine-readable output
  -h, --help       help for a command
  -v, --version    the version

Set DATABASE_URL=postgres://… to use PostgreSQL instead of the local SQLite file.
Tend is not medical advice. If you are in crisis, contact local emergency services.`;

type Command = (argv: string[], out: Output) => Promise<void>;

/** Loaded on demand, so a quick `tend log` never loads the web server. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  people: async () => (await import('./commands/people.js')).peopleCommand,
  log: async () => (await import('./commands/log.js')).logCommand,
  checkin: async () => (await import('./commands/checkin.js')).checkinCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
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
    await (await load())(rest, out);
    return 0;
  } catch (error) {
    return reportError(error, json);
  }
}
