import { createReadStream, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { IMPORT_TYPES, type ImportReport, type ImportType } from '../../app/import.report.js';
import { parse } from '../args.js';
import { withApi } from '../context.js';
import { type Output, UsageError } from '../output.js';

export const IMPORT_HELP = `Usage:
  tend import FILE [--type ${IMPORT_TYPES.join('|')}] [--dry-run]
                   [--create-unmatched] [--self NAME|PHONE|EMAIL]... [--date-order DMY|MDY|YMD]

Brings in what you already have, without duplicates; re-importing a file
changes only what is new. Each import is all or nothing.
  vcard     contacts (.vcf) from Google, Apple or Outlook
  csv       contacts from Google's CSV export or Tend's template (docs/import-csv-template.md)
  ical      past meetings (.ics) with your connections become interactions
  whatsapp  an exported WhatsApp chat (.txt): messages per person and day
  sms       an Android "SMS Backup & Restore" XML file (messages or calls)
  backup    a Tend JSON backup, into an empty Tend

--dry-run shows what would be created, updated and skipped, and why.
--create-unmatched adds people the file names who match no connection.
--self names you as the file does, so your own messages are not a person.`;

const GUESS: Record<string, ImportType> = {
  '.vcf': 'vcard',
  '.vcard': 'vcard',
  '.csv': 'csv',
  '.ics': 'ical',
  '.ical': 'ical',
  '.txt': 'whatsapp',
  '.xml': 'sms',
  '.json': 'backup',
};

/** A progress bar on stderr for long files, only when a person is watching. */
function progress(total: number) {
  const show = process.stderr.isTTY && total > 5 * 1024 * 1024;
  let last = -1;
  return {
    update(done: number) {
      if (!show) return;
      const pct = Math.min(100, Math.floor((done / total) * 100));
      if (pct === last) return;
      last = pct;
      const filled = Math.round(pct / 4);
      process.stderr.write(`\r  reading [${'#'.repeat(filled)}${' '.repeat(25 - filled)}] ${pct}%`);
    },
    end() {
      if (show) process.stderr.write('\n');
    },
  };
}

async function* counted(path: string, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  let done = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    done += (chunk as Buffer).byteLength;
    onBytes(done);
    yield chunk as Buffer;
  }
}

export function formatReport(r: ImportReport): string {
  const lines = [
    `${r.dryRun ? 'Dry run: nothing was written. ' : ''}${r.type} import`,
    `  ${r.dryRun ? 'would create' : 'created'}: ${r.created.connections} connections, ${r.created.interactions} interactions`,
    `  ${r.dryRun ? 'would update' : 'updated'}: ${r.updated.connections} connections, ${r.updated.interactions} interactions`,
    `  skipped: ${r.skipped}`,
  ];
  const skips = r.items.filter((i) => i.action === 'skip');
  if (skips.length) {
    lines.push('', 'Skipped:');
    for (const i of skips.slice(0, 15))
      lines.push(`  ${i.line ? `line ${i.line}: ` : ''}${i.label} — ${i.reason}`);
    if (r.skipped > 15) lines.push(`  … and ${r.skipped - 15} more (--json lists up to 500)`);
  }
  if (r.unmatched.length) {
    lines.push(
      '',
      'Not matched to anyone (add them with --create-unmatched, or add phones/emails to your connections):',
    );
    for (const u of r.unmatched.slice(0, 15))
      lines.push(`  ${[u.name, u.phone, u.email].filter(Boolean).join(', ')} — ${u.records}`);
  }
  for (const w of r.warnings.slice(0, 10)) lines.push(`note: ${w}`);
  return lines.join('\n');
}

export async function importCommand(argv: string[], out: Output): Promise<void> {
  const { values, positionals } = parse('import', argv, {
    type: { type: 'string', short: 't' },
    'dry-run': { type: 'boolean', default: false },
    'create-unmatched': { type: 'boolean', default: false },
    self: { type: 'string', multiple: true },
    'date-order': { type: 'string' },
  });
  if (values.help) {
    out.result({ usage: IMPORT_HELP }, () => IMPORT_HELP);
    return;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError('Give one file: tend import FILE', IMPORT_HELP);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`Cannot read ${file}: no such file.`);
  }
  const type = (values.type ?? GUESS[extname(file).toLowerCase()]) as ImportType | undefined;
  if (!type || !IMPORT_TYPES.includes(type)) {
    throw new UsageError(
      `Say what kind of file ${basename(file)} is: --type ${IMPORT_TYPES.join('|')}.`,
    );
  }
  const order = values['date-order'];
  if (order !== undefined && order !== 'DMY' && order !== 'MDY' && order !== 'YMD') {
    throw new UsageError(`--date-order must be DMY, MDY or YMD, not "${order}".`);
  }
  const self = values.self ?? [];
  if (self.some((s) => s.includes(','))) {
    throw new UsageError('--self takes one name, number or email; repeat --self for each.');
  }
  await withApi(values, async (api) => {
    const bar = progress(size);
    const report = await api
      .call('importFile', {
        query: {
          type,
          fileName: basename(file),
          dryRun: values['dry-run'],
          createUnmatched: values['create-unmatched'],
          self: self.length ? self.join(',') : undefined,
          dateOrder: order,
        },
        stream: counted(file, bar.update),
        size,
      })
      .finally(() => bar.end());
    out.result(report, () => formatReport(report));
  });
}
