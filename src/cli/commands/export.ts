import { writeFileSync } from 'node:fs';
import { exportBackup } from '../../app/backup.usecases.js';
import { parse } from '../args.js';
import { withTend } from '../context.js';
import { type Output, UsageError } from '../output.js';

export const EXPORT_HELP = `Usage:
  tend export [--format json] [--output FILE]

Writes a complete, versioned backup of everything in Tend (settings, people,
interactions, check-ins, plans) to stdout, or to FILE.`;

export async function exportCommand(argv: string[], out: Output): Promise<void> {
  const { values } = parse('export', argv, {
    format: { type: 'string', short: 'f', default: 'json' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) {
    out.result({ usage: EXPORT_HELP }, () => EXPORT_HELP);
    return;
  }
  if (values.format !== 'json') {
    throw new UsageError(`--format ${values.format} is not supported yet; use --format json.`);
  }
  await withTend(values['data-dir'], async ({ ctx }) => {
    const backup = await exportBackup(ctx);
    const text = `${JSON.stringify(backup, null, 2)}\n`;
    if (values.output) {
      // Private data: readable by the owner only.
      writeFileSync(values.output, text, { mode: 0o600 });
      out.note(
        `Wrote ${values.output}: ${backup.connections.length} connections, ${backup.interactions.length} interactions, ${backup.checkins.length} check-ins, ${backup.plans.length} plans.`,
      );
    } else {
      process.stdout.write(text);
    }
  });
}
