import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSV_ENTITIES } from '../../app/export.usecases.js';
import { parse } from '../args.js';
import { withApi } from '../context.js';
import { type Output, UsageError } from '../output.js';

export const EXPORT_HELP = `Usage:
  tend export [--format json] [--output FILE]
  tend export --format csv --entity connections|interactions|checkins|plans [--output FILE]
  tend export --format csv --output DIR
  tend export --format vcard [--output FILE]

json   a complete, versioned backup of everything (restore with tend import FILE)
csv    one table per entity; with a directory, all four tables into it
vcard  every connection as vCard 4.0, for any address book`;

export async function exportCommand(argv: string[], out: Output): Promise<void> {
  const { values } = parse('export', argv, {
    format: { type: 'string', short: 'f', default: 'json' },
    output: { type: 'string', short: 'o' },
    entity: { type: 'string', short: 'e' },
  });
  if (values.help) {
    out.result({ usage: EXPORT_HELP }, () => EXPORT_HELP);
    return;
  }
  const { format, output, entity } = values;
  if (format !== 'json' && format !== 'csv' && format !== 'vcard') {
    throw new UsageError(`--format must be json, csv or vcard, not "${format}".`);
  }
  await withApi(values, async (api) => {
    const csv = (name: string) => api.call('exportCsv', { params: { entity: name } });
    // Private data: files readable by the owner only.
    const write = (path: string, text: string) => writeFileSync(path, text, { mode: 0o600 });
    if (format === 'csv') {
      if (entity) {
        const text = await csv(entity);
        if (output) write(output, text);
        else process.stdout.write(text);
        return;
      }
      if (!output)
        throw new UsageError(
          'Say which table (--entity) or give a folder for all four (--output DIR).',
        );
      mkdirSync(output, { recursive: true });
      for (const name of CSV_ENTITIES) write(join(output, `${name}.csv`), await csv(name));
      out.note(`Wrote ${CSV_ENTITIES.map((n) => `${n}.csv`).join(', ')} to ${output}.`);
      return;
    }
    if (format === 'vcard') {
      const text = await api.call('exportVCards');
      if (output) write(output, text);
      else process.stdout.write(text);
      return;
    }
    const backup = await api.call('exportBackup');
    const text = `${JSON.stringify(backup, null, 2)}\n`;
    if (output) {
      write(output, text);
      out.note(
        `Wrote ${output}: ${backup.connections.length} connections, ${backup.interactions.length} interactions, ${backup.checkins.length} check-ins, ${backup.plans.length} plans.`,
      );
    } else {
      process.stdout.write(text);
    }
  });
}
