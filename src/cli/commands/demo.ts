import { restoreBackup } from '../../app/backup.usecases.js';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../core/backup.schemas.js';
import { generateDemo } from '../../core/demo/index.js';
import { intOption, parse } from '../args.js';
import { withTend } from '../context.js';
import type { Output } from '../output.js';

export const DEMO_HELP = `Usage:
  tend demo [--seed N] [--data-dir DIR]

Fills an empty Tend with a realistic, made-up year: about 25 people and a pet,
1,500 interactions, 300 check-ins and some plans. The same seed always gives
the same year. Use a fresh --data-dir to keep it apart from your own data.`;

export async function demoCommand(argv: string[], out: Output): Promise<void> {
  const { values } = parse('demo', argv, { seed: { type: 'string', default: '1' } });
  if (values.help) {
    out.result({ usage: DEMO_HELP }, () => DEMO_HELP);
    return;
  }
  const seed = intOption('seed', values.seed, 0, 2 ** 31 - 1) ?? 1;
  await withTend(values['data-dir'], async ({ ctx, database }) => {
    const settings = await ctx.store.settings();
    const now = ctx.clock();
    const demo = generateDemo({ seed, now, timeZone: settings.timeZone });
    out.note(
      `Writing a demo year into ${database.location} …${process.env.TEND_SERVER ? ' (TEND_SERVER is set, but tend demo fills local data only)' : ''}`,
    );
    const summary = await restoreBackup(ctx, {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      ...demo,
      settings: { ...demo.settings, timeZone: settings.timeZone },
    });
    out.result(
      { seed, ...summary },
      () =>
        `Demo year written (seed ${seed}): ${summary.connections} connections, ${summary.interactions} interactions, ${summary.checkins} check-ins, ${summary.plans} plans.\nRun \`tend serve${values['data-dir'] ? ` --data-dir ${values['data-dir']}` : ''}\` and open the address it prints.`,
    );
  });
}
