import { hostedOptionsFromEnv } from '../../server/config.js';
import { mailerFromEnv } from '../../server/mailer.js';
import { startServer } from '../../server/serve.js';
import { intOption, parse } from '../args.js';
import type { Output } from '../output.js';

export const SERVE_HELP = `Usage:
  tend serve [--port 4321] [--host 127.0.0.1] [--data-dir DIR]

Serves the web app and the API. Data lives in DIR (default: $TEND_DATA_DIR,
else $XDG_DATA_HOME/tend, else ~/.local/share/tend); set DATABASE_URL to a
postgres:// URL to use PostgreSQL instead.

Local mode (the default) has one user and no login, so it listens only on
this machine. TEND_MODE=hosted serves many people with accounts and may
listen on any address; see docs/deployment.md for its settings
(TEND_SIGNUP, TEND_PUBLIC_URL, TEND_TRUST_PROXY, TEND_SMTP_URL, …).`;

export async function serveCommand(argv: string[], out: Output): Promise<void> {
  const { values } = parse('serve', argv, {
    port: { type: 'string', short: 'p', default: process.env.PORT ?? '4321' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
  });
  if (values.help) {
    out.result({ usage: SERVE_HELP }, () => SERVE_HELP);
    return;
  }
  const hosted = hostedOptionsFromEnv(process.env);
  // Checked at start even in local mode, so a typo is not found weeks later.
  const mailer = mailerFromEnv(process.env);
  if (mailer && !hosted) {
    out.note('TEND_SMTP_URL is set, but reminder digests are sent in hosted mode only.');
    mailer.close();
  }
  const server = await startServer({
    hosted: hosted && { ...hosted, mail: mailer },
    mailer: hosted ? mailer : undefined,
    port: intOption('port', values.port, 0, 65_535) ?? 4321,
    host: values.host,
    dataDir: values['data-dir'],
    databaseUrl: process.env.DATABASE_URL,
  });
  out.result(
    { url: server.url, mode: hosted ? 'hosted' : 'local' },
    () => `Tend${hosted ? ' (hosted mode)' : ''} is listening on ${server.url}  (Ctrl+C to stop)`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
